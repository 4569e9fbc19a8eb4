import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { NO_BUDGETS } from "../support/budgets.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";
import { nativeClient, wrongCode } from "../support/native-client.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import { type StatementCounter, startStatementCounter } from "../support/statement-counter.js";

notePostgresSkipped("statements the conversion guard adds on PostgreSQL");

type Counts = Record<"send" | "wrong" | "verify", number>;

/** Statements (BEGIN and COMMIT included) of a send, a wrong guess and a verification. */
async function measure(t: TestApp, counter: StatementCounter, label: string): Promise<Counts> {
  const me = nativeClient(t, await t.tokenFor(`stmt-${label}-${Date.now()}`));
  expect((await me.addMine(mobileNumber())).statusCode).toBe(201);
  const id = (await me.addMine(mobileNumber())).json().id as string;
  const counts: Partial<Counts> = {};
  const run = async <T>(name: keyof Counts, work: () => Promise<T>) => {
    const { result, statements, compiled } = await counter.measure(work);
    counts[name] = statements.length;
    // Hot queries only: nothing is built per request.
    expect(compiled, name).toEqual([]);
    return result;
  };
  const sent = await run("send", () => me.sendMine(id));
  expect(sent.statusCode).toBe(202);
  const code = deriveCode(TEST_KEYRING.active, sent.json().verification.id, 6);
  expect((await run("wrong", () => me.verifyMine(id, wrongCode(code)))).statusCode).toBe(422);
  expect((await run("verify", () => me.verifyMine(id, code))).statusCode).toBe(200);
  return counts as Counts;
}

const databases = [
  { name: "sqlite", env: async () => ({}) },
  ...(TEST_DATABASE_URL
    ? [{ name: "postgres", env: async () => ({ DATABASE_URL: (await createTestSchema()).url }) }]
    : []),
];

describe.each(databases)("the conversion guard's statements on $name", ({ name, env }) => {
  let on: TestApp;
  let off: TestApp;
  let counter: StatementCounter;
  beforeAll(async () => {
    on = await createTestApp({ env: { ...NO_BUDGETS, ...(await env()) }, runDispatcher: false });
    off = await createTestApp({
      env: { ...NO_BUDGETS, ...(await env()), HANDSET_CONVERSION_GUARD: "off" },
      runDispatcher: false,
    });
    counter = startStatementCounter();
  });
  afterAll(async () => {
    counter?.stop();
    await on?.close();
    await off?.close();
  });

  it("adds one statement to a send and one to a successful check, none to a wrong guess", async () => {
    const withGuard = await measure(on, counter, "on");
    const without = await measure(off, counter, "off");
    console.log(
      `[statements] conversion guard on ${name}: with ${JSON.stringify(withGuard)}, without ${JSON.stringify(without)}`,
    );
    expect(withGuard.send - without.send).toBe(1);
    expect(withGuard.wrong - without.wrong).toBe(0);
    expect(withGuard.verify - without.verify).toBe(1);
  });
});
