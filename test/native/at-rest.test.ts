import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestApp, mobileNumber } from "../support/harness.js";
import { latestCode, nativeClient, wrongCode } from "../support/native-client.js";

/** Every byte SQLite keeps for the database: the main file and its write-ahead log. */
function databaseBytes(dataDir: string): Buffer {
  const file = join(dataDir, "handset.sqlite");
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe("codes at rest", () => {
  it("leaves no code in clear in the database file after a full flow", async () => {
    const t = await createTestApp();
    const me = nativeClient(t, await t.tokenFor("dumped"));
    const codes: string[] = [];
    const numbers = [mobileNumber(), mobileNumber(), mobileNumber()];
    for (const number of numbers) {
      const id = (await me.addMine(number)).json().id as string;
      await me.sendMine(id);
      const code = await latestCode(t, number);
      codes.push(code);
      await me.verifyMine(id, wrongCode(code));
      t.clock.advance(30_000);
      await me.sendMine(id);
      await me.verifyMine(id, code);
    }
    await t.close({ keepData: true });
    const bytes = databaseBytes(t.dataDir);
    rmSync(t.dataDir, { recursive: true, force: true });
    // The dump is the right one: the numbers are in it...
    for (const number of numbers) expect(bytes.includes(Buffer.from(number))).toBe(true);
    // ...and none of the codes that were sent and redeemed.
    for (const code of codes)
      expect(bytes.includes(Buffer.from(code)), `code ${code} found in the database`).toBe(false);
  });
});
