#!/usr/bin/env node
// Where Handset's start-to-ready time goes: loads the heavy dependencies one by one, then Handset's
// modules, builds the app on a migrated SQLite file and listens, printing the time at each step.
// Later steps reuse what earlier ones loaded, so each line is what that step added. It needs the
// modules one by one, not the bundle `npm start` runs, so it compiles them with tsc first (into a
// temporary folder) unless given a folder of compiled modules.
//   node bench/startup-steps.mjs [path/to/compiled/src]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

let started = 0;
let last = 0;
const lap = (label) => {
  const now = performance.now();
  console.log(
    `${label.padEnd(34)} +${(now - last).toFixed(0).padStart(5)} ms  (${(now - started).toFixed(0)} ms)`,
  );
  last = now;
};

const compiledHere = process.argv[2] === undefined;
// Inside the repository, so that the compiled modules find node_modules.
const cache = resolve("node_modules/.cache");
mkdirSync(cache, { recursive: true });
const dist = compiledHere ? mkdtempSync(join(cache, "handset-modules-")) : resolve(process.argv[2]);
if (compiledHere) {
  execFileSync(
    process.execPath,
    [
      "node_modules/typescript/bin/tsc",
      "-p",
      "tsconfig.build.json",
      "--outDir",
      dist,
      "--incremental",
      "false",
    ],
    { stdio: "inherit" },
  );
}
const dataDir = mkdtempSync(join(tmpdir(), "handset-startup-"));
// Migrated beforehand, as in the bench (keys are created before the server starts).
execFileSync(process.execPath, [join(dist, "cli/bin.js"), "migrate"], {
  env: { ...process.env, HANDSET_DATA_DIR: dataDir, DATABASE_URL: undefined },
  stdio: "ignore",
});
started = performance.now();
last = started;

for (const name of [
  "fastify",
  "zod",
  "fastify-type-provider-zod",
  "kysely",
  "better-sqlite3",
  "pg",
  "libphonenumber-js/max",
  "@fastify/swagger",
  "@fastify/swagger-ui",
  "@connectrpc/connect-node",
  "@zitadel/proto",
  "standardwebhooks",
]) {
  try {
    await import(name);
    lap(`import ${name}`);
  } catch {
    lap(`import ${name} (not installed)`);
  }
}
const url = (path) => pathToFileURL(join(dist, path)).href;
const { loadConfig } = await import(url("config.js"));
const { buildApp } = await import(url("app/server.js"));
lap("import Handset's modules");
const { app } = await buildApp(loadConfig({ HANDSET_DATA_DIR: dataDir, HANDSET_LOG_LEVEL: "warn" }));
lap("buildApp (store, routes, surfaces)");
await app.listen({ host: "127.0.0.1", port: 0 });
lap("listen");
await app.close();
rmSync(dataDir, { recursive: true, force: true });
if (compiledHere) rmSync(dist, { recursive: true, force: true });
