import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderClientFiles } from "../../scripts/client-files.mjs";
import { openApiDocument } from "../../src/cli/openapi.js";
import { inProcessCli } from "../cli/in-process-cli.js";

const CLIENT_DIR = join(import.meta.dirname, "..", "..", "clients", "typescript");

describe("clients/typescript", () => {
  let document: {
    paths: Record<string, Record<string, { operationId?: string }>>;
    components: { schemas: Record<string, unknown> };
  };
  // Builds the whole app once, with @fastify/swagger: seconds on a loaded CI machine.
  beforeAll(async () => {
    document = (await openApiDocument()) as typeof document;
  }, 90_000);

  // In the order zod met them, the components followed the order of the worker's imports, and the
  // checked-in client was stale or not depending on which test file ran first.
  it("lists the document's schemas in name order, whatever was imported first", () => {
    const names = Object.keys(document.components.schemas);
    expect(names.length).toBeGreaterThan(50);
    expect(names).toEqual([...names].sort());
  });

  it("is generated from this server's OpenAPI document (npm run client:generate when this fails)", async () => {
    const files = await renderClientFiles(document);
    expect(Object.keys(files).sort()).toEqual(["openapi.json", "src/schema.ts"]);
    for (const [path, content] of Object.entries(files)) {
      const checkedIn = readFileSync(join(CLIENT_DIR, path), "utf8");
      // One assertion per file, naming it; the diff of a 6,000-line file helps no one.
      expect(checkedIn === content, `clients/typescript/${path} is stale: run npm run client:generate`).toBe(
        true,
      );
    }
  });

  it("has a type for every operation of the document, and send-code's body is optional", () => {
    const sendCode = document.paths["/v1/me/phone-numbers/{phone_number_id}/send-code"]?.post as {
      requestBody?: { required?: boolean };
    };
    expect(sendCode.requestBody?.required).toBe(false);
    const schema = readFileSync(join(CLIENT_DIR, "src", "schema.ts"), "utf8");
    const operationIds = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(operationIds.length).toBeGreaterThan(20);
    for (const id of operationIds) expect(schema).toContain(`    ${id}: {`);
  });

  it("is what `handset openapi` prints, without a database or a port", async () => {
    const cli = inProcessCli("/nonexistent-handset-data");
    const run = await cli(["openapi"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(document);
  });
});
