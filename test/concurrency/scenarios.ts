import { expect, it } from "vitest";
import type { PhoneNumberRow } from "../../src/store/schema.js";
import { mobileNumber } from "../support/harness.js";
import {
  type Deployment,
  expectGaplessEvents,
  expectNoServerErrors,
  expectNoStrayVerifications,
  numberSetViolations,
  numbersOf,
  request,
  seededRandom,
  serverFor,
  TENANT,
  uniqueUserId,
  verificationsOf,
} from "./deployment.js";

/**
 * The use cases that are one operation in one transaction under the user's lock, raced over real HTTP:
 * the same scenarios run on SQLite (one process) and on PostgreSQL (racing requests go to different
 * `handset serve` processes). Registered inside the caller's `describe`; `deployment` is read when a
 * test runs, after the caller's `beforeAll` built it.
 */
export function concurrencyScenarios(deployment: () => Deployment): void {
  it("two ZITADEL Sets racing for one user, 20 rounds: one number remains, the last committed one, with no orphan", async () => {
    await racingZitadelSets(deployment(), 20);
  });

  it("Clerk PATCHes, DELETEs and creates racing on one user's numbers never break a rule of the set", async () => {
    // A new seed each run widens the search; failures name it, and passing it here replays the requests.
    const seed = Math.floor(Math.random() * 2 ** 31);
    await racingClerkChanges(deployment(), { waves: 6, perWave: 16, seed });
  });

  it("two Linode send-codes racing for different numbers: both held with a code, the last one sent verifies", async () => {
    const d = deployment();
    for (let round = 0; round < 3; round += 1) await racingLinodeSends(d);
  });

  it("30 racing Linode verifies with the right code: one 200, the number verified and primary, no guess counted", async () => {
    await racingLinodeVerifies(deployment(), 30);
  });

  it("30 racing wrong Linode codes are counted exactly: 5 guesses, then the verification fails", async () => {
    await racingWrongLinodeCodes(deployment(), 30);
  });
}

// ---------------------------------------------------------------------------------------------------
// ZITADEL Set: add (or reuse) the number, send its code, make it primary, remove the former primary.

type ZitadelStyle = "rest" | "connect";

/** ZITADEL v2's SetPhone with a code sent, over the REST gateway or Connect's JSON. */
function setPhone(d: Deployment, i: number, userId: string, phone: string, style: ZitadelStyle) {
  const server = serverFor(d, i);
  return style === "rest"
    ? request(server, "POST", `/zitadel/v2/users/${userId}/phone`, d.adminKey, { phone, sendCode: {} })
    : request(
        server,
        "POST",
        "/zitadel/zitadel.user.v2.UserService/SetPhone",
        d.adminKey,
        { userId, phone, sendCode: {} },
        { "connect-protocol-version": "1" },
      );
}

