import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";

notePostgresSkipped("the tenant routes on PostgreSQL");

const dialects = [
  { name: "SQLite", postgres: false },
  { name: "PostgreSQL", postgres: true },
] as const;

describe.each(dialects)("tenants over /v1 on $name", ({ postgres }) => {
  const apps: TestApp[] = [];
  let schema: TestSchema | undefined;
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await schema?.drop();
    schema = undefined;
  });

  async function start(): Promise<TestApp> {
    if (postgres) schema = await createTestSchema();
    const t = await createTestApp(schema ? { env: { DATABASE_URL: schema.url } } : {});
    apps.push(t);
    return t;
  }

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "lets the operator create, list, show and delete tenants; a tenant's own key may not",
    async () => {
      const t = await start();
      const operator = nativeClient(t, await t.adminKeyFor("default", ["tenants:manage", "keys:read"]));
      const tenantAdmin = nativeClient(t, t.adminKey);
      expect((await tenantAdmin.call("GET", "/v1/tenants")).statusCode).toBe(403);
      expect((await tenantAdmin.call("POST", "/v1/tenants", { id: "acme" })).statusCode).toBe(403);

      const created = await operator.call("POST", "/v1/tenants", { id: "acme", name: "Acme Inc." });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ id: "acme", name: "Acme Inc.", default: false });
      const again = await operator.call("POST", "/v1/tenants", { id: "acme" });
      expect([again.statusCode, again.json().error.code]).toEqual([409, "TENANT_ALREADY_EXISTS"]);
      expect((await operator.call("POST", "/v1/tenants", { id: "a b" })).statusCode).toBe(400);

      const listed = (await operator.call("GET", "/v1/tenants")).json();
      expect(listed.data.map((x: { id: string; default: boolean }) => [x.id, x.default])).toEqual([
        ["acme", false],
        ["default", true],
      ]);

      // Acme gets a key, a user and a number.
      const acmeKey = await t.adminKeyFor("acme");
      const acme = nativeClient(t, acmeKey);
      expect((await acme.call("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
      const added = await acme.call("POST", "/v1/phone-numbers", {
        user_id: "alice",
        phone_number: mobileNumber(),
      });
      expect(added.statusCode).toBe(201);
      const shown = (await operator.call("GET", "/v1/tenants/acme")).json();
      expect(shown.counts).toEqual({ users: 1, phone_numbers: 1, active_keys: 1, active_tokens: 0 });
      expect((await operator.call("GET", "/v1/tenants/nope")).statusCode).toBe(404);

      const unconfirmed = await operator.call("DELETE", "/v1/tenants/acme");
      expect([unconfirmed.statusCode, unconfirmed.json().error.code]).toEqual([409, "CONFIRMATION_REQUIRED"]);
      expect((await operator.call("DELETE", "/v1/tenants/acme?confirm=default")).statusCode).toBe(409);
      expect((await acme.call("GET", "/v1/users/alice")).statusCode).toBe(200);
      const refusedDefault = await operator.call("DELETE", "/v1/tenants/default?confirm=default");
      expect(refusedDefault.statusCode).toBe(400);

      const deleted = await operator.call("DELETE", "/v1/tenants/acme?confirm=acme");
      expect(deleted.statusCode).toBe(200);
      expect(deleted.json().counts.users).toBe(1);
      expect((await operator.call("GET", "/v1/tenants/acme")).statusCode).toBe(404);
      expect((await acme.call("GET", "/v1/users/alice")).statusCode).toBe(401);
      // The operator's own tenant is untouched.
      expect((await tenantAdmin.call("GET", "/v1/credentials")).statusCode).toBe(200);
    },
  );
});
