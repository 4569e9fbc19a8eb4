import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ADMIN_KEY_SCOPES } from "../../src/domain/scopes.js";
import { NO_BUDGETS } from "../support/budgets.js";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { seedHolder, seedTenant } from "./support.js";

describe("the operator's reads over HTTP", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  const get = (url: string, secret: string) => t.app.inject({ method: "GET", url, headers: bearer(secret) });

  /** Every page of a list, following next_cursor; fails on a page that is not 200. */
  async function allPages(url: string, secret: string): Promise<{ id: string }[]> {
    const items: { id: string }[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const sep = url.includes("?") ? "&" : "?";
      const res = await get(next === null ? url : `${url}${sep}after=${encodeURIComponent(next)}`, secret);
      expect(res.statusCode, res.body).toBe(200);
      items.push(...res.json().data);
      next = res.json().next_cursor;
      pages += 1;
    } while (next !== null && pages < 50);
    return items;
  }

  it("looks a number up in the key's tenant; another tenant's holder shows only with all_tenants and tenants:manage", async () => {
    t = await createTestApp({ runDispatcher: false, env: NO_BUDGETS });
    await seedTenant(t, "acme");
    const number = mobileNumber();
    const alice = await seedHolder(t, "default", { userId: "alice", number, sendCode: true });
    await seedHolder(t, "acme", { userId: "bob", number, sendCode: true });
    const url = `/v1/lookup/phone-numbers?phone_number=${encodeURIComponent(number)}`;

    const res = await get(url, t.adminKey);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.e164).toBe(number);
    expect(body.holders).toEqual([
      {
        tenant_id: "default",
        user_id: "alice",
        phone_number: expect.objectContaining({ id: alice.phoneNumber.id, phone_number: number }),
      },
    ]);
    expect(body.verifications).toEqual([
      expect.objectContaining({
        id: alice.sent?.verification.id,
        tenant_id: "default",
        user_id: "alice",
        attempts_used: 0,
        sends_used: 1,
        status: "pending",
      }),
    ]);
    expect(body.verifications[0].created_at).toBe(new Date(t.clock.now()).toISOString());
    expect(body.messages).toEqual([
      expect.objectContaining({ id: alice.sent?.message?.id, status: "queued", tenant_id: "default" }),
    ]);
    expect(res.body).not.toContain("acme");

    // The other tenant's key sees only its own holder.
    const acmeKey = await t.adminKeyFor("acme");
    expect((await get(url, acmeKey)).json().holders.map((h: { user_id: string }) => h.user_id)).toEqual([
      "bob",
    ]);

    const everywhere = `${url}&all_tenants=true`;
    const refused = await get(everywhere, t.adminKey);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("INSUFFICIENT_SCOPE");
    const operator = await t.adminKeyFor("default", [...DEFAULT_ADMIN_KEY_SCOPES, "tenants:manage"]);
    const all = await get(everywhere, operator);
    expect(all.statusCode, all.body).toBe(200);
    expect(
      all
        .json()
        .holders.map((h: { tenant_id: string }) => h.tenant_id)
        .sort(),
    ).toEqual(["acme", "default"]);
    expect(all.json().messages).toHaveLength(2);
  });

  it("answers empty lists for a number nobody holds, 400 with the field for what is not a number, 403 to a user token", async () => {
    t = await createTestApp({ runDispatcher: false });
    const empty = await get("/v1/lookup/phone-numbers?phone_number=%2B33612345678", t.adminKey);
    expect(empty.json()).toEqual({ e164: "+33612345678", holders: [], verifications: [], messages: [] });
    const bad = await get("/v1/lookup/phone-numbers?phone_number=hello", t.adminKey);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "INVALID_REQUEST", fields: [{ path: "phone_number" }] });
    const national = await get("/v1/lookup/phone-numbers?phone_number=0612345678&region=FR", t.adminKey);
    expect(national.json().e164).toBe("+33612345678");

    const token = await t.tokenFor("alice");
    for (const url of [
      "/v1/lookup/phone-numbers?phone_number=%2B33612345678",
      "/v1/messages",
      "/v1/events",
      "/v1/users?verified=true",
    ]) {
      const res = await get(url, token);
      expect(res.statusCode, url).toBe(403);
    }
    // A key without events:read reads no event log.
    const phoneOnly = await t.adminKeyFor("default", ["phone:read"]);
    expect((await get("/v1/events", phoneOnly)).statusCode).toBe(403);
    expect((await get("/v1/messages", phoneOnly)).statusCode).toBe(200);
  });

  it("filters users by number and verified state, page by page", async () => {
    t = await createTestApp({ runDispatcher: false, env: NO_BUDGETS });
    const first = await seedHolder(t, "default", { userId: "u1", verified: true });
    await seedHolder(t, "default", { userId: "u2" });
    await seedHolder(t, "default", { userId: "u3", verified: true });
    const ids = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((u) => u.id);
    expect(ids(await get(`/v1/users?phone_number=${encodeURIComponent(first.number)}`, t.adminKey))).toEqual([
      "u1",
    ]);
    expect((await allPages("/v1/users?verified=true&limit=1", t.adminKey)).map((u) => u.id)).toEqual([
      "u1",
      "u3",
    ]);
    expect(ids(await get("/v1/users?verified=false", t.adminKey))).toEqual(["u2"]);
    expect((await get("/v1/users?verified=maybe", t.adminKey)).statusCode).toBe(400);
    expect((await get("/v1/users?phone_number=abc", t.adminKey)).statusCode).toBe(400);
  });

  it("lists the delivery failures and pages through every message once, newest first", async () => {
    t = await createTestApp({ runDispatcher: false, env: NO_BUDGETS });
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const { sent } = await seedHolder(t, "default", { sendCode: true });
      ids.push(sent?.message?.id ?? "");
      if (i % 3 === 0) t.clock.advance(1_000);
    }
    await t.store.db
      .updateTable("outbox")
      .set({ status: "failed", failed_at: t.clock.now(), last_error: "refused" })
      .where("id", "=", ids[1] ?? "")
      .execute();
    await t.store.db
      .updateTable("outbox")
      .set({
        status: "sent",
        sent_at: t.clock.now(),
        receipt_status: "undelivered",
        receipt_at: t.clock.now(),
        receipt_error: "absent",
      })
      .where("id", "=", ids[4] ?? "")
      .execute();

    const failures = await get("/v1/messages?status=failed,undelivered", t.adminKey);
    expect(failures.statusCode, failures.body).toBe(200);
    expect(failures.json().data.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [ids[4], "undelivered"],
      [ids[1], "failed"],
    ]);
    const paged = await allPages("/v1/messages?limit=2", t.adminKey);
    expect(paged.map((m) => m.id)).toEqual(
      (await get("/v1/messages?limit=200", t.adminKey)).json().data.map((m: { id: string }) => m.id),
    );
    expect(new Set(paged.map((m) => m.id))).toEqual(new Set(ids));

    // The newest messages' time: the range splits the seven there.
    const since = (await get("/v1/messages?limit=1", t.adminKey)).json().data[0].created_at as string;
    const recent = (await get(`/v1/messages?since=${since}`, t.adminKey)).json().data;
    const before = (await get(`/v1/messages?until=${since}`, t.adminKey)).json().data;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length + before.length).toBe(7);

    for (const url of [
      "/v1/messages?status=lost",
      "/v1/messages?after=%21%21",
      "/v1/messages?since=yesterday",
    ]) {
      const res = await get(url, t.adminKey);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe("INVALID_REQUEST");
    }
  });

  it("reads the event log by user and type prefix, page after page, without another tenant's events", async () => {
    t = await createTestApp({ runDispatcher: false, env: NO_BUDGETS });
    await seedHolder(t, "default", { userId: "alice", sendCode: true });
    await seedHolder(t, "default", { userId: "bob", verified: true });
    await seedTenant(t, "acme");
    await seedHolder(t, "acme", { userId: "alice" });

    const all = (await get("/v1/events?limit=200", t.adminKey)).json().data as {
      id: string;
      tenant_id: string;
    }[];
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((e) => e.tenant_id === "default")).toBe(true);
    expect((await allPages("/v1/events?limit=2", t.adminKey)).map((e) => e.id)).toEqual(all.map((e) => e.id));

    const alice = (await get("/v1/events?user_id=alice", t.adminKey)).json().data;
    expect(alice.length).toBeGreaterThanOrEqual(3);
    for (const e of alice)
      expect(e).toMatchObject({ tenant_id: "default", aggregate_type: "user", aggregate_id: "alice" });
    const numbers = (await get("/v1/events?type=phone_number.", t.adminKey)).json().data;
    expect(numbers.map((e: { type: string }) => e.type).sort()).toEqual([
      "phone_number.added",
      "phone_number.added",
      "phone_number.code_sent",
    ]);
    expect(numbers[0]).toMatchObject({
      actor: "system:handset",
      payload: expect.any(Object),
      sequence: expect.any(Number),
    });
    expect(numbers[0].created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await get("/v1/events?after=bm9wZQ", t.adminKey)).statusCode).toBe(400);
  });

  it("names every new operation in the OpenAPI document", async () => {
    t = await createTestApp({ runDispatcher: false });
    const doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(doc.paths["/v1/lookup/phone-numbers"].get.operationId).toBe("lookupPhoneNumber");
    expect(doc.paths["/v1/messages"].get.operationId).toBe("listMessages");
    expect(doc.paths["/v1/events"].get.operationId).toBe("listEvents");
    const userParams = doc.paths["/v1/users"].get.parameters.map((p: { name: string }) => p.name);
    expect(userParams).toEqual(expect.arrayContaining(["phone_number", "verified"]));
  });
});
