import { z } from "zod";
import { registerKind } from "../kind.js";
import { DEFAULT_KANNEL_DLR_MASK, KANNEL_DLR } from "./kannel-receipts.js";

const FINAL_TYPES = KANNEL_DLR.delivered | KANNEL_DLR.undelivered | KANNEL_DLR.smscRejected;

const KannelSettings = z.strictObject({
  /** smsbox's sendsms interface, e.g. http://127.0.0.1:13013/cgi-bin/sendsms. */
  sendsms_url: z.url({ protocol: /^https?$/ }),
  /** A `sendsms-user` of smsbox. */
  username: z.string().min(1),
  password: z.string().min(1),
  /** The sender (`from`): a number, or up to 11 letters and digits. Unset, Kannel's default sender. */
  from: z
    .string()
    .regex(/^(\+?\d{1,15}|[A-Za-z0-9 ]{1,11})$/, "a number (up to 15 digits) or up to 11 letters and digits")
    .optional(),
  timeout_ms: z.coerce.number().int().positive().default(10_000),
  /**
   * The `dlr-mask` sent with each message when a public URL is set: 1 delivered, 2 undelivered,
   * 4 buffered, 8 accepted by the SMSC, 16 rejected by the SMSC. 0 asks for no receipts.
   */
  dlr_mask: z.coerce
    .number()
    .int()
    .min(0)
    .max(31)
    .refine(
      (mask) => mask === 0 || (mask & FINAL_TYPES) !== 0,
      "0, or a mask with 1, 2 or 16 (a final state)",
    )
    .default(DEFAULT_KANNEL_DLR_MASK),
});

export const kannelKind = registerKind({
  type: "kannel",
  settings: KannelSettings,
  describe: (s) => `Kannel smsbox at ${new URL(s.sendsms_url).origin} as user ${s.username}`,
  timeoutMs: (s) => s.timeout_ms,
  receipts: (s) => (s.dlr_mask === 0 ? "none" : "callbacks"),
  create: async (s, context) => {
    const { createKannelProvider } = await import("./kannel-provider.js");
    return createKannelProvider(
      {
        sendsmsUrl: s.sendsms_url,
        username: s.username,
        password: s.password,
        from: s.from,
        timeoutMs: s.timeout_ms,
        dlrMask: s.dlr_mask,
      },
      context,
    );
  },
});
