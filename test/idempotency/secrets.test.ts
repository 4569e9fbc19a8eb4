import { afterEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";

const apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.close();
});

/**
 * An Idempotency-Key's row keeps a SHA-256 fingerprint of the request. A code the application chose
 * (`custom_code`) has at most 10 digits: hashed with the rest of a request an attacker can rebuild from
 * a dump (route, number, service, credential id), it would be found by trying them all. So it is left
 * out of the fingerprint, and no code can be recovered from a dump of the keys.
 */
describe("idempotency fingerprints and chosen codes", () => {
  it("do not depend on custom_code", async () => {
    const t = await createTestApp({ runDispatcher: false });
    apps.push(t);
    const headers = bearer(t.adminKey);
    const service = await t.app.inject({
      method: "POST",
      url: "/v1/verify-services",
      headers,
      payload: { friendly_name: "Custom", custom_code_enabled: true },
    });
    const serviceId = service.json().id as string;
    const to = mobileNumber();
    const send = (key: string, code: string) =>
      t.app.inject({
        method: "POST",
        url: "/v1/verifications",
        headers: { ...headers, "idempotency-key": key },
        payload: { to, service_id: serviceId, custom_code: code },
      });
    expect((await send("first", "13572468")).statusCode).toBe(202);
    // The same number again with another code: refused (400) and kept, as client errors are.
    expect((await send("second", "86427531")).statusCode).toBe(400);
    const rows = await t.store.db
      .selectFrom("idempotency_keys")
      .select(["key", "fingerprint"])
      .orderBy("key")
      .execute();
    expect(rows.map((r) => r.key)).toEqual(["first", "second"]);
    expect(rows[0]?.fingerprint).toBe(rows[1]?.fingerprint);
  });
});
