import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/harness.js";

interface Schema {
  type?: string;
  enum?: string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}
interface Operation {
  description?: string;
  requestBody?: {
    content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }>;
  };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

/**
 * docs/app-tokens.md sends whoever needs a Handset user token to the admin API: its OpenAPI must say
 * how to mint and revoke one, so that no one writes to the database for it.
 */
describe("the OpenAPI document on minting and revoking tokens", () => {
  let t: TestApp;
  let doc: {
    info: { description: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  beforeAll(async () => {
    t = await createTestApp({ runDispatcher: false });
    doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
  });
  afterAll(async () => t?.close());

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? (doc.components.schemas[schema.$ref.split("/").pop() as string] as Schema) : schema;

  it("describes POST /v1/credentials: the kinds, the user, the scopes, an example, and the secret once", () => {
    const create = doc.paths["/v1/credentials"]?.post;
    expect(create?.description).toMatch(/revoke/);
    const json = create?.requestBody?.content["application/json"];
    const body = resolve(json?.schema ?? {});
    expect(body.required).toEqual(["kind"]);
    expect(body.properties?.kind?.enum).toEqual(["admin_key", "user_token"]);
    expect(body.properties?.kind?.description).toMatch(/\/v1\/me/);
    expect(body.properties?.user_id?.description).toMatch(/user token/);
    expect(body.properties?.scopes?.description).toMatch(/phone:verify/);
    expect(Object.values(json?.examples ?? {}).map((e) => e.value)).toContainEqual(
      expect.objectContaining({ kind: "user_token", user_id: "alice" }),
    );
    const answer = resolve(create?.responses["201"]?.content?.["application/json"]?.schema ?? {});
    expect(answer.properties?.secret?.description).toMatch(/once/);
  });

  it("describes the revocation and says where app JWTs are documented", () => {
    expect(doc.paths["/v1/credentials/{id}/revoke"]?.post?.description).toMatch(/401/);
    expect(doc.info.description).toContain("docs/app-tokens.md");
  });
});
