import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { systemCaller } from "../../src/services/caller.js";
import { createTestApp, mobileNumber, type TestApp, type TestAppOptions } from "../support/harness.js";
import { latestCode, nativeClient } from "../support/native-client.js";

/** Codes already sent keep working when the operator changes the code settings or rotates the secret. */
describe("codes sent before a settings change", () => {
  const apps: TestApp[] = [];
  let dataDir = "";
  const clock = new ManualClock();
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(options: TestAppOptions = {}): Promise<TestApp> {
    const t = await createTestApp({ dataDir, clock, runDispatcher: false, ...options });
    apps.push(t);
    return t;
  }

  async function restart(t: TestApp, options: TestAppOptions = {}): Promise<TestApp> {
    await t.app.close();
    apps.splice(apps.indexOf(t), 1);
    clock.advance(5_000);
    return start(options);
  }

  /** A fresh user asks for a code for a fresh number; returns the number's id, the verification and the code. */
  async function sendCode(t: TestApp, userId: string, number = mobileNumber()) {
    const me = nativeClient(t, await t.tokenFor(userId));
    const id = (await me.addMine(number)).json().id as string;
    const sent = await me.sendMine(id);
    expect(sent.statusCode).toBe(202);
    return {
      id,
      number,
      verificationId: sent.json().verification.id as string,
      code: await latestCode(t, number),
    };
  }

  it("a 6-digit code still verifies after HANDSET_CODE_LENGTH becomes 8; new codes have 8 digits", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "handset-code-length-"));
    const before = await start();
    const sixDigits = await sendCode(before, "ana");
    expect(sixDigits.code).toMatch(/^\d{6}$/);

    const after = await restart(before, { env: { HANDSET_CODE_LENGTH: "8" } });
    const me = nativeClient(after, await after.tokenFor("ana"));
    // A resend after the change sends the code of the same verification, at its own length.
    clock.advance(60_000);
    expect((await me.sendMine(sixDigits.id)).statusCode).toBe(202);
    await after.dispatcher.runOnce();
    const resent = after.inbox?.list({ to: sixDigits.number }) ?? [];
    expect(resent.map((m) => m.code)).toEqual([sixDigits.code]);
    expect(resent[0]?.body).toContain(`${sixDigits.code} is your`);
    // The development code disclosure (ZITADEL's return_code) derives the same code.
    expect(
      await after.handset.codes.reveal(systemCaller(after.config.defaultTenant), sixDigits.verificationId),
    ).toBe(sixDigits.code);
    const verified = await me.verifyMine(sixDigits.id, sixDigits.code);
    expect(verified.statusCode).toBe(200);
    expect(verified.json().phone_number).toMatchObject({ verified: true });

    const eightDigits = await sendCode(after, "bea");
    expect(eightDigits.code).toMatch(/^\d{8}$/);
    const bea = nativeClient(after, await after.tokenFor("bea"));
    expect((await bea.verifyMine(eightDigits.id, eightDigits.code)).statusCode).toBe(200);
  });

  it("a code sent under the old key verifies after the active key is rotated in secrets.json", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "handset-key-rotation-"));
    const before = await start({ keyring: "secrets-file" });
    const underOldKey = await sendCode(before, "cy");
    const path = join(dataDir, "secrets.json");
    const secrets = JSON.parse(readFileSync(path, "utf8")) as {
      activeCodeKey: string;
      codeKeys: { id: string; secret: string }[];
    };
    const oldKeyId = secrets.activeCodeKey;
    const keyOf = async (t: TestApp, verificationId: string) =>
      (
        await t.store.db
          .selectFrom("verifications")
          .select("key_id")
          .where("id", "=", verificationId)
          .executeTakeFirstOrThrow()
      ).key_id;
    expect(await keyOf(before, underOldKey.verificationId)).toBe(oldKeyId);

    // The documented rotation: add a key, make it active, keep the old one until its codes expire.
    const rotated = {
      activeCodeKey: "k-rotated",
      codeKeys: [...secrets.codeKeys, { id: "k-rotated", secret: Buffer.alloc(32, 3).toString("base64url") }],
    };
    writeFileSync(path, JSON.stringify(rotated));
    const after = await restart(before, { keyring: "secrets-file" });

    const cy = nativeClient(after, await after.tokenFor("cy"));
    expect((await cy.verifyMine(underOldKey.id, underOldKey.code)).statusCode).toBe(200);
    const underNewKey = await sendCode(after, "dan");
    expect(await keyOf(after, underNewKey.verificationId)).toBe("k-rotated");
    const dan = nativeClient(after, await after.tokenFor("dan"));
    expect((await dan.verifyMine(underNewKey.id, underNewKey.code)).statusCode).toBe(200);
  });
});
