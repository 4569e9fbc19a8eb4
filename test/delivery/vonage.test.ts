import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AlgorithmTypes } from "@vonage/auth";
import { SMS } from "@vonage/sms";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { SmsDeliveryError, type SmsMessage, type SmsProvider } from "../../src/delivery/provider.js";
import {
  createVonageProvider,
  type VonageProviderOptions,
} from "../../src/delivery/providers/vonage/vonage-provider.js";
import {
  type VonageSignatureMethod,
  vonageSignature,
} from "../../src/delivery/providers/vonage/vonage-signature.js";
import { deriveCode } from "../../src/domain/code.js";
import { systemCaller } from "../../src/services/caller.js";
import { type FakeVonage, startFakeVonage } from "../support/fake-vonage.js";
import { createTestApp, mobileNumber, TEST_KEYRING } from "../support/harness.js";
import { type TestProviderContext, testProviderContext, testSms } from "../support/provider-context.js";

let fake: FakeVonage;
/** Handset's callback route for these tests: hands each request to `receiver`, as the HTTP edge does. */
let callbacks: Server;
let publicUrl: string;
let receiver: SmsProvider | null = null;

beforeAll(async () => {
  fake = await startFakeVonage();
  callbacks = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = String(value);
    const answer = (await receiver?.handleCallback?.({
      method: request.method ?? "GET",
      url: `${publicUrl}${request.url ?? "/"}`,
      headers,
      body: Buffer.concat(chunks).toString("utf8"),
    })) ?? { status: 404 };
    response.writeHead(answer.status, { "content-type": answer.contentType ?? "text/plain" });
    response.end(answer.body ?? "");
  });
  await new Promise<void>((resolve) => callbacks.listen(0, "127.0.0.1", resolve));
  publicUrl = `http://127.0.0.1:${(callbacks.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await fake.close();
  callbacks.closeAllConnections();
  await new Promise<void>((resolve) => callbacks.close(() => resolve()));
});

beforeEach(() => {
  fake.requests.length = 0;
  fake.problems.length = 0;
  receiver = null;
});

function vonage(
  overrides: Partial<VonageProviderOptions> = {},
  context: TestProviderContext = testProviderContext("vonage", { publicUrl }),
): { provider: SmsProvider; context: TestProviderContext } {
  const provider = createVonageProvider(
    {
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      apiSecret: fake.apiSecret,
      signatureSecret: undefined,
      signatureMethod: "md5hash",
      from: "Handset",
      timeoutMs: 5_000,
      ...overrides,
    },
    context,
  );
  receiver = provider;
  return { provider, context };
}

async function failure(provider: SmsProvider, message: SmsMessage = testSms()): Promise<SmsDeliveryError> {
  const error: unknown = await provider.send(message).then(
    () => new Error("expected the send to fail"),
    (e: unknown) => e,
  );
  if (!(error instanceof SmsDeliveryError)) throw error;
  return error;
}

const lastRequest = (): Record<string, string> => {
  const request = fake.requests.at(-1);
  if (!request) throw new Error("no request reached the fake");
  return request;
};

describe("Vonage provider: sending", () => {
  it("delivers the app's code through the SMS API and records the message id", async () => {
    const t = await createTestApp({
      runDispatcher: false,
      env: {
        HANDSET_SMS_PROVIDER: "vonage",
        HANDSET_VONAGE_API_KEY: fake.apiKey,
        HANDSET_VONAGE_API_SECRET: fake.apiSecret,
        HANDSET_VONAGE_FROM: "Handset",
        HANDSET_VONAGE_BASE_URL: fake.url,
        HANDSET_PUBLIC_URL: "https://handset.example",
      },
    });
    try {
      const caller = systemCaller(t.config.defaultTenant);
      const user = await t.handset.users.create(caller, {});
      const number = mobileNumber();
      const added = await t.handset.phoneNumbers.add(caller, { userId: user.id, phoneNumber: number });
      const sent = await t.handset.verification.send(caller, added.phoneNumber.id);
      const code = deriveCode(TEST_KEYRING.active, sent.verification.id, 6);
      expect(await t.dispatcher.runOnce()).toBe(1);
      const row = await t.store.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
      expect(fake.problems).toEqual([]);
      const request = lastRequest();
      expect(request).toMatchObject({
        api_key: fake.apiKey,
        api_secret: fake.apiSecret,
        from: "Handset",
        to: number.slice(1),
        "client-ref": row.id,
        "status-report-req": "1",
      });
      expect(request.text).toContain(code);
      expect(request.type).toBeUndefined();
      expect(request.callback).toMatch(
        new RegExp(`^https://handset\\.example/sms/callbacks/vonage\\?m=${row.id}&t=`),
      );
      expect(row).toMatchObject({ status: "sent", provider: "vonage", delivery_attempts: 1 });
      expect(row.provider_message_id).toMatch(/^0A0+\d+$/);
    } finally {
      await t.close();
    }
  });

  it("sends UCS-2 text as type=unicode, and asks for no receipt without a public URL", async () => {
    const noPublicUrl = { ...testProviderContext("vonage"), callbackUrl: () => null };
    const { provider } = vonage({}, noPublicUrl);
    await provider.send(testSms({ body: "Ваш код 123456" }));
    expect(fake.problems).toEqual([]);
    expect(lastRequest()).toMatchObject({ type: "unicode", text: "Ваш код 123456" });
    expect(lastRequest().callback).toBeUndefined();
    expect(lastRequest()["status-report-req"]).toBe("0");
  });

  it("signs the request with the signature secret when there is no api secret", async () => {
    const now = Date.UTC(2026, 0, 1, 12);
    const context = testProviderContext("vonage", { publicUrl, now: () => now });
    const { provider } = vonage({ apiSecret: undefined, signatureSecret: fake.signatureSecret }, context);
    expect((await provider.send(testSms())).providerMessageId).not.toBeNull();
    expect(fake.problems).toEqual([]);
    expect(lastRequest().api_secret).toBeUndefined();
    expect(lastRequest().timestamp).toBe(String(now / 1000));
    const forged = vonage({ apiSecret: undefined, signatureSecret: "not-the-signature-secret" }).provider;
    expect(await failure(forged)).toMatchObject({ retryable: false });
  });

  it("takes the first part's id for a long text", async () => {
    const { provider } = vonage();
    const accepted = await provider.send(testSms({ body: `123456 ${"is your code. ".repeat(20)}` }));
    expect(fake.problems).toEqual([]);
    expect(accepted.providerMessageId).toMatch(/^0A0+\d+$/);
    expect(Number(accepted.providerMessageId?.slice(2))).toBeGreaterThan(0);
  });
});

