import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "./main.js";

/**
 * The native API's OpenAPI document, as `GET /openapi.json` answers it, built from the routes of this
 * version without a database or a listening port: the app is built over an in-memory SQLite store in
 * a throw-away data directory, asked once, and closed. The document depends on no setting, so the
 * environment is not read (a production DATABASE_URL is never touched).
 */
export async function openApiDocument(): Promise<unknown> {
  const dataDir = mkdtempSync(join(tmpdir(), "handset-openapi-"));
  try {
    const [{ loadConfig }, { buildApp }] = await Promise.all([
      import("../config.js"),
      import("../app/server.js"),
    ]);
    const config = loadConfig({
      NODE_ENV: "development",
      HANDSET_DATA_DIR: dataDir,
      DATABASE_URL: ":memory:",
      HANDSET_LOG_LEVEL: "silent",
    });
    const { app } = await buildApp(config);
    try {
      const answer = await app.inject({ method: "GET", url: "/openapi.json" });
      if (answer.statusCode !== 200) throw new Error(`the OpenAPI document answered ${answer.statusCode}`);
      return answer.json();
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `handset openapi`: print (or write) the document, for client generators and API gateways. */
export function registerOpenApiCommand(program: Command, io: CliIo): void {
  program
    .command("openapi")
    .description("Print the native API's OpenAPI 3.1 document (what GET /openapi.json answers)")
    .option("-o, --output <file>", "write it to this file instead")
    .action(async (opts: { output?: string }) => {
      const text = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
      if (opts.output === undefined) io.stdout(text);
      else writeFileSync(opts.output, text);
    });
}
