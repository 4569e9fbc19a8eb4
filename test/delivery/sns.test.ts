import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SmsDeliveryError, type SmsProvider } from "../../src/delivery/provider.js";
import { senderIdAllowed } from "../../src/delivery/providers/sns/sender-id-countries.js";
import { createSnsProvider, type SnsProviderOptions } from "../../src/delivery/providers/sns/sns-provider.js";
import { type FakeSns, type FakeSnsAnswer, startFakeSns } from "../support/fake-sns.js";
import { freePort } from "../support/free-port.js";
import { testSms } from "../support/provider-context.js";

const ACCESS_KEY = "AKIDFAKESNSTEST01";
const SECRET = "fake-secret-key-never-logged";
const SESSION = "fake-session-token";

let fake: FakeSns;
const providers: SmsProvider[] = [];

beforeAll(async () => {
  fake = await startFakeSns({ region: "eu-west-1", credentials: { [ACCESS_KEY]: SECRET } });
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  for (const provider of providers.splice(0)) await provider.close?.();
  vi.unstubAllEnvs();
});

function sns(overrides: Partial<SnsProviderOptions> = {}): SmsProvider {
  const provider = createSnsProvider(
    {
      region: "eu-west-1",
      senderId: "Handset",
      originationNumber: undefined,
      maxPriceUsd: undefined,
      endpoint: fake.endpoint,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      timeoutMs: 2_000,
      ...overrides,
    },
    { name: "sns" },
  );
  providers.push(provider);
  return provider;
}

async function failure(provider: SmsProvider, to = "+41781234567"): Promise<SmsDeliveryError> {
  const error: unknown = await provider.send(testSms({ to })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

describe("SNS provider: what the SDK sends", () => {
  it("publishes the code to the number, Transactional, with the sender ID, signed for sns in the region", async () => {
    const message = testSms({ to: "+41781234567" });
    const accepted = await sns({ originationNumber: "+12065550100", maxPriceUsd: 0.5 }).send(message);
    const publish = fake.published.at(-1);
    expect(accepted).toEqual({ providerMessageId: publish?.messageId });
    expect(publish).toMatchObject({
      phoneNumber: "+41781234567",
      message: message.body,
      accessKeyId: ACCESS_KEY,
      sessionToken: undefined,
    });
    expect(publish?.scope).toMatch(/^\d{8}\/eu-west-1\/sns\/aws4_request$/);
    expect(publish?.attributes).toEqual({
      "AWS.SNS.SMS.SMSType": { dataType: "String", stringValue: "Transactional" },
      "AWS.SNS.SMS.SenderID": { dataType: "String", stringValue: "Handset" },
      "AWS.MM.SMS.OriginationNumber": { dataType: "String", stringValue: "+12065550100" },
      "AWS.SNS.SMS.MaxPrice": { dataType: "Number", stringValue: "0.5" },
    });
    expect(publish?.form.get("Action")).toBe("Publish");
    expect(fake.refused).toEqual([]);
  });

  it("leaves the sender ID out for countries that do not support one (US, Brazil)", async () => {
    const provider = sns();
    for (const to of ["+14155550123", "+5511912345678"]) {
      await provider.send(testSms({ to }));
      const publish = fake.published.at(-1);
      expect(publish?.phoneNumber).toBe(to);
      expect(Object.keys(publish?.attributes ?? {})).toEqual(["AWS.SNS.SMS.SMSType"]);
    }
    expect(senderIdAllowed("+442071838750")).toBe(true);
    expect(senderIdAllowed("+16135550123")).toBe(false); // Canada
    expect(senderIdAllowed("+999")).toBe(false); // no country: none
  });

  it("carries a UCS-2 text intact", async () => {
    const body = "你的验证码 482913 ✓";
    await sns().send(testSms({ body, code: "482913" }));
    expect(fake.published.at(-1)?.message).toBe(body);
  });

  it("sends the session token of temporary credentials", async () => {
    const withToken = await startFakeSns({
      region: "us-east-1",
      credentials: { [ACCESS_KEY]: SECRET },
      sessionToken: SESSION,
    });
    try {
      const provider = sns({
        region: "us-east-1",
        endpoint: withToken.endpoint,
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: SESSION },
      });
      await provider.send(testSms());
      expect(withToken.published[0]).toMatchObject({ sessionToken: SESSION });
      expect(withToken.published[0]?.scope).toMatch(/\/us-east-1\/sns\/aws4_request$/);
    } finally {
      await withToken.close();
    }
  });

  it("without configured keys, signs with the SDK's default credential chain (here the environment)", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", SECRET);
    vi.stubEnv("AWS_SESSION_TOKEN", "");
    const before = fake.published.length;
    await sns({ credentials: undefined }).send(testSms());
    expect(fake.published.length).toBe(before + 1);
    expect(fake.published.at(-1)?.accessKeyId).toBe(ACCESS_KEY);
  });
});

