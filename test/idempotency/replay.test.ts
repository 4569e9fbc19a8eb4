import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mobileNumber, type TestApp } from "../support/harness.js";
import { notePostgresSkipped } from "../support/postgres.js";
import {
  breakUserInserts,
  DIALECTS,
  keyedCall,
  newKey,
  rowsIn,
  skipDialect,
  startTestApp,
} from "./support.js";

notePostgresSkipped("the Idempotency-Key tests on PostgreSQL");

describe.each(DIALECTS.filter((d) => !skipDialect(d.postgres)))(
  "Idempotency-Key on the native API's POSTs on $name",
  ({ postgres }) => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(postgres);
    });
    afterEach(async () => t.close());

    it("answers a retry with the stored answer, marked, without doing the work again", async () => {
      const token = await t.tokenFor("alice");
      const key = newKey();
      const body = { phone_number: mobileNumber() };
      const first = await keyedCall(t, token, "POST", "/v1/me/phone-numbers", key, body);
      expect(first.statusCode).toBe(201);
      expect(first.headers["idempotent-replayed"]).toBeUndefined();
      const work = { numbers: await rowsIn(t, "phone_numbers"), events: await rowsIn(t, "events") };

      const again = await keyedCall(t, token, "POST", "/v1/me/phone-numbers", key, body);
      expect(again.statusCode).toBe(201);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.headers["content-type"]).toBe(first.headers["content-type"]);
      expect(again.body).toBe(first.body);
      expect({ numbers: await rowsIn(t, "phone_numbers"), events: await rowsIn(t, "events") }).toEqual(work);
    });

    it("sends one SMS for a send-code retried with its key (no second outbox message)", async () => {
      const token = await t.tokenFor("bob");
      const added = await keyedCall(t, token, "POST", "/v1/me/phone-numbers", undefined, {
        phone_number: mobileNumber(),
      });
      const url = `/v1/me/phone-numbers/${added.json().id}/send-code`;
      const key = newKey();
      const first = await keyedCall(t, token, "POST", url, key);
      expect(first.statusCode).toBe(202);
      const again = await keyedCall(t, token, "POST", url, key);
      expect(again.statusCode).toBe(202);
      expect(again.json()).toEqual(first.json());
      expect(await rowsIn(t, "outbox")).toBe(1);
      // Without the key, the same call is a resend, refused by the cooldown as before.
      expect((await keyedCall(t, token, "POST", url, undefined)).statusCode).toBe(429);
    });

    it("reads the body as canonical JSON: another key order is the same request", async () => {
      const key = newKey();
      const first = await t.app.inject({
        method: "POST",
        url: "/v1/users",
        headers: {
          authorization: `Bearer ${t.adminKey}`,
          "idempotency-key": key,
          "content-type": "application/json",
        },
        payload: '{"id":"carol","external_id":"crm-1"}',
      });
      expect(first.statusCode).toBe(201);
      const again = await t.app.inject({
        method: "POST",
        url: "/v1/users",
        headers: {
          authorization: `Bearer ${t.adminKey}`,
          "idempotency-key": key,
          "content-type": "application/json",
        },
        payload: '{ "external_id": "crm-1",\n  "id": "carol" }',
      });
      expect(again.statusCode).toBe(201);
      expect(again.headers["idempotent-replayed"]).toBe("true");
    });

    it("refuses the key with another body or another route: 422 IDEMPOTENCY_KEY_REUSED, nothing done", async () => {
      const key = newKey();
      expect((await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "dave" })).statusCode).toBe(201);
      const users = await rowsIn(t, "users");

      const otherBody = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "erin" });
      expect(otherBody.statusCode).toBe(422);
      expect(otherBody.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
      const otherRoute = await keyedCall(t, t.adminKey, "POST", "/v1/phone-numbers", key, {
        user_id: "dave",
        phone_number: mobileNumber(),
      });
      expect(otherRoute.statusCode).toBe(422);
      expect(otherRoute.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
      expect(await rowsIn(t, "users")).toBe(users);
      expect(await rowsIn(t, "phone_numbers")).toBe(0);
    });

    it("keeps a client error: the retry answers the same 409 although the conflict is gone", async () => {
      expect(
        (await keyedCall(t, t.adminKey, "POST", "/v1/users", undefined, { id: "frank" })).statusCode,
      ).toBe(201);
      const key = newKey();
      const refused = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "frank" });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe("USER_ALREADY_EXISTS");
      expect((await keyedCall(t, t.adminKey, "DELETE", "/v1/users/frank", undefined)).statusCode).toBe(200);

      const again = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "frank" });
      expect(again.statusCode).toBe(409);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.body).toBe(refused.body);
      expect(await rowsIn(t, "users")).toBe(0);
    });

    it("keeps no 5xx: the key is let go and the retry does the work", async () => {
      const repair = await breakUserInserts(t, postgres);
      const key = newKey();
      const failed = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "grace" });
      expect(failed.statusCode).toBeGreaterThanOrEqual(500);
      expect(await rowsIn(t, "idempotency_keys")).toBe(0);
      await repair();

      const retried = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "grace" });
      expect(retried.statusCode).toBe(201);
      expect(retried.headers["idempotent-replayed"]).toBeUndefined();
      expect(await rowsIn(t, "users")).toBe(1);
    });

    it("keeps no 429: once the cooldown passes, the retry with the same key sends", async () => {
      const token = await t.tokenFor("heidi");
      const added = await keyedCall(t, token, "POST", "/v1/me/phone-numbers", undefined, {
        phone_number: mobileNumber(),
      });
      const url = `/v1/me/phone-numbers/${added.json().id}/send-code`;
      expect((await keyedCall(t, token, "POST", url, undefined)).statusCode).toBe(202);
      const key = newKey();
      const cooling = await keyedCall(t, token, "POST", url, key);
      expect(cooling.statusCode).toBe(429);
      t.clock.advance(31_000);
      const sent = await keyedCall(t, token, "POST", url, key);
      expect(sent.statusCode).toBe(202);
      expect(sent.headers["idempotent-replayed"]).toBeUndefined();
      expect(await rowsIn(t, "outbox")).toBe(2);
    });

    it("forgets a key after 24 hours: the same key then runs the request again", async () => {
      const key = newKey();
      expect((await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "ivan" })).statusCode).toBe(201);
      t.clock.advance(24 * 60 * 60_000 - 1);
      const within = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "ivan" });
      expect(within.headers["idempotent-replayed"]).toBe("true");
      t.clock.advance(1);
      const after = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "ivan" });
      expect(after.statusCode).toBe(409);
      expect(after.json().error.code).toBe("USER_ALREADY_EXISTS");
      expect(after.headers["idempotent-replayed"]).toBeUndefined();
    });

    it("refuses a malformed key with 400 INVALID_REQUEST and does nothing", async () => {
      for (const bad of ["x".repeat(256), "clé", "tab\there", "   "]) {
        const answer = await keyedCall(t, t.adminKey, "POST", "/v1/users", bad, { id: "judy" });
        expect(answer.statusCode, JSON.stringify(bad)).toBe(400);
        expect(answer.json().error).toMatchObject({
          code: "INVALID_REQUEST",
          details: { field: "Idempotency-Key" },
        });
      }
      expect(await rowsIn(t, "users")).toBe(0);
      expect(
        (await keyedCall(t, t.adminKey, "POST", "/v1/users", "x".repeat(255), { id: "judy" })).statusCode,
      ).toBe(201);
    });

    it("leaves requests without the header as they were: each POST does its work", async () => {
      const first = await keyedCall(t, t.adminKey, "POST", "/v1/users", undefined, { id: "ken" });
      const second = await keyedCall(t, t.adminKey, "POST", "/v1/users", undefined, { id: "ken" });
      expect([first.statusCode, second.statusCode]).toEqual([201, 409]);
      expect(second.headers["idempotent-replayed"]).toBeUndefined();
      expect(await rowsIn(t, "idempotency_keys")).toBe(0);
    });

    it("does not claim a key for a request refused before it ran (bad body, no credential)", async () => {
      const key = newKey();
      const invalid = await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "" });
      expect(invalid.statusCode).toBe(400);
      const anonymous = await t.app.inject({
        method: "POST",
        url: "/v1/users",
        headers: { "idempotency-key": key },
        payload: { id: "leo" },
      });
      expect(anonymous.statusCode).toBe(401);
      expect(await rowsIn(t, "idempotency_keys")).toBe(0);
      expect((await keyedCall(t, t.adminKey, "POST", "/v1/users", key, { id: "leo" })).statusCode).toBe(201);
    });
  },
);
