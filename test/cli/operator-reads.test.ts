import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { seedHolder, seedTenant } from "../admin/support.js";
import { NO_BUDGETS } from "../support/budgets.js";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { inProcessCli } from "./in-process-cli.js";

/** Keys, not values: what two answers taken at different times share. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  // A time left may be null at one moment and a time at another.
  return "scalar";
}

describe("handset lookup | users | messages | events", () => {
  let dataDir: string | undefined;
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  /** Two tenants holding one number, a failed message, a verified user; the app closed, its data kept. */
  async function seeded() {
    const t = await createTestApp({ runDispatcher: false, env: NO_BUDGETS });
    dataDir = t.dataDir;
    await seedTenant(t, "acme");
    const number = mobileNumber();
    const alice = await seedHolder(t, "default", { userId: "alice", number, sendCode: true });
    await seedHolder(t, "acme", { userId: "bob", number });
    const carol = await seedHolder(t, "default", { userId: "carol", verified: true, sendCode: false });
    await t.store.db
      .updateTable("outbox")
      .set({ status: "failed", failed_at: t.clock.now(), last_error: "provider refused" })
      .where("id", "=", alice.sent?.message?.id ?? "")
      .execute();
    // What the HTTP API answers, to compare --json with.
    const http = async (url: string) =>
      (await t.app.inject({ method: "GET", url, headers: bearer(t.adminKey) })).json();
    const answers = {
      lookup: await http(`/v1/lookup/phone-numbers?phone_number=${encodeURIComponent(number)}`),
      failures: await http("/v1/messages?status=failed"),
      verifiedUsers: await http("/v1/users?verified=true"),
    };
    await closeKeeping(t);
    return { number, alice, carol, answers, cli: inProcessCli(t.dataDir) };
  }

  const closeKeeping = (t: TestApp) => t.close({ keepData: true });

  it("looks a number up, as a table and as the HTTP API's JSON", async () => {
    const { number, alice, answers, cli } = await seeded();
    const table = await cli(["lookup", number]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(number);
    expect(table.stdout).toMatch(/^TENANT\s+USER\s+PHONE NUMBER ID\s+PRIMARY\s+VERIFIED$/m);
    expect(table.stdout).toMatch(
      new RegExp(`^default\\s+alice\\s+${alice.phoneNumber.id}\\s+yes\\s+no$`, "m"),
    );
    expect(table.stdout).not.toContain("acme");
    expect(table.stdout).toMatch(/failed\s+-\s+provider refused/);

    // The CLI reads the system clock, the app a clock in January 2026: the verification's outlook
    // (expired now) differs, the rest is the HTTP API's answer field for field.
    const json = JSON.parse((await cli(["lookup", number, "--json"])).stdout);
    expect(shapeOf(json)).toEqual(shapeOf(answers.lookup));
    expect(json.messages).toEqual(answers.lookup.messages);
    expect(json.verifications.map((v: { id: string }) => v.id)).toEqual(
      answers.lookup.verifications.map((v: { id: string }) => v.id),
    );

    const everywhere = JSON.parse((await cli(["lookup", number, "--all-tenants", "--json"])).stdout);
    expect(everywhere.holders.map((h: { tenant_id: string }) => h.tenant_id).sort()).toEqual([
      "acme",
      "default",
    ]);
    const acme = JSON.parse((await cli(["lookup", number, "--tenant", "acme", "--json"])).stdout);
    expect(acme.holders.map((h: { user_id: string }) => h.user_id)).toEqual(["bob"]);

    const bad = await cli(["lookup", "not-a-number"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("handset:");
    expect((await cli(["lookup", number, "--tenant", "acme", "--all-tenants"])).code).toBe(2);
  });

  it("lists, shows and deletes users", async () => {
    const { number, answers, cli } = await seeded();
    const verified = await cli(["users", "list", "--verified", "--json"]);
    expect(JSON.parse(verified.stdout)).toEqual(answers.verifiedUsers);
    const unverified = await cli(["users", "list", "--unverified"]);
    expect(unverified.stdout).toMatch(/^ID\s+EXTERNAL ID\s+NUMBERS\s+VERIFIED\s+PRIMARY\s+CREATED$/m);
    expect(unverified.stdout).toMatch(new RegExp(`^alice\\s+-\\s+1\\s+0\\s+\\${number}\\s`, "m"));
    expect(unverified.stdout).not.toContain("carol");
    const paged = await cli(["users", "list", "--limit", "1"]);
    const cursor = /^more: --after (\S+)$/m.exec(paged.stdout)?.[1];
    expect(cursor).toBe("alice");
    expect((await cli(["users", "list", "--limit", "1", "--after", cursor ?? ""])).stdout).toMatch(
      /^carol\s/m,
    );
    expect((await cli(["users", "list", "--phone-number", number, "--json"])).stdout).toContain(
      '"id":"alice"',
    );
    expect((await cli(["users", "list", "--verified", "--unverified"])).code).toBe(2);

    const shown = await cli(["users", "show", "alice"]);
    expect(shown.stdout).toContain("id:          alice");
    expect(shown.stdout).toContain(number);
    const deleted = await cli(["users", "delete", "alice", "--json"]);
    expect(JSON.parse(deleted.stdout)).toEqual({ id: "alice", deleted: true, removed_phone_numbers: 1 });
    const gone = await cli(["users", "show", "alice"]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain("No user alice");
  });

  it("lists the delivery failures and the event log, with times as ISO 8601 or durations ago", async () => {
    const { alice, answers, cli } = await seeded();
    const failures = await cli(["messages", "list", "--status", "failed", "--json"]);
    expect(JSON.parse(failures.stdout)).toEqual(answers.failures);
    const table = await cli(["messages", "list", "--status", "failed,undelivered"]);
    expect(table.stdout).toMatch(/^CREATED\s+ID\s+TO\s+STATUS\s+PROVIDER\s+ATTEMPTS\s+ERROR$/m);
    expect(table.stdout).toContain(alice.sent?.message?.id ?? "missing");
    // The test app's clock is in January 2026; the CLI reads the system clock.
    expect((await cli(["messages", "list", "--since", "24h"])).stdout).toBe("no messages\n");
    expect((await cli(["messages", "list", "--since", "2026-01-01T00:00:00Z", "--json"])).stdout).toContain(
      alice.sent?.message?.id ?? "missing",
    );
    expect((await cli(["messages", "list", "--status", "lost"])).code).toBe(2);

    const events = await cli(["events", "list", "--user", "alice", "--json"]);
    const data = JSON.parse(events.stdout).data as { type: string; aggregate_id: string }[];
    expect(data.map((e) => e.type)).toContain("user.created");
    expect(data.every((e) => e.aggregate_id === "alice")).toBe(true);
    const typed = await cli(["events", "list", "--type", "phone_number.", "--until", "1h"]);
    expect(typed.stdout).toMatch(/^TIME\s+TYPE\s+AGGREGATE\s+SEQ\s+ACTOR\s+PAYLOAD$/m);
    expect(typed.stdout).toMatch(/phone_number\.added\s+user:alice/);
    expect(typed.stdout).not.toContain("user.created");
    const page = await cli(["events", "list", "--limit", "1"]);
    const cursor = /^more: --after (\S+)$/m.exec(page.stdout)?.[1];
    expect(cursor).toBeDefined();
    const next = await cli(["events", "list", "--limit", "1", "--after", cursor ?? ""]);
    expect(next.code).toBe(0);
    expect(next.stdout.split("\n")[1]).not.toBe(page.stdout.split("\n")[1]);
    expect((await cli(["events", "list", "--since", "yesterday"])).code).toBe(2);
    expect((await cli(["events", "list", "--after", "bogus"])).code).toBe(2);
  });
});
