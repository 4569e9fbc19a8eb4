import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import type { TestApp } from "../support/harness.js";

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
