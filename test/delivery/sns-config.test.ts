import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { deriveCode } from "../../src/domain/code.js";
import { systemCaller } from "../../src/services/caller.js";
import { type FakeSns, startFakeSns } from "../support/fake-sns.js";
import { createTestApp, mobileNumber, TEST_KEYRING } from "../support/harness.js";

const ACCESS_KEY = "AKIDFAKESNSTEST01";
const SECRET = "fake-secret-key-never-logged";
const SESSION = "fake-session-token";

let fake: FakeSns;

beforeAll(async () => {
  fake = await startFakeSns({ region: "eu-west-1", credentials: { [ACCESS_KEY]: SECRET } });
});
afterAll(async () => {
  await fake.close();
});

describe("SNS configuration", () => {
  const base = { HANDSET_SMS_PROVIDER: "sns", HANDSET_SNS_REGION: "eu-west-1" };
  const problem = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error("expected a configuration error");
  };

  it("reads the settings: the region alone uses the default credential chain", () => {
    const chain = loadConfig(base);
    expect(chain.sms.routing.providers.map((p) => [p.name, p.configured.description])).toEqual([
      ["sns", "Amazon SNS in eu-west-1, default credential chain"],
    ]);
    const keyed = loadConfig({
      ...base,
      HANDSET_SNS_SENDER_ID: "Handset",
      HANDSET_SNS_ACCESS_KEY_ID: ACCESS_KEY,
      HANDSET_SNS_SECRET_ACCESS_KEY: SECRET,
      HANDSET_SNS_ENDPOINT: "http://127.0.0.1:4566/",
      HANDSET_SNS_TIMEOUT_MS: "5000",
    });
    const [entry] = keyed.sms.routing.providers;
    expect(entry?.configured.description).toBe(
      "Amazon SNS in eu-west-1 at http://127.0.0.1:4566 as Handset, access key AKID…ST01",
    );
    expect(entry?.configured.description).not.toContain(SECRET);
    expect(entry?.configured.timeoutMs).toBe(5_000);
  });

  it("names each missing or bad setting", () => {
    expect(problem({ HANDSET_SMS_PROVIDER: "sns" })).toContain("HANDSET_SNS_REGION");
    expect(problem({ ...base, HANDSET_SNS_REGION: "Ireland" })).toContain("HANDSET_SNS_REGION");
    expect(problem({ ...base, HANDSET_SNS_SENDER_ID: "Far-Too-Long-Sender" })).toContain(
      "HANDSET_SNS_SENDER_ID",
    );
    expect(problem({ ...base, HANDSET_SNS_SENDER_ID: "12345" })).toContain("at least one letter");
    expect(problem({ ...base, HANDSET_SNS_ORIGINATION_NUMBER: "0041781234567" })).toContain(
      "HANDSET_SNS_ORIGINATION_NUMBER",
    );
    expect(problem({ ...base, HANDSET_SNS_ACCESS_KEY_ID: ACCESS_KEY })).toContain(
      "HANDSET_SNS_SECRET_ACCESS_KEY: access_key_id and secret_access_key go together",
    );
    expect(problem({ ...base, HANDSET_SNS_SESSION_TOKEN: SESSION })).toContain("HANDSET_SNS_SESSION_TOKEN");
    expect(problem({ ...base, HANDSET_SNS_ENDPOINT: "ftp://x" })).toContain("HANDSET_SNS_ENDPOINT");
    expect(problem({ ...base, HANDSET_SNS_TIMEOUT_MS: "60000" })).toContain(
      "HANDSET_SNS_TIMEOUT_MS: must be shorter than HANDSET_DISPATCH_LEASE_MS / 2",
    );
    expect(problem({ ...base, HANDSET_SNS_SENDERID: "Handset" })).toContain(
      "HANDSET_SNS_SENDERID: not a setting of this provider type",
    );
  });
});

describe("SNS through the app", () => {
  it("the dispatcher delivers a verification code and records SNS's MessageId", async () => {
    const t = await createTestApp({
      runDispatcher: false,
      env: {
        HANDSET_SMS_PROVIDER: "sns",
        HANDSET_SNS_REGION: "eu-west-1",
        HANDSET_SNS_ENDPOINT: fake.endpoint,
        HANDSET_SNS_ACCESS_KEY_ID: ACCESS_KEY,
        HANDSET_SNS_SECRET_ACCESS_KEY: SECRET,
        HANDSET_SNS_SENDER_ID: "Handset",
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
      const publish = fake.published.at(-1);
      expect(publish?.phoneNumber).toBe(number);
      expect(publish?.message).toContain(code);
      expect(publish?.attributes["AWS.SNS.SMS.SenderID"]?.stringValue).toBe("Handset"); // France
      const row = await t.store.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        status: "sent",
        provider: "sns",
        provider_message_id: publish?.messageId,
        delivery_attempts: 1,
      });
    } finally {
      await t.close();
    }
  });
});
