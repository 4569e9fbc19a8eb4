import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderTable } from "../../src/cli/phone-output.js";
import { handsetCommand } from "../support/handset-process.js";
import { bearer, createTestApp, type TestApp } from "../support/harness.js";
import { PHONE_CLI_ENV, type Run, runHandset } from "./cli-run.js";

const US_E164 = "+12015550123";

/** `handset phone ...` against a Handset listening on a real port, the CLI run in this process. */
describe("handset phone (linode-cli style)", () => {
  let t: TestApp;
  let origin: string;
  let configDir: string;

  beforeEach(async () => {
    t = await createTestApp({ runDispatcher: false });
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    configDir = mkdtempSync(join(tmpdir(), "handset-cli-config-"));
    for (const name of PHONE_CLI_ENV) {
      vi.stubEnv(name, undefined);
    }
    vi.stubEnv("HANDSET_CLI_CONFIG", join(configDir, "cli.json"));
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(configDir, { recursive: true, force: true });
    await t.close();
  });

  const run = (...argv: string[]): Promise<Run> => runHandset(...argv);

  async function signIn(userId: string, scopes?: Parameters<TestApp["tokenFor"]>[1]): Promise<string> {
    const token = await t.tokenFor(userId, scopes);
    vi.stubEnv("HANDSET_URL", origin);
    vi.stubEnv("LINODE_CLI_TOKEN", token);
    return token;
  }

  async function latestCode(e164: string): Promise<string> {
    await t.dispatcher.runOnce();
    const [message] = t.inbox?.list({ to: e164 }) ?? [];
    if (!message) throw new Error(`no SMS to ${e164}`);
    return message.code;
  }

  async function verifiedNumber(token: string): Promise<string | null> {
    const reply = await t.app.inject({ method: "GET", url: "/linode/v4/profile", headers: bearer(token) });
    return reply.json().verified_phone_number;
  }

  it("sends, verifies and deletes, printing nothing and exiting 0", async () => {
    const token = await signIn("alice");
    const sent = await run("phone", "sms-code-send", "--iso_code", "US", "--phone_number", "201-555-0123");
    expect(sent).toEqual({ code: 0, stdout: "", stderr: "" });

    const verified = await run("phone", "verify", "--otp_code", await latestCode(US_E164));
    expect(verified).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await verifiedNumber(token)).toBe(US_E164);

    expect(await run("phone", "delete")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await verifiedNumber(token)).toBeNull();
  });

  it("takes the dashed spellings of the docs too", async () => {
    const token = await signIn("alice");
    expect(
      (await run("phone", "sms-code-send", "--iso-code", "US", "--phone-number", "201-555-0123")).code,
    ).toBe(0);
    expect((await run("phone", "verify", "--otp-code", await latestCode(US_E164))).code).toBe(0);
    expect(await verifiedNumber(token)).toBe(US_E164);
  });

  it("prints the errors table on stderr and exits 2 when the API refuses", async () => {
    await signIn("alice");
    await run("phone", "sms-code-send", "--iso_code", "US", "--phone_number", "201-555-0123");
    const code = await latestCode(US_E164);
    const wrong = await run("phone", "verify", "--otp_code", code === "000000" ? "111111" : "000000");
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toBe(
      `Request failed: 400\n${renderTable(
        "errors",
        ["field", "reason"],
        [["otp_code", "Invalid verification code. 4 attempts left."]],
      )}\n`,
    );
  });

  it("lets the server name missing flags, on their fields", async () => {
    await signIn("alice");
    const missing = await run("phone", "sms-code-send");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Request failed: 400");
    expect(missing.stderr).toContain("│ iso_code     │ iso_code is a required field     │");
    expect(missing.stderr).toContain("│ phone_number │ phone_number is a required field │");
  });

  it("shows the scope error of a read-only token with an empty field column", async () => {
    await signIn("carol", { scopes: ["phone:read"] });
    const refused = await run("phone", "delete");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Request failed: 401");
    expect(refused.stderr).toContain("│       │ Your OAuth token is not authorized to use this endpoint. │");
  });

  it("reads the token and URL from the config file when the environment has none", async () => {
    const token = await t.tokenFor("alice");
    writeFileSync(join(configDir, "cli.json"), JSON.stringify({ url: origin, token, api_version: "v4beta" }));
    expect(
      (await run("phone", "sms-code-send", "--iso_code", "US", "--phone_number", "2015550123")).code,
    ).toBe(0);
    expect(await latestCode(US_E164)).toMatch(/^\d{6}$/);
  });

  it("reads linode-cli's own LINODE_CLI_API_HOST/SCHEME/VERSION", async () => {
    vi.stubEnv("LINODE_CLI_TOKEN", await t.tokenFor("alice"));
    vi.stubEnv("LINODE_CLI_API_HOST", `${new URL(origin).host}/linode`);
    vi.stubEnv("LINODE_CLI_API_SCHEME", "http");
    vi.stubEnv("LINODE_CLI_API_VERSION", "v4beta");
    expect(
      (await run("phone", "sms-code-send", "--iso_code", "US", "--phone_number", "2015550123")).code,
    ).toBe(0);
    vi.stubEnv("LINODE_CLI_API_VERSION", "v5");
    const bad = await run("phone", "delete");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("LINODE_CLI_API_VERSION must be v4 or v4beta");
  });

  it("says where to put a token when there is none", async () => {
    vi.stubEnv("HANDSET_URL", origin);
    const result = await run("phone", "delete");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^handset: no token: set LINODE_CLI_TOKEN/);
  });

  it("exits 1 when no Handset answers", async () => {
    vi.stubEnv("LINODE_CLI_TOKEN", "hst_whatever");
    vi.stubEnv("HANDSET_URL", "http://127.0.0.1:1");
    const result = await run("phone", "delete");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /could not reach http:\/\/127\.0\.0\.1:1\/linode\/v4\/profile\/phone-number/,
    );
  });

  it("runs as its own process: exit codes and output of the shipped executable", async () => {
    const token = await t.tokenFor("alice");
    const env = {
      PATH: process.env.PATH,
      HANDSET_URL: origin,
      LINODE_CLI_TOKEN: token,
      HANDSET_CLI_CONFIG: join(configDir, "none.json"),
    };
    const cli = (...argv: string[]) =>
      promisify(execFile)(process.execPath, handsetCommand(argv), { env }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          stdout: error.stdout,
          stderr: error.stderr,
        }),
      );
    const ok = await cli("phone", "sms-code-send", "--iso_code", "US", "--phone_number", "201-555-0123");
    expect(ok).toEqual({ code: 0, stdout: "", stderr: "" });
    const refused = await cli("phone", "delete");
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("Request failed: 400");
    expect(refused.stderr).toContain("This profile has no verified phone number.");
    const asJson = await cli("phone", "delete", "--json", "--no-retry");
    expect(asJson).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'Request failed: 400\n[{"field": "", "reason": "This profile has no verified phone number."}]\n',
    });
  });
});

describe("renderTable", () => {
  it("draws linode-cli's boxed errors table: title left over the table's width, a line between rows", () => {
    expect(
      renderTable(
        "errors",
        ["field", "reason"],
        [
          ["otp_code", "Invalid."],
          ["", "Also."],
        ],
      ),
    ).toBe(
      [
        "errors                 ",
        "┌──────────┬──────────┐",
        "│ field    │ reason   │",
        "├──────────┼──────────┤",
        "│ otp_code │ Invalid. │",
        "├──────────┼──────────┤",
        "│          │ Also.    │",
        "└──────────┴──────────┘",
      ].join("\n"),
    );
  });

  it("leaves out the title and the header row with --no-headers", () => {
    expect(renderTable("errors", ["field", "reason"], [["otp_code", "Invalid."]], false)).toBe(
      ["┌──────────┬──────────┐", "│ otp_code │ Invalid. │", "└──────────┴──────────┘"].join("\n"),
    );
  });
});
