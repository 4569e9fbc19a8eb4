import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { createAuthenticator } from "../../src/http/authenticator.js";
import { RELAXED_BUDGETS } from "../support/budgets.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import { isControl, type StatementCounter, startStatementCounter } from "../support/statement-counter.js";

notePostgresSkipped("statements per hot operation on PostgreSQL");

/**
 * What each hot operation costs the database: statements (on PostgreSQL BEGIN and COMMIT included;
 * several of them may share a round trip, which test/postgres/round-trips.test.ts measures on the
 * wire), and queries Kysely had to build for it (none: hot queries are written once per dialect and
 * run as they are).
 */
interface Budget {
  add: number;
  send: number;
  verify: number;
  authenticate: number;
}

function hotPathSuite(dialect: "sqlite" | "postgres", budget: Budget, open: () => Promise<TestApp>) {
  describe(`hot paths on ${dialect}`, () => {
    let t: TestApp;
    let counter: StatementCounter;
    const counts: Record<string, { statements: number; control: number; compiled: number }> = {};

    beforeAll(async () => {
      t = await open();
      counter = startStatementCounter();
    });
    afterAll(async () => {
      counter?.stop();
      console.log(`[statements] ${dialect}: ${JSON.stringify(counts)}`);
      await t?.close();
    });

    async function measure<T>(name: string, work: () => Promise<T>) {
      const { result, statements, compiled } = await counter.measure(work);
      counts[name] = {
        statements: statements.filter((s) => !isControl(s)).length,
        control: statements.filter(isControl).length,
        compiled: compiled.length,
      };
      return { result, statements, compiled };
    }

    it("adds, sends and verifies in few statements, none of them built per request", async () => {
      const token = await t.tokenFor(`hot-${dialect}-${Date.now()}`);
      const me = nativeClient(t, token);
      // The token's first use creates its user: not part of the steady state measured below.
      expect((await me.addMine(mobileNumber())).statusCode).toBe(201);

      const added = await measure("add", () => me.addMine(mobileNumber()));
      expect(added.result.statusCode).toBe(201);
      const id = added.result.json().id as string;
      const sent = await measure("send", () => me.sendMine(id));
      expect(sent.result.statusCode).toBe(202);
      const code = deriveCode(TEST_KEYRING.active, sent.result.json().verification.id, 6);
      const verified = await measure("verify", () => me.verifyMine(id, code));
      expect(verified.result.statusCode).toBe(200);
      const authenticator = createAuthenticator(t.handset);
      const authenticated = await measure("authenticate", () =>
        authenticator.authenticate(token, "phone:read"),
      );
      expect(authenticated.result.userId).toMatch(/^hot-/);

      for (const name of ["add", "send", "verify", "authenticate"] as const) {
        const count = counts[name];
        expect(count, name).toBeDefined();
        if (!count) continue;
        expect(count.statements + (dialect === "postgres" ? count.control : 0), name).toBeLessThanOrEqual(
          budget[name],
        );
        // Nothing is built per request, the SMS's outbox row included (a hot query of its own).
        expect(count.compiled, name).toBe(0);
      }
    });

    it("sends and checks a code reading that number alone, however many numbers its user holds", async () => {
      const token = await t.tokenFor(`many-${dialect}-${Date.now()}`);
      const me = nativeClient(t, token);
      for (let i = 0; i < 5; i++) expect((await me.addMine(mobileNumber())).statusCode).toBe(201);
      const id = (await me.addMine(mobileNumber())).json().id as string;
      const sent = await counter.measure(() => me.sendMine(id));
      expect(sent.result.statusCode).toBe(202);
      const code = deriveCode(TEST_KEYRING.active, sent.result.json().verification.id, 6);
      const verified = await counter.measure(() => me.verifyMine(id, code));
      expect(verified.result.statusCode).toBe(200);
      for (const { statements } of [sent, verified]) {
        const numberReads = statements.filter((sql) => /from phone_numbers p where/.test(sql));
        // One read of the number, by its key; never the user's set of six.
        expect(numberReads).toHaveLength(1);
        expect(numberReads[0]).toMatch(/p\.id = \S+ and p\.user_id = /);
      }
    });

    it("reads the tenant and the user's numbers once in a use case composed of others", async () => {
      const userId = `composed-${dialect}-${Date.now()}`;
      const admin = await createAuthenticator(t.handset).authenticate(t.adminKey, "users:write");
      await t.handset.users.create(admin, { id: userId, phoneNumbers: [{ phoneNumber: mobileNumber() }] });
      // ZITADEL's Set: a new primary number, added, sent a code, the former one removed: four use
      // cases in one transaction, each of which locks the user and reads its numbers.
      const { statements } = await counter.measure(() =>
        t.handset.primaryPhone.set(admin, { userId, phone: mobileNumber(), verified: false, sendCode: true }),
      );
      const reads = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql)).length;
      // The tenant's region lists come with the lock; the lock is taken once.
      expect(reads(/from "?tenants"? where/)).toBe(0);
      expect(reads(/from users u join tenants t/)).toBe(1);
      // The numbers are read with the lock; the code's send reads its own number alone (with its open
      // verification and budgets); the removal reads the set once more, since the add changed it.
      expect(reads(/from phone_numbers p where p.tenant_id = \S+ and p.user_id/)).toBe(2);
      expect(reads(/from phone_numbers p where p.tenant_id = \S+ and p.id = /)).toBe(1);
      expect(reads(/^select user_id from phone_numbers/)).toBe(0);
    });
  });
}

// Each HTTP operation includes its authentication. Before: add 7, send 11, verify 9, authenticate 1
// statements on either dialect (27 per flow), every one of them built by Kysely per request.
// Then the fraud guard (issue 13): add spends from the budgets in one more statement; send also
// peeks at the number's guess streaks, spends from the budgets and counts for the conversion guard
// (three more); verify reads the streaks before comparing, and counts the success for the conversion
// guard and resets a streak (two more). On PostgreSQL the send's and the check's guard statements
// ride with their write (test/postgres/round-trips.test.ts).
hotPathSuite("sqlite", { add: 6, send: 9, verify: 8, authenticate: 1 }, () =>
  createTestApp({ runDispatcher: false, env: { ...RELAXED_BUDGETS, HANDSET_CONVERSION_GUARD: "on" } }),
);

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL", () => {
  // Statements, BEGIN and COMMIT included. Before: add 9, send 13, verify 11, authenticate 1; then
  // add 6, send 7, verify 6 (the SMS now goes with send's composed write). BEGIN, the lock and the
  // state read share one round trip: 3 round trips each for add, send and verify. The fraud guard
  // adds one statement to add, three to send and two to verify (see above).
  hotPathSuite("postgres", { add: 7, send: 9, verify: 8, authenticate: 1 }, async () => {
    const schema = await createTestSchema();
    return createTestApp({
      runDispatcher: false,
      env: { DATABASE_URL: schema.url, ...RELAXED_BUDGETS, HANDSET_CONVERSION_GUARD: "on" },
    });
  });
});
