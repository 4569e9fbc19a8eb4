import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SmsDeliveryError, type SmsProvider } from "../../src/delivery/provider.js";
import { twilioKind } from "../../src/delivery/providers/twilio/twilio-kind.js";
import { failureOf } from "../support/failure.js";
import { type FakeTwilio, startFakeTwilio } from "../support/fake-twilio.js";
import { freePort } from "../support/free-port.js";
import { type TestProviderContext, testProviderContext, testSms } from "../support/provider-context.js";

let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
});

afterAll(async () => {
  await fake?.close();
});

afterEach(() => {
  // Every request the provider made had to pass the checks taken from Twilio's OpenAPI description.
  expect(fake.violations).toEqual([]);
  fake.requests.length = 0;
});

const MESSAGING_SERVICE_SID = `MG${"ab".repeat(16)}`;

async function twilio(
  settings: Record<string, unknown> = {},
  options: { publicUrl?: string | null } = {},
): Promise<{ provider: SmsProvider; context: TestProviderContext }> {
  const context = testProviderContext("twilio", { publicUrl: options.publicUrl ?? undefined });
  // No public URL configured: the context gives no callback URL (testProviderContext always has one).
  if (options.publicUrl === null) context.callbackUrl = () => null;
  const configured = twilioKind.configure({
    account_sid: fake.accountSid,
    auth_token: fake.authToken,
    from: "+15005550006",
    base_url: fake.baseUrl,
    timeout_ms: "2000",
    ...settings,
  });
  return { provider: await configured.create(context), context };
}