async function racingZitadelSets(d: Deployment, rounds: number): Promise<void> {
  const userId = uniqueUserId("zitadel");
  expect((await request(serverFor(d, 0), "POST", "/v1/users", d.adminKey, { id: userId })).status).toBe(201);
  let phone = mobileNumber();
  expect((await setPhone(d, 0, userId, phone, "rest")).status).toBe(200);

  for (let round = 0; round < rounds; round += 1) {
    const candidates = [mobileNumber(), mobileNumber()];
    // Each round both transports race, each on another process on PostgreSQL.
    const styles: ZitadelStyle[] = round % 2 === 0 ? ["rest", "connect"] : ["connect", "rest"];
    const answers = await Promise.all(
      candidates.map((number, i) => setPhone(d, i + round, userId, number, styles[i] ?? "rest")),
    );
    const where = `round ${round}: ${answers.map((a) => `${a.status} ${JSON.stringify(a.body)}`).join(" | ")}`;
    expectNoServerErrors(answers);
    // Neither has anything to refuse (a new number, codes to send): the user's lock queues them, and
    // the later one replaces the earlier one's number as it replaced the one before.
    expect(
      answers.map((a) => a.status),
      where,
    ).toEqual([200, 200]);

    // The user's sequence orders the commits: the Set with the higher one committed last and won.
    const [one, two] = answers.map((a) => Number(a.body.details.sequence));
    expect(one, where).not.toBe(two);
    const expected = candidates[Number(two) > Number(one) ? 1 : 0] as string;

    const held = await numbersOf(d, userId);
    expect(
      held.map((r) => ({ e164: r.e164, primary: r.is_primary })),
      where,
    ).toEqual([{ e164: expected, primary: 1 }]);
    // No orphan: neither the former number nor the loser is left anywhere in the tenant.
    const anywhere = await d.db
      .selectFrom("phone_numbers")
      .select(["user_id", "e164"])
      .where("tenant_id", "=", TENANT)
      .where("e164", "in", [phone, ...candidates])
      .execute();
    expect(anywhere, where).toEqual([{ user_id: userId, e164: expected }]);
    // The remaining number waits for its code; every other verification of the round is closed.
    const open = (await verificationsOf(d, userId)).filter((v) => v.status === "pending");
    expect(
      open.map((v) => v.phone_number_id),
      where,
    ).toEqual(held.map((r) => r.id));
    await expectGaplessEvents(d, userId);
    phone = expected;
  }
  // The number left standing takes the code its Set sent.
  const [last] = await numbersOf(d, userId);
  const verified = await request(
    serverFor(d, 1),
    "POST",
    `/zitadel/v2/users/${userId}/phone/verify`,
    d.adminKey,
    {
      verificationCode: await openCodeOf(d, userId, last?.id ?? ""),
    },
  );
  expect(verified.status).toBe(200);
  expect((await numbersOf(d, userId)).map((r) => [r.e164, r.is_primary, r.verified_at !== null])).toEqual([
    [phone, 1, true],
  ]);
}

// ---------------------------------------------------------------------------------------------------
// Clerk: the rules of a user's set of numbers (one primary, keep an identification, a default second
// factor exactly when any number is reserved, only verified numbers reserved) under racing changes.

interface ClerkOp {
  name: string;
  method: "PATCH" | "DELETE" | "POST";
  path: string;
  body?: Record<string, unknown>;
}

function clerkRequest(d: Deployment, i: number, op: { method: string; path: string; body?: unknown }) {
  return request(serverFor(d, i), op.method, `/clerk/v1${op.path}`, `sk_test_${d.adminKey}`, op.body);
}

const PATCHES: readonly [string, Record<string, unknown>, number][] = [
  ["reserve", { reserved_for_second_factor: true }, 4],
  ["unreserve", { reserved_for_second_factor: false }, 3],
  ["make default", { default_second_factor: true }, 3],
  ["switch default off", { default_second_factor: false }, 1],
  ["make primary", { primary: true }, 2],
  ["unverify", { verified: false }, 1],
  ["verify", { verified: true }, 2],
];

/** `count` changes picked at random over the user's numbers (and a few it no longer holds). */
function pickClerkOps(
  userId: string,
  rows: readonly PhoneNumberRow[],
  gone: readonly string[],
  count: number,
  random: () => number,
): ClerkOp[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ops: ClerkOp[] = [];
  // Keep enough numbers to race over: top up with creates, some of them reserved at once.
  for (let n = rows.length; n < 4 && ops.length < count; n += 1) {
    ops.push({
      name: "create",
      method: "POST",
      path: "/phone_numbers",
      body: { user_id: userId, phone_number: mobileNumber(), verified: true },
    });
  }
  const ids = [...rows.map((r) => r.id), ...gone.slice(-1)];
  const totalWeight = PATCHES.reduce((sum, [, , weight]) => sum + weight, 0) + 5;
  while (ops.length < count) {
    let roll = random() * totalWeight;
    const id = pick(ids);
    const patch = PATCHES.find(([, , weight]) => {
      roll -= weight;
      return roll < 0;
    });
    if (patch) {
      ops.push({ name: patch[0], method: "PATCH", path: `/phone_numbers/${id}`, body: patch[1] });
    } else if (roll < 3) {
      ops.push({ name: "delete", method: "DELETE", path: `/phone_numbers/${id}` });
    } else {
      ops.push({
        name: "create reserved",
        method: "POST",
        path: "/phone_numbers",
        body: {
          user_id: userId,
          phone_number: mobileNumber(),
          verified: true,
          reserved_for_second_factor: true,
        },
      });
    }
  }
  return ops;
}

