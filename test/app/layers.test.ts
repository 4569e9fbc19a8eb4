import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every `from "..."` of a file: relative imports as `src/`-relative paths, packages as named. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/\bfrom\s+"([^"]+)"/g)].map(([, spec = ""]) =>
    spec.startsWith(".") ? relative(SRC, resolve(dirname(file), spec)) : spec,
  );
}

const layerOf = (path: string) => path.split("/")[0] ?? "";

/**
 * What each folder may not import, as DESIGN.md draws the house: dependencies point one way, the
 * composition root (`app/`) sits on top, and `http/` is a toolkit the surfaces use, not their owner.
 */
const FORBIDDEN: Record<string, readonly string[]> = {
  domain: ["services", "store", "delivery", "surfaces", "http", "app", "cli", "fastify", "kysely"],
  store: ["services", "delivery", "surfaces", "http", "app", "cli", "fastify"],
  services: ["surfaces", "http", "app", "cli", "fastify"],
  delivery: ["services", "surfaces", "http", "app", "cli", "fastify"],
  http: ["surfaces", "app", "cli"],
  surfaces: ["app", "cli", "store"],
  app: ["cli"],
};

describe("the layers", () => {
  const files = sourceFiles(SRC).map((file) => ({ file: relative(SRC, file), imports: importsOf(file) }));

  it.each(Object.entries(FORBIDDEN))("%s imports none of its dependents", (layer, forbidden) => {
    const offending = files
      .filter(({ file }) => layerOf(file) === layer)
      .flatMap(({ file, imports }) =>
        imports.filter((i) => forbidden.includes(layerOf(i))).map((i) => `${file} -> ${i}`),
      );
    expect(offending).toEqual([]);
  });
});
