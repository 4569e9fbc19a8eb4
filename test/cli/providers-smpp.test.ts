import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NET_SMPP_MISSING, type ScriptedSmsc, startSmsc } from "../support/smsc.js";
import { inProcessCli } from "./in-process-cli.js";

const dir = mkdtempSync(join(tmpdir(), "handset-providers-smpp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = inProcessCli(join(dir, "data"));

describe.skipIf(NET_SMPP_MISSING)("handset providers check over SMPP (Perl Net::SMPP SMSC)", () => {
  let smsc: ScriptedSmsc;
  beforeAll(async () => {
    smsc = await startSmsc();
  });
  afterAll(async () => {
    await smsc?.close();
  });

  const smpp = (password: string) => ({
    HANDSET_SMS_PROVIDER: "smpp",
    HANDSET_SMPP_HOST: "127.0.0.1",
    HANDSET_SMPP_PORT: String(smsc.port),
    HANDSET_SMPP_SYSTEM_ID: "handset",
    HANDSET_SMPP_PASSWORD: password,
  });

  it("binds, sends once, prints the SMSC's id and unbinds", async () => {
    const from = smsc.lines().length;
    const run = await cli(["providers", "check", "smpp", "+41781234567"], smpp(smsc.password));
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const resp = await smsc.waitFor(/^submit_sm_resp /, { from });
    expect(run.stdout).toBe(`accepted by smpp; provider message id: ${/id=(\S+)/.exec(resp)?.[1]}\n`);
    await smsc.waitFor(/^unbind$/, { from });
    expect(
      smsc
        .lines()
        .slice(from)
        .filter((l) => l.startsWith("submit_sm ")),
    ).toHaveLength(1);
  });

  it("exits 1, retryable, with the bind's reason when the bind is refused", async () => {
    const from = smsc.lines().length;
    const run = await cli(["providers", "check", "smpp", "+41781234567", "--timeout", "1"], smpp("Zq9bad"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/handset: smpp refused the test SMS: smpp not bound to .*; retryable: yes/);
    expect(run.stderr).not.toContain("Zq9bad");
    expect(
      smsc
        .lines()
        .slice(from)
        .some((l) => l.startsWith("bind_refused")),
    ).toBe(true);
  });
});