async function racingClerkChanges(
  d: Deployment,
  options: { waves: number; perWave: number; seed: number },
): Promise<void> {
  const random = seededRandom(options.seed);
  const created = await clerkRequest(d, 0, {
    method: "POST",
    path: "/users",
    body: { phone_number: [mobileNumber(), mobileNumber(), mobileNumber(), mobileNumber()] },
  });
  expect(created.status).toBe(200);
  const userId = created.body.id as string;
  const [, second, third] = created.body.phone_numbers as { id: string }[];
  for (const id of [second?.id, third?.id]) {
    const reserved = await clerkRequest(d, 0, {
      method: "PATCH",
      path: `/phone_numbers/${id}`,
      body: { reserved_for_second_factor: true },
    });
    expect(reserved.status).toBe(200);
  }

  const gone: string[] = [];
  const outcomes = new Map<string, number>();
  for (let wave = 0; wave < options.waves; wave += 1) {
    const rows = await numbersOf(d, userId);
    const ops = pickClerkOps(userId, rows, gone, options.perWave, random);
    const answers = await Promise.all(ops.map((op, i) => clerkRequest(d, i, op)));
    expectNoServerErrors(answers);
    answers.forEach((answer, i) => {
      const op = ops[i] as ClerkOp;
      const where = `seed ${options.seed}, wave ${wave}, ${op.name} ${op.path}: ${answer.status} ${JSON.stringify(answer.body)}`;
      if (answer.status !== 200) {
        // A refusal is one of Clerk's own errors, in Clerk's envelope.
        expect(answer.status, where).toBeGreaterThanOrEqual(400);
        expect(answer.status, where).toBeLessThan(500);
        expect(answer.body.errors[0].code, where).toEqual(expect.any(String));
        expect(answer.body.clerk_trace_id, where).toEqual(expect.any(String));
      }
      const key = `${op.name} → ${answer.status === 200 ? "200" : `${answer.status} ${answer.body.errors[0].code}`}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (op.method === "DELETE" && answer.status === 200) gone.push(answer.body.id);
    });

    const after = await numbersOf(d, userId);
    const state = JSON.stringify(
      after.map((r) => [r.id.slice(-6), r.is_primary, r.verified_at !== null, r.reserved_for_second_factor]),
    );
    expect(
      numberSetViolations(after, { keepIdentification: true }),
      `seed ${options.seed}, wave ${wave}: ${state}`,
    ).toEqual([]);
    const user = await clerkRequest(d, wave, { method: "GET", path: `/users/${userId}` });
    expect(user.status).toBe(200);
    expect(user.body.primary_phone_number_id).toBe(after.find((r) => r.is_primary === 1)?.id ?? null);
    expect(user.body.two_factor_enabled).toBe(after.some((r) => r.reserved_for_second_factor === 1));
    expect(user.body.phone_numbers.map((p: { id: string }) => p.id).sort()).toEqual(
      after.map((r) => r.id).sort(),
    );
    await expectGaplessEvents(d, userId);
  }
  // The race was a real one: some changes went through and some were refused by a rule.
  const tally = [`seed ${options.seed}`, ...[...outcomes].map(([key, n]) => `${key} ×${n}`)].join(", ");
  const refused = [...outcomes.keys()].filter((key) => !key.endsWith("→ 200"));
  expect(refused.length, tally).toBeGreaterThan(0);
  expect(outcomes.size - refused.length, tally).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------------
// Linode: send-code adds the number unverified (or reuses it) and sends its code; verify checks the
// code against the number a code was last sent to, and makes a verified number the primary.

const PROFILE_PHONE = "/linode/v4/profile/phone-number";

function sendCode(d: Deployment, i: number, token: string, phone: string) {
  return request(serverFor(d, i), "POST", PROFILE_PHONE, token, { iso_code: "FR", phone_number: phone });
}

function verifyCode(d: Deployment, i: number, token: string, code: string) {
  return request(serverFor(d, i), "POST", `${PROFILE_PHONE}/verify`, token, { otp_code: code });
}

async function verifiedProfilePhone(d: Deployment, token: string): Promise<string | null> {
  const profile = await request(serverFor(d, 0), "GET", "/linode/v4/profile", token);
  expect(profile.status).toBe(200);
  return profile.body.verified_phone_number;
}

/** The user's events of one type, in sequence order, with their payloads. */
async function eventsOf(d: Deployment, userId: string, type: string) {
  const rows = await d.db
    .selectFrom("events")
    .select(["sequence", "payload"])
    .where("tenant_id", "=", TENANT)
    .where("aggregate_type", "=", "user")
    .where("aggregate_id", "=", userId)
    .where("type", "=", type)
    .orderBy("sequence")
    .execute();
  return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
}

/** The code of the number's open verification. */
async function openCodeOf(d: Deployment, userId: string, phoneNumberId: string): Promise<string> {
  const open = (await verificationsOf(d, userId)).filter(
    (v) => v.phone_number_id === phoneNumberId && v.status === "pending",
  );
  expect(open).toHaveLength(1);
  return d.codeFor(open[0]?.id ?? "");
}

function wrongCode(code: string): string {
  return code === "000000" ? "111111" : "000000";
}

/**
 * What must hold after two first sends for different numbers race (docs/linode.md, "Sending a code"):
 * neither is refused (the profile has no verified number, and each number is new); the user holds
 * both, unverified, each with one open verification and one SMS; the first one added is the user's
 * first number, hence primary, the other is not; the profile has no verified number yet. Then only the
 * code of the number sent last verifies ("Verifying"): the other's code counts as a wrong guess
 * against it. The verified number becomes the primary, i.e. the profile's one verified number.
 */
async function racingLinodeSends(d: Deployment): Promise<void> {
  const userId = uniqueUserId("linode-send");
  const token = await d.tokenFor(userId);
  const candidates = [mobileNumber(), mobileNumber()];
  const answers = await Promise.all(candidates.map((phone, i) => sendCode(d, i, token, phone)));
  expect(answers.map((a) => [a.status, a.body])).toEqual([
    [200, {}],
    [200, {}],
  ]);

  const held = await numbersOf(d, userId);
  expect(held.map((r) => r.e164).sort()).toEqual([...candidates].sort());
  expect(held.filter((r) => r.verified_at !== null)).toEqual([]);
  const added = await eventsOf(d, userId, "phone_number.added");
  expect(added.map((e) => e.primary)).toEqual([true, false]);
  expect(held.filter((r) => r.is_primary === 1).map((r) => r.id)).toEqual([added[0]?.phoneNumberId]);
  const open = (await verificationsOf(d, userId)).filter((v) => v.status === "pending");
  expect(open.map((v) => v.phone_number_id).sort()).toEqual(held.map((r) => r.id).sort());
  expect(open.map((v) => v.sends_used)).toEqual([1, 1]);
  const queued = await d.db
    .selectFrom("outbox")
    .select("verification_id")
    .where(
      "verification_id",
      "in",
      open.map((v) => v.id),
    )
    .execute();
  expect(queued.map((q) => q.verification_id).sort()).toEqual(open.map((v) => v.id).sort());
  expect(await verifiedProfilePhone(d, token)).toBeNull();
  await expectNoStrayVerifications(d, userId);

  // The user's sequence orders the sends: the last code_sent event names the number sent last.
  const sent = await eventsOf(d, userId, "phone_number.code_sent");
  const lastId = sent.at(-1)?.phoneNumberId as string;
  const last = held.find((r) => r.id === lastId) as PhoneNumberRow;
  const other = held.find((r) => r.id !== lastId) as PhoneNumberRow;
  const stale = await verifyCode(d, 1, token, await openCodeOf(d, userId, other.id));
  expect([stale.status, stale.body.errors?.[0]?.field]).toEqual([400, "otp_code"]);
  expect(stale.body.errors[0].reason).toMatch(/^Invalid verification code\./);
  expect((await verifyCode(d, 0, token, await openCodeOf(d, userId, last.id))).status).toBe(200);

  expect(await verifiedProfilePhone(d, token)).toBe(last.e164);
  const after = await numbersOf(d, userId);
  const state = (e164: string) => {
    const row = after.find((r) => r.e164 === e164);
    return row && { primary: row.is_primary, verified: row.verified_at !== null };
  };
  expect(after).toHaveLength(2);
  expect(state(last.e164)).toEqual({ primary: 1, verified: true });
  expect(state(other.e164)).toEqual({ primary: 0, verified: false });
  expect(numberSetViolations(after, { keepIdentification: false })).toEqual([]);
  await expectNoStrayVerifications(d, userId);
  await expectGaplessEvents(d, userId);
}

/**
 * Verify-and-promote under a race: the user's first number A is primary and unverified, a code was
 * then sent to B. Many submissions of B's code at once: exactly one verifies B and makes it primary
 * (in one transaction: no one ever sees B verified and not primary); the others are told the number is
 * already verified. None of them is a wrong guess: A's open verification keeps all its tries.
 */
async function racingLinodeVerifies(d: Deployment, racers: number): Promise<void> {
  const userId = uniqueUserId("linode-verify");
  const token = await d.tokenFor(userId);
  const [first, second] = [mobileNumber(), mobileNumber()];
  expect((await sendCode(d, 0, token, first)).status).toBe(200);
  expect((await sendCode(d, 1, token, second)).status).toBe(200);
  const held = await numbersOf(d, userId);
  const a = held.find((r) => r.e164 === first) as PhoneNumberRow;
  const b = held.find((r) => r.e164 === second) as PhoneNumberRow;
  expect([a.is_primary, b.is_primary]).toEqual([1, 0]);
  const code = await openCodeOf(d, userId, b.id);

  const answers = await Promise.all(Array.from({ length: racers }, (_, i) => verifyCode(d, i, token, code)));
  expectNoServerErrors(answers);
  expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
  expect(answers.filter((r) => r.status !== 200).map((r) => [r.status, r.body.errors])).toEqual(
    Array(racers - 1).fill([400, [{ reason: "This phone number is already verified.", field: "otp_code" }]]),
  );

  const after = await numbersOf(d, userId);
  expect(
    after.map((r) => ({ e164: r.e164, primary: r.is_primary, verified: r.verified_at !== null })),
  ).toEqual([
    { e164: first, primary: 0, verified: false },
    { e164: second, primary: 1, verified: true },
  ]);
  expect(await eventsOf(d, userId, "phone_number.verified")).toHaveLength(1);
  expect(await eventsOf(d, userId, "phone_number.code_rejected")).toEqual([]);
  const aOpen = (await verificationsOf(d, userId)).filter((v) => v.phone_number_id === a.id);
  expect(aOpen.map((v) => [v.status, v.attempts_used])).toEqual([["pending", 0]]);
  expect(await verifiedProfilePhone(d, token)).toBe(second);
  await expectGaplessEvents(d, userId);
}

/** Wrong codes at once through the Linode surface: each counted exactly once, up to the limit of 5. */
async function racingWrongLinodeCodes(d: Deployment, racers: number): Promise<void> {
  const userId = uniqueUserId("linode-wrong");
  const token = await d.tokenFor(userId);
  const phone = mobileNumber();
  expect((await sendCode(d, 0, token, phone)).status).toBe(200);
  const [number] = await numbersOf(d, userId);
  const right = await openCodeOf(d, userId, number?.id ?? "");

  const answers = await Promise.all(
    Array.from({ length: racers }, (_, i) => verifyCode(d, i, token, wrongCode(right))),
  );
  expectNoServerErrors(answers);
  expect(answers.every((r) => r.status === 400 && r.body.errors[0].field === "otp_code")).toBe(true);
  const reasons = answers.map((r) => r.body.errors[0].reason as string);
  // Every counted guess saw its own count: 4, 3, 2, 1 left, each once; the fifth failed the code.
  expect(reasons.filter((r) => r.startsWith("Invalid")).sort()).toEqual([
    "Invalid verification code. 1 attempt left.",
    "Invalid verification code. 2 attempts left.",
    "Invalid verification code. 3 attempts left.",
    "Invalid verification code. 4 attempts left.",
  ]);
  expect(reasons.filter((r) => r === "Too many invalid verification codes: request a new one.")).toHaveLength(
    racers - 4,
  );
  expect(await eventsOf(d, userId, "phone_number.code_rejected")).toHaveLength(5);
  const rows = await verificationsOf(d, userId);
  expect(rows.map((v) => [v.status, v.attempts_used])).toEqual([["failed", 5]]);
  const late = await verifyCode(d, 1, token, right);
  expect(late.body.errors).toEqual([
    { reason: "Too many invalid verification codes: request a new one.", field: "otp_code" },
  ]);
  expect(await verifiedProfilePhone(d, token)).toBeNull();
  await expectGaplessEvents(d, userId);
}