async function sendError(provider: SmsProvider): Promise<SmsDeliveryError> {
  const error = await failureOf(provider.send(testSms()));
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

describe("Twilio provider: sending", () => {
  it("creates the message with To, Body, From and a status callback, as the account with its auth token", async () => {
    const { provider, context } = await twilio();
    const sms = testSms();
    const accepted = await provider.send(sms);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.username).toBe(fake.accountSid);
    expect(request?.form).toEqual({
      To: sms.to,
      Body: sms.body,
      From: "+15005550006",
      StatusCallback: context.callbackUrl(sms.id),
    });
    expect(accepted.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it("authenticates with an API key and sends through a messaging service", async () => {
    const { provider } = await twilio({
      auth_token: undefined,
      api_key_sid: fake.apiKeySid,
      api_key_secret: fake.apiKeySecret,
      from: undefined,
      messaging_service_sid: MESSAGING_SERVICE_SID,
    });
    await provider.send(testSms());
    const [request] = fake.requests;
    expect(request?.username).toBe(fake.apiKeySid);
    expect(request?.form.MessagingServiceSid).toBe(MESSAGING_SERVICE_SID);
    expect(request?.form).not.toHaveProperty("From");
    // Without the auth token nothing could check a callback's signature, so none is asked for.
    expect(request?.form).not.toHaveProperty("StatusCallback");
  });

  it("asks for no status callback when no public URL is configured", async () => {
    const { provider } = await twilio({}, { publicUrl: null });
    await provider.send(testSms());
    expect(fake.requests[0]?.form).not.toHaveProperty("StatusCallback");
  });

  it.each([
    [21211, "The 'To' number +41781234567 is not a valid phone number.", "invalid To number"],
    [21610, "Attempt to send to unsubscribed recipient", "unsubscribed"],
    [
      21408,
      "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +41781234567.",
      "geo permission",
    ],
    [21614, "'To' number is not a valid mobile number", "not a mobile number"],
  ])("fails the message for good on Twilio's %i, naming no number", async (code, message, meaning) => {
    const { provider } = await twilio();
    fake.script({ error: { status: 400, code, message } });
    const error = await sendError(provider);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(`code ${code}`);
    expect(error.message).toContain(meaning);
    expect(error.message).not.toContain("781234567");
  });

  it("fails for good and says so when Twilio refuses the credentials (20003), without the token", async () => {
    const { provider } = await twilio({ auth_token: "wrong-token-value" });
    const error = await sendError(provider);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/401, code 20003 \(authentication failed: check the account SID/);
    expect(error.message).not.toContain("wrong-token-value");
    // The fake logged the refusal as a violation; it is the point of this test.
    expect(fake.violations).toEqual([expect.stringContaining("authentication failed")]);
    fake.violations.length = 0;
  });

  it("retries a 429 (20429) after Twilio's Retry-After, and a 500", async () => {
    const { provider } = await twilio();
    fake.script(
      { error: { status: 429, code: 20429, message: "Too Many Requests" }, headers: { "retry-after": "7" } },
      { error: { status: 500, code: 20500, message: "Internal Server Error" } },
    );
    const throttled = await sendError(provider);
    expect(throttled).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(throttled.message).toContain("20429");
    const down = await sendError(provider);
    expect(down).toMatchObject({ retryable: true, retryAfterMs: undefined });
    expect(down.message).toContain("twilio answered 500");
  });

  it("does not retry a 2xx it cannot read: Twilio may have sent it", async () => {
    const { provider } = await twilio();
    fake.script({ raw: { status: 200, body: "<html>captive portal 123456789</html>" } });
    const error = await sendError(provider);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("without a message sid");
    expect(error.message).not.toContain("123456789");
  });

  it("retries when Twilio does not answer in time or refuses the connection", async () => {
    const { provider } = await twilio({ timeout_ms: "200" });
    fake.script({ hang: true });
    expect(await sendError(provider)).toMatchObject({
      retryable: true,
      message: "twilio unreachable: no answer within the timeout",
    });
    const closed = await twilio({ base_url: `http://127.0.0.1:${await freePort()}` });
    expect(await sendError(closed.provider)).toMatchObject({
      retryable: true,
      message: "twilio unreachable: ECONNREFUSED",
    });
  });
});

describe("Twilio provider: status callbacks", () => {
  let edge: Server;
  let publicUrl: string;
  let current: SmsProvider | undefined;

  beforeAll(async () => {
    // The HTTP edge as Handset's callback route is: the public URL plus the path and query as sent.
    edge = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", async () => {
        const answer = await current?.handleCallback?.({
          method: request.method ?? "GET",
          url: `${publicUrl}${request.url ?? "/"}`,
          headers: request.headers as Record<string, string | undefined>,
          body: Buffer.concat(chunks).toString("utf8"),
        });
        response.writeHead(answer?.status ?? 500);
        response.end(answer?.body ?? "");
      });
    });
    await new Promise<void>((resolve) => edge.listen(0, "127.0.0.1", resolve));
    publicUrl = `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => edge.close(() => resolve()));
  });

  it("reports a signed 'delivered' callback for the message its URL names, with Twilio's sid", async () => {
    const { provider, context } = await twilio({}, { publicUrl });
    current = provider;
    const sms = testSms();
    const { providerMessageId } = await provider.send(sms);
    const callbackUrl = fake.requests[0]?.form.StatusCallback ?? "";
    const sid = providerMessageId ?? "";
    expect(await fake.postStatusCallback(callbackUrl, { MessageSid: sid, MessageStatus: "sent" })).toBe(204);
    expect(context.reports).toEqual([]);
    expect(await fake.postStatusCallback(callbackUrl, { MessageSid: sid, MessageStatus: "delivered" })).toBe(
      204,
    );
    expect(context.reports).toEqual([
      { messageId: sms.id, providerMessageId: sid, status: "delivered", error: null, at: null },
    ]);
  });

  it("reports undelivered and failed with Twilio's ErrorCode", async () => {
    const { provider, context } = await twilio();
    const url = context.callbackUrl("msg_a") ?? "";
    const sid = `SM${"1".repeat(32)}`;
    for (const [status, code] of [
      ["undelivered", "30003"],
      ["failed", "30008"],
    ]) {
      const answer = await provider.handleCallback?.(
        fake.statusCallback(url, { MessageSid: sid, MessageStatus: status ?? "", ErrorCode: code ?? "" }),
      );
      expect(answer?.status).toBe(204);
    }
    expect(context.reports.map((r) => [r.messageId, r.status, r.error])).toEqual([
      ["msg_a", "undelivered", "30003"],
      ["msg_a", "failed", "30008"],
    ]);
  });

  it("refuses with 403 a callback with a bad or no signature, or a URL made for another message", async () => {
    const { provider, context } = await twilio();
    const url = context.callbackUrl("msg_a") ?? "";
    const params = { MessageSid: `SM${"2".repeat(32)}`, MessageStatus: "delivered" };
    const signed = fake.statusCallback(url, params);
    const tampered = { ...signed, body: signed.body.replace("delivered", "failed") };
    const unsigned = { ...signed, headers: { "content-type": "application/x-www-form-urlencoded" } };
    // Signed by Twilio's key, but the URL's message id swapped: our token no longer matches.
    const otherUrl = url.replace("m=msg_a", "m=msg_b");
    const otherMessage = fake.statusCallback(otherUrl, params);
    const byAnotherAccount = {
      ...signed,
      headers: { ...signed.headers, "x-twilio-signature": "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==" },
    };
    for (const forged of [tampered, unsigned, otherMessage, byAnotherAccount]) {
      expect((await provider.handleCallback?.(forged))?.status).toBe(403);
    }
    expect(context.reports).toEqual([]);
    expect((await provider.handleCallback?.(signed))?.status).toBe(204);
    expect(context.reports).toHaveLength(1);
  });

  it("refuses every callback when only an API key is configured (no auth token to check them)", async () => {
    const { provider, context } = await twilio({
      auth_token: undefined,
      api_key_sid: fake.apiKeySid,
      api_key_secret: fake.apiKeySecret,
    });
    const url = context.callbackUrl("msg_a") ?? "";
    const answer = await provider.handleCallback?.(
      fake.statusCallback(url, { MessageSid: `SM${"3".repeat(32)}`, MessageStatus: "delivered" }),
    );
    expect(answer?.status).toBe(403);
    expect(context.reports).toEqual([]);
  });
});
