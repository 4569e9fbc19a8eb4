import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { latestCode, nativeClient } from "../support/native-client.js";

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const INFO = 30;
const DEBUG = 20;

describe("request logs", () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  async function appLogging(level: "info" | "debug") {
    const lines: LogLine[] = [];
    t = await createTestApp({
      logger: { level, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
    });
    return lines;
  }

  it("writes one line per request at info: method, route template, status, duration, request id, surface, tenant", async () => {
    const lines = await appLogging("info");
    if (!t) throw new Error("no app");
    const token = await t.tokenFor("alice");
    const me = nativeClient(t, token);
    const number = mobileNumber();
    const added = await me.addMine(number);
    const id = added.json().id as string;
    await me.sendMine(id);
    const code = await latestCode(t, number);
    const verified = await me.verifyMine(id, code);
    expect(verified.statusCode).toBe(200);
    // A number in the URL itself: the line keeps the route's template.
    await t.app.inject({
      method: "GET",
      url: `/v1/users/alice/phone-numbers?phone_number=${encodeURIComponent(number)}`,
      headers: { authorization: `Bearer ${t.adminKey}` },
    });

    const requests = lines.filter((l) => l.msg === "request completed");
    const verify = requests.find((l) => l.route === "/v1/me/phone-numbers/:phone_number_id/verify");
    expect(verify).toMatchObject({
      level: INFO,
      method: "POST",
      status: 200,
      surface: "native",
      tenant: "default",
      request_id: verified.headers["x-request-id"],
    });
    expect(typeof verify?.duration_ms).toBe("number");
    expect(requests.filter((l) => l.level === INFO)).toHaveLength(4); // add, send, verify, list
    expect(requests.map((l) => l.route)).toContain("/v1/users/:user_id/phone-numbers");

    const written = JSON.stringify(lines);
    expect(written).not.toContain(number);
    expect(written).not.toContain(encodeURIComponent(number));
    expect(written).not.toContain(code);
    expect(written).not.toContain(token);
    expect(written).not.toContain(t.adminKey);
    expect(written.toLowerCase()).not.toContain("authorization");
  });

  it("logs an unmatched route as such, and health and metrics only at debug", async () => {
    const lines = await appLogging("info");
    if (!t) throw new Error("no app");
    await t.app.inject({ method: "GET", url: "/healthz" });
    await t.app.inject({ method: "GET", url: "/metrics" });
    await t.app.inject({ method: "GET", url: "/v1/nowhere/+33612345678?code=123456" });
    const requests = lines.filter((l) => l.msg === "request completed");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ level: INFO, route: "unmatched", status: 404, surface: "native" });
    expect(requests[0]).not.toHaveProperty("tenant");
    expect(JSON.stringify(lines)).not.toContain("33612345678");

    await t.close();
    const debug = await appLogging("debug");
    if (!t) throw new Error("no app");
    await t.app.inject({ method: "GET", url: "/healthz" });
    await t.app.inject({ method: "GET", url: "/metrics" });
    const quiet = debug.filter((l) => l.msg === "request completed");
    expect(quiet.map((l) => [l.level, l.surface, l.route])).toEqual([
      [DEBUG, "health", "/healthz"],
      [DEBUG, "metrics", "/metrics"],
    ]);
  });
});
