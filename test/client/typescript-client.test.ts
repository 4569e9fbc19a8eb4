import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createHandsetClient,
  HandsetApiError,
  type HandsetClient,
  type HandsetErrorCode,
  unwrap,
} from "../../clients/typescript/src/index.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { latestCode, wrongCode } from "../support/native-client.js";

/** The generated client, over a real 127.0.0.1 port, through the flows an integrator writes first. */
describe("the typed TypeScript client (clients/typescript)", () => {
  let t: TestApp;
  let origin: string;
  let admin: HandsetClient;

  beforeAll(async () => {
    t = await createTestApp({ runDispatcher: false });
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admin = createHandsetClient({ baseUrl: `${origin}/`, credential: t.adminKey });
  });
  afterAll(() => t.close());

  it("creates a user and a token for it, and the user proves a number with a code", async () => {
    const user = await unwrap(admin.POST("/v1/users", { body: { id: "alice", external_id: "crm-17" } }));
    expect(user).toMatchObject({ id: "alice", external_id: "crm-17" });

    const token = await unwrap(
      admin.POST("/v1/credentials", {
        body: { kind: "user_token", user_id: "alice", name: "alice's phone app" },
      }),
    );
    expect(token.secret).toMatch(/^hst_/);
    const alice = createHandsetClient({ baseUrl: origin, credential: token.secret });

    const number = mobileNumber();
    const added = await unwrap(alice.POST("/v1/me/phone-numbers", { body: { phone_number: number } }));
    expect(added).toMatchObject({ phone_number: number, primary: true, verified: false });
    expectTypeOf(added.id).toEqualTypeOf<string>();

    const sent = await alice.POST("/v1/me/phone-numbers/{phone_number_id}/send-code", {
      params: { path: { phone_number_id: added.id } },
    });
    expect(sent.response.status).toBe(202);
    expect(sent.data?.verification.status).toBe("pending");

    const code = await latestCode(t, number);
    const wrong = await alice.POST("/v1/me/phone-numbers/{phone_number_id}/verify", {
      params: { path: { phone_number_id: added.id } },
      body: { code: wrongCode(code) },
    });
    expect(wrong.response.status).toBe(422);
    expect(wrong.error?.error.code).toBe("CODE_INVALID");

    const verified = await unwrap(
      alice.POST("/v1/me/phone-numbers/{phone_number_id}/verify", {
        params: { path: { phone_number_id: added.id } },
        body: { code },
      }),
    );
    expect(verified.phone_number.verified).toBe(true);

    const listed = await unwrap(
      admin.GET("/v1/users/{user_id}/phone-numbers", { params: { path: { user_id: "alice" } } }),
    );
    expect(JSON.stringify(listed)).toContain(added.id);
  });

  it("throws HandsetApiError with the catalogue's code and the request id, through unwrap", async () => {
    const missing = admin.GET("/v1/users/{user_id}", { params: { path: { user_id: "nobody" } } });
    const error = await unwrap(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandsetApiError);
    const apiError = error as HandsetApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.code).toBe("USER_NOT_FOUND");
    expect(apiError.requestId).toMatch(/^req_/);
    expectTypeOf(apiError.code).toEqualTypeOf<HandsetErrorCode | undefined>();
  });

  it("answers a bad key, a refused number and a malformed body in the typed error envelope", async () => {
    const stranger = createHandsetClient({ baseUrl: origin, credential: "hsk_not-a-key" });
    const refused = await stranger.GET("/v1/users", {});
    expect(refused.response.status).toBe(401);
    expect(refused.error?.error.code).toBe("UNAUTHENTICATED");

    const fixedLine = await admin.POST("/v1/phone-numbers", {
      body: { user_id: "alice", phone_number: "+33 1 42 68 53 00" },
    });
    expect(fixedLine.response.status).toBe(422);
    expect(fixedLine.error?.error.code).toBe("PHONE_NUMBER_TYPE_NOT_ALLOWED");

    const page = await admin.GET("/v1/users", { params: { query: { limit: 0 } } });
    expect(page.response.status).toBe(400);
    expect(page.error?.error.code).toBe("INVALID_REQUEST");
  });

  it("sends the headers it is given and uses the fetch it is given", async () => {
    const seen: string[] = [];
    const client = createHandsetClient({
      baseUrl: origin,
      credential: t.adminKey,
      headers: { "user-agent": "acme-backend/1.0" },
      fetch: async (request: Request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get("user-agent")}`);
        return fetch(request);
      },
    });
    const users = await unwrap(client.GET("/v1/users", { params: { query: { limit: 1 } } }));
    expect(users.data.length).toBe(1);
    expect(seen).toEqual(["GET /v1/users acme-backend/1.0"]);
  });
});
