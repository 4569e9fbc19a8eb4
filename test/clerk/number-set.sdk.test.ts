import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, mobileNumber } from "../support/harness.js";
import {
  type ClerkClient,
  type ClerkTestServer,
  clerkUserWith,
  expectClerkError,
  heldNumbers,
  startClerkServer,
} from "./support.js";

/** Clerk's rules about a user's set of numbers (`CLERK_RULES`), through `@clerk/backend` on a real port. */
let s: ClerkTestServer;
beforeAll(async () => {
  s = await startClerkServer();
});
afterAll(async () => {
  await s.t.close();
});

type UpdateParams = Parameters<ClerkClient["phoneNumbers"]["updatePhoneNumber"]>[1];

describe("deleting a number", () => {
  it("that would leave only numbers reserved for second factor is 400 identification_deletion_failed", async () => {
    const { user, ids } = await clerkUserWith(s, 2);
    const [identification = "", reserved = ""] = ids;
    await s.clerk.phoneNumbers.updatePhoneNumber(reserved, { reservedForSecondFactor: true });
    const before = await heldNumbers(s, user.id);

    const error = await expectClerkError(s.clerk.phoneNumbers.deletePhoneNumber(identification), {
      status: 400,
      code: "identification_deletion_failed",
      longMessage: "You cannot delete your last identification.",
    });
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]?.message).toBe("Deletion failed");

    expect(await heldNumbers(s, user.id)).toEqual(before);
    expect((await s.clerk.phoneNumbers.getPhoneNumber(identification)).id).toBe(identification);
    expect((await s.clerk.users.getUser(user.id)).primaryPhoneNumberId).toBe(identification);
  });

  it("a reserved number can go while an identification remains; the default moves to another reserved one", async () => {
    const { user, ids } = await clerkUserWith(s, 3);
    const [, first = "", second = ""] = ids;
    await s.clerk.phoneNumbers.updatePhoneNumber(first, { reservedForSecondFactor: true });
    await s.clerk.phoneNumbers.updatePhoneNumber(second, { reservedForSecondFactor: true });
    expect((await s.clerk.phoneNumbers.deletePhoneNumber(first)).deleted).toBe(true);
    expect(await s.clerk.phoneNumbers.getPhoneNumber(second)).toMatchObject({
      reservedForSecondFactor: true,
      defaultSecondFactor: true,
    });
    expect((await s.clerk.users.getUser(user.id)).twoFactorEnabled).toBe(true);
  });

  it("the very last number is 400 identification_deletion_failed, as Clerk keeps a user's last identification", async () => {
    const { user, ids } = await clerkUserWith(s, 1);
    const before = await heldNumbers(s, user.id);
    await expectClerkError(s.clerk.phoneNumbers.deletePhoneNumber(ids[0] ?? ""), {
      status: 400,
      code: "identification_deletion_failed",
      longMessage: "You cannot delete your last identification.",
    });
    expect(await heldNumbers(s, user.id)).toEqual(before);
    // Deleting the user is how its last number goes.
    expect(await s.clerk.users.deleteUser(user.id)).toMatchObject({ deleted: true });
  });
});

describe("the default second factor", () => {
  it("reserving a user's first number for second factor but not as the default is 422 form_disable_default_second_factor_not_allowed", async () => {
    const { user, ids } = await clerkUserWith(s, 2);
    const before = await heldNumbers(s, user.id);
    await expectClerkError(
      s.clerk.phoneNumbers.updatePhoneNumber(ids[1] ?? "", {
        reservedForSecondFactor: true,
        defaultSecondFactor: false,
      } as UpdateParams),
      {
        status: 422,
        code: "form_disable_default_second_factor_not_allowed",
        paramName: "default_second_factor",
      },
    );
    expect(await heldNumbers(s, user.id)).toEqual(before);
    expect((await s.clerk.users.getUser(user.id)).twoFactorEnabled).toBe(false);
  });

  it("moves by naming another reserved number", async () => {
    const { ids } = await clerkUserWith(s, 3);
    const [, first = "", second = ""] = ids;
    await s.clerk.phoneNumbers.updatePhoneNumber(first, { reservedForSecondFactor: true });
    await s.clerk.phoneNumbers.updatePhoneNumber(second, { reservedForSecondFactor: true });
    const named = await s.clerk.phoneNumbers.updatePhoneNumber(second, {
      defaultSecondFactor: true,
    } as UpdateParams);
    expect(named.defaultSecondFactor).toBe(true);
    expect((await s.clerk.phoneNumbers.getPhoneNumber(first)).defaultSecondFactor).toBe(false);
  });
});

describe("users.createUser with numbers is one transaction", () => {
  /** Every user of the tenant, through the native admin API, and every event ever recorded. */
  async function world() {
    const page = await s.t.app.inject({
      method: "GET",
      url: "/v1/users?limit=200",
      headers: bearer(s.t.adminKey),
    });
    expect(page.statusCode).toBe(200);
    const body = page.json() as { data: { id: string }[]; next_cursor: string | null };
    expect(body.next_cursor).toBeNull();
    const events = await s.t.store.db.selectFrom("events").select("id").orderBy("id").execute();
    return { users: body.data.map((u) => u.id).sort(), events: events.map((e) => e.id) };
  }

  it.each<[string, (first: string) => Promise<string>, string]>([
    ["a fixed line", async () => "+33142685300", "form_param_format_invalid"],
    [
      "a number another user holds",
      async () => (await clerkUserWith(s, 1)).user.phoneNumbers[0]?.phoneNumber ?? "",
      "form_identifier_exists",
    ],
    ["the first number again", async (first) => first, "form_identifier_exists"],
  ])(
    "a refused second number (%s) fails the call, and the user never existed",
    async (_label, second, code) => {
      const first = mobileNumber();
      const refused = await second(first);
      const before = await world();

      await expectClerkError(
        s.clerk.users.createUser({ externalId: `never-${code}-${first}`, phoneNumber: [first, refused] }),
        { status: 422, code, paramName: "phone_number" },
      );

      expect(await world()).toEqual(before);
      // Nothing of the user is left behind: its external id and its first number are free.
      const again = await s.clerk.users.createUser({
        externalId: `never-${code}-${first}`,
        phoneNumber: [first],
      });
      expect(again.phoneNumbers.map((p) => p.phoneNumber)).toEqual([first]);
    },
  );
});
