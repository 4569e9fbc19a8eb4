import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rotateSecretsFile } from "../../src/code-secrets/rotation.js";
import { ManualClock } from "../../src/domain/clock.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { latestCode, nativeClient } from "../support/native-client.js";

const RELOAD_MS = 10_000;
/** What `handset secrets rotate` waits by default: two reload intervals and a little. */
const PROPAGATION_MS = 2 * RELOAD_MS + 5_000;

/**
 * Two processes over one database and one data dir (one secrets.json), modelled as two apps with one
 * manual clock. Each app's reload poll is `codeSecrets.reloadNow()`, called where its timer would fire.
 */
describe("rotating the code secret under two running processes", () => {
  const apps: TestApp[] = [];
  let dataDir = "";
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function twoProcesses() {
    dataDir = mkdtempSync(join(tmpdir(), "handset-rotation-"));
    const clock = new ManualClock(Date.UTC(2026, 11, 2, 3, 0));
    const start = async () => {
      const t = await createTestApp({ dataDir, clock, runDispatcher: false, keyring: "secrets-file" });
      apps.push(t);
      return t;
    };
    const a = await start();
    const b = await start();
    return { a, b, clock };
  }

  const rotate = (now: number, activateInMs: number) =>
    rotateSecretsFile({
      dataDir,
      clock: new ManualClock(now),
      activateInMs,
      keepRetiredMs: 10 * 60_000 + 5 * 60_000,
    });

  /** `userId` asks process `issuer` for a code; returns what it takes to redeem it anywhere. */
  async function codeFrom(issuer: TestApp, userId: string) {
    const token = await issuer.tokenFor(userId);
    const me = nativeClient(issuer, token);
    const number = mobileNumber();
    const id = (await me.addMine(number)).json().id as string;
    const sent = await me.sendMine(id);
    expect(sent.statusCode).toBe(202);
    const verificationId = sent.json().verification.id as string;
    const row = await issuer.store.db
      .selectFrom("verifications")
      .select("key_id")
      .where("id", "=", verificationId)
      .executeTakeFirstOrThrow();
    return { token, id, keyId: row.key_id, code: await latestCode(issuer, number) };
  }

  const verifyAt = (verifier: TestApp, sent: { token: string; id: string; code: string }) =>
    nativeClient(verifier, sent.token).verifyMine(sent.id, sent.code);

  it("codes issued before, during and after the switch verify on the other process", async () => {
    const { a, b, clock } = await twoProcesses();
    const oldKey = (await codeFrom(a, "warmup")).keyId;
    const beforeRotation = await codeFrom(a, "ana");

    const { added } = await rotate(clock.now(), PROPAGATION_MS);
    // A polls first and knows the new key; B has not reloaded yet.
    expect(a.codeSecrets?.reloadNow()).toBe(true);
    clock.advance(1_000);
    const whileB_Stale = await codeFrom(a, "bo");
    // A does not use the new key before its activation, so B, which does not know it yet, verifies.
    expect(whileB_Stale.keyId).toBe(oldKey);
    expect((await verifyAt(b, whileB_Stale)).statusCode).toBe(200);

    // B's poll comes within one interval, well before the activation.
    clock.advance(RELOAD_MS);
    expect(b.codeSecrets?.reloadNow()).toBe(true);
    clock.advance(PROPAGATION_MS - RELOAD_MS - 1_000);
    const afterActivation = await codeFrom(a, "cy");
    expect(afterActivation.keyId).toBe(added.id);
    expect((await verifyAt(b, afterActivation)).statusCode).toBe(200);
    const fromB = await codeFrom(b, "dan");
    expect(fromB.keyId).toBe(added.id);
    expect((await verifyAt(a, fromB)).statusCode).toBe(200);

    // The code sent under the old key before the rotation still verifies after it, on either side.
    expect((await verifyAt(b, beforeRotation)).statusCode).toBe(200);
  });

  it("a key activated at once is refused by a process that has not reloaded: why rotation waits", async () => {
    const { a, b, clock } = await twoProcesses();
    const { added } = await rotate(clock.now(), 0);
    a.codeSecrets?.reloadNow();
    const tooSoon = await codeFrom(a, "eve");
    expect(tooSoon.keyId).toBe(added.id);
    const refused = await verifyAt(b, tooSoon);
    expect(refused.statusCode).not.toBe(200);
    // Once B has reloaded, the same code verifies.
    b.codeSecrets?.reloadNow();
    expect((await verifyAt(b, tooSoon)).statusCode).toBe(200);
  });

  it("keeps issuing and verifying with its last good keys when secrets.json is corrupted", async () => {
    const { a, b, clock } = await twoProcesses();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dataDir, "secrets.json"), "not json at all");
    expect(a.codeSecrets?.reloadNow()).toBe(false);
    clock.advance(RELOAD_MS);
    const sent = await codeFrom(a, "fay");
    expect((await verifyAt(b, sent)).statusCode).toBe(200);
  });
});
