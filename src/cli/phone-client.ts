import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { CommanderError } from "commander";
import { z } from "zod";
import { ConfigError } from "../config.js";
import type { CliIo } from "./main.js";
import { DEFAULT_OUTPUT, type OutputSettings, renderErrors } from "./phone-output.js";

/** linode-cli's exit code for a request the API refused (`ExitCodes.REQUEST_FAILED`). */
export const EXIT_REQUEST_FAILED = 2;

const DEFAULT_HANDSET_URL = "http://127.0.0.1:4010";

const CliConfigFile = z.strictObject({
  url: z.url().optional(),
  token: z.string().min(1).optional(),
  api_version: z.enum(["v4", "v4beta"]).optional(),
});

export interface PhoneCliSettings {
  /** Where the Linode API lives, version included: `http://127.0.0.1:4010/linode/v4`. */
  apiRoot: string;
  token: string;
}

type Env = Record<string, string | undefined>;

export function cliConfigPath(env: Env): string {
  return (
    env.HANDSET_CLI_CONFIG ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "handset", "cli.json")
  );
}

function readConfigFile(path: string): z.infer<typeof CliConfigFile> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`${path} is not valid JSON`);
  }
  const parsed = CliConfigFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "file"}: ${i.message}`);
    throw new ConfigError(`${path}: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/**
 * Where to send and with which token: the environment first, then the config file. The token is
 * linode-cli's `LINODE_CLI_TOKEN` (or `HANDSET_TOKEN`); `LINODE_CLI_API_HOST`/`_SCHEME`/`_VERSION`
 * are read as linode-cli reads them, so one environment serves both CLIs.
 */
export function resolvePhoneCliSettings(env: Env): PhoneCliSettings {
  const file = readConfigFile(cliConfigPath(env));
  const token = env.LINODE_CLI_TOKEN || env.HANDSET_TOKEN || file.token;
  if (!token) {
    throw new ConfigError(
      `no token: set LINODE_CLI_TOKEN (a Handset user token) or put "token" in ${cliConfigPath(env)}`,
    );
  }
  const version = env.LINODE_CLI_API_VERSION || file.api_version || "v4";
  if (version !== "v4" && version !== "v4beta") {
    throw new ConfigError(`LINODE_CLI_API_VERSION must be v4 or v4beta, not ${version}`);
  }
  if (!env.HANDSET_URL && env.LINODE_CLI_API_HOST) {
    const scheme = env.LINODE_CLI_API_SCHEME || "https";
    return { apiRoot: `${scheme}://${env.LINODE_CLI_API_HOST}/${version}`, token };
  }
  const origin = (env.HANDSET_URL || file.url || DEFAULT_HANDSET_URL).replace(/\/+$/, "");
  return { apiRoot: `${origin}/linode/${version}`, token };
}

export interface LinodeApiError {
  reason: string;
  field?: string;
}

function errorsOf(body: unknown): LinodeApiError[] | null {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return null;
  return errors.map((e) => ({
    reason: String((e as { reason?: unknown }).reason ?? ""),
    field: typeof (e as { field?: unknown }).field === "string" ? (e as { field: string }).field : undefined,
  }));
}

/**
 * linode-cli's retry (api_request.py `do_request`, `_check_retry`): a 408, a 429, or an nginx 400
 * HTML page is sent again after `Retry-After` seconds, at most 3 times, unless `--no-retry`.
 */
export const MAX_RETRIES = 3;

function shouldRetry(response: Response): boolean {
  if (response.status === 408 || response.status === 429) return true;
  return (
    response.status === 400 &&
    response.headers.get("server") === "nginx" &&
    response.headers.get("content-type") === "text/html"
  );
}

/**
 * `Retry-After` in whole seconds as linode-cli reads it (`int(...)`, 0 when absent). A value it could
 * not read (a date, say) is 0 here too rather than a crash; a negative one is 0.
 */
export function retryAfterSeconds(header: string | null): number {
  if (header === null || !/^\s*[+-]?\d+\s*$/.test(header)) return 0;
  return Math.max(0, Number.parseInt(header.trim(), 10));
}

/** How the CLI waits before a retry; tests replace `sleep` so that nothing really waits. */
export const retryTiming = {
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`could not reach ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}

/**
 * Sends one request as linode-cli does, and answers as it does: nothing on success (the phone
 * actions' responses are empty objects); on an error status, `Request failed: <status>` and the
 * `errors` table on stderr in the chosen output mode, then exit code 2.
 */
export async function linodeRequest(
  io: Pick<CliIo, "stderr">,
  settings: PhoneCliSettings,
  method: "POST" | "DELETE",
  path: string,
  body?: Record<string, string>,
  output: OutputSettings = DEFAULT_OUTPUT,
): Promise<void> {
  const url = `${settings.apiRoot}${path}`;
  const init: RequestInit = {
    method,
    headers: {
      authorization: `Bearer ${settings.token}`,
      "content-type": "application/json",
      "user-agent": "handset-cli linode-cli-compatible",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  let response = await send(url, init);
  for (let retries = 0; output.retry && retries < MAX_RETRIES && shouldRetry(response); retries++) {
    await response.body?.cancel();
    await retryTiming.sleep(retryAfterSeconds(response.headers.get("retry-after")) * 1000);
    response = await send(url, init);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text === "" ? null : JSON.parse(text);
  } catch {
    // A non-JSON answer (a proxy's HTML page, say) still gets its status reported below.
  }
  if (response.ok) return;
  const errors = errorsOf(json);
  io.stderr(`Request failed: ${response.status}\n${errors ? renderErrors(errors, output) : ""}`);
  throw new CommanderError(EXIT_REQUEST_FAILED, "handset.phone.requestFailed", "request failed");
}
