import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHousekeeping } from "../../src/app/housekeeping.js";
import { IDEMPOTENCY_LEASE_MS } from "../../src/domain/idempotency.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { notePostgresSkipped } from "../support/postgres.js";
import { DIALECTS, keyedCall, newKey, rowsIn, skipDialect, startTestApp } from "./support.js";

notePostgresSkipped("the Idempotency-Key claim tests on PostgreSQL");

describe.each(DIALECTS.filter((d) => !skipDialect(d.postgres)))(
  "whose key it is, and keys that are running, crashed or old on $name",
  ({ postgres }) => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(postgres);
    });
    afterEach(async () => t.close());

    it("keeps each tenant's keys apart: the same key in another tenant is another request", async () => {
      const other = await t.adminKeyFor("acme");
      const key = newKey();
      const here = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "mallory" });
      const there = await keyedCall(t, other, "POST", "/v1/users", key, { id: "mallory" });
      expect([here.statusCode, there.statusCode]).toEqual([201, 201]);
      expect(there.headers["idempotent-replayed"]).toBeUndefined();
      expect(await rowsIn(t, "users")).toBe(2);
    });

    it("keeps each user's keys apart: another user's token never hears their answer", async () => {
      const key = newKey();
      const alice = await keyedCall(t, await t.tokenFor("alice"), "POST", "/v1/me/phone-numbers", key, {
        phone_number: mobileNumber(),
      });
      const bob = await keyedCall(t, await t.tokenFor("bob"), "POST", "/v1/me/phone-numbers", key, {
        phone_number: mobileNumber(),
      });
      expect([alice.statusCode, bob.statusCode]).toEqual([201, 201]);
      expect(bob.json().id).not.toBe(alice.json().id);
      expect(await rowsIn(t, "phone_numbers")).toBe(2);
    });

    it("shares a tenant's keys among its admin keys, but answers another key's request with 422", async () => {
      const second = await t.adminKeyFor("default");
      const key = newKey();
      expect((await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "niaj" })).statusCode).toBe(201);
      const other = await keyedCall(t, second, "POST", "/v1/users", key, { id: "niaj" });
      expect(other.statusCode).toBe(422);
      expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    });

    it("goes with its tenant: a tenant deleted and created again starts with no keys", async () => {
      const acme = await t.adminKeyFor("acme");
      const key = newKey();
      expect((await keyedCall(t, acme, "POST", "/v1/users", key, { id: "trent" })).statusCode).toBe(201);
      const operator = await t.adminKeyFor("default", ["tenants:manage"]);
      expect(
        (await keyedCall(t, operator, "DELETE", "/v1/tenants/acme?confirm=acme", undefined)).statusCode,
      ).toBe(200);
      expect(await rowsIn(t, "idempotency_keys")).toBe(0);
    });

    it("answers 409 IDEMPOTENCY_KEY_IN_PROGRESS with Retry-After while the key's request runs", async () => {
      const key = newKey();
      const caller = await t.handset.credentials.authenticate(t.adminKey);
      // A request that holds the key, as another process would while it works.
      const held = await t.handset.idempotency.claim({
        caller,
        key,
        method: "POST",
        url: "/v1/users",
        body: { id: "olivia" },
      });
      expect(held.kind).toBe("claimed");

      const meanwhile = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "olivia" });
      expect(meanwhile.statusCode).toBe(409);
      expect(meanwhile.json().error.code).toBe("IDEMPOTENCY_KEY_IN_PROGRESS");
      expect(meanwhile.headers["retry-after"]).toBe("1");
      expect(await rowsIn(t, "users")).toBe(0);
      const otherBody = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "peggy" });
      expect(otherBody.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    });

    it("lets a crashed request's key go when its lease runs out: the retry then runs", async () => {
      const key = newKey();
      const caller = await t.handset.credentials.authenticate(t.adminKey);
      const crashed = await t.handset.idempotency.claim({
        caller,
        key,
        method: "POST",
        url: "/v1/users",
        body: { id: "rupert" },
      });
      if (crashed.kind !== "claimed") throw new Error("expected a claim");
      t.clock.advance(IDEMPOTENCY_LEASE_MS - 1);
      expect((await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "rupert" })).statusCode).toBe(
        409,
      );
      t.clock.advance(1);
      const retried = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "rupert" });
      expect(retried.statusCode).toBe(201);
      // The crashed request, were it to finish late, cannot write over its successor's answer.
      await t.handset.idempotency.finish(crashed.claim, { status: 500, headers: {}, body: "" });
      await t.handset.idempotency.finish(crashed.claim, { status: 201, headers: {}, body: "{}" });
      const replay = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "rupert" });
      expect(replay.headers["idempotent-replayed"]).toBe("true");
      expect(replay.body).toBe(retried.body);
    });

    it("never keeps an answer that carries a secret: a replay says 409 IDEMPOTENCY_ANSWER_WITHHELD", async () => {
      const key = newKey();
      const body = { kind: "admin_key", name: "ci" };
      const issued = await keyedCall(t, t.adminKey, "POST", "/v1/credentials", key, body);
      expect(issued.statusCode).toBe(201);
      const { id, secret } = issued.json() as { id: string; secret: string };
      const stored = await t.store.db.selectFrom("idempotency_keys").selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(JSON.stringify(stored)).not.toContain(secret.slice(-16));
      const credentials = await rowsIn(t, "credentials");

      const again = await keyedCall(t, t.adminKey, "POST", "/v1/credentials", key, body);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("IDEMPOTENCY_ANSWER_WITHHELD");
      expect(again.json().error.message).toContain(id);
      expect(again.body).not.toContain(secret);
      expect(await rowsIn(t, "credentials")).toBe(credentials);
    });

    it("is purged by housekeeping once past its 24 hours, and only then", async () => {
      expect(
        (await keyedCall(t, t.adminKey, "POST", "/v1/users", newKey(), { id: "sybil" })).statusCode,
      ).toBe(201);
      const log = { info() {}, warn() {}, error() {} };
      const housekeeping = createHousekeeping(t.store, t.clock, log);
      t.clock.advance(24 * 60 * 60_000 - 1);
      await housekeeping.runOnce();
      expect(await rowsIn(t, "idempotency_keys")).toBe(1);
      t.clock.advance(1);
      await housekeeping.runOnce();
      expect(await rowsIn(t, "idempotency_keys")).toBe(0);
    });

    it.skipIf(postgres)(
      "declares the header on every POST of the OpenAPI document, as one shared parameter",
      async () => {
        const nativePosts: string[] = [];
        const app = await createTestApp({
          runDispatcher: false,
          onRoute: (route) => {
            const methods = [route.method].flat();
            if (route.url.startsWith("/v1/") && methods.includes("POST")) nativePosts.push(route.url);
          },
        });
        try {
          const document = (await app.app.inject({ method: "GET", url: "/openapi.json" })).json() as {
            paths: Record<string, Record<string, { parameters?: { $ref?: string }[] }>>;
            components: { parameters: Record<string, { name: string; in: string }> };
          };
          expect(document.components.parameters.IdempotencyKey).toMatchObject({
            name: "Idempotency-Key",
            in: "header",
          });
          const posts = Object.entries(document.paths).flatMap(([path, item]) =>
            item.post ? [{ path, refs: (item.post.parameters ?? []).map((p) => p.$ref) }] : [],
          );
          expect(posts).toHaveLength(nativePosts.length);
          for (const { path, refs } of posts) {
            expect(refs, path).toContain("#/components/parameters/IdempotencyKey");
          }
          const gets = Object.values(document.paths).flatMap((item) => (item.get ? [item.get] : []));
          for (const get of gets) {
            expect((get.parameters ?? []).map((p) => p.$ref)).not.toContain(
              "#/components/parameters/IdempotencyKey",
            );
          }
        } finally {
          await app.close();
        }
      },
    );
  },
);
