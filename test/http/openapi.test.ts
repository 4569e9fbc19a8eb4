import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { ERROR_CODES } from "../../src/domain/errors.js";
import { nativeStatus } from "../../src/surfaces/native/errors.js";
import { createTestApp, type TestApp } from "../support/harness.js";

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses: Record<string, { description: string }>;
}
interface OpenApiDocument {
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
}

const METHODS = new Set(["get", "put", "post", "patch", "delete"]);

/** Every operation of the document, with where it is. */
function operations(doc: OpenApiDocument): { where: string; operation: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ where: `${method.toUpperCase()} ${path}`, operation })),
  );
}

/** Every schema object anywhere in the document. */
function schemaNodes(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const item of node) schemaNodes(item, out);
  else if (node !== null && typeof node === "object") {
    out.push(node as Record<string, unknown>);
    for (const value of Object.values(node)) schemaNodes(value, out);
  }
  return out;
}

describe("the OpenAPI document", () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp({ runDispatcher: false });
    const answer = await t.app.inject({ method: "GET", url: "/openapi.json" });
    expect(answer.statusCode).toBe(200);
    doc = answer.json() as OpenApiDocument;
  });
  afterAll(async () => {
    await t.close();
  });

  it("gives every /v1 operation its own camelCase operationId, tags and a summary", () => {
    const all = operations(doc);
    expect(all.length).toBeGreaterThan(20);
    const missing = all.filter(({ operation }) => !/^[a-z][a-zA-Z0-9]+$/.test(operation.operationId ?? ""));
    expect(missing.map(({ where }) => where)).toEqual([]);
    const seen = new Map<string, string>();
    const shared: string[] = [];
    for (const { where, operation } of all) {
      const id = operation.operationId as string;
      const first = seen.get(id);
      if (first) shared.push(`${id}: ${first} and ${where}`);
      else seen.set(id, where);
    }
    expect(shared).toEqual([]);
    for (const { where, operation } of all) {
      expect(operation.tags?.length, where).toBeGreaterThan(0);
      expect(operation.summary, where).toBeTruthy();
    }
    expect(seen.get("createUser")).toBe("POST /v1/users");
    expect(seen.get("sendVerificationCode")).toBe("POST /v1/phone-numbers/{phone_number_id}/send-code");
  });

  it("lists the error codes as an enum, each under the status the native API answers it with", () => {
    const code = doc.components.schemas.Error?.properties.error as {
      properties: { code: { enum: string[]; description: string } };
    };
    expect(code.properties.code.enum).toEqual([...ERROR_CODES]);
    const table = code.properties.code.description;
    for (const errorCode of ERROR_CODES) {
      const row = table.split("\n").find((line) => line.includes(`\`${errorCode}\``));
      expect(row, errorCode).toMatch(new RegExp(`^\\| ${nativeStatus(errorCode)} \\|`));
    }
    // A route's error statuses name the codes they carry, unless the route says more of its own.
    const listUsers = doc.paths["/v1/users"]?.get?.responses ?? {};
    expect(listUsers["401"]?.description).toContain("`UNAUTHENTICATED`");
    expect(listUsers["429"]?.description).toContain("`BUDGET_EXCEEDED`");
    expect(listUsers["404"]?.description).not.toContain("`USER_ALREADY_EXISTS`");
  });

  it("describes each response by its status, never as a generic Default Response", () => {
    const generic = operations(doc).flatMap(({ where, operation }) =>
      Object.entries(operation.responses)
        .filter(([, response]) => !response.description || response.description === "Default Response")
        .map(([status]) => `${where} ${status}`),
    );
    expect(generic).toEqual([]);
    expect(doc.paths["/v1/users"]?.post?.responses["201"]?.description).toBe("Created");
    expect(doc.paths["/v1/users/{user_id}"]?.get?.responses["200"]?.description).toBe("OK");
    expect(doc.paths["/v1/users/{user_id}"]?.get?.responses["404"]?.description).toBe("No such user");
  });

  it("carries realistic examples: no safe-integer bounds or date-time patterns for the docs page to sample", () => {
    const nodes = schemaNodes(doc);
    const artefacts = nodes.filter(
      (node) =>
        node.minimum === Number.MIN_SAFE_INTEGER ||
        node.maximum === Number.MAX_SAFE_INTEGER ||
        (node.format === "date-time" && "pattern" in node),
    );
    expect(artefacts).toEqual([]);
    const verification = doc.components.schemas.Verification?.properties ?? {};
    expect(verification.attempts_left?.example).toBe(4);
    expect(verification.expires_at?.example).toBe("2026-12-02T09:40:00.000Z");
    // Every example time of the core shapes is a real instant near today's, not year 2929.
    for (const name of ["Verification", "PhoneNumber", "User", "Message"]) {
      for (const [field, property] of Object.entries(doc.components.schemas[name]?.properties ?? {})) {
        const times = schemaNodes(property).filter((node) => node.format === "date-time");
        for (const time of times) {
          expect(Date.parse(String(time.example)), `${name}.${field}`).toBeGreaterThan(Date.UTC(2025, 0));
          expect(Date.parse(String(time.example)), `${name}.${field}`).toBeLessThan(Date.UTC(2028, 0));
        }
      }
    }
  });

  it("is titled Handset, versioned as the package, and points at the vendor surfaces' docs", () => {
    expect(doc.info.title).toBe("Handset");
    expect(doc.info.version).toBe(packageJson.version);
    for (const text of [
      "docs/linode.md",
      "docs/clerk.md",
      "docs/zitadel.md",
      "https://techdocs.akamai.com/linode-api/",
      "https://clerk.com/docs/reference/backend-api",
      "https://zitadel.com/docs/apis/",
    ]) {
      expect(doc.info.description).toContain(text);
    }
  });

  it("serves the docs page titled Handset API", async () => {
    let url = "/docs";
    let answer = await t.app.inject({ method: "GET", url });
    for (let hops = 0; answer.statusCode >= 300 && answer.statusCode < 400 && hops < 3; hops++) {
      url = new URL(String(answer.headers.location), `http://handset${url}`).pathname;
      answer = await t.app.inject({ method: "GET", url });
    }
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatch(/<title>Handset API<\/title>/);
    expect(answer.body).not.toContain("Swagger UI</title>");
  });
});
