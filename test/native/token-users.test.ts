import { afterEach, describe, expect, it } from "vitest";
import { listEvents } from "../../src/store/events.js";
import { createTestApp, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";

notePostgresSkipped("a token's user across two Handset apps on one PostgreSQL");

/**
 * A user token's user "appears on first use". Whether it exists is the database's answer at the time
 * of the request, never a memory of an earlier request: a user deleted and given a new token appears
 * again, in this process and in every other one sharing the database.
 */
describe("a user token's user", () => {
  const apps: TestApp[] = [];
  let schema: TestSchema | undefined;
  afterEach(async () => {
    for (const app of apps.splice(0).reverse()) await app.close();
    await schema?.drop();
    schema = undefined;
  });

  async function deleteAndReissue(admin: TestApp, via: TestApp, userId: string): Promise<void> {
    const first = nativeClient(via, await via.tokenFor(userId));
    expect((await first.call("GET", "/v1/me")).statusCode).toBe(200);

    const deleted = await nativeClient(admin, admin.adminKey).call("DELETE", `/v1/users/${userId}`);
    expect(deleted.statusCode).toBe(200);
    // Deleting a user revokes its tokens.
    expect((await first.call("GET", "/v1/me")).statusCode).toBe(401);

    const second = nativeClient(via, await via.tokenFor(userId));
    const me = await second.call("GET", "/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(userId);
    expect((await second.call("GET", "/v1/me/phone-numbers")).statusCode).toBe(200);
    const seen = await nativeClient(admin, admin.adminKey).call("GET", `/v1/users/${userId}`);
    expect(seen.statusCode).toBe(200);
  }

  it("appears again after it was deleted and given a new token", async () => {
    const t = await createTestApp();
    apps.push(t);
    await deleteAndReissue(t, t, "lazarus");
  });

  it.skipIf(!TEST_DATABASE_URL)(
    "appears again when another process sharing the database deleted it",
    async () => {
      schema = await createTestSchema();
      const env = { DATABASE_URL: schema.url };
      const a = await createTestApp({ env });
      apps.push(a);
      const b = await createTestApp({ env });
      apps.push(b);
      await deleteAndReissue(b, a, "lazarus");
      // and the other way round, once each process has seen the user
      await deleteAndReissue(a, b, "lazarus");
      await deleteAndReissue(b, a, "lazarus");
    },
  );
});

describe("a deleted user's id", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("can be created again, its event sequence going on where the deleted user's stopped", async () => {
    t = await createTestApp();
    const admin = nativeClient(t, t.adminKey);
    expect((await admin.call("POST", "/v1/users", { id: "phoenix" })).statusCode).toBe(201);
    expect((await admin.call("DELETE", "/v1/users/phoenix")).statusCode).toBe(200);
    const again = await admin.call("POST", "/v1/users", { id: "phoenix" });
    expect(again.statusCode).toBe(201);
    const events = await listEvents(t.store.db, "default", "user", "phoenix");
    expect(events.map((e) => [e.type, Number(e.sequence)])).toEqual([
      ["user.created", 1],
      ["user.deleted", 2],
      ["user.created", 3],
    ]);
  });
});
