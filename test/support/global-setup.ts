import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
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
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = newTestRunId();
  // Test workers start after this and inherit the variable.
  process.env[TEST_RUN_VARIABLE] = run;
  await Promise.all([
    build(),
    // A PostgreSQL that does not answer fails the PostgreSQL tests, each saying so; not the whole run.
    TEST_DATABASE_URL ? sweepStaleSchemas(TEST_DATABASE_URL).catch(() => undefined) : undefined,
  ]);
  // In watch mode the sources change between runs: each rerun builds again.
  project.onTestsRerun(build);
  return async () => {
    if (!TEST_DATABASE_URL) return;
    await dropRunSchemas(TEST_DATABASE_URL, run).catch((error: Error) => {
      // The tests that needed PostgreSQL have said so; what is left is swept by a run an hour later.
      process.stderr.write(`could not drop this run's PostgreSQL schemas: ${error.message}\n`);
    });
  };
}

async function build(): Promise<void> {
  const started = performance.now();
  try {
    await promisify(execFile)(process.execPath, ["scripts/bundle.mjs"], { cwd: ROOT });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`npm run build failed, so no test can run the bundle:\n${stderr ?? String(error)}`);
  }
  process.stdout.write(`built ${HANDSET_BIN} in ${Math.round(performance.now() - started)} ms\n`);
}
