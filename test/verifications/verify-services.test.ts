import { describe, expect, it } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { mobileNumber, TEST_KEYRING } from "../support/harness.js";
import { notePostgresSkipped } from "../support/postgres.js";
import { appsOn, codeOf, DIALECTS, skipPostgres, verificationsClient } from "./support.js";

notePostgresSkipped("verify services on PostgreSQL");

const codeOfLength = (id: string, digits: number) => deriveCode(TEST_KEYRING.active, id, digits);
const wrong = (code: string) => (code.startsWith("0") ? `1${code.slice(1)}` : `0${code.slice(1)}`);

describe.each(DIALECTS)("verify services on the native API, on $name", ({ postgres }) => {
  const start = appsOn(postgres);
  const maybe = it.skipIf(skipPostgres(postgres));

  maybe("creates, lists by cursor, shows, changes and deletes services", async () => {
    const t = await start();
    const { call } = verificationsClient(t);
    const created = await call("POST", "/v1/verify-services", { friendly_name: "Acme Shop", code_length: 8 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      friendly_name: "Acme Shop",
      code_length: 8,
      tenant_id: t.config.defaultTenant,
      twilio: { lookup_enabled: false, tts_name: null },
    });
    const id = created.json().id as string;
    expect(id).toMatch(/^vsv_[0-9a-z]{26}$/);
    const second = (await call("POST", "/v1/verify-services", { friendly_name: "Acme Admin" })).json();
    expect(second.code_length).toBeNull();

    const first = await call("GET", "/v1/verify-services?limit=1");
    expect(first.json().data.map((s: { id: string }) => s.id)).toEqual([id]);
    const next = await call("GET", `/v1/verify-services?limit=1&after=${first.json().next_cursor}`);
    expect(next.json()).toMatchObject({ data: [{ id: second.id }], next_cursor: null });

    const changed = await call("PATCH", `/v1/verify-services/${id}`, {
      friendly_name: "Acme",
      code_length: null,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id, friendly_name: "Acme", code_length: null });
    expect((await call("GET", `/v1/verify-services/${id}`)).json().friendly_name).toBe("Acme");

    const deleted = await call("DELETE", `/v1/verify-services/${second.id}`);
    expect(deleted.json()).toEqual({ id: second.id, deleted: true, canceled_verifications: 0 });
    const gone = await call("GET", `/v1/verify-services/${second.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe("VERIFY_SERVICE_NOT_FOUND");
  });

  maybe("refuses bad settings naming the field, user tokens, and other tenants' services", async () => {
    const t = await start();
    const { call } = verificationsClient(t);
    for (const body of [
      { friendly_name: "x".repeat(31) },
      { friendly_name: "" },
      { friendly_name: "Two\nlines" },
      { friendly_name: "Short", code_length: 4 },
      { friendly_name: "Extra", color: "red" },
    ]) {
      const refused = await call("POST", "/v1/verify-services", body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.code).toBe("INVALID_REQUEST");
    }
    expect((await call("GET", "/v1/verify-services")).json().data).toEqual([]);

    const made = (await call("POST", "/v1/verify-services", { friendly_name: "Mine" })).json();
    const user = verificationsClient(t, await t.tokenFor("alice"));
    expect((await user.call("GET", "/v1/verify-services")).statusCode).toBe(403);
    const stranger = verificationsClient(t, await t.adminKeyFor("tenant-b"));
    expect((await stranger.call("GET", `/v1/verify-services/${made.id}`)).statusCode).toBe(404);
    expect((await stranger.call("DELETE", `/v1/verify-services/${made.id}`)).statusCode).toBe(404);
    const elsewhere = await stranger.start(mobileNumber(), { service_id: made.id });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.code).toBe("VERIFY_SERVICE_NOT_FOUND");
  });

  maybe("starts and checks verifications in a service, one open per number and service", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const service = (
      await v.call("POST", "/v1/verify-services", { friendly_name: "Acme", code_length: 8 })
    ).json();
    const to = mobileNumber();
    const inService = await v.start(to, { service_id: service.id });
    expect(inService.statusCode, inService.body).toBe(202);
    const inServiceId = inService.json().verification.id as string;
    expect(inService.json().verification.service_id).toBe(service.id);
    const plain = await v.start(to);
    expect(plain.json().verification).toMatchObject({ service_id: null });
    expect(plain.json().new_verification).toBe(true);
    const plainId = plain.json().verification.id as string;

    // A check by number reads the open verification of its service only.
    const code = codeOfLength(inServiceId, 8);
    const crossed = await v.check({ to, code });
    expect(crossed.statusCode).toBe(422);
    expect(crossed.json().error.details.verification_id).toBe(plainId);
    const byIdElsewhere = await v.check({ verification_id: inServiceId, code, service_id: "vsv_other" });
    expect(byIdElsewhere.json().error.code).toBe("VERIFICATION_ID_NOT_FOUND");
    const wrongInService = await v.check({ to, code: wrong(code), service_id: service.id });
    expect(wrongInService.json().error.details).toMatchObject({
      verification_id: inServiceId,
      attempts_left: 4,
    });
    const approved = await v.check({ to, code, service_id: service.id });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ id: inServiceId, status: "verified", service_id: service.id });
    expect((await v.get(plainId)).json().status).toBe("pending");
    expect((await v.check({ to, code: codeOf(plainId) })).statusCode).toBe(200);
  });

  maybe(
    "names the service or the request's app_name in the SMS, ends it with app_hash, refuses bad ones",
    async () => {
      const t = await start();
      const v = verificationsClient(t);
      const service = (await v.call("POST", "/v1/verify-services", { friendly_name: "Acme Shop" })).json();
      const to = mobileNumber();
      await v.start(to, { service_id: service.id });
      await t.dispatcher.runOnce();
      expect(t.inbox?.list({ to })[0]?.body).toContain("Acme Shop");

      const other = mobileNumber();
      const sent = await v.start(other, { app_name: "Acme Sale", app_hash: "FA+9qCX9VSu" });
      expect(sent.statusCode, sent.body).toBe(202);
      await t.dispatcher.runOnce();
      const text = t.inbox?.list({ to: other })[0]?.body ?? "";
      expect(text).toContain("Acme Sale");
      expect(text.split("\n").at(-1)).toBe("FA+9qCX9VSu");

      const third = mobileNumber();
      for (const extra of [
        { app_hash: "short" },
        { app_name: "x".repeat(31) },
        { service_id: "vsv_unknown" },
      ]) {
        const refused = await v.start(third, extra);
        expect(refused.statusCode, JSON.stringify(extra)).toBeGreaterThanOrEqual(400);
      }
      const lookup = await v.call(
        "GET",
        `/v1/lookup/phone-numbers?phone_number=${encodeURIComponent(third)}`,
      );
      expect(lookup.json().verifications).toEqual([]);
    },
  );

  maybe("takes custom_code for a service with custom_code_enabled only", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const plain = (await v.call("POST", "/v1/verify-services", { friendly_name: "Plain" })).json();
    const custom = (
      await v.call("POST", "/v1/verify-services", { friendly_name: "Custom", custom_code_enabled: true })
    ).json();
    expect(custom.custom_code_enabled).toBe(true);
    const to = mobileNumber();
    const refused = await v.start(to, { service_id: plain.id, custom_code: "24681357" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject({ reason: "feature_not_enabled" });
    expect((await v.start(to, { custom_code: "24681357" })).statusCode).toBe(400);

    const sent = await v.start(to, { service_id: custom.id, custom_code: "24681357" });
    expect(sent.statusCode, sent.body).toBe(202);
    await t.dispatcher.runOnce();
    expect(t.inbox?.list({ to })[0]?.code).toBe("24681357");
    const checked = await v.check({ to, code: "24681357", service_id: custom.id });
    expect(checked.json()).toMatchObject({ status: "verified", service_id: custom.id });
  });

  maybe("cancels a deleted service's open verifications", async () => {
    const t = await start();
    const v = verificationsClient(t);
    const service = (await v.call("POST", "/v1/verify-services", { friendly_name: "Brief" })).json();
    const to = mobileNumber();
    const id = (await v.start(to, { service_id: service.id })).json().verification.id as string;
    const deleted = await v.call("DELETE", `/v1/verify-services/${service.id}`);
    expect(deleted.json().canceled_verifications).toBe(1);
    expect((await v.get(id)).json()).toMatchObject({ status: "canceled", service_id: service.id });
    const check = await v.check({ verification_id: id, code: codeOf(id) });
    expect(check.statusCode).toBe(409);
  });
});
