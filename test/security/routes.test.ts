import { fromJson, type JsonObject, toBinary } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import type { InjectOptions, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toClerkSecretKey } from "../../src/surfaces/clerk/secret-key.js";
import { accountSidOf, serviceSidOf } from "../../src/surfaces/twilio-verify/sids.js";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { checkAnswer, NOT_FOUND_ENVELOPE } from "./envelopes.js";
import {
  classify,
  isImplemented,
  namesIds,
  type ProbeIds,
  pathOf,
  type Route,
  type Surface,
  sampleBody,
} from "./route-table.js";

/**
 * Security invariants 5 and 6, checked on every route of every surface as Fastify reports them, so a
 * route added without its credential check fails here: no credential, a credential lacking the
 * scope or of the wrong kind, another tenant's credential, malformed JSON and unknown routes are each
 * answered in the surface's own envelope, and never with a 5xx.
 */

const SURFACES: readonly Surface[] = [
  "native",
  "linode",
  "clerk",
  "zitadel-rest",
  "zitadel-connect",
  "twilio-verify",
];
type Who = "right" | "none" | "wrong" | "otherTenant";

/** A valid credential lacking the route's scopes, and one of the wrong kind, as each surface refuses them. */
const NO_SCOPE: Record<Surface, number[]> = {
  native: [403],
  linode: [401],
  clerk: [403],
  "zitadel-rest": [403],
  "zitadel-connect": [403],
  "twilio-verify": [403],
};
const WRONG_KIND: Record<Surface, number[]> = { ...NO_SCOPE, clerk: [401], "twilio-verify": [401] };
/** ZITADEL methods Handset does not implement say so, but only to an authenticated caller. */
const UNIMPLEMENTED = [501];

const UNKNOWN_ROUTES: Record<Surface, [string, string][]> = {
  native: [
    ["GET", "/v1/no-such-route"],
    ["POST", "/v1/users/alice/no-such-route"],
    ["PUT", "/v1/users"],
  ],
  linode: [
    ["GET", "/linode/v4/no-such-route"],
    ["GET", "/linode/v5/profile"],
    ["PUT", "/linode/v4/profile"],
  ],
  clerk: [
    ["GET", "/clerk/v1/no_such_route"],
    ["GET", "/clerk/v2/users/alice"],
    ["PUT", "/clerk/v1/users/alice"],
  ],
  "zitadel-rest": [
    ["GET", "/zitadel/no-such-route"],
    ["GET", "/zitadel/v2/no-such-route"],
    ["PATCH", "/zitadel/auth/v1/users/me/phone"],
  ],
  "twilio-verify": [
    ["GET", "/twilio/v2/NoSuchResource"],
    ["GET", "/twilio/v1/Services"],
    ["PUT", "/twilio/v2/Services"],
  ],
  "zitadel-connect": [
    ["POST", "/zitadel/zitadel.auth.v1.AuthService/NoSuchMethod"],
    ["POST", "/zitadel/zitadel.no.v1.NoService/Get"],
  ],
};

/** HTTP Basic credentials (Twilio's), kept whole as the Authorization header's value. */
const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
/** The Authorization header for a probe's secret: Basic credentials as they are, any other as a bearer. */
const authorization = (secret: string) =>
  secret.startsWith("Basic ") ? { authorization: secret } : bearer(secret);

