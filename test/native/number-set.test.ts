import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ErrorCode, HandsetError } from "../../src/domain/errors.js";
import { nativeErrorBody, nativeStatus } from "../../src/surfaces/native/errors.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";

/** The native API's rules about a user's numbers (`HANDSET_RULES`) and their refusals, through HTTP. */
let t: TestApp;
let admin: ReturnType<typeof nativeClient>;
beforeAll(async () => {
  t = await createTestApp();
  admin = nativeClient(t, t.adminKey);
});
afterAll(async () => t.close());

interface NativeNumber {
  id: string;
  primary: boolean;
  verified: boolean;
  reserved_for_second_factor: boolean;
  default_second_factor: boolean;
}

let users = 0;
/** A user with `count` numbers verified by admin; the first is primary. */
async function userWith(count: number): Promise<{ userId: string; ids: string[] }> {
  users += 1;
  const userId = `rules-${users}`;
  expect((await admin.call("POST", "/v1/users", { id: userId })).statusCode).toBe(201);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const added = await admin.call("POST", "/v1/phone-numbers", {
      user_id: userId,
      phone_number: mobileNumber(),
      verified: true,
    });
    expect(added.statusCode).toBe(201);
    ids.push((added.json() as NativeNumber).id);
  }
  return { userId, ids };
}

async function numbersOf(userId: string): Promise<NativeNumber[]> {
  const listed = await admin.call("GET", `/v1/users/${userId}/phone-numbers`);
  expect(listed.statusCode).toBe(200);
  return (listed.json() as { data: NativeNumber[] }).data;
}

async function patch(id: string, body: Record<string, unknown>) {
  return admin.call("PATCH", `/v1/phone-numbers/${id}`, body);
}

describe("refusals of the number-set rules are 409 with error.code", () => {
  // biome-ignore format: one case per row reads as a table
  it.each<[string, Record<string, unknown>, ErrorCode]>([
    ["the default second factor on a verified number not reserved", { default_second_factor: true }, "PHONE_NUMBER_NOT_RESERVED"],
    ["reserving the user's first number, not as the default", { reserved_for_second_factor: true, default_second_factor: false }, "DEFAULT_SECOND_FACTOR_REQUIRED"],
  ])("%s", async (_label, body, code) => {
    const { userId, ids } = await userWith(2);
    const before = await numbersOf(userId);
    const refused = await patch(ids[1] ?? "", body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code, message: expect.any(String) });
    expect(await numbersOf(userId)).toEqual(before);
  });

  it("switching off the default of the user's only reserved number is DEFAULT_SECOND_FACTOR_REQUIRED", async () => {
    const { userId, ids } = await userWith(2);
    await patch(ids[1] ?? "", { reserved_for_second_factor: true });
    const before = await numbersOf(userId);
    const refused = await patch(ids[1] ?? "", { default_second_factor: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("DEFAULT_SECOND_FACTOR_REQUIRED");
    expect(await numbersOf(userId)).toEqual(before);
  });

  it.each<ErrorCode>([
    "PHONE_NUMBER_NOT_RESERVED",
    "PHONE_NUMBER_LAST_IDENTIFICATION",
    "DEFAULT_SECOND_FACTOR_REQUIRED",
    "PROFILE_PHONE_ALREADY_VERIFIED",
    "PROFILE_PHONE_UNCHANGED",
  ])("%s maps to 409 in the native envelope", (code) => {
    expect(nativeStatus(code)).toBe(409);
    expect(nativeErrorBody(new HandsetError(code, "refused"), "req_1").error).toEqual({
      code,
      message: "refused",
      request_id: "req_1",
    });
  });
});

describe("what HANDSET_RULES allow that Clerk's do not", () => {
  it("switching the default off hands it to another reserved number", async () => {
    const { userId, ids } = await userWith(3);
    const [, first = "", second = ""] = ids;
    await patch(first, { reserved_for_second_factor: true });
    await patch(second, { reserved_for_second_factor: true });
    const off = await patch(first, { default_second_factor: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ reserved_for_second_factor: true, default_second_factor: false });
    expect((await numbersOf(userId)).map((n) => n.default_second_factor)).toEqual([false, false, true]);
  });

  it("every number may be reserved, and removing one leaves only reserved numbers", async () => {
    const { userId, ids } = await userWith(2);
    const [primary = "", other = ""] = ids;
    expect((await patch(other, { reserved_for_second_factor: true })).statusCode).toBe(200);
    expect((await patch(primary, { reserved_for_second_factor: true })).statusCode).toBe(200);
    expect((await admin.call("DELETE", `/v1/phone-numbers/${primary}`)).statusCode).toBe(200);
    expect(await numbersOf(userId)).toMatchObject([
      { id: other, primary: false, reserved_for_second_factor: true, default_second_factor: true },
    ]);
  });
});
