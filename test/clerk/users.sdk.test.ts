import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mobileNumber } from "../support/harness.js";
import { expectClerkSchema } from "./schema.js";
import { type ClerkTestServer, clerkUserWith, expectClerkError, startClerkServer } from "./support.js";

let s: ClerkTestServer;
beforeAll(async () => {
  s = await startClerkServer();
});
afterAll(async () => {
  await s.t.close();
});

/** The raw body of a GET, to validate against Clerk's schema (the SDK turns it into classes). */
async function rawGet(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${s.apiUrl}/v1${path}`, {
    headers: { authorization: `Bearer ${s.secretKey}`, "clerk-api-version": "2026-05-12" },
  });
  return { status: response.status, body: await response.json() };
}

describe("createUser with a profile", () => {
  it("stores names, external id and the three metadata objects, and answers a User per Clerk's schema", async () => {
    const phone = mobileNumber();
    const user = await s.clerk.users.createUser({
      phoneNumber: [phone],
      firstName: "Ada",
      lastName: "Lovelace",
      externalId: `ext-${phone}`,
      publicMetadata: { plan: "pro", nested: { a: 1 } },
      privateMetadata: { stripe: "cus_1" },
      unsafeMetadata: { theme: "dark" },
    });
    expect(user.firstName).toBe("Ada");
    expect(user.lastName).toBe("Lovelace");
    expect(user.externalId).toBe(`ext-${phone}`);
    expect(user.publicMetadata).toEqual({ plan: "pro", nested: { a: 1 } });
    expect(user.privateMetadata).toEqual({ stripe: "cus_1" });
    expect(user.unsafeMetadata).toEqual({ theme: "dark" });
    const again = await s.clerk.users.getUser(user.id);
    expect(again.firstName).toBe("Ada");
    expect(again.privateMetadata).toEqual({ stripe: "cus_1" });
    const raw = await rawGet(`/users/${user.id}`);
    expect(raw.status).toBe(200);
    expectClerkSchema("User", raw.body);
    expect(raw.body).toMatchObject({ mfa_enabled_at: null, mfa_disabled_at: null, first_name: "Ada" });
  });

  it("a field Handset does not keep is Clerk's 422 form_param_unknown, and nothing is created", async () => {
    const before = await s.clerk.users.getCount();
    await expectClerkError(s.clerk.users.createUser({ emailAddress: ["a@example.com"], firstName: "A" }), {
      status: 422,
      code: "form_param_unknown",
      paramName: "email_address",
      longMessage: "email_address is not a valid parameter for this request.",
    });
    expect(await s.clerk.users.getCount()).toBe(before);
  });

  it("metadata that is not an object is 422 form_param_value_invalid", async () => {
    const response = await fetch(`${s.apiUrl}/v1/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.secretKey}`, "content-type": "application/json" },
      body: JSON.stringify({ public_metadata: ["not", "an", "object"] }),
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { code: string; meta: { param_name: string } }[] };
    expectClerkSchema("ClerkErrors", body);
    expect(body.errors[0]).toMatchObject({
      code: "form_param_value_invalid",
      meta: { param_name: "public_metadata" },
    });
  });

  it("numbers created with phone_number_identification_status reserved come back reserved", async () => {
    const user = await s.clerk.users.createUser({
      phoneNumber: [mobileNumber(), mobileNumber()],
      phoneNumberIdentificationStatus: ["verified", "reserved"],
    });
    const [verified, reserved] = user.phoneNumbers;
    expect(verified?.verification?.status).toBe("verified");
    expect(reserved?.verification).toBeNull();
    // The SDK's PhoneNumber class does not carry `reserved`: read the raw bodies.
    expect((await rawGet(`/phone_numbers/${verified?.id}`)).body).toMatchObject({ reserved: false });
    const raw = await rawGet(`/phone_numbers/${reserved?.id}`);
    expectClerkSchema("PhoneNumber", raw.body);
    expect(raw.body).toMatchObject({ reserved: true, verification: null });
  });
});

describe("getUserList and getCount", () => {
  it("finds the user holding a number (Clerk's array filter), with the total count", async () => {
    const { user } = await clerkUserWith(s, 1);
    await clerkUserWith(s, 1);
    const phone = user.phoneNumbers[0]?.phoneNumber ?? "";
    const found = await s.clerk.users.getUserList({ phoneNumber: [phone] });
    expect(found.data.map((u) => u.id)).toEqual([user.id]);
    expect(found.totalCount).toBe(1);
    // Any of several numbers; numbers not found (or not numbers at all) are ignored.
    const other = await clerkUserWith(s, 1);
    const both = await s.clerk.users.getUserList({
      phoneNumber: [phone, other.user.phoneNumbers[0]?.phoneNumber ?? "", "+33699999999", "not a number"],
      orderBy: "+created_at",
    });
    expect(both.data.map((u) => u.id)).toEqual([user.id, other.user.id]);
    expect(both.totalCount).toBe(2);
    const none = await s.clerk.users.getUserList({ phoneNumber: ["not a number"] });
    expect(none).toEqual({ data: [], totalCount: 0 });
  });

  it("a number in another form (spaces, national punctuation) finds the same user", async () => {
    const { user } = await clerkUserWith(s, 1);
    const e164 = user.phoneNumbers[0]?.phoneNumber ?? "";
    const spaced = `${e164.slice(0, 3)} ${e164.slice(3, 4)} ${e164.slice(4, 8)} ${e164.slice(8)}`;
    const found = await s.clerk.users.getUserList({ phoneNumber: [spaced] });
    expect(found.data.map((u) => u.id)).toEqual([user.id]);
  });

  it("pages with limit and offset, newest first by default, and orders by the fields asked", async () => {
    const tag = `page-${mobileNumber()}`;
    const made: string[] = [];
    for (const name of ["Carol", "Alice", "Bob"]) {
      s.t.clock.advance(1000);
      const user = await s.clerk.users.createUser({ externalId: `${tag}-${name}`, firstName: name });
      made.push(user.id);
    }
    const externalId = ["Carol", "Alice", "Bob"].map((n) => `${tag}-${n}`);
    const newest = await s.clerk.users.getUserList({ externalId, limit: 2 });
    expect(newest.data.map((u) => u.id)).toEqual([made[2], made[1]]);
    expect(newest.totalCount).toBe(3);
    const rest = await s.clerk.users.getUserList({ externalId, limit: 2, offset: 2 });
    expect(rest.data.map((u) => u.id)).toEqual([made[0]]);
    const byName = await s.clerk.users.getUserList({ externalId, orderBy: "first_name" });
    expect(byName.data.map((u) => u.firstName)).toEqual(["Alice", "Bob", "Carol"]);
    const byNameDesc = await s.clerk.users.getUserList({ externalId, orderBy: "-first_name" });
    expect(byNameDesc.data.map((u) => u.firstName)).toEqual(["Carol", "Bob", "Alice"]);
    expect(await s.clerk.users.getCount({ externalId })).toBe(3);
  });

  it("answers arrays of Users and a TotalCount per Clerk's schema", async () => {
    await clerkUserWith(s, 2);
    const list = await rawGet("/users?limit=3");
    expect(list.status).toBe(200);
    expectClerkSchema("UserList", list.body);
    expect((list.body as unknown[]).length).toBe(3);
    const count = await rawGet("/users/count");
    expectClerkSchema("TotalCount", count.body);
  });

  it("a filter on something Handset users never have (email, username) matches no one", async () => {
    await clerkUserWith(s, 1);
    expect(await s.clerk.users.getUserList({ emailAddress: ["a@example.com"] })).toEqual({
      data: [],
      totalCount: 0,
    });
    expect(await s.clerk.users.getCount({ username: ["ada"] })).toBe(0);
  });

  it("bad paging and ordering are 422 form_param_value_invalid naming the parameter", async () => {
    await expectClerkError(s.clerk.users.getUserList({ limit: 501 }), {
      status: 422,
      code: "form_param_value_invalid",
      paramName: "limit",
    });
    await expectClerkError(s.clerk.users.getUserList({ offset: -1 }), {
      status: 422,
      code: "form_param_value_invalid",
      paramName: "offset",
    });
    await expectClerkError(s.clerk.users.getUserList({ orderBy: "-shoe_size" as "-created_at" }), {
      status: 422,
      code: "form_param_value_invalid",
      paramName: "order_by",
    });
    await expectClerkError(s.clerk.users.getUserList({ query: "ada" }), {
      status: 422,
      code: "form_param_value_invalid",
      paramName: "query",
    });
  });

  it("another tenant's users are neither listed nor counted", async () => {
    const { user } = await clerkUserWith(s, 1);
    const other = s.clientWith(`sk_test_${await s.t.adminKeyFor("other-tenant-list")}`);
    const phone = user.phoneNumbers[0]?.phoneNumber ?? "";
    expect(await other.users.getUserList({ phoneNumber: [phone] })).toEqual({ data: [], totalCount: 0 });
    expect(await other.users.getCount()).toBe(0);
  });

  it("starting_after walks creation order without offsets", async () => {
    const tag = `cursor-${mobileNumber()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      s.t.clock.advance(1000);
      ids.push((await s.clerk.users.createUser({ externalId: `${tag}-${i}` })).id);
    }
    const filter = [0, 1, 2].map((i) => `external_id=${encodeURIComponent(`${tag}-${i}`)}`).join("&");
    const first = await rawGet(`/users?limit=2&${filter}`);
    const firstIds = (first.body as { id: string }[]).map((u) => u.id);
    expect(firstIds).toEqual([ids[2], ids[1]]);
    const next = await rawGet(`/users?limit=2&starting_after=${firstIds[1]}&${filter}`);
    expect((next.body as { id: string }[]).map((u) => u.id)).toEqual([ids[0]]);
    const refused = await rawGet("/users?starting_after=user_x&order_by=first_name");
    expect(refused.status).toBe(422);
    expectClerkSchema("ClerkErrors", refused.body);
  });
});
