// Regenerates clients/typescript/ from the server's OpenAPI document (`handset openapi`), or with
// --check says whether the checked-in files still match it (exit code 1 when they do not).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderClientFiles } from "./client-files.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const clientDir = join(root, "clients", "typescript");
const check = process.argv.includes("--check");

const document = JSON.parse(
  execFileSync(process.execPath, [join(root, "dist", "handset.mjs"), "openapi"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  }),
);
const files = await renderClientFiles(document);
const stale = [];
for (const [path, content] of Object.entries(files)) {
  const target = join(clientDir, path);
  let current = null;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    current = null;
  }
  if (current === content) continue;
  stale.push(path);
  if (!check) writeFileSync(target, content);
}
if (check && stale.length > 0) {
  process.stderr.write(
    `clients/typescript is stale (${stale.join(", ")}): run \`npm run client:generate\` and commit.\n`,
  );
  process.exit(1);
}
process.stdout.write(
  stale.length === 0
    ? "clients/typescript is up to date\n"
    : `wrote ${stale.map((p) => `clients/typescript/${p}`).join(", ")}\n`,
);
