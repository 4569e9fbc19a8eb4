import { afterEach, expect, it } from "vitest";
import { createAuthenticator } from "../../src/http/authenticator.js";
import { type Caller, systemCaller } from "../../src/services/caller.js";
import { readAccessVersion } from "../../src/store/credentials.js";
import type { Store } from "../../src/store/database.js";
import { mobileNumber } from "../support/harness.js";
import { notePostgresSkipped } from "../support/postgres.js";
import { onEveryDialect, processOn, type ServiceProcess } from "./service-support.js";

notePostgresSkipped("the tenant service on PostgreSQL");

const TABLES = [
  "users",
  "phone_numbers",
  "verifications",
  "outbox",
  "events",
  "credentials",
  "guess_streaks",
  "conversion_counts",
  "destination_pauses",
  "idempotency_keys",
  "webhook_endpoints",
  "webhook_deliveries",
  "webhook_attempts",
] as const;

/** How many rows of each tenant-keyed table belong to `tenantId`, and the tenant row itself. */
async function rowsOf(store: Store, tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    counts[table] = Number(row?.n ?? 0);
  }
  const tenant = await store.db.selectFrom("tenants").select("id").where("id", "=", tenantId).execute();
  counts.tenants = tenant.length;
  const budgets = await store.db.selectFrom("budget_usage").select("scope").execute();
  counts.budget_usage = budgets.filter((b) => b.scope.split("|")[1] === tenantId).length;
  return counts;
}

/** A tenant with a user, a number with a code sent (a verification, an outbox row, events), keys and usage. */
async function populate({ handset, store }: ServiceProcess, tenantId: string) {
  const key = await handset.credentials.issueAdminKey({ tenantId });
  const caller = await createAuthenticator(handset).authenticate(key.secret, "users:write");
  // An endpoint subscribed to every event: the user's events below are each queued for it.
  await handset.webhooks.create(caller, {
    url: "https://hooks.example/handset",
    eventTypes: ["user.created", "phone_number.added", "verification.code_sent"],
  });
  await handset.users.ensure(caller, "alice");
  const added = await handset.phoneNumbers.add(caller, { userId: "alice", phoneNumber: mobileNumber() });
  await handset.verification.send(caller, added.phoneNumber.id);
  await handset.credentials.flushUsage({ all: true });
  const now = Date.UTC(2026, 0, 1, 12);
  await store.db
    .insertInto("budget_usage")
    .values({
      scope: `tenant_sms_per_hour|${tenantId}`,
      window_start: now,
      used: 1,
      cap: 10,
      expires_at: now + 1,
    })
    .execute();
  await store.db
    .insertInto("guess_streaks")
    .values({ tenant_id: tenantId, e164: "+33612345678", failures: 1, last_wrong_at: now, locked_at: null })
    .execute();
  const delivery = await store.db
    .selectFrom("webhook_deliveries")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .executeTakeFirstOrThrow();
  await store.db
    .insertInto("webhook_attempts")
    .values({
      id: `wha_${tenantId}`,
      tenant_id: tenantId,
      delivery_id: delivery.id,
      attempt: 1,
      started_at: now,
      duration_ms: 12,
      status_code: 500,
      error: null,
      outcome: "failed",
      next_attempt_at: now + 60_000,
    })
    .execute();
  await store.db
    .insertInto("idempotency_keys")
    .values({
      tenant_id: tenantId,
      owner: "admin",
      key: "k1",
      fingerprint: "f".repeat(64),
      claim_token: "c",
      state: "done",
      lease_until: now,
      created_at: now,
      expires_at: now + 86_400_000,
      status: 201,
      headers: "{}",
      body: "{}",
    })
    .execute();
  return key;
}

