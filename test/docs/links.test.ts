import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** README.md, BENCHMARKS.md and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const files = ["README.md", "BENCHMARKS.md"].map((name) => join(ROOT, name)).filter((f) => existsSync(f));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) files.push(path);
    }
  };
  walk(join(ROOT, "docs"));
  return files;
}

/** Link targets of `[text](target)` that point into the repository (not a URL, not an anchor alone). */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "");
  return [...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1] as string)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#"));
}

/** Markdown files named in code spans (`docs/sms.md`, `reference/x.md`): a reader looks for them too. */
function namedMarkdownFiles(markdown: string): string[] {
  return [...markdown.matchAll(/`([A-Za-z0-9_./-]+\.md)`/g)].map((match) => match[1] as string);
}

describe("the documentation's references", () => {
  const files = markdownFiles();

  it("finds the documents", () => {
    expect(files.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(["README.md", "docs/sms.md"]));
  });

  it("links only to files that are in the repository", () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const target of relativeLinks(readFileSync(file, "utf8"))) {
        const path = decodeURIComponent(target.split("#")[0] as string);
        if (!existsSync(resolve(dirname(file), path))) broken.push(`${relative(ROOT, file)} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("names only Markdown files that are in the repository", () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const name of namedMarkdownFiles(readFileSync(file, "utf8"))) {
        const found = [resolve(dirname(file), name), resolve(ROOT, name)].some((path) => existsSync(path));
        if (!found) missing.push(`${relative(ROOT, file)} names ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
