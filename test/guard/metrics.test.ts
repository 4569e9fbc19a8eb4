import { afterEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";

describe("GET /metrics", () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it("counts budget refusals by budget and tenant, in Prometheus' text format", async () => {
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_BUDGET_USER_NUMBERS_PER_DAY: "1" } });
    const token = await t.tokenFor("counted");
    for (let i = 0; i < 3; i += 1) {
      await t.app.inject({
        method: "POST",
        url: "/v1/me/phone-numbers",
        headers: bearer(token),
        payload: { phone_number: mobileNumber() },
      });
    }
    const scraped = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(scraped.body).toContain("# TYPE handset_guard_refusals_total counter");
    expect(scraped.body).toContain(
      'handset_guard_refusals_total{limit="user_numbers_per_day",tenant="default"} 2',
    );
  });

  it("asks for the bearer token when HANDSET_METRICS_TOKEN is set", async () => {
    const secret = "scrape-me-please-0123456789";
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_METRICS_TOKEN: secret } });
    const anonymous = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toBe('Bearer realm="metrics"');
    const wrong = await t.app.inject({ method: "GET", url: "/metrics", headers: bearer(`${secret}x`) });
    expect(wrong.statusCode).toBe(401);
    const right = await t.app.inject({ method: "GET", url: "/metrics", headers: bearer(secret) });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("handset_guard_refusals_total");
  });
});