describe("every route of every surface", () => {
  let t: TestApp;
  const reported: RouteOptions[] = [];
  const routes: Route[] = [];
  const unclassified: string[] = [];
  let ids: ProbeIds;
  let aliceNumber: string;
  let aliceBefore: string;
  let secrets: Record<Route["audience"], Record<Who, string>> & {
    clerk: Record<Who, string>;
    twilio: Record<Who, string>;
  };

  beforeAll(async () => {
    t = await createTestApp({ runDispatcher: false, onRoute: (route) => void reported.push(route) });
    for (const route of reported) {
      try {
        routes.push(...classify(route));
      } catch (error) {
        unclassified.push((error as Error).message);
      }
    }
    const admin = (method: InjectOptions["method"], url: string, payload?: object) =>
      t.app.inject({ method, url, headers: bearer(t.adminKey), ...(payload ? { payload } : {}) });
    expect((await admin("POST", "/v1/users", { id: "alice" })).statusCode).toBe(201);
    aliceNumber = mobileNumber();
    const added = await admin("POST", "/v1/phone-numbers", { user_id: "alice", phone_number: aliceNumber });
    expect(added.statusCode).toBe(201);
    ids = {
      userId: "alice",
      phoneNumberId: added.json().id,
      freshNumber: mobileNumber(),
      serviceSid: serviceSidOf("default"),
    };
    aliceBefore = (await admin("GET", "/v1/users/alice")).body;

    const aliceToken = await t.tokenFor("alice");
    const adminNone = await t.adminKeyFor("default", []);
    const adminB = await t.adminKeyFor("tenant-b");
    secrets = {
      // The wrong kind for admin routes is a user token, and one of another user than the ids name:
      // ZITADEL's v2 API lets a token act on its own user.
      admin: { right: t.adminKey, none: adminNone, wrong: await t.tokenFor("bob"), otherTenant: adminB },
      user: {
        right: aliceToken,
        none: await t.tokenFor("alice", { scopes: [] }),
        wrong: t.adminKey,
        otherTenant: await t.tokenFor("mallory", { tenantId: "tenant-b" }),
      },
      clerk: {
        right: toClerkSecretKey(t.adminKey, false),
        none: toClerkSecretKey(adminNone, false),
        wrong: `sk_test_${aliceToken}`,
        otherTenant: toClerkSecretKey(adminB, false),
      },
      // Twilio's Basic auth: the tenant's Account SID and an admin key as the auth token.
      twilio: {
        right: basic(accountSidOf("default"), t.adminKey),
        none: basic(accountSidOf("default"), adminNone),
        wrong: basic(accountSidOf("default"), aliceToken),
        otherTenant: basic(accountSidOf("tenant-b"), adminB),
      },
    };
  });
  afterAll(async () => t?.close());

  const secretFor = (route: Route, who: Who) =>
    route.surface === "clerk"
      ? secrets.clerk[who]
      : route.surface === "twilio-verify"
        ? secrets.twilio[who]
        : secrets[route.audience][who];

  function send(route: Route, secret: string | undefined, body?: string) {
    const sample = sampleBody(route, ids);
    const payload = body ?? (sample === undefined ? undefined : JSON.stringify(sample));
    return t.app.inject({
      method: route.method as InjectOptions["method"],
      url: pathOf(route, ids),
      headers: {
        ...(secret === undefined ? {} : authorization(secret)),
        ...(payload === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(payload === undefined ? {} : { payload }),
    });
  }

  const of = (surface: Surface) => routes.filter((r) => r.surface === surface);
  const label = (route: Route) => `${route.method} ${route.url}`;

  it("knows every route as a surface's or as public", () => {
    expect(unclassified).toEqual([]);
    for (const surface of SURFACES) expect(of(surface).length).toBeGreaterThan(0);
  });

  it("answers the public routes without a credential, never with a 5xx", async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.surface === "public" && r.method !== "DELETE")) {
      // As a stream: the dev inbox's event stream never ends, and its status is what is checked here.
      const res = await t.app.inject({
        method: route.method as "GET",
        url: pathOf(route, ids),
        payloadAsStream: true,
      });
      res.stream().destroy();
      if (res.statusCode >= 500) problems.push(`${label(route)}: ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(SURFACES)("%s: refuses a request without a credential, or with an unknown one", async (surface) => {
    const unknown =
      surface === "clerk"
        ? toClerkSecretKey("hsk_unknown", false)
        : surface === "twilio-verify"
          ? basic(accountSidOf("default"), "hsk_unknown")
          : "hst_unknown";
    const problems: string[] = [];
    for (const route of of(surface)) {
      for (const secret of [undefined, unknown]) {
        const res = await send(route, secret);
        const problem = checkAnswer(surface, res, [401], { head: route.method === "HEAD" });
        if (problem) problems.push(`${label(route)} ${secret ? "unknown" : "none"}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(SURFACES)("%s: refuses a credential without the scope, or of the wrong kind", async (surface) => {
    const problems: string[] = [];
    for (const route of of(surface).filter((r) => r.method !== "HEAD")) {
      for (const [who, expected] of [
        ["none", NO_SCOPE[surface]],
        ["wrong", WRONG_KIND[surface]],
      ] as const) {
        const res = await send(route, secretFor(route, who));
        const problem = checkAnswer(surface, res, isImplemented(route) ? expected : UNIMPLEMENTED);
        if (problem) problems.push(`${label(route)} ${who}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(SURFACES)("%s: shows another tenant nothing of this one's", async (surface) => {
    const problems: string[] = [];
    const named = of(surface).filter((r) => r.method !== "HEAD" && isImplemented(r) && namesIds(r, ids));
    for (const route of named) {
      const res = await send(route, secretFor(route, "otherTenant"));
      const problem =
        checkAnswer(surface, res, [403, 404]) ??
        (res.body.includes(aliceNumber) ? "shows the other tenant's number" : undefined);
      if (problem) problems.push(`${label(route)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(SURFACES)("%s: answers malformed JSON with 400", async (surface) => {
    const problems: string[] = [];
    for (const route of of(surface).filter((r) => r.takesBody)) {
      const res = await send(route, secretFor(route, "right"), '{"phone_number": ');
      const problem = checkAnswer(surface, res, [400]);
      if (problem) problems.push(`${label(route)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(SURFACES)("%s: answers an unknown route under its prefix with 404", async (surface) => {
    const problems: string[] = [];
    for (const [method, url] of UNKNOWN_ROUTES[surface]) {
      for (const secret of [undefined, secrets.user.right]) {
        const res = await t.app.inject({
          method: method as InjectOptions["method"],
          url,
          headers: { ...(secret ? bearer(secret) : {}), "content-type": "application/json" },
          payload: "{}",
        });
        const problem = checkAnswer(NOT_FOUND_ENVELOPE[surface], res, [404]);
        if (problem) problems.push(`${method} ${url}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  /** The same RPC routes in gRPC-Web's binary framing, whose status travels in a trailer frame. */
  async function grpcWeb(route: Route, secret: string | undefined): Promise<string> {
    if (!route.rpc) throw new Error(`${label(route)} is no RPC`);
    const message = toBinary(
      route.rpc.input,
      fromJson(route.rpc.input, (sampleBody(route, ids) ?? {}) as JsonObject),
    );
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    frame.set(message, 5);
    const res = await t.app.inject({
      method: "POST",
      url: route.url,
      headers: { "content-type": "application/grpc-web+proto", ...(secret ? bearer(secret) : {}) },
      payload: frame,
    });
    const status = /grpc-status: ?(\d+)/.exec(res.rawPayload.toString("latin1"))?.[1];
    return `${res.statusCode} grpc-status ${status ?? "none"}`;
  }

  it("zitadel-connect: refuses gRPC-Web calls without a credential or without the scope", async () => {
    const problems: string[] = [];
    for (const route of of("zitadel-connect")) {
      const expected = [
        [undefined, Code.Unauthenticated],
        [secretFor(route, "none"), isImplemented(route) ? Code.PermissionDenied : Code.Unimplemented],
      ] as const;
      for (const [secret, code] of expected) {
        const answer = await grpcWeb(route, secret);
        if (answer !== `200 grpc-status ${code}`) problems.push(`${label(route)}: ${answer}, not ${code}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("changed nothing of the probed tenant's data", async () => {
    const after = await t.app.inject({ method: "GET", url: "/v1/users/alice", headers: bearer(t.adminKey) });
    expect(after.body).toBe(aliceBefore);
  });
});
