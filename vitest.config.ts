import { defineConfig } from "vitest/config";
import { SummaryReporter } from "./test/support/summary-reporter.js";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Builds dist/handset.mjs, which the tests that start Handset as a process run.
    globalSetup: ["./test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    reporters: ["default", new SummaryReporter()],
  },
});