onEveryDialect("the tenant service", (open) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const operator = systemCaller("default");

  it("creates, lists and shows tenants, and refuses a taken id", async () => {
    const [{ handset }] = await open(cleanups);
    const created = await handset.tenants.create(operator, { id: "acme", name: "Acme Inc." });
    expect(created).toMatchObject({ id: "acme", name: "Acme Inc.", isDefault: false });
    await expect(handset.tenants.create(operator, { id: "acme" })).rejects.toMatchObject({
      code: "TENANT_ALREADY_EXISTS",
    });
    await expect(handset.tenants.create(operator, { id: "no spaces" })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
    await handset.tenants.create(operator, { id: "beta" });
    await handset.credentials.issueAdminKey({ tenantId: "default" });
    const first = await handset.tenants.list(operator, { limit: 2 });
    expect(first.tenants.map((t) => t.id)).toEqual(["acme", "beta"]);
    const rest = await handset.tenants.list(operator, { limit: 2, after: first.nextCursor ?? "" });
    expect(rest.tenants.map((t) => [t.id, t.isDefault])).toEqual([["default", true]]);
    expect(rest.nextCursor).toBeNull();
    await handset.credentials.issueUserToken({ tenantId: "acme", userId: "bob" });
    expect((await handset.tenants.get(operator, "acme")).counts).toEqual({
      users: 0,
      phoneNumbers: 0,
      activeKeys: 0,
      activeTokens: 1,
    });
    await expect(handset.tenants.get(operator, "nope")).rejects.toMatchObject({ code: "TENANT_NOT_FOUND" });
  });

  it("needs tenants:manage for every call", async () => {
    const [{ handset }] = await open(cleanups);
    const tenantAdmin: Caller = {
      ...operator,
      kind: "admin_key",
      scopes: new Set(["keys:read", "keys:write"]),
    };
    for (const call of [
      () => handset.tenants.list(tenantAdmin, { limit: 10 }),
      () => handset.tenants.get(tenantAdmin, "default"),
      () => handset.tenants.create(tenantAdmin, { id: "acme" }),
      () => handset.tenants.delete(tenantAdmin, "default", { confirm: "default" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    }
  });

  it("refuses a delete without the confirmation, and the default tenant, changing nothing", async () => {
    const [process] = await open(cleanups);
    await populate(process, "acme");
    const before = await rowsOf(process.store, "acme");
    for (const confirm of [undefined, "", "ACME", "default"]) {
      await expect(process.handset.tenants.delete(operator, "acme", { confirm })).rejects.toMatchObject({
        code: "CONFIRMATION_REQUIRED",
      });
    }
    await expect(
      process.handset.tenants.delete(operator, "default", { confirm: "default" }),
    ).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    expect(await rowsOf(process.store, "acme")).toEqual(before);
    expect(before.users).toBe(1);
  });

  it("deletes everything of one tenant and nothing of another, and its keys stop working everywhere", async () => {
    const [a, db] = await open(cleanups);
    const b = processOn(db.url);
    cleanups.push(() => b.store.close());
    const doomed = await populate(a, "acme");
    await populate(a, "beta");
    const betaBefore = await rowsOf(a.store, "beta");
    const authenticator = createAuthenticator(b.handset);
    await authenticator.authenticate(doomed.secret, "users:read");
    const version = await readAccessVersion(a.store.db);

    const deleted = await a.handset.tenants.delete(operator, "acme", { confirm: "acme" });
    expect(deleted.counts).toEqual({ users: 1, phoneNumbers: 1, activeKeys: 1, activeTokens: 0 });

    // Rows the other tenant has of each kind the delete must reach (guards are off here: no pauses).
    expect(await rowsOf(a.store, "beta")).toMatchObject({
      webhook_endpoints: 1,
      webhook_deliveries: 3,
      webhook_attempts: 1,
      idempotency_keys: 1,
    });
    const gone = await rowsOf(a.store, "acme");
    expect(Object.entries(gone).filter(([, n]) => n !== 0)).toEqual([]);
    const usage = await a.store.db
      .selectFrom("credential_usage")
      .select("credential_id")
      .where("credential_id", "=", doomed.id)
      .execute();
    expect(usage).toEqual([]);
    expect(await rowsOf(a.store, "beta")).toEqual(betaBefore);
    expect(await readAccessVersion(a.store.db)).toBeGreaterThan(version);
    await expect(authenticator.authenticate(doomed.secret, "users:read")).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(a.handset.tenants.get(operator, "acme")).rejects.toMatchObject({ code: "TENANT_NOT_FOUND" });
  });
});
