import type { Kysely } from "kysely";
import { expect } from "vitest";
import type { Database } from "../../src/store/schema.js";
import { mobileNumber } from "../support/harness.js";
import { newKey } from "./support.js";

/** Two Handsets on one database, over real HTTP, and the test's own view of that database. */
export interface RaceSetup {
  servers: readonly [string, string];
  tokenFor(userId: string): Promise<string>;
  db: Kysely<Database>;
}

interface Answer {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: string;
  json(): { id: string; error: { code: string } };
}

async function keyedFetch(
  base: string,
  token: string,
  url: string,
  key: string,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${base}${url}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "idempotency-key": key,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    statusCode: response.status,
    headers,
    body: text,
    json: () => JSON.parse(text),
  };
}

/**
 * Requests with one key racing over two Handsets on one database (two processes' worth of stores):
 * exactly one does the work, the others answer its answer (marked) or 409 while it runs.
 */
export async function raceOneKey(setup: RaceSetup, racers = 20): Promise<void> {
  const [a, b] = setup.servers;
  const userId = `racer-${newKey()}`;
  const token = await setup.tokenFor(userId);
  const key = newKey();
  const body = { phone_number: mobileNumber() };
  const answers = await Promise.all(
    Array.from({ length: racers }, (_, i) =>
      keyedFetch(i % 2 === 0 ? a : b, token, "/v1/me/phone-numbers", key, body),
    ),
  );

  const fresh = answers.filter((r) => r.statusCode === 201 && r.headers["idempotent-replayed"] === undefined);
  expect(fresh).toHaveLength(1);
  const others = answers.filter((r) => r !== fresh[0]);
  for (const other of others) {
    if (other.statusCode === 409) {
      expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_IN_PROGRESS");
      expect(other.headers["retry-after"]).toBeDefined();
    } else {
      expect(other.statusCode).toBe(201);
      expect(other.headers["idempotent-replayed"]).toBe("true");
      expect(other.body).toBe(fresh[0]?.body);
    }
  }
  const numbers = await setup.db
    .selectFrom("phone_numbers")
    .select("id")
    .where("user_id", "=", userId)
    .execute();
  expect(numbers).toHaveLength(1);
  const events = await setup.db
    .selectFrom("events")
    .select("type")
    .where("aggregate_id", "=", userId)
    .where("type", "=", "phone_number.added")
    .execute();
  expect(events.length).toBeLessThanOrEqual(1);

  // Once it is done, every retry through either process is its answer.
  for (const app of [a, b]) {
    const retry = await keyedFetch(app, token, "/v1/me/phone-numbers", key, body);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.body).toBe(fresh[0]?.body);
  }

  // A racing send-code queues exactly one SMS.
  const sendKey = newKey();
  const url = `/v1/me/phone-numbers/${fresh[0]?.json().id}/send-code`;
  const sends = await Promise.all(
    Array.from({ length: racers }, (_, i) => keyedFetch(i % 2 === 0 ? a : b, token, url, sendKey)),
  );
  expect(
    sends.filter((r) => r.statusCode === 202 && r.headers["idempotent-replayed"] === undefined),
  ).toHaveLength(1);
  expect(sends.every((r) => r.statusCode === 202 || r.statusCode === 409)).toBe(true);
  const outbox = await setup.db
    .selectFrom("outbox")
    .innerJoin("verifications", "verifications.id", "outbox.verification_id")
    .select("outbox.id")
    .where("verifications.user_id", "=", userId)
    .execute();
  expect(outbox).toHaveLength(1);
}
