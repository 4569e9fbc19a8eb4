import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";

notePostgresSkipped("the key and token routes on PostgreSQL");

const dialects = [
  { name: "SQLite", postgres: false },
  { name: "PostgreSQL", postgres: true },
] as const;

describe.each(dialects)("keys and tokens over /v1 on $name", ({ postgres }) => {
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
    "creates, lists, shows and revokes, and a revoked key is refused at its next request",
    async () => {
      const t = await start();
      const admin = nativeClient(t, t.adminKey);
      t.clock.advance(1_000);
      const created = await admin.call("POST", "/v1/credentials", {
        kind: "admin_key",
        name: "billing backend",
        scopes: ["users:read", "keys:read"],
        expires_at: "2026-06-01T00:00:00.000Z",
      });
      expect(created.statusCode).toBe(201);
      const key = created.json();
      expect(key).toMatchObject({
        kind: "admin_key",
        tenant_id: "default",
        user_id: null,
        name: "billing backend",
        scopes: ["users:read", "keys:read"],
        expires_at: "2026-06-01T00:00:00.000Z",
        revoked_at: null,
        last_used_at: null,
      });
      expect(key.secret).toMatch(/^hsk_/);
      expect(key.hint).toBe(key.secret.slice(0, 10));

      const billing = nativeClient(t, key.secret);
      // Used a few times, so this process serves it from its credential cache.
      for (let i = 0; i < 3; i += 1)
        expect((await billing.call("GET", "/v1/credentials")).statusCode).toBe(200);
      const shown = (await admin.call("GET", `/v1/credentials/${key.id}`)).json();
      expect(shown.last_used_at).toBe(new Date(t.clock.now()).toISOString());
      expect(shown).not.toHaveProperty("secret");

      const listed = (await admin.call("GET", "/v1/credentials?kind=admin_key&limit=1")).json();
      expect(listed.data.map((c: { id: string }) => c.id)).toEqual([key.id]);
      expect(listed.next_cursor).toBe(key.id);
      const next = (
        await admin.call("GET", `/v1/credentials?kind=admin_key&after=${listed.next_cursor}`)
      ).json();
      expect(next.data).toHaveLength(1);
      expect(next.next_cursor).toBeNull();

      const revoked = await admin.call("POST", `/v1/credentials/${key.id}/revoke`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().revoked_at).toBe(new Date(t.clock.now()).toISOString());
      const refused = await billing.call("GET", "/v1/credentials");
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe("UNAUTHENTICATED");
      // Again: answered unchanged.
      expect((await admin.call("POST", `/v1/credentials/${key.id}/revoke`)).json()).toEqual(revoked.json());
      expect((await admin.call("GET", "/v1/credentials?kind=admin_key")).json().data).toHaveLength(1);
      expect(
        (await admin.call("GET", "/v1/credentials?kind=admin_key&include_revoked=true")).json().data,
      ).toHaveLength(2);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)("lets a key revoke itself: that answer is its last", async () => {
    const t = await start();
    const own = nativeClient(t, t.adminKey);
    const me = (await own.call("GET", "/v1/credentials")).json().data[0];
    const answer = await own.call("POST", `/v1/credentials/${me.id}/revoke`);
    expect(answer.statusCode).toBe(200);
    expect(answer.json().revoked_at).not.toBeNull();
    expect((await own.call("GET", "/v1/credentials")).statusCode).toBe(401);
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "issues user tokens, and refuses scopes the key lacks, bad bodies and an expiry in the past",
    async () => {
      const t = await start();
      const admin = nativeClient(t, t.adminKey);
      const token = await admin.call("POST", "/v1/credentials", { kind: "user_token", user_id: "alice" });
      expect(token.statusCode).toBe(201);
      expect(token.json()).toMatchObject({
        kind: "user_token",
        user_id: "alice",
        scopes: ["phone:read", "phone:write", "phone:verify"],
        expires_at: null,
      });
      expect(token.json().secret).toMatch(/^hst_/);
      const mine = await nativeClient(t, token.json().secret).call("GET", "/v1/me/phone-numbers");
      expect(mine.statusCode).toBe(200);

      const refusals: [Record<string, unknown>, number, string][] = [
        [{ kind: "admin_key", scopes: ["tenants:manage"] }, 403, "INSUFFICIENT_SCOPE"],
        [{ kind: "user_token" }, 400, "INVALID_REQUEST"],
        [{ kind: "admin_key", user_id: "alice" }, 400, "INVALID_REQUEST"],
        [{ kind: "user_token", user_id: "alice", scopes: ["users:read"] }, 400, "INVALID_REQUEST"],
        [{ kind: "admin_key", expires_at: "2025-01-01T00:00:00Z" }, 400, "INVALID_REQUEST"],
        [{ kind: "admin_key", scopes: ["nope"] }, 400, "INVALID_REQUEST"],
        [{ kind: "root" }, 400, "INVALID_REQUEST"],
        [{ kind: "admin_key", secret: "mine" }, 400, "INVALID_REQUEST"],
      ];
      for (const [body, status, code] of refusals) {
        const answer = await admin.call("POST", "/v1/credentials", body);
        expect([JSON.stringify(body), answer.statusCode, answer.json().error?.code]).toEqual([
          JSON.stringify(body),
          status,
          code,
        ]);
      }
      // Nothing was made by the refusals: the harness's key and alice's token.
      const all = (await admin.call("GET", "/v1/credentials?include_revoked=true")).json().data;
      expect(all).toHaveLength(2);
      const alices = (await admin.call("GET", "/v1/credentials?user_id=alice")).json().data;
      expect(alices.map((c: { user_id: string }) => c.user_id)).toEqual(["alice"]);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "needs keys:read or keys:write, an admin key, and hides another tenant's credentials",
    async () => {
      const t = await start();
      const narrow = nativeClient(t, await t.adminKeyFor("default", ["users:read"]));
      const reader = nativeClient(t, await t.adminKeyFor("default", ["keys:read"]));
      const token = nativeClient(t, await t.tokenFor("alice"));
      const theirs = await t.handset.credentials.issueAdminKey({ tenantId: "other" });
      const mine = (await reader.call("GET", "/v1/credentials?kind=user_token")).json().data[0];

      expect((await narrow.call("GET", "/v1/credentials")).statusCode).toBe(403);
      expect((await token.call("GET", "/v1/credentials")).statusCode).toBe(403);
      expect((await token.call("POST", "/v1/credentials", { kind: "admin_key" })).statusCode).toBe(403);
      expect((await reader.call("POST", `/v1/credentials/${mine.id}/revoke`)).statusCode).toBe(403);
      expect((await reader.call("POST", "/v1/credentials", { kind: "admin_key" })).statusCode).toBe(403);
      for (const [method, url] of [
        ["GET", `/v1/credentials/${theirs.id}`],
        ["POST", `/v1/credentials/${theirs.id}/revoke`],
      ] as const) {
        const answer = await nativeClient(t, t.adminKey).call(method, url);
        expect(answer.statusCode).toBe(404);
        expect(answer.json().error.code).toBe("CREDENTIAL_NOT_FOUND");
      }
      expect((await t.handset.credentials.authenticate(theirs.secret)).tenantId).toBe("other");
      expect((await reader.call("GET", "/v1/credentials?limit=0")).statusCode).toBe(400);
      expect((await reader.call("GET", "/v1/credentials?after=nonsense")).statusCode).toBe(400);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)("names every operation in the OpenAPI document", async () => {
    const t = await start();
    const doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
    const ids = (path: string) =>
      Object.values(doc.paths[path] ?? {}).map((op) => (op as { operationId: string }).operationId);
    expect(ids("/v1/credentials").sort()).toEqual(["createCredential", "listCredentials"]);
    expect(ids("/v1/credentials/{id}")).toEqual(["getCredential"]);
    expect(ids("/v1/credentials/{id}/revoke")).toEqual(["revokeCredential"]);
    expect(ids("/v1/tenants").sort()).toEqual(["createTenant", "listTenants"]);
    expect(ids("/v1/tenants/{id}").sort()).toEqual(["deleteTenant", "getTenant"]);
  });
});
