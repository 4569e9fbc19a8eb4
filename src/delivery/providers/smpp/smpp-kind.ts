import { z } from "zod";
import { registerKind } from "../kind.js";
import { smppSendTimeoutMs } from "./smpp-timeouts.js";

const booleanSetting = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((value) => value === true || value === "true" || value === "1");

const SmppSettings = z.strictObject({
  host: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65_535).default(2775),
  /** bind_transceiver's system_id (at most 15 characters, SMPP 3.4 §5.2.1). */
  system_id: z.string().min(1).max(15),
  /** At most 8 characters (§5.2.2). */
  password: z.string().max(8).default(""),
  system_type: z.string().max(12).default(""),
  /** The sender: a number (TON 1, NPI 1) or up to 11 letters and digits (TON 5). Unset, the SMSC's default. */
  source_addr: z
    .string()
    .regex(/^(\+?\d{1,15}|[A-Za-z0-9 ]{1,11})$/, "a number (up to 15 digits) or up to 11 letters and digits")
    .optional(),
  tls: booleanSetting.default(false),
  /** Requests sent and not yet answered, at most; sends wait for room. */
  window: z.coerce.number().int().min(1).max(1_000).default(10),
  enquire_link_seconds: z.coerce.number().int().min(1).default(30),
  response_timeout_ms: z.coerce.number().int().positive().default(10_000),
  reconnect_max_seconds: z.coerce.number().int().min(1).default(60),
});

export const smppKind = registerKind({
  type: "smpp",
  settings: SmppSettings,
  describe: (s) => `SMPP ${s.tls ? "over TLS " : ""}at ${s.host}:${s.port} as system_id ${s.system_id}`,
  timeoutMs: (s) => smppSendTimeoutMs(s.response_timeout_ms),
  receipts: () => "connection",
  create: async (s, context) => {
    const { createSmppProvider } = await import("./smpp-provider.js");
    return createSmppProvider(
      {
        host: s.host,
        port: s.port,
        tls: s.tls,
        systemId: s.system_id,
        password: s.password,
        systemType: s.system_type,
        sourceAddr: s.source_addr,
        window: s.window,
        enquireLinkMs: s.enquire_link_seconds * 1_000,
        responseTimeoutMs: s.response_timeout_ms,
        reconnectInitialMs: 1_000,
        reconnectMaxMs: s.reconnect_max_seconds * 1_000,
      },
      context,
    );
  },
});
