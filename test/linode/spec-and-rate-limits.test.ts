import * as linodeApi from "@linode/api-v4";
import { afterEach, describe, expect, it } from "vitest";
import { LINODE_REQUEST_LIMIT } from "../../src/surfaces/linode/rate-limit.js";
import { bearer } from "../support/harness.js";
import { linode, serverRejection } from "./linode-client.js";
import { type LinodeTestServer, startLinodeServer, wrongCode } from "./setup.js";
import { schemaErrors } from "./spec-schemas.js";

const US_NATIONAL = "201-555-0123";
const US_E164 = "+12015550123";

/** Every response `@linode/api-v4` receives while installed: status, headers and body. */
function recordResponses(): { seen: { status: number; headers: Record<string, string> }[]; stop(): void } {
  const seen: { status: number; headers: Record<string, string> }[] = [];
  const keep = (response: { status: number; headers: object }) => {
    seen.push({ status: response.status, headers: { ...(response.headers as Record<string, string>) } });
  };
  const id = linodeApi.baseRequest.interceptors.response.use(
    (response: { status: number; headers: object }) => {
      keep(response);
      return response;
    },
    (error: { response?: { status: number; headers: object } }) => {
      if (error.response) keep(error.response);
      return Promise.reject(error);
    },
  );
  return { seen, stop: () => linodeApi.baseRequest.interceptors.response.eject(id) };
}

/** The rate-limit headers, as numbers. */
function limits(headers: Record<string, unknown>) {
  return {
    limit: Number(headers["x-ratelimit-limit"]),
    remaining: Number(headers["x-ratelimit-remaining"]),
    reset: Number(headers["x-ratelimit-reset"]),
    retryAfter: headers["retry-after"] === undefined ? undefined : Number(headers["retry-after"]),
  };
}

describe("Linode surface against Linode's published OpenAPI", () => {
  let s: LinodeTestServer;
  afterEach(async () => s.close());

  it("answers GET /profile, the phone actions and their errors as the spec's schemas say (api-v4)", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    const before = await linode.getProfile();
    expect(schemaErrors("profile", before)).toEqual([]);
    expect(before.verified_phone_number).toBeNull();
    // Only the fields the schema defines: api-v4 types `user_type`, the spec does not.
    expect(before).not.toHaveProperty("user_type");
    expect(before.email).toMatch(/^user-\d+@handset\.invalid$/);

    const sent = await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    expect(schemaErrors("empty", sent)).toEqual([]);
    const code = await s.latestCode(US_E164);

    const wrong = await serverRejection(linode.verifyPhoneNumberCode({ otp_code: wrongCode(code) }));
    expect(wrong.status).toBe(400);
    expect(schemaErrors("error", { errors: wrong.errors })).toEqual([]);

    const verified = await linode.verifyPhoneNumberCode({ otp_code: code });
    expect(schemaErrors("empty", verified)).toEqual([]);
    const after = await linode.getProfile();
    expect(schemaErrors("profile", after)).toEqual([]);
    expect(after.verified_phone_number).toBe(US_E164);

    const again = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL }),
    );
    expect(again.status).toBe(400);
    expect(schemaErrors("error", { errors: again.errors })).toEqual([]);

    expect(schemaErrors("empty", await linode.smsOptOut())).toEqual([]);
    const none = await serverRejection(linode.smsOptOut());
    expect(none.status).toBe(400);
    expect(schemaErrors("error", { errors: none.errors })).toEqual([]);
  });

  it("the schema check would catch a field the spec does not define, or a malformed e-mail", () => {
    const base = { username: "alice", uid: 1, email: "user-1@handset.invalid", verified_phone_number: null };
    expect(schemaErrors("profile", base)).toEqual([]);
    expect(schemaErrors("profile", { ...base, user_type: "default" })).not.toEqual([]);
    expect(schemaErrors("profile", { ...base, email: "" })).not.toEqual([]);
    expect(schemaErrors("profile", { ...base, verified_phone_number: "201-555-0123" })).not.toEqual([]);
    expect(schemaErrors("error", { errors: [{ reason: "x", code: 1 }] })).not.toEqual([]);
  });

  it("answers every error of the surface in the spec's error envelope (raw HTTP)", async () => {
    s = await startLinodeServer();
    const token = await s.signIn("alice");
    const cases: [string, RequestInit & { path: string }][] = [
      ["no token", { path: "/linode/v4/profile" }],
      ["unknown path", { path: "/linode/v4/profile/nope", headers: bearer(token) }],
      [
        "missing fields",
        {
          path: "/linode/v4/profile/phone-number",
          method: "POST",
          headers: { ...bearer(token), "content-type": "application/json" },
          body: "{}",
        },
      ],
      [
        "not JSON",
        {
          path: "/linode/v4/profile/phone-number/verify",
          method: "POST",
          headers: { ...bearer(token), "content-type": "application/json" },
          body: "{",
        },
      ],
      [
        "nothing to verify",
        {
          path: "/linode/v4beta/profile/phone-number/verify",
          method: "POST",
          headers: { ...bearer(token), "content-type": "application/json" },
          body: '{"otp_code":"123456"}',
        },
      ],
    ];
    for (const [name, { path, ...init }] of cases) {
      const response = await fetch(`${s.origin}${path}`, init);
      expect(response.status, name).toBeGreaterThanOrEqual(400);
      expect(schemaErrors("error", await response.json()), name).toEqual([]);
    }
  });
});

