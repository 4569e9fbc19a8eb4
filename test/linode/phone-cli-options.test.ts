import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_RETRIES, retryAfterSeconds, retryTiming } from "../../src/cli/phone-client.js";
import { renderJsonRows, renderTable } from "../../src/cli/phone-output.js";
import { createTestApp, type TestApp } from "../support/harness.js";
import { PHONE_CLI_ENV, runHandset } from "./cli-run.js";

const US_E164 = "+12015550123";
const SEND = ["phone", "sms-code-send", "--iso_code", "US", "--phone_number", "201-555-0123"];
const WRONG = "Invalid verification code. 4 attempts left.";

/** linode-cli's global options on `handset phone`, end to end against a Handset on a real port. */
describe("handset phone: linode-cli's output options and retry", () => {
  let t: TestApp;
  let configDir: string;

  beforeEach(async () => {
    t = await createTestApp({ runDispatcher: false });
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    configDir = mkdtempSync(join(tmpdir(), "handset-cli-config-"));
    for (const name of PHONE_CLI_ENV) vi.stubEnv(name, undefined);
    vi.stubEnv("HANDSET_CLI_CONFIG", join(configDir, "cli.json"));
    vi.stubEnv("HANDSET_URL", `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`);
    vi.stubEnv("LINODE_CLI_TOKEN", await t.tokenFor("alice"));
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(configDir, { recursive: true, force: true });
    await t.close();
  });

  /** A code sent, and a wrong one to send back: the server answers 400 with one `otp_code` error. */
  async function wrongCodeArgs(): Promise<string[]> {
    expect((await runHandset(...SEND)).code).toBe(0);
    await t.dispatcher.runOnce();
    const [message] = t.inbox?.list({ to: US_E164 }) ?? [];
    if (!message) throw new Error("no SMS");
    return ["phone", "verify", "--otp_code", message.code === "000000" ? "111111" : "000000"];
  }

  it("prints the errors as JSON with --json, as Python's json.dumps writes them", async () => {
    const refused = await runHandset(...(await wrongCodeArgs()), "--json");
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: `Request failed: 400\n[{"field": "otp_code", "reason": "${WRONG}"}]\n`,
    });
  });

  it("pretty-prints them with --pretty (JSON implied), indented by 2 with sorted keys", async () => {
    const refused = await runHandset(...(await wrongCodeArgs()), "--pretty");
    expect(refused.stderr).toBe(
      `Request failed: 400\n[\n  {\n    "field": "otp_code",\n    "reason": "${WRONG}"\n  }\n]\n`,
    );
  });

  it("prints delimited text with --text: title, header row, rows; --delimiter and --no-headers apply", async () => {
    const args = await wrongCodeArgs();
    expect((await runHandset(...args, "--text")).stderr).toBe(
      `Request failed: 400\nerrors\nfield\treason\notp_code\t${WRONG}\n`,
    );
    expect(await runHandset(...args, "--text", "--delimiter", ",")).toMatchObject({
      code: 2,
      stderr: `Request failed: 400\nerrors\nfield,reason\notp_code,Invalid verification code. 3 attempts left.\n`,
    });
    expect((await runHandset(...args, "--text", "--no-headers")).stderr).toBe(
      "Request failed: 400\notp_code\tInvalid verification code. 2 attempts left.\n",
    );
    // --text wins over --json, as in linode-cli.
    expect((await runHandset(...args, "--json", "--text", "--no-headers")).stderr).toBe(
      "Request failed: 400\notp_code\tInvalid verification code. 1 attempt left.\n",
    );
  });

  it("draws the table without title and header row with --no-headers; --all-columns changes nothing", async () => {
    const missing = await runHandset("phone", "sms-code-send", "--no-headers");
    const rows = [
      ["iso_code", "iso_code is a required field"],
      ["phone_number", "phone_number is a required field"],
    ];
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: `Request failed: 400\n${renderTable("errors", ["field", "reason"], rows, false)}\n`,
    });
    const all = await runHandset("phone", "sms-code-send", "--all-columns");
    expect(all.stderr).toBe(`Request failed: 400\n${renderTable("errors", ["field", "reason"], rows)}\n`);
  });

  it("takes the options before the action too, and prints nothing on success whatever the mode", async () => {
    expect(await runHandset("phone", "--json", ...SEND.slice(1))).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const refused = await runHandset("phone", "--text", "--no-headers", "delete");
    expect(refused.stderr).toBe("Request failed: 400\n\tThis profile has no verified phone number.\n");
  });

  it("waits Retry-After and sends again on a 429, as linode-cli does", async () => {
    expect((await runHandset(...SEND)).code).toBe(0);
    // The injected sleep moves the server's clock instead of waiting.
    const sleep = vi.spyOn(retryTiming, "sleep").mockImplementation(async (ms) => t.clock.advance(ms));
    const resent = await runHandset(...SEND);
    expect(resent).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(sleep.mock.calls).toEqual([[30_000]]);
  });

  it("gives up after 3 retries and reports the 429", async () => {
    expect((await runHandset(...SEND)).code).toBe(0);
    const sleep = vi.spyOn(retryTiming, "sleep").mockResolvedValue(undefined);
    const refused = await runHandset(...SEND);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Request failed: 429\n/);
    expect(sleep).toHaveBeenCalledTimes(MAX_RETRIES);
    expect(sleep.mock.calls.every(([ms]) => ms === 30_000)).toBe(true);
  });

  it("reports the 429 at once with --no-retry, before or after the action", async () => {
    expect((await runHandset(...SEND)).code).toBe(0);
    const sleep = vi.spyOn(retryTiming, "sleep").mockResolvedValue(undefined);
    for (const argv of [
      [...SEND, "--no-retry", "--json"],
      ["phone", "--no-retry", "--json", ...SEND.slice(1)],
    ]) {
      const refused = await runHandset(...argv);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^Request failed: 429\n\[\{"field": "", "reason": ".+"\}\]\n$/);
    }
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe("retryAfterSeconds", () => {
  it("reads Retry-After as linode-cli's int(): whole seconds, 0 when absent or unreadable", () => {
    expect(retryAfterSeconds("30")).toBe(30);
    expect(retryAfterSeconds(" 7 ")).toBe(7);
    expect(retryAfterSeconds(null)).toBe(0);
    expect(retryAfterSeconds("")).toBe(0);
    expect(retryAfterSeconds("1.5")).toBe(0);
    expect(retryAfterSeconds("Wed, 21 Oct 2026 07:28:00 GMT")).toBe(0);
    expect(retryAfterSeconds("-3")).toBe(0);
  });
});

describe("handset phone's retry against a server that answers what Handset does not", () => {
  let server: Server;
  let answers: { status: number; headers: Record<string, string>; body: string }[];
  let requests: number;

  beforeEach(async () => {
    requests = 0;
    answers = [];
    server = createServer((request, response) => {
      request.resume();
      const answer = answers[Math.min(requests, answers.length - 1)];
      requests++;
      response.writeHead(answer?.status ?? 500, answer?.headers ?? {}).end(answer?.body ?? "");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    for (const name of PHONE_CLI_ENV) vi.stubEnv(name, undefined);
    vi.stubEnv("HANDSET_CLI_CONFIG", join(tmpdir(), "handset-no-such-config.json"));
    vi.stubEnv("HANDSET_URL", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    vi.stubEnv("LINODE_CLI_TOKEN", "hst_anything");
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await new Promise((resolve) => server.close(resolve));
  });

  const ok = { status: 200, headers: { "content-type": "application/json" }, body: "{}" };

  it("retries a 408 without Retry-After at once (a wait of 0), as linode-cli's int('') fallback does", async () => {
    answers = [{ status: 408, headers: {}, body: "" }, ok];
    const sleep = vi.spyOn(retryTiming, "sleep").mockResolvedValue(undefined);
    expect(await runHandset("phone", "delete")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(sleep.mock.calls).toEqual([[0]]);
    expect(requests).toBe(2);
  });

  it("retries nginx's HTML 400 page, and not a JSON 400 or a 503", async () => {
    answers = [
      { status: 400, headers: { server: "nginx", "content-type": "text/html" }, body: "<html>" },
      ok,
    ];
    vi.spyOn(retryTiming, "sleep").mockResolvedValue(undefined);
    expect((await runHandset("phone", "delete")).code).toBe(0);
    expect(requests).toBe(2);

    for (const status of [400, 503]) {
      requests = 0;
      answers = [
        { status, headers: { "content-type": "application/json" }, body: '{"errors":[{"reason":"No."}]}' },
      ];
      const refused = await runHandset("phone", "delete", "--text", "--no-headers");
      expect(refused).toEqual({ code: 2, stdout: "", stderr: `Request failed: ${status}\n\tNo.\n` });
      expect(requests).toBe(1);
    }
  });
});

describe("renderJsonRows", () => {
  it("escapes non-ASCII characters as Python's json.dumps does by default", () => {
    expect(renderJsonRows(["field", "reason"], [["", "Numéro refusé — 🙂"]], false)).toBe(
      '[{"field": "", "reason": "Num\\u00e9ro refus\\u00e9 \\u2014 \\ud83d\\ude42"}]',
    );
    expect(renderJsonRows(["reason", "field"], [["r", "f"]], true)).toBe(
      '[\n  {\n    "field": "f",\n    "reason": "r"\n  }\n]',
    );
  });
});
