import type { File, Reporter, Task } from "vitest";

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, that CI and people can read
 * without vitest's colours and layout.
 */
export class SummaryReporter implements Reporter {
  onFinished(files: File[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const visit = (task: Task): void => {
      if (task.type === "suite") {
        for (const child of task.tasks) visit(child);
        return;
      }
      const state = task.result?.state;
      if (state === "pass") counts.passed += 1;
      else if (state === "fail") counts.failed += 1;
      else counts.skipped += 1;
    };
    for (const file of files) {
      if (file.result?.state === "fail" && file.tasks.length === 0) counts.failed += 1;
      for (const task of file.tasks) visit(task);
    }
    process.stdout.write(
      `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
