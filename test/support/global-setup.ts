import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { HANDSET_BIN, ROOT } from "./handset-process.js";
import {
  dropRunSchemas,
  newTestRunId,
  sweepStaleSchemas,
  TEST_DATABASE_URL,
  TEST_RUN_VARIABLE,
} from "./postgres.js";

/**
 * Before any test file starts: builds dist/handset.mjs, so that the tests that run Handset as its own
 * process run what `npm start` and the `handset` bin run, never a stale build (esbuild takes about a
 * second, and the build is atomic, so a run beside this one is not disturbed); and names the run, whose
 * PostgreSQL schemas are dropped together when it ends (test/support/postgres.ts says why).
 */
export async function setup(): Promise<() => Promise<void>> {
  const run = newTestRunId();
  // Test workers start after this and inherit the variable.
  process.env[TEST_RUN_VARIABLE] = run;
  const started = performance.now();
  const [build] = await Promise.allSettled([
    promisify(execFile)(process.execPath, ["scripts/bundle.mjs"], { cwd: ROOT }),
    TEST_DATABASE_URL ? sweepStaleSchemas(TEST_DATABASE_URL) : undefined,
  ]);
  if (build.status === "rejected") {
    const { stderr } = build.reason as { stderr?: string };
    throw new Error(
      `npm run build failed, so no test can run the bundle:\n${stderr ?? String(build.reason)}`,
    );
  }
  process.stdout.write(`built ${HANDSET_BIN} in ${Math.round(performance.now() - started)} ms\n`);
  return async () => {
    if (TEST_DATABASE_URL) await dropRunSchemas(TEST_DATABASE_URL, run);
  };
}
