import { Code } from "@connectrpc/connect";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toClerkSecretKey } from "../../src/surfaces/clerk/secret-key.js";
import { bearer, type TestApp } from "../support/harness.js";
import { failure, startZitadelServer, TRANSPORTS, type ZitadelServer } from "../zitadel/support.js";

interface LogLine {
  level: number;
  msg: string;
  request_id?: string;
  status?: number;
  err?: { message?: string; code?: string };
}

const WARN = 40;
const ERROR = 50;

/** What a PostgreSQL that is down makes node-postgres reject with. */
function connectionRefused(): Error {
  return Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
}

/** One request on each HTTP surface, each reaching authentication first. */
const HTTP_PROBES = [
  { surface: "native", method: "GET", url: "/v1/me" },
  { surface: "linode", method: "GET", url: "/linode/v4/profile" },
  { surface: "clerk", method: "GET", url: "/clerk/v1/users/user_1", clerk: true },
  { surface: "zitadel rest", method: "GET", url: "/zitadel/auth/v1/users/me/phone" },
  {
    surface: "zitadel connect",
    method: "POST",
    url: "/zitadel/zitadel.auth.v1.AuthService/GetMyPhone",
    payload: {},
  },
] as const;

/** A credential each probe's surface takes: Clerk a secret key (an admin key), the others a token. */
async function credentialFor(t: TestApp, probe: (typeof HTTP_PROBES)[number], valid = true): Promise<string> {
  if ("clerk" in probe) return toClerkSecretKey(valid ? t.adminKey : "hsk_not-a-key", false);
  return valid ? t.tokenFor("ada") : "hst_not-a-token";
}

function request(probe: (typeof HTTP_PROBES)[number], secret: string): InjectOptions {
  const payload = "payload" in probe ? probe.payload : undefined;
  return { method: probe.method, url: probe.url, payload, headers: bearer(secret) };
}

/** The status and the surface's own envelope for a failure of the machine. */
function expectEnvelope(surface: string, res: LightMyRequestResponse, status: number): void {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  switch (surface) {
    case "native":
      expect(body.error.request_id).toBe(res.headers["x-request-id"]);
      break;
    case "linode":
      expect(body.errors[0].reason).toEqual(expect.any(String));
      break;
    case "clerk":
      expect(body.clerk_trace_id).toBe(res.headers["x-request-id"]);
      break;
    case "zitadel rest":
      expect(body.code).toBe(status === 503 ? Code.Unavailable : Code.Internal);
      break;
    default:
      expect(body.code).toBe(status === 503 ? "unavailable" : "internal");
  }
}

/**
 * The shared edge of an error answer: every surface logs a 5xx with the request id and the error
 * underneath, sends the request id, and sends Retry-After only when a retry time is known.
 */
describe("the error edge, on every surface", () => {
  let server: ZitadelServer;
  let lines: LogLine[];
  beforeEach(async () => {
    lines = [];
    server = await startZitadelServer({
      logger: { level: "warn", stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  const logged = (requestId: string | undefined) => lines.filter((l) => l.request_id === requestId);

  it.each(HTTP_PROBES)(
    "$surface: a database that is down answers 503, logged at warn with its cause",
    async (probe) => {
      const { t } = server;
      vi.spyOn(t.handset.credentials, "authenticate").mockRejectedValue(connectionRefused());
      const res = await t.app.inject(request(probe, await credentialFor(t, probe)));
      expectEnvelope(probe.surface, res, 503);
      expect(res.headers["retry-after"]).toBeUndefined();
      const requestId = res.headers["x-request-id"] as string;
      expect(requestId).toMatch(/^req_/);
      const [line, ...more] = logged(requestId);
      expect(more).toEqual([]);
      expect(line).toMatchObject({ level: WARN, status: 503, err: { code: "ECONNREFUSED" } });
    },
  );

  it.each(HTTP_PROBES)("$surface: a bug answers 500, logged at error with the error", async (probe) => {
    const { t } = server;
    vi.spyOn(t.handset.credentials, "authenticate").mockRejectedValue(new TypeError("x is not a function"));
    const res = await t.app.inject(request(probe, await credentialFor(t, probe)));
    expectEnvelope(probe.surface, res, 500);
    expect(JSON.stringify(res.json())).not.toContain("x is not a function");
    const [line] = logged(res.headers["x-request-id"] as string);
    expect(line).toMatchObject({ level: ERROR, status: 500, err: { message: "x is not a function" } });
  });

  it.each(TRANSPORTS)(
    "zitadel over %s: a database that is down is logged with a request id",
    async (name) => {
      const { t } = server;
      const token = await t.tokenFor("ada");
      vi.spyOn(t.handset.credentials, "authenticate").mockRejectedValue(connectionRefused());
      const refused = await failure(server.auth(name, token).getMyPhone({}));
      expect(refused.code).toBe(Code.Unavailable);
      const requestId = refused.metadata.get("x-request-id");
      expect(requestId).toMatch(/^req_/);
      expect(logged(requestId ?? undefined)).toMatchObject([
        { level: WARN, status: 503, err: { code: "ECONNREFUSED" } },
      ]);
    },
  );

  it("logs nothing for an answer that is the caller's to act on", async () => {
    const { t } = server;
    for (const probe of HTTP_PROBES) {
      const res = await t.app.inject(request(probe, await credentialFor(t, probe, false)));
      expect(res.statusCode).toBe(401);
    }
    expect(lines.filter((l) => l.level >= WARN)).toEqual([]);
  });
});
