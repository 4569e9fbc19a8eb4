import { z } from "zod";
import { registerKind } from "../kind.js";

/** Patterns of the 2010-04-01 OpenAPI description (twilio/twilio-oai, spec/json/twilio_api_v2010.json). */
const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;

const TwilioSettings = z
  .strictObject({
    account_sid: z.string().regex(ACCOUNT_SID, "an account SID: AC and 32 hex digits"),
    /** The account's auth token: the send's password, unless an API key is given; always what signs callbacks. */
    auth_token: z.string().min(1).optional(),
    api_key_sid: z.string().regex(API_KEY_SID, "an API key SID: SK and 32 hex digits").optional(),
    api_key_secret: z.string().min(1).optional(),
    /** A Twilio number (E.164), short code or alphanumeric sender ID of the account. */
    from: z.string().min(1).optional(),
    messaging_service_sid: z
      .string()
      .regex(MESSAGING_SERVICE_SID, "a Messaging Service SID: MG and 32 hex digits")
      .optional(),
    base_url: z.url({ protocol: /^https?$/ }).default("https://api.twilio.com"),
    timeout_ms: z.coerce.number().int().positive().default(10_000),
  })
  .superRefine((s, ctx) => {
    if ((s.from === undefined) === (s.messaging_service_sid === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["from"],
        message: "give exactly one of from and messaging_service_sid",
      });
    }
    if ((s.api_key_sid === undefined) !== (s.api_key_secret === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [s.api_key_sid === undefined ? "api_key_sid" : "api_key_secret"],
        message: "api_key_sid and api_key_secret go together",
      });
    }
    if (s.auth_token === undefined && s.api_key_sid === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["auth_token"],
        message: "give auth_token, or api_key_sid and api_key_secret",
      });
    }
  });

export const twilioKind = registerKind({
  type: "twilio",
  settings: TwilioSettings,
  describe: (s) => {
    const as = s.api_key_sid ? `API key ${s.api_key_sid}` : "its auth token";
    const sender = s.messaging_service_sid
      ? `messaging service ${s.messaging_service_sid}`
      : `from ${s.from}`;
    const receipts = s.auth_token ? "" : "; status callbacks off (no auth_token to check their signature)";
    return `Twilio at ${new URL(s.base_url).origin}, account ${s.account_sid} with ${as}, ${sender}${receipts}`;
  },
  timeoutMs: (s) => s.timeout_ms,
  receipts: (s) => (s.auth_token === undefined ? "none" : "callbacks"),
  create: async (s, context) => {
    const { createTwilioProvider } = await import("./twilio-provider.js");
    return createTwilioProvider(
      {
        accountSid: s.account_sid,
        // The superRefine guarantees an API key pair or an auth token.
        username: s.api_key_sid ?? s.account_sid,
        password: s.api_key_secret ?? s.auth_token ?? "",
        signingToken: s.auth_token ?? null,
        sender: s.messaging_service_sid
          ? { messagingServiceSid: s.messaging_service_sid }
          : { from: s.from ?? "" },
        baseUrl: s.base_url,
        timeoutMs: s.timeout_ms,
      },
      context,
    );
  },
});
