import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { accountSidOf } from "../../src/surfaces/twilio-verify/sids.js";
import { mobileNumber } from "../support/harness.js";
import { startTwilioServer } from "./support.js";

/** Runs the CLI in-process against a data directory and returns what it printed. */
async function cli(args: string[], dataDir: string): Promise<{ code: number; out: string }> {
  vi.stubEnv("HANDSET_DATA_DIR", dataDir);
  vi.stubEnv("NODE_ENV", "test");
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

describe("handset keys create --format twilio", () => {
  it("prints an account_sid and auth_token that the twilio SDK can use against the server", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handset-twilio-cli-"));
    dirs.push(dataDir);
    const { code, out } = await cli(["keys", "create", "--format", "twilio"], dataDir);
    expect(code).toBe(0);
    const accountSid = /^account_sid:\s+(\S+)$/m.exec(out)?.[1] ?? "";
    const authToken = /^auth_token:\s+(\S+)$/m.exec(out)?.[1] ?? "";
    expect(accountSid).toBe(accountSidOf("default"));
    expect(authToken).toMatch(/^hsk_/);
    expect(out).not.toMatch(/^secret:/m);

    const s = await startTwilioServer({ dataDir });
    try {
      const client = s.clientWith(accountSid, authToken);
      const sent = await client.verify.v2.services(s.serviceSid).verifications.create({
        to: mobileNumber(),
        channel: "sms",
      });
      expect(sent.status).toBe("pending");
    } finally {
      await s.t.close({ keepData: true });
    }
  });

  it("prints both as JSON too, beside the key's own fields", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handset-twilio-cli-"));
    dirs.push(dataDir);
    const { code, out } = await cli(
      ["keys", "create", "--format", "twilio", "--json", "--tenant", "acme"],
      dataDir,
    );
    expect(code).toBe(0);
    const printed = JSON.parse(out) as { account_sid: string; auth_token: string; secret: string };
    expect(printed.account_sid).toBe(accountSidOf("acme"));
    expect(printed.auth_token).toBe(printed.secret);
  });
});
