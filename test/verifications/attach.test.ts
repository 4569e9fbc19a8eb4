import { describe, expect, it } from "vitest";
import { mobileNumber } from "../support/harness.js";
import { notePostgresSkipped } from "../support/postgres.js";
import { appsOn, codeOf, DIALECTS, skipPostgres, verificationsClient } from "./support.js";

notePostgresSkipped("attaching verifications and finding numbers on PostgreSQL");

describe.each(DIALECTS)("attaching a bare verification, and finding a number, on $name", ({ postgres }) => {
  const start = appsOn(postgres);
  const maybe = it.skipIf(skipPostgres(postgres));

  /** A bare number verified by its code: the number and the verification's id. */
  async function verified(v: ReturnType<typeof verificationsClient>) {
    const to = mobileNumber();
    const id = (await v.start(to)).json().verification.id as string;
    const checked = await v.check({ to, code: codeOf(id) });
    expect(checked.statusCode, checked.body).toBe(200);
    return { to, id };
  }

  maybe("attaches an approved verification to a user in one call, once", async () => {
    const t = await start();
    const v = verificationsClient(t);
    expect((await v.call("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
    expect((await v.call("POST", "/v1/users", { id: "bob" })).statusCode).toBe(201);
    const { to, id } = await verified(v);
    const attached = await v.attach({ user_id: "alice", verification_id: id });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json()).toMatchObject({
      user_id: "alice",
      phone_number: to,
      verified: true,
      verification_strategy: "sms_code",
      primary: true,
    });
    const numberId = attached.json().id as string;
    // The verification now names the number, and the number shows it as its latest.
    expect((await v.get(id)).json()).toMatchObject({
      user_id: "alice",
      phone_number_id: numberId,
      attachable_until: null,
    });
    expect((await v.call("GET", `/v1/phone-numbers/${numberId}`)).json().verification.id).toBe(id);

    const twice = await v.attach({ user_id: "bob", verification_id: id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("CODE_ALREADY_USED");
    expect((await v.call("GET", "/v1/users/bob")).json().phone_numbers).toEqual([]);
    const added = await t.store.db
      .selectFrom("events")
      .select("payload")
      .where("type", "=", "phone_number.added")
      .execute();
    expect(added.map((e) => JSON.parse(e.payload).verificationId)).toEqual([id]);
  });

  maybe(
    "refuses a pending, stale, mismatched or another tenant's verification, and changes nothing",
    async () => {
      const t = await start();
      const v = verificationsClient(t);
      expect((await v.call("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
      const pending = (await v.start(mobileNumber())).json().verification.id as string;
      const notYet = await v.attach({ user_id: "alice", verification_id: pending });
      expect(notYet.statusCode).toBe(409);
      expect(notYet.json().error.code).toBe("PHONE_NUMBER_NOT_VERIFIED");

      const { id } = await verified(v);
      const mismatched = await v.attach({
        user_id: "alice",
        verification_id: id,
        phone_number: mobileNumber(),
      });
      expect(mismatched.statusCode).toBe(400);
      const other = verificationsClient(t, await t.adminKeyFor("tenant-b"));
      expect((await other.call("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
      const foreign = await other.attach({ user_id: "alice", verification_id: id });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe("VERIFICATION_ID_NOT_FOUND");
      const noUser = await v.attach({ user_id: "nobody", verification_id: id });
      expect(noUser.statusCode).toBe(404);

      t.clock.advance(600_001);
      const stale = await v.attach({ user_id: "alice", verification_id: id });
      expect(stale.statusCode).toBe(422);
      expect(stale.json().error.code).toBe("CODE_EXPIRED");
      expect((await v.call("GET", "/v1/users/alice")).json().phone_numbers).toEqual([]);
      expect((await v.get(id)).json().user_id).toBeNull();
    },
  );

  maybe("attaches an admin's approval with strategy admin; a user token cannot attach", async () => {
    const t = await start();
    const v = verificationsClient(t);
    expect((await v.call("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
    const to = mobileNumber();
    const id = (await v.start(to)).json().verification.id as string;
    expect((await v.approve(id)).statusCode).toBe(200);
    const asAlice = verificationsClient(t, await t.tokenFor("alice"));
    const mine = await asAlice.call("POST", "/v1/me/phone-numbers", {
      phone_number: to,
      verification_id: id,
    });
    expect(mine.statusCode).toBe(400);
    const attached = await v.attach({ user_id: "alice", phone_number: to, verification_id: id });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json().verification_strategy).toBe("admin");
  });

  maybe("tells an admin key who holds the number, and finds a number's holder by number", async () => {
    const t = await start();
    const v = verificationsClient(t);
    expect((await v.call("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
    const to = mobileNumber();
    const added = await v.call("POST", "/v1/phone-numbers", {
      user_id: "alice",
      phone_number: to,
      verified: true,
    });
    expect(added.statusCode).toBe(201);
    const numberId = added.json().id as string;

    const started = await v.start(to);
    expect(started.json().verification.holder).toEqual({
      user_id: "alice",
      phone_number_id: numberId,
      verified: true,
    });

    const found = await v.call("GET", `/v1/phone-numbers?phone_number=${encodeURIComponent(to)}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toEqual({
      data: [
        {
          id: numberId,
          user_id: "alice",
          phone_number: to,
          verified: true,
          primary: true,
          reserved_for_second_factor: false,
        },
      ],
    });
    const national = await v.call("GET", `/v1/phone-numbers?phone_number=0${to.slice(3)}&region=FR`);
    expect(national.json().data[0]?.id).toBe(numberId);
    expect(
      (await v.call("GET", `/v1/phone-numbers?phone_number=${encodeURIComponent(mobileNumber())}`)).json(),
    ).toEqual({
      data: [],
    });
    // Another tenant finds nothing; a missing number is a 400; a user token is refused.
    const other = verificationsClient(t, await t.adminKeyFor("tenant-b"));
    expect(
      (await other.call("GET", `/v1/phone-numbers?phone_number=${encodeURIComponent(to)}`)).json(),
    ).toEqual({
      data: [],
    });
    expect((await v.call("GET", "/v1/phone-numbers")).statusCode).toBe(400);
    const asAlice = verificationsClient(t, await t.tokenFor("alice"));
    expect(
      (await asAlice.call("GET", `/v1/phone-numbers?phone_number=${encodeURIComponent(to)}`)).statusCode,
    ).toBe(403);
  });

  maybe("two checks with the right code at once approve once; two starts at once start one", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const to = mobileNumber();
    const id = (await v.start(to)).json().verification.id as string;
    const answers = await Promise.all([1, 2, 3, 4].map(() => v.check({ to, code: codeOf(id) })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error.code).toBe("CODE_ALREADY_USED");
    const approvals = await t.store.db
      .selectFrom("events")
      .select("id")
      .where("type", "=", "verification.approved")
      .execute();
    expect(approvals).toHaveLength(1);

    const other = mobileNumber();
    const starts = await Promise.all([1, 2, 3].map(() => v.start(other)));
    const codes = starts.map((s) => s.statusCode).sort();
    expect(codes[0]).toBe(202);
    expect(codes.slice(1).every((c) => c === 429)).toBe(true);
    const rows = await t.store.db
      .selectFrom("verifications")
      .select("id")
      .where("e164", "=", other)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
