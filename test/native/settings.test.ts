import { afterEach, describe, expect, it } from "vitest";
import { listEvents } from "../../src/store/events.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";

notePostgresSkipped("tenant settings on PostgreSQL");

const PERSONAL = "+447012345678"; // UK 070: PERSONAL_NUMBER
const UZBEK = "+998901234567"; // Uzbekistan, on the high-risk list

const dialects = [
  { name: "SQLite", postgres: false },
  { name: "PostgreSQL", postgres: true },
] as const;

describe.each(dialects)("tenant settings on $name", ({ postgres }) => {
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

  const settingsEvents = async (t: TestApp, tenant = "default") =>
    (await listEvents(t.store.db, tenant, "tenant", tenant)).filter(
      (e) => e.type === "tenant.settings_changed",
    );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "shows the defaults, round-trips a change section by section, and records what changed",
    async () => {
      const t = await start();
      const admin = nativeClient(t, t.adminKey);
      const doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
      expect(Object.keys(doc.paths["/v1/settings"] ?? {}).sort()).toEqual(["get", "patch"]);
      expect(doc.components.schemas.TenantSettings).toBeDefined();
      const initial = await admin.call("GET", "/v1/settings");
      expect(initial.statusCode).toBe(200);
      const shown = initial.json();
      expect(shown.regions).toMatchObject({ allowed: [], denied: [], allow_high_risk: [] });
      expect(shown.regions.high_risk_blocked).toContain("UZ");
      expect(shown.number_types.allow).toEqual([]);
      expect(shown.number_types.refused).toEqual(expect.arrayContaining(["PERSONAL_NUMBER", "VOIP"]));
      // The budget figures in force, defaults filled in.
      expect(shown.budgets).toMatchObject({ user_sms_per_hour: 10, user_numbers_per_day: 5, prefixes: [] });

      const patched = await admin.call("PATCH", "/v1/settings", {
        regions: { allowed: ["US", "CA"], allow_high_risk: ["UZ"] },
        number_types: { allow: ["VOIP"] },
        budgets: { user_sms_per_hour: 5, countries: { US: 50 } },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json().regions).toMatchObject({
        allowed: ["US", "CA"],
        denied: [],
        allow_high_risk: ["UZ"],
      });
      expect(patched.json().regions.high_risk_blocked).not.toContain("UZ");

      // A second change of one key keeps the rest of its section, and the other sections.
      const second = await admin.call("PATCH", "/v1/settings", {
        regions: { denied: ["FR"] },
        budgets: { ip_sms_per_hour: null },
      });
      expect(second.statusCode).toBe(200);
      const now = (await admin.call("GET", "/v1/settings")).json();
      console.log("settings after two changes:", JSON.stringify(now));
      expect(now.regions).toMatchObject({ allowed: ["US", "CA"], denied: ["FR"], allow_high_risk: ["UZ"] });
      expect(now.number_types.allow).toEqual(["VOIP"]);
      expect(now.budgets).toMatchObject({
        user_sms_per_hour: 5,
        ip_sms_per_hour: null,
        user_numbers_per_day: 5,
        countries: { US: 50 },
      });

      // A section set to null goes back to the defaults.
      expect((await admin.call("PATCH", "/v1/settings", { budgets: null })).statusCode).toBe(200);
      expect((await admin.call("GET", "/v1/settings")).json().budgets).toMatchObject({
        user_sms_per_hour: 10,
        ip_sms_per_hour: 20,
        countries: {},
      });

      const events = await settingsEvents(t);
      expect(events).toHaveLength(3);
      const first = JSON.parse(events[0]?.payload ?? "{}");
      expect(first.changes["regions.allowed"]).toEqual({ from: [], to: ["US", "CA"] });
      expect(first.changes["budgets.user_sms_per_hour"]).toEqual({ from: null, to: 5 });
      expect(events[0]?.actor).toMatch(/^admin_key:/);
      // A change to what is there already changes nothing and records nothing.
      expect((await admin.call("PATCH", "/v1/settings", { regions: { denied: ["FR"] } })).statusCode).toBe(
        200,
      );
      expect(await settingsEvents(t)).toHaveLength(3);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "refuses bad settings with a 400 and changes nothing",
    async () => {
      const t = await start();
      const admin = nativeClient(t, t.adminKey);
      expect(
        (await admin.call("PATCH", "/v1/settings", { budgets: { user_sms_per_hour: 3 } })).statusCode,
      ).toBe(200);
      const before = (await admin.call("GET", "/v1/settings")).body;
      const bad: Array<[unknown, string]> = [
        [{ regions: { allowed: ["XX"] } }, "regions.allowed.0"],
        [{ regions: { allowed: ["us"] } }, "regions.allowed.0"],
        [{ regions: { allowed: ["US"], mystery: true } }, "regions"],
        [{ number_types: { allow: ["PREMIUM_RATE"] } }, "number_types.allow.0"],
        [{ budgets: { user_sms_per_hour: -1 } }, "budgets.user_sms_per_hour"],
        [{ budgets: { sms_per_fortnight: 3 } }, "budgets"],
        [{ colour: "blue" }, ""],
        [{ budgets: { user_sms_per_hour: 1 }, regions: { allowed: "US" } }, "regions.allowed"],
      ];
      for (const [body, path] of bad) {
        const res = await admin.call("PATCH", "/v1/settings", body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        const error = res.json().error;
        expect(error.code).toBe("INVALID_REQUEST");
        if (path) expect(error.message, JSON.stringify(body)).toContain(path);
      }
      expect((await admin.call("GET", "/v1/settings")).body).toBe(before);
      expect(await settingsEvents(t)).toHaveLength(1);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "are the admin key's tenant's only: user tokens are refused, another tenant has its own",
    async () => {
      const t = await start();
      const token = await t.tokenFor("alice");
      expect((await nativeClient(t, token).call("GET", "/v1/settings")).statusCode).toBe(403);
      expect((await nativeClient(t, token).call("PATCH", "/v1/settings", { regions: null })).statusCode).toBe(
        403,
      );
      const admin = nativeClient(t, t.adminKey);
      expect((await admin.call("PATCH", "/v1/settings", { regions: { denied: ["FR"] } })).statusCode).toBe(
        200,
      );
      const other = nativeClient(t, await t.adminKeyFor("other"));
      expect((await other.call("GET", "/v1/settings")).json().regions.denied).toEqual([]);
      const readOnly = nativeClient(t, await t.adminKeyFor("default", ["users:read"]));
      expect((await readOnly.call("GET", "/v1/settings")).statusCode).toBe(200);
      expect((await readOnly.call("PATCH", "/v1/settings", { regions: null })).statusCode).toBe(403);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "refuses a UK 070 personal number until the tenant takes them",
    async () => {
      const t = await start();
      const admin = nativeClient(t, t.adminKey);
      expect((await admin.call("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
      const refused = await admin.call("POST", "/v1/phone-numbers", {
        user_id: "alice",
        phone_number: PERSONAL,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({
        code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
        details: { number_type: "PERSONAL_NUMBER" },
      });
      expect(refused.json().error.message).toContain("number_types.allow");
      const allow = await admin.call("PATCH", "/v1/settings", {
        number_types: { allow: ["PERSONAL_NUMBER"] },
      });
      expect(allow.statusCode).toBe(200);
      const added = await admin.call("POST", "/v1/phone-numbers", {
        user_id: "alice",
        phone_number: PERSONAL,
      });
      expect(added.statusCode).toBe(201);
      expect(added.json().number_type).toBe("PERSONAL_NUMBER");
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "refuses a high-risk destination until the tenant allows it",
    async () => {
      const t = await start();
      const admin = nativeClient(t, t.adminKey);
      expect((await admin.call("POST", "/v1/users", { id: "bob" })).statusCode).toBe(201);
      const refused = await admin.call("POST", "/v1/phone-numbers", { user_id: "bob", phone_number: UZBEK });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({
        code: "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
        details: { region: "UZ" },
      });
      expect(refused.json().error.message).toContain("regions.allow_high_risk");
      // Allowing another high-risk region is not allowing this one.
      expect(
        (await admin.call("PATCH", "/v1/settings", { regions: { allow_high_risk: ["AZ"] } })).statusCode,
      ).toBe(200);
      expect(
        (await admin.call("POST", "/v1/phone-numbers", { user_id: "bob", phone_number: UZBEK })).statusCode,
      ).toBe(422);
      expect(
        (await admin.call("PATCH", "/v1/settings", { regions: { allow_high_risk: ["AZ", "UZ"] } }))
          .statusCode,
      ).toBe(200);
      const added = await admin.call("POST", "/v1/phone-numbers", { user_id: "bob", phone_number: UZBEK });
      expect(added.statusCode).toBe(201);
      expect(added.json().region).toBe("UZ");
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "puts a tenant's own budgets in force: user_sms_per_hour=2 refuses the third SMS there only",
    async () => {
      const t = await start();
      const strictAdmin = nativeClient(t, await t.adminKeyFor("strict"));
      const easyAdmin = nativeClient(t, await t.adminKeyFor("easy"));
      expect(
        (await strictAdmin.call("PATCH", "/v1/settings", { budgets: { user_sms_per_hour: 2 } })).statusCode,
      ).toBe(200);
      const statuses: Record<string, number[]> = { strict: [], easy: [] };
      for (const [tenant, admin] of [
        ["strict", strictAdmin],
        ["easy", easyAdmin],
      ] as const) {
        expect((await admin.call("POST", "/v1/users", { id: "carol" })).statusCode).toBe(201);
        for (let i = 0; i < 3; i += 1) {
          const added = await admin.call("POST", "/v1/phone-numbers", {
            user_id: "carol",
            phone_number: mobileNumber(),
          });
          expect(added.statusCode).toBe(201);
          const sent = await admin.call("POST", `/v1/phone-numbers/${added.json().id}/send-code`);
          statuses[tenant]?.push(sent.statusCode);
          if (sent.statusCode === 429) {
            expect(sent.json().error).toMatchObject({
              code: "BUDGET_EXCEEDED",
              details: { limit: expect.stringContaining("user") },
            });
          }
        }
      }
      console.log(
        "send-code statuses per tenant (user_sms_per_hour 2 vs default 10):",
        JSON.stringify(statuses),
      );
      expect(statuses).toEqual({ strict: [202, 202, 429], easy: [202, 202, 202] });
    },
  );
});
