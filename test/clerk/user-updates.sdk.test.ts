import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mobileNumber } from "../support/harness.js";
import { expectClerkSchema } from "./schema.js";
import {
  type ClerkTestServer,
  clerkUserWith,
  expectClerkError,
  heldNumbers,
  startClerkServer,
} from "./support.js";

let s: ClerkTestServer;
beforeAll(async () => {
  s = await startClerkServer();
});
afterAll(async () => {
  await s.t.close();
});

async function raw(method: string, path: string, body?: unknown, version = "2026-05-12") {
  const response = await fetch(`${s.apiUrl}/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${s.secretKey}`,
      "content-type": "application/json",
      ...(version ? { "clerk-api-version": version } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("updateUser", () => {
  it("changes names and external id, and moves the primary to another verified number", async () => {
    const { user, ids } = await clerkUserWith(s, 2);
    const updated = await s.clerk.users.updateUser(user.id, {
      firstName: "Grace",
      lastName: "Hopper",
      externalId: `ext-${user.id}`,
      primaryPhoneNumberID: ids[1],
    });
    expect(updated.firstName).toBe("Grace");
    expect(updated.lastName).toBe("Hopper");
    expect(updated.externalId).toBe(`ext-${user.id}`);
    expect(updated.primaryPhoneNumberId).toBe(ids[1]);
    const held = await heldNumbers(s, user.id);
    expect(held.find((p) => p.primary)?.id).toBe(ids[1]);
    // A blank name clears it, as Clerk reads "".
    const cleared = await s.clerk.users.updateUser(user.id, { firstName: "" });
    expect(cleared.firstName).toBeNull();
    expect(cleared.lastName).toBe("Hopper");
  });

  it("with metadata, the SDK's PATCH then PUT /metadata replaces each object given", async () => {
    const user = await s.clerk.users.createUser({
      publicMetadata: { a: 1, keep: true },
      unsafeMetadata: { u: 1 },
    });
    const updated = await s.clerk.users.updateUser(user.id, { firstName: "M", publicMetadata: { b: 2 } });
    expect(updated.firstName).toBe("M");
    expect(updated.publicMetadata).toEqual({ b: 2 });
    expect(updated.unsafeMetadata).toEqual({ u: 1 });
  });

  it("an unknown user is 404 resource_not_found; another tenant's user too", async () => {
    await expectClerkError(s.clerk.users.updateUser("user_nobody", { firstName: "X" }), {
      status: 404,
      code: "resource_not_found",
    });
    const { user } = await clerkUserWith(s, 1);
    const other = s.clientWith(`sk_test_${await s.t.adminKeyFor("other-tenant-update")}`);
    await expectClerkError(other.users.updateUser(user.id, { firstName: "X" }), {
      status: 404,
      code: "resource_not_found",
    });
    expect((await s.clerk.users.getUser(user.id)).firstName).toBeNull();
  });

  it("a primary the user does not hold, or an unverified one, is 422 and changes nothing", async () => {
    const { user, ids } = await clerkUserWith(s, 1);
    const stranger = await clerkUserWith(s, 1);
    await expectClerkError(
      s.clerk.users.updateUser(user.id, { firstName: "No", primaryPhoneNumberID: stranger.ids[0] }),
      { status: 422, code: "form_param_value_invalid", paramName: "primary_phone_number_id" },
    );
    const unverified = await s.clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: mobileNumber(),
    });
    await expectClerkError(
      s.clerk.users.updateUser(user.id, { firstName: "No", primaryPhoneNumberID: unverified.id }),
      { status: 422, code: "form_param_value_invalid", paramName: "primary_phone_number_id" },
    );
    const after = await s.clerk.users.getUser(user.id);
    expect(after.firstName).toBeNull();
    expect(after.primaryPhoneNumberId).toBe(ids[0]);
  });

  it("a taken external id is 422 form_identifier_exists", async () => {
    const first = await s.clerk.users.createUser({ externalId: `taken-${mobileNumber()}` });
    const second = await s.clerk.users.createUser({});
    await expectClerkError(s.clerk.users.updateUser(second.id, { externalId: first.externalId ?? "" }), {
      status: 422,
      code: "form_identifier_exists",
      paramName: "external_id",
    });
  });

  it("bad bodies: unknown fields, wrong types, metadata on PATCH as of 2026-05-12", async () => {
    const { user } = await clerkUserWith(s, 1);
    await expectClerkError(s.clerk.users.updateUser(user.id, { username: "ada" }), {
      status: 422,
      code: "form_param_unknown",
      paramName: "username",
    });
    const typed = await raw("PATCH", `/users/${user.id}`, { first_name: 7 });
    expect(typed.status).toBe(422);
    expectClerkSchema("ClerkErrors", typed.body);
    expect(typed.body.errors).toMatchObject([
      { code: "form_param_value_invalid", meta: { param_name: "first_name" } },
    ]);
    const modern = await raw("PATCH", `/users/${user.id}`, { public_metadata: { a: 1 } });
    expect(modern.status).toBe(422);
    expect(modern.body.errors).toMatchObject([
      { code: "form_param_unknown", meta: { param_name: "public_metadata" } },
    ]);
    // Older API versions (and no version) still took metadata on PATCH, replacing it.
    const legacy = await raw("PATCH", `/users/${user.id}`, { public_metadata: { a: 1 } }, "2025-04-10");
    expect(legacy.status).toBe(200);
    expectClerkSchema("User", legacy.body);
    expect(legacy.body.public_metadata).toEqual({ a: 1 });
    const tooBig = await raw("PATCH", `/users/${user.id}/metadata`, {
      private_metadata: { x: "y".repeat(9000) },
    });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.errors).toMatchObject([
      { code: "form_param_value_invalid", meta: { param_name: "private_metadata" } },
    ]);
  });
});

