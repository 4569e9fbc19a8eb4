#!/usr/bin/env node
// Bundles the server and CLI into one ES module, dist/handset.mjs. Resolving and reading several
// hundred module files cost more than half of Handset's start-up (BENCHMARKS.md); one file does not.
// Native and path-dependent packages stay outside the bundle and load from node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/bin.ts"],
  outfile: "dist/handset.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // better-sqlite3 is a native addon, pg is loaded only for PostgreSQL, and swagger-ui serves files
  // from its own package folder.
  external: ["better-sqlite3", "pg", "@fastify/swagger-ui"],
  // The CommonJS packages inside (fastify and its plugins) call `require` for Node's built-ins.
  banner: {
    js: "import { createRequire as __handsetCreateRequire } from 'node:module'; const require = __handsetCreateRequire(import.meta.url);",
  },
});
