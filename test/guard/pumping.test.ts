import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/harness.js";
import {
  backendManyAddresses,
  describeFigures,
  linodeOneCallEach,
  oneAddressManyUsers,
  oneUserTokenManyNumbers,
  type PumpingDeployment,
} from "./pumping-scenarios.js";

/** One Handset process on SQLite, reached in process; the socket's address is set per request. */
function inProcess(t: TestApp): PumpingDeployment {
  return {
    async request(_process, method, url, options) {
      const response = await t.app.inject({
        method: method as "POST",
        url,
        remoteAddress: options.socketIp,
        headers: { authorization: `Bearer ${options.secret}`, ...options.headers },
        ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
      });
      const retryAfter = response.headers["retry-after"];
      return {
        status: response.statusCode,
        body: response.body === "" ? null : response.json(),
        retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
      };
    },
    tokenFor: (tenantId, userId) => t.tokenFor(userId, { tenantId }),
    adminKeyFor: (tenantId) => t.adminKeyFor(tenantId),
    async smsQueuedTo(numbers) {
      const rows = await t.store.db
        .selectFrom("outbox")
        .select("id")
        .where("to_e164", "in", [...numbers])
        .execute();
      return rows.length;
    },
  };
}

async function refusalsCounted(t: TestApp, limit: string, tenant: string): Promise<number> {
  const metric = await t.metrics.registry.getSingleMetric("handset_guard_refusals_total")?.get();
  return metric?.values.find((v) => v.labels.limit === limit && v.labels.tenant === tenant)?.value ?? 0;
}

describe("SMS pumping against the default budgets, one process on SQLite", () => {
  let t: TestApp;
  beforeAll(async () => {
    // The budgets alone: these SMS are never verified, which the conversion guard would pause on its
    // own (its proof is test/native/conversion-guard.test.ts).
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_CONVERSION_GUARD: "off" } });
  });
  afterAll(async () => t.close());

  it("one user token adding 200 sequential numbers gets 5 SMS: its numbers per day", async () => {
    const f = await oneUserTokenManyNumbers(inProcess(t), "pump-user");
    console.log(describeFigures("one user token, 200 sequential numbers (native)", f));
    expect(f.sent).toBe(5);
    expect(f.accepted).toBe(5);
    expect(f.refusedBy).toEqual({ user_numbers_per_day: 195 });
    expect(f.refusalsWithRetryAfter).toBe(195);
    // Each refusal is an event and a count in the metrics.
    const events = await t.store.db
      .selectFrom("events")
      .select("payload")
      .where("type", "=", "guard.budget_exceeded")
      .where("aggregate_id", "=", "pump-user")
      .execute();
    expect(events).toHaveLength(195);
    expect(JSON.parse(events[0]?.payload ?? "{}")).toMatchObject({ budget: "user_numbers_per_day", cap: 5 });
    expect(await refusalsCounted(t, "user_numbers_per_day", "pump-user")).toBe(195);
  });

  it("the same through Linode's one call per number gets 5 SMS", async () => {
    const f = await linodeOneCallEach(inProcess(t), "pump-linode");
    console.log(describeFigures("one user token, 30 numbers (Linode, one call each)", f));
    expect(f.sent).toBe(5);
    expect(f.refusedBy).toEqual({ "429": 25 });
    expect(f.refusalsWithRetryAfter).toBe(25);
  });

  it("sixty user tokens from one address get 20 SMS: the address's hour", async () => {
    const f = await oneAddressManyUsers(inProcess(t), "pump-ip");
    console.log(describeFigures("60 user tokens from one IP address", f));
    expect(f.sent).toBe(20);
    expect(f.refusedBy).toEqual({ ip_sms_per_hour: 40 });
  });

  it("a backend passing 100 end users' addresses gets 10 SMS into one range of 1,000 numbers", async () => {
    const f = await backendManyAddresses(inProcess(t), "pump-range", 100, true);
    console.log(describeFigures("admin key, 100 users and addresses, one number range", f));
    expect(f.sent).toBe(10);
    expect(f.refusedBy).toEqual({ range_sms_per_hour: 90 });
  });

  it("leaves normal traffic alone: 80 users, each their own number and address, all get their SMS", async () => {
    const f = await backendManyAddresses(inProcess(t), "normal", 80, false);
    console.log(describeFigures("admin key, 80 ordinary users", f));
    expect(f.sent).toBe(80);
    expect(f.refusedBy).toEqual({});
  });

  it("refuses a Handset-Client-IP that is not an address, and changes nothing", async () => {
    const admin = await t.adminKeyFor("bad-ip");
    const answer = await t.app.inject({
      method: "POST",
      url: "/v1/users",
      headers: { authorization: `Bearer ${admin}`, "handset-client-ip": "me, myself" },
      payload: { id: "nobody" },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe("INVALID_REQUEST");
    expect(answer.json().error.message).toMatch(/^Handset-Client-IP must be/);
    const users = await t.store.db.selectFrom("users").select("id").where("id", "=", "nobody").execute();
    expect(users).toEqual([]);
  });
});

describe("a tenant's hourly SMS budget, one process on SQLite", () => {
  let t: TestApp;
  beforeAll(async () => {
    // Lowered from its default of 1,000 so that the proof takes 80 requests, not 1,100.
    t = await createTestApp({
      runDispatcher: false,
      env: { HANDSET_BUDGET_TENANT_SMS_PER_HOUR: "50", HANDSET_CONVERSION_GUARD: "off" },
    });
  });
  afterAll(async () => t.close());

  it("stops a backend whose 80 users each look normal at the tenant's 50 SMS, and opens again next hour", async () => {
    const f = await backendManyAddresses(inProcess(t), "busy", 80, false);
    console.log(describeFigures("admin key, 80 users, tenant budget 50/h", f));
    expect(f.sent).toBe(50);
    expect(f.refusedBy).toEqual({ tenant_sms_per_hour: 30 });
    t.clock.advance(60 * 60 * 1000);
    const next = await backendManyAddresses(inProcess(t), "busy-next-hour", 3, false);
    expect(next.accepted).toBe(3);
    expect(next.refusedBy).toEqual({});
  });
});
