import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { HANDSET_BIN, ROOT } from "./handset-process.js";

/**
 * Builds dist/handset.mjs once per test run, before any test file starts: the tests that run Handset
 * as its own process run what `npm start` and the `handset` bin run, never a stale build.
 * esbuild takes well under a second; the build is atomic, so a run beside this one is not disturbed.
 */
export async function setup(): Promise<void> {
  const started = performance.now();
  try {
    await promisify(execFile)(process.execPath, ["scripts/bundle.mjs"], { cwd: ROOT });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`npm run build failed, so no test can run the bundle:\n${stderr ?? String(error)}`);
  }
  process.stdout.write(`built ${HANDSET_BIN} in ${Math.round(performance.now() - started)} ms\n`);
}
