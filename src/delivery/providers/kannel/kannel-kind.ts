import { z } from "zod";
import { registerKind } from "../kind.js";
import { createKannelProvider } from "./kannel-provider.js";

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
});

export const kannelKind = registerKind({
  type: "kannel",
  settings: KannelSettings,
  describe: (s) => `Kannel smsbox at ${new URL(s.sendsms_url).origin} as user ${s.username}`,
  timeoutMs: (s) => s.timeout_ms,
  create: (s, context) =>
    createKannelProvider(
      {
        sendsmsUrl: s.sendsms_url,
        username: s.username,
        password: s.password,
        from: s.from,
        timeoutMs: s.timeout_ms,
      },
      context,
    ),
});
