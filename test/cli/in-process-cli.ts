import { runCli } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI run in this process with a clean environment: only what the test names (no database URL,
 * nothing of the runner's), its output kept.
 */
export function inProcessCli(dataDir: string) {
  return async (args: string[], env: Record<string, string> = {}): Promise<CliRun> => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(args, {
      env: { PATH: process.env.PATH, NODE_ENV: "test", HANDSET_DATA_DIR: dataDir, ...env },
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    });
    return { code, stdout, stderr };
  };
}
