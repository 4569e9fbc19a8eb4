import { z } from "zod";
import { registerKind } from "../kind.js";

const SnsSettings = z
  .strictObject({
    /** The AWS Region whose SNS sends, e.g. eu-west-1 (SMS is offered in a subset of Regions). */
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "an AWS Region such as eu-west-1"),
    /** An alphanumeric sender ID: 1 to 11 letters and digits, at least one letter (AWS's rule). */
    sender_id: z
      .string()
      .regex(/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/, "1 to 11 letters and digits, at least one letter")
      .optional(),
    /** A number of the account's (E.164) to send from, where the destination takes numbers. */
    origination_number: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, "an E.164 number such as +12065550100")
      .optional(),
    /** The most, in USD, one SMS may cost; SNS does not send dearer ones. */
    max_price_usd: z.coerce.number().positive().optional(),
    /** Another endpoint than SNS's regional one: a VPC endpoint, a test server. */
    endpoint: z.url({ protocol: /^https?$/ }).optional(),
    access_key_id: z.string().min(16).optional(),
    secret_access_key: z.string().min(1).optional(),
    session_token: z.string().min(1).optional(),
    timeout_ms: z.coerce.number().int().positive().default(10_000),
  })
  .superRefine((s, check) => {
    if ((s.access_key_id === undefined) !== (s.secret_access_key === undefined))
      check.addIssue({
        code: "custom",
        path: [s.access_key_id === undefined ? "access_key_id" : "secret_access_key"],
        message:
          "access_key_id and secret_access_key go together (or neither, for the default credential chain)",
      });
    if (s.session_token !== undefined && s.access_key_id === undefined)
      check.addIssue({
        code: "custom",
        path: ["session_token"],
        message: "needs access_key_id and secret_access_key",
      });
  });

export const snsKind = registerKind({
  type: "sns",
  settings: SnsSettings,
  describe: (s) =>
    `Amazon SNS in ${s.region}${s.endpoint ? ` at ${new URL(s.endpoint).origin}` : ""}` +
    `${s.sender_id ? ` as ${s.sender_id}` : ""}, ` +
    (s.access_key_id
      ? `access key ${s.access_key_id.slice(0, 4)}…${s.access_key_id.slice(-4)}`
      : "default credential chain"),
  timeoutMs: (s) => s.timeout_ms,
  receipts: () => "none",
  create: async (s, context) => {
    const { createSnsProvider } = await import("./sns-provider.js");
    return createSnsProvider(
      {
        region: s.region,
        senderId: s.sender_id,
        originationNumber: s.origination_number,
        maxPriceUsd: s.max_price_usd,
        endpoint: s.endpoint,
        credentials:
          s.access_key_id !== undefined && s.secret_access_key !== undefined
            ? {
                accessKeyId: s.access_key_id,
                secretAccessKey: s.secret_access_key,
                sessionToken: s.session_token,
              }
            : undefined,
        timeoutMs: s.timeout_ms,
      },
      context,
    );
  },
});
