import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";

describe("scopes and tenants", () => {
  let t: TestApp;
  let bobsNumber: string;
  beforeEach(async () => {
    t = await createTestApp();
    const bob = nativeClient(t, await t.tokenFor("bob"));
    bobsNumber = (await bob.addMine(mobileNumber())).json().id as string;
  });
  afterEach(async () => t.close());

  it("keeps a user token away from another user's number, as if it did not exist", async () => {
    const eve = nativeClient(t, await t.tokenFor("eve"));
    for (const response of [
      await eve.getMine(bobsNumber),
      await eve.patchMine(bobsNumber, { primary: true }),
      await eve.sendMine(bobsNumber),
      await eve.verifyMine(bobsNumber, "123456"),
      await eve.deleteMine(bobsNumber),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("PHONE_NUMBER_NOT_FOUND");
    }
    expect((await eve.call("GET", `/v1/phone-numbers/${bobsNumber}`)).json().error.code).toBe(
      "INSUFFICIENT_SCOPE",
    );
    expect((await eve.call("GET", "/v1/users/bob")).statusCode).toBe(403);
    const bob = nativeClient(t, await t.tokenFor("bob"));
    expect((await bob.getMine(bobsNumber)).statusCode).toBe(200);
  });

  it("keeps an admin key inside its own tenant", async () => {
    const other = nativeClient(t, await t.adminKeyFor("other-tenant"));
    expect((await other.call("GET", "/v1/users/bob")).json().error.code).toBe("USER_NOT_FOUND");
    expect((await other.call("GET", `/v1/phone-numbers/${bobsNumber}`)).statusCode).toBe(404);
    expect((await other.call("DELETE", `/v1/phone-numbers/${bobsNumber}`)).statusCode).toBe(404);
    expect((await other.call("GET", "/v1/users")).json().data).toEqual([]);
    expect(
      (await other.call("POST", "/v1/phone-numbers", { user_id: "bob", phone_number: mobileNumber() }))
        .statusCode,
    ).toBe(404);
    const home = nativeClient(t, t.adminKey);
    expect((await home.call("GET", `/v1/phone-numbers/${bobsNumber}`)).statusCode).toBe(200);
  });

  it("checks every route's scope", async () => {
    const readOnly = nativeClient(t, await t.tokenFor("bob", { scopes: ["phone:read"] }));
    expect((await readOnly.getMine(bobsNumber)).statusCode).toBe(200);
    const denied = await readOnly.addMine(mobileNumber());
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("INSUFFICIENT_SCOPE");
    expect((await readOnly.sendMine(bobsNumber)).statusCode).toBe(403);
    expect((await readOnly.deleteMine(bobsNumber)).statusCode).toBe(403);
    const phoneOnlyAdmin = nativeClient(t, await t.adminKeyFor("default", ["phone:read"]));
    expect((await phoneOnlyAdmin.call("POST", "/v1/users", { id: "x" })).statusCode).toBe(403);
    expect((await phoneOnlyAdmin.call("GET", `/v1/phone-numbers/${bobsNumber}`)).statusCode).toBe(200);
  });

  it("refuses missing, malformed, unknown, expired and revoked credentials", async () => {
    const noHeader = await t.app.inject({ method: "GET", url: "/v1/me" });
    expect(noHeader.statusCode).toBe(401);
    expect(noHeader.json().error.code).toBe("UNAUTHENTICATED");
    const malformed = await t.app.inject({
      method: "GET",
      url: "/v1/me",
      headers: { authorization: "Basic abc" },
    });
    expect(malformed.statusCode).toBe(401);
    expect((await nativeClient(t, "hst_nonsense").call("GET", "/v1/me")).statusCode).toBe(401);

    const expiring = await t.tokenFor("bob", { expiresAt: t.clock.now() + 60_000 });
    expect((await nativeClient(t, expiring).call("GET", "/v1/me")).statusCode).toBe(200);
    t.clock.advance(60_000);
    const expired = await nativeClient(t, expiring).call("GET", "/v1/me");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("CREDENTIAL_EXPIRED");

    const doomed = await t.tokenFor("doomed");
    expect((await nativeClient(t, doomed).call("GET", "/v1/me")).statusCode).toBe(200);
    expect((await nativeClient(t, t.adminKey).call("DELETE", "/v1/users/doomed")).statusCode).toBe(200);
    expect((await nativeClient(t, doomed).call("GET", "/v1/me")).statusCode).toBe(401);
  });

  it("creates a token's user on first use", async () => {
    const token = await t.tokenFor("newcomer");
    const admin = nativeClient(t, t.adminKey);
    expect((await admin.call("GET", "/v1/users/newcomer")).statusCode).toBe(404);
    expect((await nativeClient(t, token).call("GET", "/v1/me")).json()).toMatchObject({
      id: "newcomer",
      phone_numbers: [],
    });
    expect((await admin.call("GET", "/v1/users/newcomer")).statusCode).toBe(200);
  });
});
