#!/usr/bin/env node
// Bundles the server and CLI into dist/handset.mjs. Resolving and reading several hundred module
// files cost more than half of Handset's start-up (BENCHMARKS.md); a handful of bundled files does not.
// Native and path-dependent packages stay outside the bundle and load from node_modules.
//
// The CLI imports the server only inside the commands that run it, and the bundle is split there:
// `handset --help` and a wrong command line load dist/handset.mjs and commander (140 kB), not Fastify,
// zod and the protobufs (dist/serve-<hash>.mjs and its chunks, 4 MB). Chunks are named by their content.
//
// Publishing is atomic, because the test suite builds at the start of every run while another run,
// or a server started from dist/, may be reading it: every file is written under a temporary name
// and renamed into place, the entry last, so a reader sees the old build or the new one, never half
// of each. A process needs its build's chunks only in the moment between loading the entry and importing
// them (the server imports everything as it starts), so chunks no build uses any more are deleted once
// they are five minutes old.
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");
const ENTRY = "handset.mjs";
const STALE_CHUNK_MS = 5 * 60_000;

const result = await build({
  absWorkingDir: root,
  entryPoints: { handset: "src/cli/bin.ts" },
  outdir: dist,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  write: false,
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

mkdirSync(dist, { recursive: true });
const names = new Set(result.outputFiles.map((file) => basename(file.path)));
// The entry and its map go last: until then dist/handset.mjs is the previous build, whole.
const isEntry = (name) => name === ENTRY || name === `${ENTRY}.map`;
const ordered = [...result.outputFiles].sort((a, b) => {
  return Number(isEntry(basename(a.path))) - Number(isEntry(basename(b.path)));
});
const tag = `.tmp-${process.pid}-${Date.now().toString(36)}`;
for (const file of ordered) {
  const temporary = `${file.path}${tag}`;
  writeFileSync(temporary, file.contents);
  if (basename(file.path) === ENTRY) chmodSync(temporary, 0o755);
  renameSync(temporary, file.path);
}

const now = Date.now();
for (const name of readdirSync(dist)) {
  if (names.has(name) || !/\.mjs(\.map)?$|\.tmp-/.test(name)) continue;
  const path = join(dist, name);
  // Another build may be pruning the same folder: a file gone meanwhile is no error.
  const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now;
  if (now - modified > STALE_CHUNK_MS) rmSync(path, { force: true });
}
