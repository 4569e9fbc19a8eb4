import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { mobileNumber } from "../support/harness.js";
import { startClerkServer } from "./support.js";

/** Runs the CLI in-process against a data directory and returns what it printed. */
async function cli(
  args: string[],
  dataDir: string,
  nodeEnv = "test",
): Promise<{ code: number; out: string }> {
  vi.stubEnv("HANDSET_DATA_DIR", dataDir);
  vi.stubEnv("NODE_ENV", nodeEnv);
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    return { code: await runCli(args), out: chunks.join("") };
  } finally {
    write.mockRestore();
    vi.unstubAllEnvs();
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("handset keys create --format clerk", () => {
  it("prints a Clerk secret key that @clerk/backend can use against the server", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handset-clerk-cli-"));
    dirs.push(dataDir);
    const { code, out } = await cli(["keys", "create", "--format", "clerk"], dataDir);
    expect(code).toBe(0);
    const secret = /^secret:\s+(\S+)$/m.exec(out)?.[1] ?? "";
    expect(secret).toMatch(/^sk_test_hsk_[A-Za-z0-9_-]{43}$/);

    const s = await startClerkServer({ dataDir });
    try {
      const clerk = s.clientWith(secret);
      const user = await clerk.users.createUser({ phoneNumber: [mobileNumber()] });
      expect((await clerk.users.getUser(user.id)).phoneNumbers).toHaveLength(1);
    } finally {
      await s.t.close();
    }
  });

  it("prints sk_live_ for a production configuration, also as JSON; handset is the default format", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handset-clerk-cli-"));
    dirs.push(dataDir);
    const live = await cli(["keys", "create", "--format", "clerk", "--json"], dataDir, "production");
    expect(live.code).toBe(0);
    expect((JSON.parse(live.out) as { secret: string }).secret).toMatch(/^sk_live_hsk_/);
    const plain = await cli(["keys", "create", "--json"], dataDir);
    expect((JSON.parse(plain.out) as { secret: string }).secret).toMatch(/^hsk_/);
    expect((await cli(["keys", "create", "--format", "stripe"], dataDir)).code).toBe(2);
  });
});