describe("Linode's rate-limit headers", () => {
  let s: LinodeTestServer;
  afterEach(async () => s.close());

  it("are on every response api-v4 receives, success and error, counting down per endpoint", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    const recorder = recordResponses();
    try {
      await linode.getProfile();
      await linode.getProfile();
      await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
      await serverRejection(
        linode.verifyPhoneNumberCode({ otp_code: wrongCode(await s.latestCode(US_E164)) }),
      );
    } finally {
      recorder.stop();
    }
    const [first, second, send, wrong] = recorder.seen.map((r) => limits(r.headers));
    const resetAt = Math.ceil((s.t.clock.now() + LINODE_REQUEST_LIMIT.windowMs) / 1000);
    expect(first).toEqual({ limit: 400, remaining: 399, reset: resetAt, retryAfter: undefined });
    expect(second).toEqual({ limit: 400, remaining: 398, reset: resetAt, retryAfter: undefined });
    // Another endpoint has its own window.
    expect(send).toEqual({ limit: 400, remaining: 399, reset: resetAt, retryAfter: undefined });
    expect(wrong).toEqual({ limit: 400, remaining: 399, reset: resetAt, retryAfter: undefined });
  });

  it("on a resend inside the cooldown: 429, Remaining 0, Reset and Retry-After at the cooldown's end", async () => {
    s = await startLinodeServer();
    await s.signIn("alice");
    await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL });
    s.t.clock.advance(10_000);
    const tooSoon = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL }),
    );
    expect(tooSoon.status).toBe(429);
    expect(schemaErrors("error", { errors: tooSoon.errors })).toEqual([]);
    const now = s.t.clock.now();
    expect(limits(tooSoon.headers)).toEqual({
      limit: 400,
      remaining: 0,
      reset: Math.ceil((now + 20_000) / 1000),
      retryAfter: 20,
    });
    // Once the Retry-After has passed, the same request goes through, as linode-cli's retry expects.
    s.t.clock.advance(20_000);
    expect(await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL })).toEqual({});
  });

  it("refuse the request past the endpoint's window with 429 and Retry-After, and let it through once it resets (raw HTTP)", async () => {
    s = await startLinodeServer();
    const token = await s.signIn("alice");
    const get = (path = "/linode/v4/profile", headers: Record<string, string> = bearer(token)) =>
      s.t.app.inject({ method: "GET", url: path, headers });
    for (let i = 1; i <= LINODE_REQUEST_LIMIT.limit; i++) {
      const reply = await get(i % 2 === 0 ? "/linode/v4beta/profile" : "/linode/v4/profile");
      expect(reply.statusCode).toBe(200);
      if (i === LINODE_REQUEST_LIMIT.limit) expect(reply.headers["x-ratelimit-remaining"]).toBe("0");
    }
    s.t.clock.advance(15_000);
    const refused = await get();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      errors: [{ reason: "Too many requests: at most 400 a minute to this endpoint." }],
    });
    expect(limits(refused.headers)).toEqual({
      limit: 400,
      remaining: 0,
      reset: Math.ceil((s.t.clock.now() + 45_000) / 1000),
      retryAfter: 45,
    });
    // The client sees the same refusal, in the spec's envelope, with the headers to wait by.
    const viaClient = await serverRejection(linode.getProfile());
    expect(viaClient.status).toBe(429);
    expect(schemaErrors("error", { errors: viaClient.errors })).toEqual([]);
    expect(limits(viaClient.headers)).toMatchObject({ remaining: 0, retryAfter: 45 });
    // Another endpoint, and another token on this one, are counted apart.
    const other = await s.t.app.inject({
      method: "DELETE",
      url: "/linode/v4/profile/phone-number",
      headers: bearer(token),
    });
    expect(other.statusCode).toBe(400);
    expect(other.headers["x-ratelimit-remaining"]).toBe("399");
    const bob = await get("/linode/v4/profile", bearer(await s.t.tokenFor("bob")));
    expect(bob.statusCode).toBe(200);

    s.t.clock.advance(45_000);
    const after = await get();
    expect(after.statusCode).toBe(200);
    expect(after.headers["x-ratelimit-remaining"]).toBe("399");
  });

  it("are sent with 401 and 404 answers too, over a real port", async () => {
    s = await startLinodeServer();
    for (const [path, headers, status] of [
      ["/linode/v4/profile", {}, 401],
      ["/linode/v4/profile", { authorization: "Bearer hst_not_a_token" }, 401],
      ["/linode/v4/nothing/here", {}, 404],
    ] as const) {
      const response = await fetch(`${s.origin}${path}`, { headers });
      expect(response.status).toBe(status);
      expect(response.headers.get("x-ratelimit-limit")).toBe("400");
      expect(response.headers.get("x-ratelimit-remaining")).toBe("399");
      expect(Number(response.headers.get("x-ratelimit-reset"))).toBe(
        Math.ceil((s.t.clock.now() + 60_000) / 1000),
      );
    }
  });
});

describe("codes closer to Linode's documented behaviour (docs/linode.md)", () => {
  let s: LinodeTestServer;
  afterEach(async () => s.close());

  it("with no resend cooldown, resends at once with the same code until the number's send budget says 429", async () => {
    s = await startLinodeServer({
      HANDSET_RESEND_COOLDOWN_SECONDS: "0",
      HANDSET_MAX_SENDS_PER_VERIFICATION: "20",
      HANDSET_NUMBER_SEND_BUDGET: "4",
    });
    await s.signIn("alice");
    for (let i = 0; i < 4; i++) {
      expect(await linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL })).toEqual({});
    }
    await s.t.dispatcher.runOnce();
    const codes = new Set((s.t.inbox?.list({ to: US_E164 }) ?? []).map((m) => m.code));
    expect(codes.size).toBe(1);
    const fifth = await serverRejection(
      linode.sendCodeToPhoneNumber({ iso_code: "US", phone_number: US_NATIONAL }),
    );
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers["retry-after"])).toBe(3600);
    expect(fifth.headers["x-ratelimit-remaining"]).toBe("0");
  });
});
