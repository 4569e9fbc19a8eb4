import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { deriveCode } from "../../src/domain/code.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";

describe("a message accepted before the process dies", () => {
  const apps: TestApp[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "handset-restart-"));
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is delivered after a restart", async () => {
    const clock = new ManualClock();
    const before = await createTestApp({ dataDir, clock, runDispatcher: false });
    apps.push(before);
    const me = nativeClient(before, await before.tokenFor("survivor"));
    const number = mobileNumber();
    const id = (await me.addMine(number)).json().id as string;
    const sent = await me.sendMine(id);
    expect(sent.statusCode).toBe(202);
    const verificationId = sent.json().verification.id as string;
    expect(before.inbox?.list({ to: number })).toEqual([]);
    await before.app.close();
    apps.pop();

    clock.advance(5_000);
    const after = await createTestApp({ dataDir, clock });
    apps.push(after);
    await after.dispatcher.runOnce();
    const [delivered] = after.inbox?.list({ to: number }) ?? [];
    expect(delivered?.code).toBe(deriveCode(TEST_KEYRING.active, verificationId, 6));
    const row = await after.store.db
      .selectFrom("outbox")
      .selectAll()
      .where("to_e164", "=", number)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", provider: "inbox", delivery_attempts: 1 });
    const again = nativeClient(after, await after.tokenFor("survivor"));
    expect((await again.verifyMine(id, delivered?.code ?? "")).statusCode).toBe(200);
  });
});
