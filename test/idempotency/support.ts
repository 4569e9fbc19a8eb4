import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { createTestApp, type TestApp, type TestAppOptions } from "../support/harness.js";
import { createTestSchema, TEST_DATABASE_URL } from "../support/postgres.js";

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** A native API call with an `Idempotency-Key` (none when `key` is undefined). */
export function keyedCall(
  t: TestApp,
  secret: string,
  method: Method,
  url: string,
  key: string | undefined,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${secret}`,
      ...(key === undefined ? {} : { "idempotency-key": key }),
    },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** How many rows a table holds: the work a request did, counted. */
export async function rowsIn(
  t: Pick<TestApp, "store">,
  table: "phone_numbers" | "events" | "outbox" | "users" | "credentials" | "idempotency_keys",
): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    t.store.db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** A fresh key, as a client would make one. */
export const newKey = () => crypto.randomUUID();

/** The idempotency tests run on both dialects (PostgreSQL where HANDSET_TEST_DATABASE_URL is set). */
export const DIALECTS = [
  { name: "SQLite", postgres: false },
  { name: "PostgreSQL", postgres: true },
] as const;

export const skipDialect = (postgres: boolean) => postgres && !TEST_DATABASE_URL;

/** A test app on a fresh SQLite file or a fresh PostgreSQL schema; `close` drops the schema too. */
export async function startTestApp(postgres: boolean, options: TestAppOptions = {}): Promise<TestApp> {
  if (!postgres) return createTestApp({ runDispatcher: false, ...options });
  const schema = await createTestSchema();
  const t = await createTestApp({
    runDispatcher: false,
    ...options,
    env: { ...options.env, DATABASE_URL: schema.url },
  });
  return {
    ...t,
    async close(closeOptions) {
      await t.close(closeOptions);
      await schema.drop();
    },
  };
}

/** Makes every insert of a user fail inside the database, as a broken disk would: the use case answers 5xx. */
export async function breakUserInserts(t: TestApp, postgres: boolean): Promise<() => Promise<void>> {
  if (postgres) {
    await sql`create function refuse_users() returns trigger language plpgsql as $$ begin raise exception 'disk on fire'; end $$`.execute(
      t.store.db,
    );
    await sql`create trigger refuse_users before insert on users for each row execute function refuse_users()`.execute(
      t.store.db,
    );
    return async () => {
      await sql`drop trigger refuse_users on users`.execute(t.store.db);
      await sql`drop function refuse_users()`.execute(t.store.db);
    };
  }
  await sql`create trigger refuse_users before insert on users begin select raise(abort, 'disk on fire'); end`.execute(
    t.store.db,
  );
  return async () => void (await sql`drop trigger refuse_users`.execute(t.store.db));
}
