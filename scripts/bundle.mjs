#!/usr/bin/env node
// Bundles the server and CLI into ES modules: dist/handset.mjs, and beside it in dist/chunks/ the
// parts loaded only when used (a surface's implementation, the OpenAPI generator and docs page, the
// ZITADEL protobufs). Resolving and reading several hundred module files cost more than half of
// Handset's start-up (BENCHMARKS.md); a few files do not, and what is not needed is not compiled.
// Native and path-dependent packages stay outside the bundle and load from node_modules.
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
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

// Chunks are named by content hash: clear out the last build's, so that none goes stale.
await rm("dist", { recursive: true, force: true });
await build({
  entryPoints: { handset: "src/cli/bin.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Stack traces need only the mappings: without the sources' text the map is a fraction of the size,
  // and `--enable-source-maps` reads and decodes each map as its module loads.
  sourcemap: true,
  sourcesContent: false,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  plugins: [zodEnglishOnly],
  // better-sqlite3 is a native addon, pg is loaded only for PostgreSQL, and swagger-ui serves files
  // from its own package folder.
  external: ["better-sqlite3", "pg", "@fastify/swagger-ui"],
  // The CommonJS packages inside (fastify and its plugins) call `require` for Node's built-ins.
  banner: {
    js: "import { createRequire as __handsetCreateRequire } from 'node:module'; const require = __handsetCreateRequire(import.meta.url);",
  },
});
