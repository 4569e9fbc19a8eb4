import type { File, Reporter, Task } from "vitest";

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, that CI and people can read
 * without vitest's colours and layout.
 */
export class SummaryReporter implements Reporter {
  onFinished(files: File[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    /** Counts the tests in `task` and returns how many failures it added. */
    const visit = (task: Task): number => {
      if (task.type === "suite") {
        let failed = 0;
        for (const child of task.tasks) failed += visit(child);
        // A file or suite can fail without a failed test: a file that does not load, or an error in
        // beforeAll (its tests are then reported skipped) or afterAll. That is one failure, not none.
        if (task.result?.state === "fail" && failed === 0) {
          counts.failed += 1;
          return 1;
        }
        return failed;
      }
      const state = task.result?.state;
      if (state === "pass") counts.passed += 1;
      else if (state === "fail") counts.failed += 1;
      else counts.skipped += 1;
      return state === "fail" ? 1 : 0;
    };
    for (const file of files) visit(file);
    process.stdout.write(
      `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