describe("Vonage provider: what the answers mean", () => {
  it.each([
    ["1", "Throttled", true, 1_000],
    ["2", "Missing to param", false, undefined],
    ["3", "Invalid to param", false, undefined],
    ["4", "Bad Credentials", false, undefined],
    ["5", "Internal Error", true, undefined],
    ["6", "Invalid Message", false, undefined],
    ["7", "Number barred.", false, undefined],
    ["8", "Partner account barred", false, undefined],
    ["9", "Partner quota exceeded", true, undefined],
    ["15", "Illegal Sender Address - rejected", false, undefined],
    ["29", "Non White-listed Destination - rejected", false, undefined],
    ["99", "Something new", false, undefined],
  ])("status %s (%s) is retryable=%s", async (status, errorText, retryable, retryAfterMs) => {
    const { provider } = vonage();
    fake.next({ kind: "status", status, errorText });
    const error = await failure(provider);
    expect(error).toMatchObject({ retryable, retryAfterMs });
    expect(error.message).toContain(`status ${status}`);
    expect(error.message).toContain(errorText);
  });

  it.each([
    [500, {}, true, undefined],
    [503, {}, true, undefined],
    [429, { "retry-after": "7" }, true, 7_000],
    [400, {}, false, undefined],
  ])("HTTP %i is retryable", async (status, headers, retryable, retryAfterMs) => {
    const { provider } = vonage();
    fake.next({ kind: "http", status: status as number, body: "oops", headers });
    expect(await failure(provider)).toMatchObject({ retryable, retryAfterMs });
  });

  it("fails, rather than retries, a 200 it cannot read and a partly sent message", async () => {
    const { provider } = vonage();
    fake.next({ kind: "garbage" });
    expect(await failure(provider)).toMatchObject({ retryable: false });
    fake.next({ kind: "partial", failedStatus: "1" });
    const partial = await failure(provider, testSms({ body: `123456 ${"is your code. ".repeat(20)}` }));
    expect(partial.retryable).toBe(false);
    expect(partial.message).toContain("only part");
  });

  it("retries a gateway that does not answer in time and a refused connection", async () => {
    fake.next({ kind: "hang" });
    const slow = await failure(vonage({ timeoutMs: 150 }).provider);
    expect(slow).toMatchObject({
      retryable: true,
      message: "vonage unreachable: no answer within the timeout",
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await failure(vonage({ baseUrl: `http://127.0.0.1:${port}` }).provider);
    expect(refused).toMatchObject({ retryable: true, message: "vonage unreachable: ECONNREFUSED" });
  });

  it("names no secret, number or code in its errors", async () => {
    const { provider } = vonage();
    fake.next({
      kind: "status",
      status: "3",
      errorText: `Invalid to 41781234567 text 123456 ${fake.apiSecret}`,
    });
    const error = await failure(provider);
    for (const secret of ["41781234567", "123456", fake.apiSecret])
      expect(error.message).not.toContain(secret);
    fake.next({ kind: "http", status: 500, body: `41781234567 123456` });
    expect((await failure(provider)).message).not.toMatch(/41781234567|123456/);
  });
});

describe("Vonage provider: delivery receipts", () => {
  const longText = `123456 ${"is your code. ".repeat(20)}`;

  it("reports a delivered receipt against the outbox id, in each webhook format", async () => {
    const { provider, context } = vonage();
    for (const as of ["POST-JSON", "POST-form", "GET"] as const) {
      const message = testSms();
      const accepted = await provider.send(message);
      expect(await fake.sendReceipt({ request: lastRequest(), status: "delivered", as })).toEqual({
        status: 200,
        body: "ok",
      });
      expect(context.reports.at(-1)).toEqual({
        messageId: message.id,
        providerMessageId: accepted.providerMessageId,
        status: "delivered",
        error: null,
        at: Date.UTC(2026, 0, 1, 12, 0),
      });
    }
    expect(context.reports).toHaveLength(3);
  });

  it("maps expired to undelivered, failed and rejected to failed with the err-code, and waits on the rest", async () => {
    const { provider, context } = vonage();
    const message = testSms();
    await provider.send(message);
    const request = lastRequest();
    for (const status of ["accepted", "buffered", "unknown"] as const)
      expect((await fake.sendReceipt({ request, status })).status).toBe(200);
    expect(context.reports).toEqual([]);
    await fake.sendReceipt({ request, status: "expired", errCode: "2" });
    await fake.sendReceipt({ request, status: "failed", errCode: "6" });
    await fake.sendReceipt({ request, status: "rejected", errCode: "99" });
    expect(context.reports.map((r) => [r.messageId, r.status, r.error])).toEqual([
      [message.id, "undelivered", "err-code 2 (absent subscriber, temporary)"],
      [message.id, "failed", "err-code 6 (anti-spam rejection)"],
      [message.id, "failed", "err-code 99 (general error)"],
    ]);
  });

  it("reports every part's final receipt against the one outbox message", async () => {
    const { provider, context } = vonage();
    const message = testSms({ body: longText });
    const accepted = await provider.send(message);
    await fake.sendReceipt({ request: lastRequest(), status: "delivered", part: 1 });
    await fake.sendReceipt({ request: lastRequest(), status: "delivered", part: 0 });
    expect(context.reports.map((r) => r.messageId)).toEqual([message.id, message.id]);
    expect(context.reports[1]?.providerMessageId).toBe(accepted.providerMessageId);
    expect(context.reports[0]?.providerMessageId).not.toBe(accepted.providerMessageId);
  });

  it("refuses a receipt whose callback token is missing or wrong, reporting nothing", async () => {
    const { provider, context } = vonage();
    await provider.send(testSms());
    const request = lastRequest();
    const wrongToken = { ...request, callback: `${request.callback?.replace(/t=[^&]+/, "t=forged")}` };
    expect((await fake.sendReceipt({ request: wrongToken, status: "delivered" })).status).toBe(403);
    const noToken = { ...request, callback: `${publicUrl}/sms/callbacks/vonage?m=${request["client-ref"]}` };
    expect((await fake.sendReceipt({ request: noToken, status: "delivered" })).status).toBe(403);
    const otherProvider = testProviderContext("vonage-eu", { publicUrl }).callbackUrl(
      request["client-ref"] ?? "",
    );
    expect(
      (
        await fake.sendReceipt({
          request: { ...request, callback: otherProvider ?? "" },
          status: "delivered",
        })
      ).status,
    ).toBe(403);
    expect(context.reports).toEqual([]);
  });

  it.each(["md5hash", "md5", "sha1", "sha256", "sha512"] as const)(
    "with a signature secret (%s), accepts only receipts Vonage signed",
    async (method) => {
      const { provider, context } = vonage({
        signatureSecret: fake.signatureSecret,
        signatureMethod: method,
      });
      await provider.send(testSms());
      const request = lastRequest();
      const sign = { secret: fake.signatureSecret, method };
      expect((await fake.sendReceipt({ request, status: "failed" })).status).toBe(403);
      expect(
        (await fake.sendReceipt({ request, status: "failed", sign: { ...sign, secret: "guess" } })).status,
      ).toBe(403);
      expect(
        (await fake.sendReceipt({ request, status: "failed", sign, tamper: { status: "delivered" } })).status,
      ).toBe(403);
      expect(context.reports).toEqual([]);
      expect(context.logs.some((l) => l.msg.includes("signature refused"))).toBe(true);
      expect((await fake.sendReceipt({ request, status: "delivered", sign })).status).toBe(200);
      expect((await fake.sendReceipt({ request, status: "delivered", sign, as: "GET" })).status).toBe(200);
      expect(context.reports.map((r) => r.status)).toEqual(["delivered", "delivered"]);
    },
  );

  it("signs as Vonage's own SDK verifies", () => {
    const params = { msisdn: "447700900000", status: "delivered", text: "a&b=c", timestamp: "1582650446" };
    const sdk = new SMS({ apiKey: "a1b2c3d4", apiSecret: "secret" });
    const algorithms: Record<VonageSignatureMethod, AlgorithmTypes> = {
      md5hash: AlgorithmTypes.md5hash,
      md5: AlgorithmTypes.md5hmac,
      sha1: AlgorithmTypes.sha1hmac,
      sha256: AlgorithmTypes.sha256hmac,
      sha512: AlgorithmTypes.sha512hmac,
    };
    for (const [method, algorithm] of Object.entries(algorithms) as [
      VonageSignatureMethod,
      AlgorithmTypes,
    ][]) {
      const sig = vonageSignature(params, "the-secret", method);
      expect(sdk.verifySignature(sig, params, "the-secret", algorithm)).toBe(true);
      expect(sdk.verifySignature(sig, params, "other-secret", algorithm)).toBe(false);
    }
  });
});

describe("Vonage configuration", () => {
  const base = {
    HANDSET_SMS_PROVIDER: "vonage",
    HANDSET_VONAGE_API_KEY: "a1b2c3d4",
    HANDSET_VONAGE_FROM: "Handset",
  };
  const problem = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error("expected a configuration error");
  };

  it("reads the settings and describes them without a secret", () => {
    const config = loadConfig({ ...base, HANDSET_VONAGE_API_SECRET: "s3cr3tApiSecret1" });
    const [entry] = config.sms.routing.providers;
    expect(entry?.name).toBe("vonage");
    expect(entry?.configured.description).toBe(
      "Vonage SMS API at https://rest.nexmo.com with key a1b2c3d4, api secret, receipts by callback token",
    );
    expect(entry?.configured.timeoutMs).toBe(10_000);
    const signed = loadConfig({
      ...base,
      HANDSET_VONAGE_SIGNATURE_SECRET: "sig-secret",
      HANDSET_VONAGE_SIGNATURE_METHOD: "sha256",
    });
    expect(signed.sms.routing.providers[0]?.configured.description).toBe(
      "Vonage SMS API at https://rest.nexmo.com with key a1b2c3d4, signed requests, receipts signed (sha256)",
    );
    expect(signed.sms.routing.providers[0]?.configured.description).not.toContain("sig-secret");
  });

  it("names each missing or bad setting", () => {
    const missing = problem({ HANDSET_SMS_PROVIDER: "vonage" });
    for (const name of ["HANDSET_VONAGE_API_KEY", "HANDSET_VONAGE_FROM"]) expect(missing).toContain(name);
    expect(problem(base)).toContain("HANDSET_VONAGE_API_SECRET: required unless signature_secret is set");
    const withSecret = { ...base, HANDSET_VONAGE_API_SECRET: "s3cr3tApiSecret1" };
    expect(problem({ ...withSecret, HANDSET_VONAGE_SIGNATURE_METHOD: "sha384" })).toContain(
      "HANDSET_VONAGE_SIGNATURE_METHOD",
    );
    expect(problem({ ...withSecret, HANDSET_VONAGE_FROM: "A sender far too long" })).toContain(
      "HANDSET_VONAGE_FROM",
    );
    expect(problem({ ...withSecret, HANDSET_VONAGE_BASE_URL: "ftp://x" })).toContain(
      "HANDSET_VONAGE_BASE_URL",
    );
    expect(problem({ ...withSecret, HANDSET_VONAGE_APISECRET: "typo" })).toContain(
      "HANDSET_VONAGE_APISECRET: not a setting of this provider type",
    );
  });
});
