import { describe, expect, it } from "vitest";
import { mobileNumber } from "../support/harness.js";
import { latestCode, wrongCode } from "../support/native-client.js";
import { notePostgresSkipped } from "../support/postgres.js";
import { appsOn, codeOf, DIALECTS, skipPostgres, verificationsClient } from "./support.js";

notePostgresSkipped("verifications of bare numbers on PostgreSQL");

describe.each(DIALECTS)("verifications of a bare number on $name", ({ postgres }) => {
  const start = appsOn(postgres);
  const maybe = it.skipIf(skipPostgres(postgres));

  maybe("starts, sends the SMS through the outbox, and approves the right code", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const to = mobileNumber();
    const started = await v.start(to, { locale: "fr" });
    expect(started.statusCode, started.body).toBe(202);
    const body = started.json();
    expect(body).toMatchObject({
      delivery: "sms",
      new_verification: true,
      verification: {
        to,
        status: "pending",
        phone_number_id: null,
        user_id: null,
        attempts_left: 5,
        sends_used: 1,
        holder: null,
        verified_at: null,
        attachable_until: null,
      },
      message: { to, phone_number_id: null, locale: "fr" },
    });
    const id = body.verification.id as string;
    // The SMS goes through the real outbox and provider, rendered from the verification.
    const code = await latestCode(t, to);
    expect(code).toBe(codeOf(id));
    // No code rests in the database.
    const row = await t.store.db
      .selectFrom("verifications")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(code);

    t.clock.advance(5_000);
    const checked = await v.check({ to, code });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({
      id,
      status: "verified",
      verification_strategy: "sms_code",
      verified_at: new Date(t.clock.now()).toISOString(),
      attachable_until: new Date(t.clock.now() + 600_000).toISOString(),
    });
    // Checking again: the code is used.
    const again = await v.check({ verification_id: id, code });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CODE_ALREADY_USED");
    const read = await v.get(id);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id, status: "verified", to });
    const events = await t.store.db
      .selectFrom("events")
      .select("type")
      .where("type", "like", "verification.%")
      .orderBy("created_at")
      .execute();
    expect(events.map((e) => e.type)).toEqual(["verification.code_sent", "verification.approved"]);
  });

  maybe("resends the same code after the cooldown, and answers 429 with Retry-After inside it", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const to = mobileNumber();
    const first = (await v.start(to)).json().verification;
    t.clock.advance(10_000);
    const early = await v.start(to);
    expect(early.statusCode).toBe(429);
    expect(early.json().error.code).toBe("RESEND_COOLDOWN");
    expect(early.headers["retry-after"]).toBe("20");
    t.clock.advance(20_000);
    const resent = await v.start(to);
    expect(resent.statusCode, resent.body).toBe(202);
    expect(resent.json()).toMatchObject({
      new_verification: false,
      verification: { id: first.id, sends_used: 2 },
    });
    expect(resent.json().message.verification_id).toBe(first.id);
    expect(await latestCode(t, to)).toBe(codeOf(first.id));
  });

  maybe("counts wrong codes, fails on the last one, and then refuses even the right code", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const to = mobileNumber();
    const id = (await v.start(to)).json().verification.id as string;
    const code = codeOf(id);
    const wrong = await v.check({ to, code: wrongCode(code) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: "CODE_INVALID", details: { attempts_left: 4 } });
    for (let i = 0; i < 3; i++)
      expect((await v.check({ verification_id: id, code: wrongCode(code) })).statusCode).toBe(422);
    const last = await v.check({ to, code: wrongCode(code) });
    expect(last.json().error.code).toBe("CODE_ATTEMPTS_EXHAUSTED");
    const right = await v.check({ to, code });
    expect(right.statusCode).toBe(422);
    expect(right.json().error.code).toBe("CODE_ATTEMPTS_EXHAUSTED");
    expect((await v.get(id)).json()).toMatchObject({ status: "failed", attempts_used: 5, attempts_left: 0 });
    // A fresh code does not reset the number's guess budget (10 per hour): 5 are left.
    const fresh = (await v.start(to)).json().verification;
    expect(fresh.id).not.toBe(id);
    expect(fresh.max_attempts).toBe(5);
  });

  maybe("expires the code after its validity (ManualClock), and a resend then starts a new one", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const to = mobileNumber();
    const id = (await v.start(to)).json().verification.id as string;
    t.clock.advance(600_001);
    const late = await v.check({ to, code: codeOf(id) });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe("CODE_EXPIRED");
    expect((await v.get(id)).json().status).toBe("expired");
    const again = await v.start(to);
    expect(again.statusCode).toBe(202);
    expect(again.json().new_verification).toBe(true);
    expect(again.json().verification.id).not.toBe(id);
  });

  maybe("answers a number without a code, an unknown id and another tenant's id", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const nothing = await v.check({ to: mobileNumber(), code: "123456" });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.code).toBe("VERIFICATION_NOT_FOUND");
    const unknown = await v.get("vf_unknown");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("VERIFICATION_ID_NOT_FOUND");
    expect((await v.check({ verification_id: "vf_unknown", code: "123456" })).statusCode).toBe(404);

    const id = (await v.start(mobileNumber())).json().verification.id as string;
    const other = verificationsClient(t, await t.adminKeyFor("tenant-b"));
    for (const res of [
      await other.get(id),
      await other.cancel(id),
      await other.approve(id),
      await other.check({ verification_id: id, code: codeOf(id) }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("VERIFICATION_ID_NOT_FOUND");
    }
    expect((await v.get(id)).json().status).toBe("pending");
  });

  maybe("refuses a number the tenant's geo permissions or number types refuse, before any SMS", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const denied = await v.call("PATCH", "/v1/settings", { regions: { denied: ["FR"] } });
    expect(denied.statusCode, denied.body).toBe(200);
    const refused = await v.start(mobileNumber());
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("PHONE_NUMBER_COUNTRY_NOT_ALLOWED");
    // A French fixed line: refused whatever the region settings.
    const fixed = await v.start("+33 1 42 68 53 00");
    expect(fixed.statusCode).toBe(422);
    const bad = await v.start("not a number");
    expect(bad.statusCode).toBe(422);
    expect(await t.store.db.selectFrom("outbox").select("id").execute()).toEqual([]);
    expect(await t.store.db.selectFrom("verifications").select("id").execute()).toEqual([]);
  });

  maybe("cancels and approves an open one through the service, once", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const to = mobileNumber();
    const id = (await v.start(to)).json().verification.id as string;
    const canceled = await v.cancel(id);
    expect(canceled.statusCode, canceled.body).toBe(200);
    expect(canceled.json().status).toBe("canceled");
    const check = await v.check({ verification_id: id, code: codeOf(id) });
    expect(check.statusCode).toBe(409);
    expect(check.json().error.code).toBe("VERIFICATION_NOT_FOUND");
    expect((await v.approve(id)).statusCode).toBe(409);

    const next = (await v.start(to)).json().verification.id as string;
    const approved = await v.approve(next);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: "verified", verification_strategy: "admin" });
    const twice = await v.approve(next);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("CODE_ALREADY_USED");
    expect((await v.cancel(next)).json().error.code).toBe("CODE_ALREADY_USED");
  });

  maybe("is for backends: a user token gets 403, and approving needs phone:write", async () => {
    const t = await start();
    const asUser = verificationsClient(t, await t.tokenFor("alice"));
    const res = await asUser.start(mobileNumber());
    expect(res.statusCode).toBe(403);
    const verifyOnly = verificationsClient(t, await t.adminKeyFor("default", ["phone:verify"]));
    const id = (await verifyOnly.start(mobileNumber())).json().verification.id as string;
    expect((await verifyOnly.approve(id)).statusCode).toBe(403);
    expect((await verifyOnly.get(id)).statusCode).toBe(403);
    expect((await verifyOnly.cancel(id)).statusCode).toBe(200);
  });

  maybe(
    "spends the fraud guard's budgets: the end user's client_ip is counted like Handset-Client-IP",
    async () => {
      const t = await start({ HANDSET_BUDGET_IP_SMS_PER_HOUR: "2" });
      const v = verificationsClient(t);
      for (let i = 0; i < 2; i++)
        expect((await v.start(mobileNumber(), { client_ip: "203.0.113.7" })).statusCode).toBe(202);
      const third = await v.start(mobileNumber(), { client_ip: "203.0.113.7" });
      expect(third.statusCode).toBe(429);
      expect(third.json().error).toMatchObject({
        code: "BUDGET_EXCEEDED",
        details: { limit: "ip_sms_per_hour" },
      });
      expect(third.headers["retry-after"]).toBeDefined();
      expect((await v.start(mobileNumber(), { client_ip: "198.51.100.9" })).statusCode).toBe(202);
      const badIp = await v.start(mobileNumber(), { client_ip: "not-an-ip" });
      expect(badIp.statusCode).toBe(400);
    },
  );

  maybe("verifies a test number with its fixed code and no SMS", async () => {
    const to = mobileNumber();
    const t = await start({ HANDSET_TEST_NUMBERS: `${to}=424242` });
    const v = verificationsClient(t);
    const started = await v.start(to);
    expect(started.json()).toMatchObject({ delivery: "test_number", message: null });
    const checked = await v.check({ to, code: "424242" });
    expect(checked.statusCode).toBe(200);
    expect(checked.json().verification_strategy).toBe("test_number");
  });
});
