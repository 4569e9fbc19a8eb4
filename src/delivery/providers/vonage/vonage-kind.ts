import { z } from "zod";
import { registerKind } from "../kind.js";
import { VONAGE_SIGNATURE_METHODS } from "./vonage-signature.js";

const VonageSettings = z
  .strictObject({
    api_key: z.string().min(1),
    /** Optional when `signature_secret` is set: requests are then signed instead. */
    api_secret: z.string().min(1).optional(),
    /** A number, or an alphanumeric sender id of up to 11 characters where the country allows one. */
    from: z
      .string()
      .regex(
        /^(\+?\d{1,15}|[A-Za-z0-9 ]{1,11})$/,
        "a number (up to 15 digits) or up to 11 letters and digits",
      ),
    /** The account's signature secret: receipts must then carry a valid `sig`. */
    signature_secret: z.string().min(1).optional(),
    /** The dashboard's "signature method"; Vonage's default is MD5 hash. */
    signature_method: z.enum(VONAGE_SIGNATURE_METHODS).default("md5hash"),
    base_url: z.url({ protocol: /^https?$/ }).default("https://rest.nexmo.com"),
    timeout_ms: z.coerce.number().int().positive().default(10_000),
  })
  .refine((s) => s.api_secret !== undefined || s.signature_secret !== undefined, {
    path: ["api_secret"],
    message: "required unless signature_secret is set (requests are then signed)",
  });

export const vonageKind = registerKind({
  type: "vonage",
  settings: VonageSettings,
  describe: (s) =>
    `Vonage SMS API at ${new URL(s.base_url).origin} with key ${s.api_key}, ` +
    `${s.api_secret === undefined ? "signed requests" : "api secret"}, ` +
    `receipts ${s.signature_secret === undefined ? "by callback token" : `signed (${s.signature_method})`}`,
  timeoutMs: (s) => s.timeout_ms,
  receipts: () => "callbacks",
  create: async (s, context) => {
    const { createVonageProvider } = await import("./vonage-provider.js");
    return createVonageProvider(
      {
        baseUrl: s.base_url,
        apiKey: s.api_key,
        apiSecret: s.api_secret,
        signatureSecret: s.signature_secret,
        signatureMethod: s.signature_method,
        from: s.from,
        timeoutMs: s.timeout_ms,
      },
      context,
    );
  },
});
