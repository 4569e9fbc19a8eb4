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
    poolOptions: {
      forks: {
        // Vitest's default on a 2-core machine is one worker, which leaves a core idle whenever a test
        // waits on a spawned process, PostgreSQL or a lease; two keep both cores busy.
        maxForks: 2,
        minForks: 1,
        // Each worker loads Fastify, the protobufs and Handset's modules once and runs file after file,
        // instead of a fresh process per file (that was two thirds of the suite's CPU time). It is
        // sound because nothing in src/ keeps module state a test could see (each test builds its own
        // app, store and clock), no test uses vi.mock or fake timers, and vitest restores spies after
        // each file and stubbed environment variables after each test (unstubEnvs below). A test
        // file that needs a fresh module graph must say so and get a project of its own.
        isolate: false,
      },
    },
    unstubEnvs: true,
    reporters: ["default", new SummaryReporter()],
  },
});