describe("SNS provider: what SNS's answers mean", () => {
  const cases: { answer: FakeSnsAnswer; retryable: boolean; says: string; retryAfterMs?: number }[] = [
    {
      answer: {
        kind: "error",
        status: 400,
        code: "InvalidParameter",
        message: "Invalid parameter: PhoneNumber Reason: +41781234567 is not valid to publish to",
      },
      retryable: false,
      says: "sns answered 400 InvalidParameter: Invalid parameter: PhoneNumber Reason: [digits] is not valid to publish to (refused the message)",
    },
    {
      answer: { kind: "error", status: 400, code: "ParameterValueInvalid", message: "bad value" },
      retryable: false,
      says: "sns answered 400 InvalidParameterValue: bad value (refused the message)",
    },
    {
      answer: { kind: "error", status: 400, code: "OptedOut", message: "opted out" },
      retryable: false,
      says: "OptedOut",
    },
    {
      answer: { kind: "error", status: 400, code: "EndpointDisabled", message: "disabled" },
      retryable: false,
      says: "EndpointDisabled",
    },
    {
      answer: {
        kind: "error",
        status: 403,
        code: "AuthorizationError",
        message: "not allowed to sns:Publish",
      },
      retryable: false,
      says: "sns answered 403 AuthorizationError: not allowed to sns:Publish (refused the request)",
    },
    {
      answer: { kind: "error", status: 400, code: "KMSDisabled", message: "key disabled" },
      retryable: false,
      says: "KMSDisabled",
    },
    {
      answer: { kind: "error", status: 400, code: "Throttling", message: "Rate exceeded" },
      retryable: true,
      says: "sns answered 400 Throttling: Rate exceeded",
    },
    {
      answer: {
        kind: "error",
        status: 429,
        code: "Throttled",
        message: "slow down",
        headers: { "retry-after": "7" },
      },
      retryable: true,
      says: "sns answered 429 Throttled: slow down",
      retryAfterMs: 7_000,
    },
    {
      answer: { kind: "error", status: 400, code: "KMSThrottling", message: "kms busy" },
      retryable: true,
      says: "KMSThrottling",
    },
    {
      answer: { kind: "error", status: 500, code: "InternalError", message: "oops" },
      retryable: true,
      says: "sns answered 500 InternalError: oops",
    },
    {
      answer: { kind: "error", status: 503, code: "ServiceUnavailable", message: "down" },
      retryable: true,
      says: "sns answered 503 ServiceUnavailable",
    },
    {
      answer: { kind: "garbage", status: 502, body: "<html>Bad gateway</html>" },
      retryable: true,
      says: "sns answered 502",
    },
    {
      answer: { kind: "garbage", status: 200, body: "<html>Welcome to the captive portal</html>" },
      retryable: false,
      says: "sns answered 200 without a MessageId: not a PublishResponse",
    },
  ];

  for (const { answer, retryable, says, retryAfterMs } of cases) {
    const label =
      answer.kind === "error"
        ? `${answer.status} ${answer.code}`
        : answer.kind === "garbage"
          ? `${answer.status} garbage`
          : answer.kind;
    it(`${label} is ${retryable ? "retryable" : "permanent"}`, async () => {
      fake.answerNext(answer);
      const error = await failure(sns());
      expect(error.message).toContain(says);
      expect(error.retryable).toBe(retryable);
      expect(error.retryAfterMs).toBe(retryAfterMs);
    });
  }

  it("makes one attempt: a 500 is not retried by the SDK", async () => {
    const before = fake.requests();
    fake.answerNext({ kind: "error", status: 500, code: "InternalError", message: "oops" });
    await failure(sns());
    expect(fake.requests() - before).toBe(1);
  });

  it("a wrong secret fails for good (the fake refuses the signature)", async () => {
    const error = await failure(sns({ credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: "wrong" } }));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("403 SignatureDoesNotMatch");
    expect(fake.refused.at(-1)).toContain("signature mismatch");
    fake.refused.length = 0;
  });

  it("no answer within timeout_ms is retryable, and the send ends then", async () => {
    fake.answerNext({ kind: "hang" });
    const started = Date.now();
    const error = await failure(sns({ timeoutMs: 300 }));
    expect(error).toMatchObject({
      retryable: true,
      message: "sns unreachable: no answer within the timeout",
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a refused connection is retryable", async () => {
    const error = await failure(sns({ endpoint: `http://127.0.0.1:${await freePort()}` }));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe("sns unreachable: ECONNREFUSED");
  });

  it("no error names the number, the code or the secret", async () => {
    const message = testSms({ to: "+33612345678", body: "654321 is your code", code: "654321" });
    fake.answerNext({
      kind: "error",
      status: 400,
      code: "InvalidParameter",
      message: "Invalid parameter: PhoneNumber Reason: +33612345678 is not valid; text 654321",
    });
    const errors: unknown[] = [
      await sns()
        .send(message)
        .catch((e: unknown) => e),
    ];
    errors.push(
      await sns({ credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: "wrong-secret-value" } })
        .send(message)
        .catch((e: unknown) => e),
    );
    fake.refused.length = 0;
    for (const error of errors) {
      expect(error).toBeInstanceOf(SmsDeliveryError);
      for (const secret of ["612345678", "654321", "wrong-secret-value", SECRET])
        expect((error as Error).message).not.toContain(secret);
    }
  });
});
