import { randomBytes } from "node:crypto";
import { createCallbackLinks } from "../../src/delivery/callback-links.js";
import type { DeliveryReport, ProviderContext, SmsMessage } from "../../src/delivery/provider.js";
import { smsText } from "../../src/delivery/sms-text.js";

export interface TestProviderContext extends ProviderContext {
  /** Every receipt the provider reported, in order. */
  reports: DeliveryReport[];
  /** What `receipts.report` answers: whether a message matched (true unless told otherwise). */
  matches: (report: DeliveryReport) => boolean;
  /** Log lines, to check that none holds a secret, a code or a full number. */
  logs: { level: string; obj: object; msg: string }[];
}

/**
 * A `ProviderContext` for a provider's own tests: real callback links (a random key, the given public
 * URL), a receipt sink that records, and a logger that keeps its lines.
 */
export function testProviderContext(
  name: string,
  options: { publicUrl?: string | null; now?: () => number } = {},
): TestProviderContext {
  const publicUrl = options.publicUrl === undefined ? "https://handset.test" : options.publicUrl;
  const links = createCallbackLinks(publicUrl, [randomBytes(32)]);
  const logs: TestProviderContext["logs"] = [];
  const log = (level: string) => (obj: object, msg: string) => {
    logs.push({ level, obj, msg });
  };
  const context: TestProviderContext = {
    name,
    now: options.now ?? (() => Date.now()),
    logger: { info: log("info"), warn: log("warn"), error: log("error") },
    reports: [],
    matches: () => true,
    logs,
    receipts: {
      async report(report) {
        context.reports.push(report);
        return context.matches(report);
      },
    },
    callbackUrl: (messageId) => links.urlFor(name, messageId),
    callbackMessageId: (url) => links.messageIdOf(name, url),
  };
  return context;
}

/** A message as the dispatcher hands it over, its encoding and segments taken from its body. */
export function testSms(overrides: Partial<SmsMessage> & { body?: string } = {}): SmsMessage {
  const body = overrides.body ?? "123456 is your Handset verification code. It expires in 10 minutes.";
  const shape = smsText(body);
  return {
    id: `msg_${randomBytes(8).toString("hex")}`,
    tenantId: "default",
    to: "+41781234567",
    code: "123456",
    verificationId: "vf_test",
    createdAt: Date.now(),
    encoding: shape.encoding,
    segments: shape.segments,
    ...overrides,
    body,
  };
}
