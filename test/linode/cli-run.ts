import { vi } from "vitest";
import { runCli } from "../../src/cli/main.js";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment variables `handset phone` reads, cleared so that the test's own are the only ones. */
export const PHONE_CLI_ENV = [
  "LINODE_CLI_TOKEN",
  "HANDSET_TOKEN",
  "HANDSET_URL",
  "LINODE_CLI_API_HOST",
  "LINODE_CLI_API_SCHEME",
  "LINODE_CLI_API_VERSION",
] as const;

/** Runs the `handset` command in this process and collects what it writes and its exit code. */
export async function runHandset(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runCli(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
