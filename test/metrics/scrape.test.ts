import { afterEach, describe, expect, it } from "vitest";
import { createReceiptSink } from "../../src/delivery/receipts.js";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { latestCode, nativeClient, wrongCode } from "../support/native-client.js";

const silent = { info() {}, warn() {}, error() {} };

/** The value of one sample line (`name{labels} value`) in a scrape, or undefined when absent. */
function sample(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function scrape(t: TestApp, headers: Record<string, string> = {}) {
  const answer = await t.app.inject({ method: "GET", url: "/metrics", headers });
  expect(answer.statusCode).toBe(200);
  return answer.body;
}

describe("GET /metrics after a few flows", () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it("counts requests, codes, SMS, refusals, the outbox backlog and commits", async () => {
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_BUDGET_USER_NUMBERS_PER_DAY: "1" } });
    const admin = nativeClient(t, t.adminKey);
    expect((await admin.call("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
    const alice = nativeClient(t, await t.tokenFor("alice"));
    const number = mobileNumber();
    const phoneId = (await alice.addMine(number)).json().id as string;
    const sent = await alice.sendMine(phoneId);
    expect(sent.statusCode).toBe(202);
    const messageId = sent.json().message.id as string;

    // Queued, not yet handed off: the backlog shows it, and how long it has been due.
    t.clock.advance(5_000);
    const queued = await scrape(t);
    expect(sample(queued, "handset_outbox_depth")).toBe(1);
    expect(sample(queued, "handset_outbox_oldest_due_age_seconds")).toBe(5);

    const code = await latestCode(t, number);
    expect((await alice.verifyMine(phoneId, wrongCode(code))).statusCode).toBe(422);
    expect((await alice.verifyMine(phoneId, code)).statusCode).toBe(200);
    // The inbox gives no receipts; a provider's "delivered" goes through the same sink as a real one's.
    const receipts = createReceiptSink(t.store, "inbox", t.clock, silent, t.metrics.sms);
    const matched = await receipts.report({
      messageId,
      providerMessageId: null,
      status: "delivered",
      error: null,
      at: null,
    });
    expect(matched).toBe(true);
    // The per-user budget allows one number a day: the second is refused.
    expect((await alice.addMine(mobileNumber())).statusCode).toBe(429);

    // A code left to expire.
    const bob = nativeClient(t, await t.tokenFor("bob"));
    const bobsId = (await bob.addMine(mobileNumber())).json().id as string;
    await bob.sendMine(bobsId);
    t.clock.advance(11 * 60_000);
    const expired = await bob.verifyMine(bobsId, "123456");
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.code).toBe("CODE_EXPIRED");
    // An unknown path is counted under one series, whatever its URL.
    expect((await admin.call("GET", "/v1/no/such/+33612345678")).statusCode).toBe(404);

    const body = await scrape(t);
    expect(sample(body, 'handset_codes_total{event="sent",tenant="default"}')).toBe(2);
    expect(sample(body, 'handset_codes_total{event="failed",tenant="default"}')).toBe(1);
    expect(sample(body, 'handset_codes_total{event="verified",tenant="default"}')).toBe(1);
    expect(sample(body, 'handset_codes_total{event="expired",tenant="default"}')).toBe(1);
    expect(sample(body, 'handset_sms_total{provider="inbox",country="FR",status="sent"}')).toBe(1);
    expect(sample(body, 'handset_sms_total{provider="inbox",country="FR",status="delivered"}')).toBe(1);
    expect(sample(body, 'handset_sms_send_duration_seconds_count{provider="inbox"}')).toBe(1);
    expect(sample(body, 'handset_guard_refusals_total{limit="user_numbers_per_day",tenant="default"}')).toBe(
      1,
    );
    expect(
      sample(
        body,
        'handset_http_requests_total{surface="native",route="/v1/me/phone-numbers/:phone_number_id/verify",method="POST",status="200"}',
      ),
    ).toBe(1);
    expect(
      sample(
        body,
        'handset_http_requests_total{surface="native",route="/v1/me/phone-numbers/:phone_number_id/verify",method="POST",status="422"}',
      ),
    ).toBe(2); // the wrong code and the expired one
    expect(
      sample(
        body,
        'handset_http_requests_total{surface="native",route="unmatched",method="GET",status="404"}',
      ),
    ).toBe(1);
    expect(
      sample(
        body,
        'handset_http_request_duration_seconds_count{surface="native",route="/v1/users",method="POST"}',
      ),
    ).toBe(1);
    expect(
      sample(
        body,
        'handset_http_requests_total{surface="metrics",route="/metrics",method="GET",status="200"}',
      ),
    ).toBe(1);
    // Bob's verification was delivered at the poll pass only if one ran: his message waits.
    expect(sample(body, "handset_outbox_depth")).toBe(1);
    expect(sample(body, "handset_db_commit_duration_seconds_count")).toBeGreaterThan(5);
    // No number, no message id, no raw URL reaches a label.
    expect(body).not.toContain(number);
    expect(body).not.toContain("+33612345678");
    expect(body).not.toContain(messageId);
  });

  it("counts a wrong code that used the last try as failed and attempts_exhausted", async () => {
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_CODE_MAX_ATTEMPTS: "1" } });
    const me = nativeClient(t, await t.tokenFor("carol"));
    const number = mobileNumber();
    const id = (await me.addMine(number)).json().id as string;
    await me.sendMine(id);
    const refused = await me.verifyMine(id, wrongCode(await latestCode(t, number)));
    expect(refused.json().error.code).toBe("CODE_ATTEMPTS_EXHAUSTED");
    const body = await scrape(t);
    expect(sample(body, 'handset_codes_total{event="failed",tenant="default"}')).toBe(1);
    expect(sample(body, 'handset_codes_total{event="attempts_exhausted",tenant="default"}')).toBe(1);
    expect(sample(body, 'handset_codes_total{event="verified",tenant="default"}')).toBeUndefined();
  });

  it("adds prom-client's process metrics, prefixed, only when asked", async () => {
    t = await createTestApp({ runDispatcher: false });
    expect(await scrape(t)).not.toContain("handset_process_cpu_seconds_total");
    await t.close();
    t = await createTestApp({ runDispatcher: false, processMetrics: true });
    const body = await scrape(t);
    expect(body).toContain("# TYPE handset_process_cpu_seconds_total counter");
    expect(body).toContain("handset_nodejs_eventloop_lag_seconds");
  });
});

describe("HANDSET_METRICS and HANDSET_METRICS_TOKEN", () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it("serves no /metrics route at all when off", async () => {
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_METRICS: "off" } });
    const answer = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().error.code).toBe("ROUTE_NOT_FOUND");
  });

  it("refuses a value other than on or off", async () => {
    await expect(createTestApp({ env: { HANDSET_METRICS: "maybe" } })).rejects.toThrow(/HANDSET_METRICS/);
  });

  it("is open without a token, and asks for the bearer token once one is set", async () => {
    t = await createTestApp({ runDispatcher: false });
    expect((await t.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(200);
    await t.close();
    const secret = "scrape-token-0123456789abcdef";
    t = await createTestApp({ runDispatcher: false, env: { HANDSET_METRICS_TOKEN: secret } });
    expect((await t.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    expect(await scrape(t, bearer(secret))).toContain("handset_outbox_depth");
  });
});
