#!/usr/bin/env node
// Bundles the server and CLI into ES modules: dist/handset.mjs, and beside it in dist/chunks/ the
// parts loaded only when used (the server itself for the CLI, a surface's implementation, the OpenAPI
// generator and docs page, the ZITADEL protobufs). Resolving and reading several hundred module files
// cost more than half of Handset's start-up (BENCHMARKS.md); a few files do not, and what is not
// needed is not compiled.
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
import { dirname, join, relative, resolve } from "node:path";
import { build } from "esbuild";

/**
 * zod re-exports every locale (`z.locales`, `z.core.locales`: some 290 KiB) and configures English from its own module;
 * Handset uses no other. Its index of locales becomes English alone, so the rest is not compiled at start.
 * @type {import("esbuild").Plugin}
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(bundle) {
    bundle.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(importer)
        ? { path: join(dirname(importer), "../locales/en.js"), namespace: "zod-locales" }
        : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: "zod-locales" }, ({ path }) => ({
      contents: `export { default as en } from ${JSON.stringify(path)};`,
      resolveDir: dirname(path),
    }));
  },
};

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");
const ENTRY = "handset.mjs";
const STALE_CHUNK_MS = 5 * 60_000;

const result = await build({
  absWorkingDir: root,
  entryPoints: { handset: "src/cli/bin.ts" },
  outdir: dist,
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  write: false,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // Stack traces need only the mappings: without the sources' text the map is a fraction of the size,
  // and `--enable-source-maps` reads and decodes each map as its module loads.
  sourcesContent: false,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  // better-sqlite3 is a native addon, pg is loaded only for PostgreSQL, and swagger-ui serves files
  // from its own package folder.
  external: ["better-sqlite3", "pg", "@fastify/swagger-ui"],
  // The CommonJS packages inside (fastify and its plugins) call `require` for Node's built-ins.
  plugins: [zodEnglishOnly],
  banner: {
    js: "import { createRequire as __handsetCreateRequire } from 'node:module'; const require = __handsetCreateRequire(import.meta.url);",
  },
});

const nameOf = (file) => relative(dist, file.path);
const names = new Set(result.outputFiles.map(nameOf));
// The entry and its map go last: until then dist/handset.mjs is the previous build, whole.
const isEntry = (name) => name === ENTRY || name === `${ENTRY}.map`;
const ordered = [...result.outputFiles].sort(
  (a, b) => Number(isEntry(nameOf(a))) - Number(isEntry(nameOf(b))),
);
const tag = `.tmp-${process.pid}-${Date.now().toString(36)}`;
for (const file of ordered) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}${tag}`;
  writeFileSync(temporary, file.contents);
  if (nameOf(file) === ENTRY) chmodSync(temporary, 0o755);
  renameSync(temporary, file.path);
}

const now = Date.now();
for (const folder of [dist, join(dist, "chunks")]) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(folder, entry.name);
    if (names.has(relative(dist, path)) || !/\.mjs(\.map)?$|\.tmp-/.test(entry.name)) continue;
    // Another build may be pruning the same folder: a file gone meanwhile is no error.
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now;
    if (now - modified > STALE_CHUNK_MS) rmSync(path, { force: true });
  }
}