describe("user metadata", () => {
  it("updateUserMetadata deep-merges (null removes a key); replaceUserMetadata replaces", async () => {
    const user = await s.clerk.users.createUser({
      publicMetadata: { prefs: { theme: "dark", lang: "en" }, plan: "free" },
      privateMetadata: { secret: 1 },
    });
    const merged = await s.clerk.users.updateUserMetadata(user.id, {
      publicMetadata: { prefs: { lang: null, tz: "UTC" }, plan: "pro" },
    });
    expect(merged.publicMetadata).toEqual({ prefs: { theme: "dark", tz: "UTC" }, plan: "pro" });
    expect(merged.privateMetadata).toEqual({ secret: 1 });
    const replaced = await s.clerk.users.replaceUserMetadata(user.id, { publicMetadata: { only: true } });
    expect(replaced.publicMetadata).toEqual({ only: true });
    expect(replaced.privateMetadata).toEqual({ secret: 1 });
    await expectClerkError(s.clerk.users.updateUserMetadata("user_nobody", { publicMetadata: {} }), {
      status: 404,
      code: "resource_not_found",
    });
  });
});

describe("deleteUser", () => {
  it("deletes the user with its numbers and answers a DeletedObject; then it is not found", async () => {
    const { user, ids } = await clerkUserWith(s, 2);
    const deleted = await s.clerk.users.deleteUser(user.id);
    expect(deleted).toMatchObject({ id: user.id, deleted: true, object: "user" });
    await expectClerkError(s.clerk.users.getUser(user.id), { status: 404, code: "resource_not_found" });
    await expectClerkError(s.clerk.phoneNumbers.getPhoneNumber(ids[0] ?? ""), {
      status: 404,
      code: "resource_not_found",
    });
    // The number is free for another user now.
    const phone = user.phoneNumbers[0]?.phoneNumber ?? "";
    const next = await s.clerk.users.createUser({ phoneNumber: [phone] });
    expect(next.phoneNumbers[0]?.phoneNumber).toBe(phone);
  });

  it("the raw answer is Clerk's DeletedObject; an unknown or another tenant's user is 404", async () => {
    const { user } = await clerkUserWith(s, 1);
    const other = s.clientWith(`sk_test_${await s.t.adminKeyFor("other-tenant-delete")}`);
    await expectClerkError(other.users.deleteUser(user.id), { status: 404, code: "resource_not_found" });
    const answer = await raw("DELETE", `/users/${user.id}`);
    expect(answer.status).toBe(200);
    expectClerkSchema("DeletedObject", answer.body);
    const again = await raw("DELETE", `/users/${user.id}`);
    expect(again.status).toBe(404);
    expectClerkSchema("ClerkErrors", again.body);
    expect(again.body.errors).toMatchObject([{ code: "resource_not_found" }]);
  });
});
