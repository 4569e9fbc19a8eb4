import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHousekeeping } from "../../src/app/housekeeping.js";
import { createTestApp, type TestApp } from "../support/harness.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("console sessions on PostgreSQL");

const databases = [
  { name: "sqlite", env: async () => ({}) },
  ...(TEST_DATABASE_URL
    ? [{ name: "postgres", env: async () => ({ DATABASE_URL: (await createTestSchema()).url }) }]
    : []),
];

const ORIGIN = "http://localhost:80";
const MINUTE = 60_000;

/** Signs in through the form; answers the session cookie's token. */
async function signIn(t: TestApp, key: string): Promise<string> {
  const answer = await t.app.inject({
    method: "POST",
    url: "/console/sign-in",
    headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ key }).toString(),
  });
  expect(answer.statusCode, answer.body).toBe(303);
  const cookie = answer.cookies.find((c) => c.name === "handset_console");
  if (!cookie) throw new Error("no session cookie");
  return cookie.value;
}

const page = (t: TestApp, token: string, url = "/console/overview") =>
  t.app.inject({ method: "GET", url, cookies: { handset_console: token } });

describe.each(databases)("console sessions on $name", ({ env }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ runDispatcher: false, env: await env() });
  });
  afterAll(async () => t?.close());

  it("keeps only the token's SHA-256 in the database, never the token or the key", async () => {
    const token = await signIn(t, t.adminKey);
    const rows = await t.store.db.selectFrom("console_sessions").selectAll().execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain(token);
    expect(text).not.toContain(t.adminKey);
    expect((await page(t, token)).statusCode).toBe(200);
  });

  it("ends a session after 30 minutes idle, though requests inside that keep it alive", async () => {
    const token = await signIn(t, t.adminKey);
    t.clock.advance(20 * MINUTE);
    expect((await page(t, token)).statusCode).toBe(200);
    t.clock.advance(20 * MINUTE);
    expect((await page(t, token)).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const idle = await page(t, token);
    expect(idle.statusCode).toBe(303);
    expect(idle.headers.location).toBe("/console/sign-in");
  });

  it("ends a session 12 hours after sign-in however busy, and housekeeping purges it", async () => {
    const token = await signIn(t, t.adminKey);
    for (let i = 0; i < 24; i += 1) {
      t.clock.advance(29 * MINUTE);
      expect((await page(t, token)).statusCode).toBe(200);
    }
    t.clock.advance(29 * MINUTE);
    expect((await page(t, token)).statusCode).toBe(303);
    const log = { info() {}, warn() {}, error() {} };
    await createHousekeeping(t.store, t.clock, log).runOnce();
    expect(await t.store.db.selectFrom("console_sessions").select("id").execute()).toEqual([]);
  });

  it("ends at once when its key is revoked", async () => {
    const key = await t.adminKeyFor("default");
    const token = await signIn(t, key);
    expect((await page(t, token)).statusCode).toBe(200);
    const { credentialId } = await t.handset.credentials.authenticate(key);
    await t.store.db
      .updateTable("credentials")
      .set({ revoked_at: t.clock.now() })
      .where("id", "=", credentialId)
      .execute();
    const after = await page(t, token);
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe("/console/sign-in");
  });

  it("refuses user tokens and wrong keys at sign-in, and creates no session", async () => {
    const before = (await t.store.db.selectFrom("console_sessions").select("id").execute()).length;
    for (const key of [await t.tokenFor("someone"), "hsk_wrong", ""]) {
      const answer = await t.app.inject({
        method: "POST",
        url: "/console/sign-in",
        headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ key }).toString(),
      });
      expect([401, 403]).toContain(answer.statusCode);
      expect(answer.cookies).toEqual([]);
    }
    expect((await t.store.db.selectFrom("console_sessions").select("id").execute()).length).toBe(before);
  });

  it("refuses a sign-in posted from another origin (login CSRF)", async () => {
    const answer = await t.app.inject({
      method: "POST",
      url: "/console/sign-in",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ key: t.adminKey }).toString(),
    });
    expect(answer.statusCode).toBe(403);
    expect(answer.cookies).toEqual([]);
  });

  it("shows a clear 403 page, not a 500, when the key lacks a page's scope", async () => {
    const token = await signIn(t, await t.adminKeyFor("default", ["users:read"]));
    const answer = await page(t, token, "/console/overview");
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain("lacks the phone:read scope");
    const settings = await page(t, token, "/console/settings");
    expect(settings.statusCode).toBe(200);
    expect(settings.body).toContain("lacks users:write");
  });

  it("answers a bad range with 400 and the JSON API with 401 without a session", async () => {
    const token = await signIn(t, t.adminKey);
    expect((await page(t, token, "/console/overview?range=1y")).statusCode).toBe(400);
    const api = await t.app.inject({ method: "GET", url: "/console/api/stats" });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("answers an unknown console page with an HTML 404", async () => {
    const answer = await t.app.inject({ method: "GET", url: "/console/nowhere" });
    expect(answer.statusCode).toBe(404);
    expect(answer.headers["content-type"]).toContain("text/html");
    expect(answer.body).toContain("The console has no page /console/nowhere.");
  });

  it("is not in the OpenAPI document", async () => {
    const doc = await t.app.inject({ method: "GET", url: "/openapi.json" });
    expect(Object.keys(doc.json().paths).filter((p) => p.startsWith("/console"))).toEqual([]);
  });
});
