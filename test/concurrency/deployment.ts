import type { Kysely } from "kysely";
import { expect } from "vitest";
import { listEvents } from "../../src/store/events.js";
import { listPhoneNumbersOfUser } from "../../src/store/phone-numbers.js";
import type { Database, PhoneNumberRow, VerificationRow } from "../../src/store/schema.js";

/**
 * Where the concurrency scenarios run: one in-process Handset on SQLite, or several `handset serve`
 * processes sharing one PostgreSQL. The scenarios talk to it over real HTTP only and check what it
 * wrote straight in the database.
 */
export interface Deployment {
  /** Base URLs (`http://127.0.0.1:PORT`) of the Handset processes; racing requests go to different ones. */
  servers: readonly string[];
  /** An admin key of the default tenant. */
  adminKey: string;
  /** A user token (default scopes) of a user of the default tenant. */
  tokenFor(userId: string): Promise<string>;
  /** The code the servers derive for a verification. */
  codeFor(verificationId: string): string;
  /** The test's own view of the database. */
  db: Kysely<Database>;
}

export const TENANT = "default";

/** The server for the `i`-th of several racing requests: round-robin, as a load balancer would. */
export function serverFor(d: Deployment, i: number): string {
  const server = d.servers[i % d.servers.length];
  if (!server) throw new Error("the deployment has no server");
  return server;
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: scenarios read the vendors' JSON bodies as they come
  body: any;
}

/** One JSON request over HTTP with a bearer secret. */
export async function request(
  baseUrl: string,
  method: string,
  path: string,
  secret: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${secret}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A fresh user id: scenarios on a shared database never meet each other's users. */
export function uniqueUserId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export function numbersOf(d: Deployment, userId: string): Promise<PhoneNumberRow[]> {
  return listPhoneNumbersOfUser(d.db, TENANT, userId);
}

export async function verificationsOf(d: Deployment, userId: string): Promise<VerificationRow[]> {
  return d.db
    .selectFrom("verifications")
    .selectAll()
    .where("tenant_id", "=", TENANT)
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/**
 * The rules about a user's set of numbers (src/domain/number-set.ts), checked on the rows as stored.
 * Returns what is broken, so a failure names the rule and the rows.
 */
export function numberSetViolations(
  rows: readonly PhoneNumberRow[],
  options: { keepIdentification: boolean },
): string[] {
  const broken: string[] = [];
  const primaries = rows.filter((r) => r.is_primary === 1);
  if (primaries.length > 1) broken.push(`${primaries.length} primaries`);
  const reserved = rows.filter((r) => r.reserved_for_second_factor === 1);
  const defaults = rows.filter((r) => r.default_second_factor === 1);
  for (const r of reserved) if (r.verified_at === null) broken.push(`${r.id} is reserved but unverified`);
  for (const r of defaults) {
    if (r.reserved_for_second_factor !== 1) broken.push(`${r.id} is the default but not reserved`);
  }
  if (reserved.length > 0 && defaults.length !== 1) {
    broken.push(`${reserved.length} reserved numbers and ${defaults.length} defaults`);
  }
  if (reserved.length === 0 && defaults.length > 0) broken.push("a default without reserved numbers");
  if (options.keepIdentification && rows.length > 0 && reserved.length === rows.length) {
    broken.push("only numbers reserved for second factor are left: none identifies the user");
  }
  return broken;
}

/**
 * Every open verification of the user is for a number the user holds, and each number holds at most
 * one (the partial unique index says so; this checks nothing slipped past it).
 */
export async function expectNoStrayVerifications(d: Deployment, userId: string): Promise<void> {
  const held = new Set((await numbersOf(d, userId)).map((r) => r.id));
  const open = (await verificationsOf(d, userId)).filter((v) => v.status === "pending");
  expect(open.filter((v) => !held.has(v.phone_number_id ?? "")).map((v) => v.e164)).toEqual([]);
  expect(new Set(open.map((v) => v.phone_number_id)).size).toBe(open.length);
}

/** The user's events are numbered 1..n without a gap or a repeat, and n is the user's sequence. */
export async function expectGaplessEvents(d: Deployment, userId: string): Promise<void> {
  const events = await listEvents(d.db, TENANT, "user", userId);
  const user = await d.db
    .selectFrom("users")
    .select("sequence")
    .where("tenant_id", "=", TENANT)
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  expect(events.map((e) => Number(e.sequence))).toEqual(
    Array.from({ length: Number(user.sequence) }, (_, i) => i + 1),
  );
}

/** No answer of a racing request is a server error: each is a success or the surface's own 4xx. */
export function expectNoServerErrors(answers: readonly Answer[]): void {
  const failed = answers.filter((a) => a.status >= 500);
  expect(failed.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
}

/** A small seeded PRNG (mulberry32), so a failing interleaving's requests can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
