import { z } from "zod";
import { registerKind } from "../kind.js";

const WebhookSettings = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  /** A Standard Webhooks secret, `whsec_` and base64. */
  secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, "a Standard Webhooks secret: whsec_ and base64"),
  timeout_ms: z.coerce.number().int().positive().default(10_000),
});

export const webhookKind = registerKind({
  type: "webhook",
  settings: WebhookSettings,
  describe: (s) => `signed webhook to ${new URL(s.url).origin}`,
  timeoutMs: (s) => s.timeout_ms,
  receipts: () => "none",
  create: async (s, context) => {
    const { createWebhookProvider } = await import("./webhook-provider.js");
    return createWebhookProvider({
      url: s.url,
      secret: s.secret,
      timeoutMs: s.timeout_ms,
      now: () => context.now(),
      name: context.name,
    });
  },
});
