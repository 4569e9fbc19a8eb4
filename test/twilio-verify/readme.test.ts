import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { startTwilioServer, type TwilioTestServer } from "./support.js";

const run = promisify(execFile);

/** The README's "Coming from Twilio Verify" snippet, as written there. */
function readmeSnippet(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.split("## Coming from Twilio Verify")[1] ?? "";
  const snippet = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!snippet) throw new Error("the README has no Twilio Verify snippet");
  return snippet;
}

const servers: TwilioTestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.t.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the README's Twilio Verify quick start", () => {
  it("runs as written against a server, the SDK unchanged", async () => {
    const s = await startTwilioServer({ env: { HANDSET_TEST_NUMBERS: "+447400123456=123456" } });
    servers.push(s);
    // The snippet runs as a Node program of its own; only where `twilio` is found differs (a temp dir
    // has no node_modules), so the import names the installed SDK by its path.
    const sdk = pathToFileURL(createRequire(import.meta.url).resolve("twilio")).href;
    const snippet = readmeSnippet();
    expect(snippet).toContain('import twilio from "twilio";');
    const dir = mkdtempSync(join(tmpdir(), "handset-readme-"));
    dirs.push(dir);
    const file = join(dir, "quick-start.mjs");
    writeFileSync(file, snippet.replace('from "twilio"', `from ${JSON.stringify(sdk)}`));
    const { stdout } = await run(process.execPath, [file], {
      env: {
        PATH: process.env.PATH ?? "",
        TWILIO_ACCOUNT_SID: s.accountSid,
        TWILIO_AUTH_TOKEN: s.authToken,
        TWILIO_VERIFY_SERVICE_SID: s.serviceSid,
        HANDSET_TWILIO_URL: s.baseUrl,
      },
    });
    expect(stdout).toBe("pending\napproved\n");
  });
});
