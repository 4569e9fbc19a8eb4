import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../../src/services/caller.js";
import { mobileNumber } from "../support/harness.js";
import {
  type ClerkClient,
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

type CreateParams = Parameters<ClerkClient["phoneNumbers"]["createPhoneNumber"]>[0];
type UpdateParams = Parameters<ClerkClient["phoneNumbers"]["updatePhoneNumber"]>[1];

describe("form errors", () => {
  it.each([["abc"], ["+1201555010"], ["12015550123"], ["+15555550100"], ["+33 1 42 68 53 00"]])(
    "%s is 422 form_param_format_invalid on phone_number",
    async (phoneNumber) => {
      const { user } = await clerkUserWith(s, 0);
      await expectClerkError(s.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber }), {
        status: 422,
        code: "form_param_format_invalid",
        paramName: "phone_number",
      });
      expect(await heldNumbers(s, user.id)).toEqual([]);
    },
  );

  it("a fixed line is refused with the reason in long_message", async () => {
    const { user } = await clerkUserWith(s, 0);
    const error = await expectClerkError(
      s.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: "+33142685300" }),
      { status: 422, code: "form_param_format_invalid", paramName: "phone_number" },
    );
    expect(error.errors[0]?.longMessage).toMatch(/fixed line/);
  });

  it("a number held by another user, or already by this one, is 422 form_identifier_exists", async () => {
    const { user: holder } = await clerkUserWith(s, 1);
    const taken = holder.phoneNumbers[0]?.phoneNumber ?? "";
    const { user } = await clerkUserWith(s, 0);
    for (const userId of [user.id, holder.id]) {
      await expectClerkError(s.clerk.phoneNumbers.createPhoneNumber({ userId, phoneNumber: taken }), {
        status: 422,
        code: "form_identifier_exists",
        paramName: "phone_number",
        longMessage: "That phone number is taken. Please try another.",
      });
    }
    expect(await heldNumbers(s, user.id)).toEqual([]);
  });

  it("a missing required field is 422 form_param_missing; an unknown one form_param_unknown", async () => {
    const { user } = await clerkUserWith(s, 0);
    await expectClerkError(
      s.clerk.phoneNumbers.createPhoneNumber({ userId: user.id } as unknown as CreateParams),
      {
        status: 422,
        code: "form_param_missing",
        paramName: "phone_number",
        longMessage: "phone_number must be included.",
      },
    );
    await expectClerkError(
      s.clerk.phoneNumbers.createPhoneNumber({
        userId: user.id,
        phoneNumber: mobileNumber(),
        label: "work",
      } as unknown as CreateParams),
      { status: 422, code: "form_param_unknown", paramName: "label" },
    );
    expect(await heldNumbers(s, user.id)).toEqual([]);
  });

  it("a mistyped flag is 422 form_param_value_invalid", async () => {
    const { ids } = await clerkUserWith(s, 1);
    await expectClerkError(
      s.clerk.phoneNumbers.updatePhoneNumber(ids[0] ?? "", { verified: "yes" } as unknown as UpdateParams),
      { status: 422, code: "form_param_value_invalid", paramName: "verified" },
    );
  });
});

describe("not found", () => {
  it("an unknown phone number id is 404 resource_not_found for get, update and delete", async () => {
    const id = "pn_01jzzzzzzzzzzzzzzzzzzzzzzz";
    for (const call of [
      () => s.clerk.phoneNumbers.getPhoneNumber(id),
      () => s.clerk.phoneNumbers.updatePhoneNumber(id, { primary: true }),
      () => s.clerk.phoneNumbers.deletePhoneNumber(id),
    ]) {
      await expectClerkError(call(), {
        status: 404,
        code: "resource_not_found",
        longMessage: "Resource not found",
      });
    }
  });

  it("a deleted number is not found afterwards", async () => {
    // Two numbers: Clerk keeps a user's last identification.
    const { ids } = await clerkUserWith(s, 2);
    await s.clerk.phoneNumbers.deletePhoneNumber(ids[0] ?? "");
    await expectClerkError(s.clerk.phoneNumbers.getPhoneNumber(ids[0] ?? ""), {
      status: 404,
      code: "resource_not_found",
    });
  });

  it("an unknown user_id on create, and an unknown user on getUser, is 404 resource_not_found", async () => {
    await expectClerkError(
      s.clerk.phoneNumbers.createPhoneNumber({ userId: "user_nobody", phoneNumber: mobileNumber() }),
      { status: 404, code: "resource_not_found", longMessage: "No user was found with id user_nobody" },
    );
    await expectClerkError(s.clerk.users.getUser("user_nobody"), {
      status: 404,
      code: "resource_not_found",
      longMessage: "No user was found with id user_nobody",
    });
  });

  it("a number of another tenant is not found", async () => {
    const other = s.clientWith(`sk_live_${await s.t.adminKeyFor("other-tenant")}`);
    const { ids } = await clerkUserWith(s, 1);
    await expectClerkError(other.phoneNumbers.getPhoneNumber(ids[0] ?? ""), {
      status: 404,
      code: "resource_not_found",
    });
  });
});

describe("second-factor rules", () => {
  it("create reserved for second factor without verified is 400 identification_create_second_factor_unverified", async () => {
    const { user, ids } = await clerkUserWith(s, 1);
    await expectClerkError(
      s.clerk.phoneNumbers.createPhoneNumber({
        userId: user.id,
        phoneNumber: mobileNumber(),
        reservedForSecondFactor: true,
      }),
      {
        status: 400,
        code: "identification_create_second_factor_unverified",
        longMessage: "Unverified identifications cannot be a second factor",
      },
    );
    expect((await heldNumbers(s, user.id)).map((p) => p.id)).toEqual(ids);
  });

  it("reserving an unverified number is 400 identification_update_second_factor_unverified", async () => {
    const { user } = await clerkUserWith(s, 1);
    const unverified = await s.clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: mobileNumber(),
    });
    const before = await heldNumbers(s, user.id);
    for (const params of [
      { reservedForSecondFactor: true },
      { verified: false, reservedForSecondFactor: true },
      { defaultSecondFactor: true } as UpdateParams,
    ]) {
      await expectClerkError(s.clerk.phoneNumbers.updatePhoneNumber(unverified.id, params), {
        status: 400,
        code: "identification_update_second_factor_unverified",
        longMessage: "Cannot update second factor attributes for unverified identification",
      });
    }
    expect(await heldNumbers(s, user.id)).toEqual(before);
  });

  it("reserving the user's last identification is 400 identification_update_failed", async () => {
    const { user, ids } = await clerkUserWith(s, 1);
    await expectClerkError(
      s.clerk.phoneNumbers.updatePhoneNumber(ids[0] ?? "", { reservedForSecondFactor: true }),
      {
        status: 400,
        code: "identification_update_failed",
        longMessage: "You cannot set your last identification as second factor.",
      },
    );
    const { user: empty } = await clerkUserWith(s, 0);
    await expectClerkError(
      s.clerk.phoneNumbers.createPhoneNumber({
        userId: empty.id,
        phoneNumber: mobileNumber(),
        verified: true,
        reservedForSecondFactor: true,
      }),
      { status: 400, code: "identification_update_failed" },
    );
    expect(await heldNumbers(s, empty.id)).toEqual([]);
    expect((await heldNumbers(s, user.id))[0]?.reservedForSecondFactor).toBe(false);
  });

  it("switching the default second factor off is 422 form_disable_default_second_factor_not_allowed", async () => {
    const { user, ids } = await clerkUserWith(s, 2);
    const reserved = await s.clerk.phoneNumbers.updatePhoneNumber(ids[1] ?? "", {
      reservedForSecondFactor: true,
    });
    expect(reserved.defaultSecondFactor).toBe(true);
    await expectClerkError(
      s.clerk.phoneNumbers.updatePhoneNumber(ids[1] ?? "", { defaultSecondFactor: false } as UpdateParams),
      {
        status: 422,
        code: "form_disable_default_second_factor_not_allowed",
        paramName: "default_second_factor",
      },
    );
    expect((await heldNumbers(s, user.id))[1]?.defaultSecondFactor).toBe(true);
  });

  it("default on a verified number not reserved is 422 form_param_value_invalid", async () => {
    const { ids } = await clerkUserWith(s, 2);
    await expectClerkError(
      s.clerk.phoneNumbers.updatePhoneNumber(ids[1] ?? "", { defaultSecondFactor: true } as UpdateParams),
      { status: 422, code: "form_param_value_invalid", paramName: "default_second_factor" },
    );
  });
});

describe("authentication", () => {
  it("a malformed Authorization header is 401 authorization_header_format_invalid", async () => {
    const spaced = s.clientWith(`${s.secretKey} extra`);
    await expectClerkError(spaced.users.getUser("user_x"), {
      status: 401,
      code: "authorization_header_format_invalid",
      longMessage: "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
    });
  });

  it.each([
    ["an unknown key", "sk_test_hsk_notakeyatall"],
    ["a bare Handset admin key", "ADMIN"],
    ["a Handset user token in Clerk's clothes", "TOKEN"],
    ["an admin key with a foreign prefix", "pk_test_ADMIN"],
  ])("%s is 401 clerk_key_invalid", async (_label, key) => {
    const token = await s.t.tokenFor("someone");
    const secret = key.replace("ADMIN", s.t.adminKey).replace("TOKEN", `sk_test_${token}`);
    await expectClerkError(s.clientWith(secret).phoneNumbers.getPhoneNumber("pn_x"), {
      status: 401,
      code: "clerk_key_invalid",
      longMessage:
        "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
    });
  });

  it("sk_live_ and sk_test_ both wrap an admin key", async () => {
    const live = s.clientWith(`sk_live_${s.t.adminKey}`);
    const { user } = await clerkUserWith(s, 0);
    expect((await live.users.getUser(user.id)).id).toBe(user.id);
  });

  it("a key without the scope a call needs is 403 authorization_invalid", async () => {
    const readOnly = s.clientWith(
      `sk_test_${await s.t.adminKeyFor(s.t.config.defaultTenant, ["phone:read"])}`,
    );
    const { user, ids } = await clerkUserWith(s, 1);
    expect((await readOnly.phoneNumbers.getPhoneNumber(ids[0] ?? "")).id).toBe(ids[0]);
    await expectClerkError(
      readOnly.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: mobileNumber() }),
      { status: 403, code: "authorization_invalid" },
    );
    await expectClerkError(readOnly.phoneNumbers.deletePhoneNumber(ids[0] ?? ""), {
      status: 403,
      code: "authorization_invalid",
    });
    expect((await heldNumbers(s, user.id)).map((p) => p.id)).toEqual(ids);
  });
});

describe("users.createUser errors change nothing", () => {
  it("a taken number in the list is 422 form_identifier_exists and no user is created", async () => {
    const { user: holder } = await clerkUserWith(s, 1);
    const caller = systemCaller(s.t.config.defaultTenant);
    const before = (await s.t.handset.users.list(caller, { limit: 1000 })).users.length;
    await expectClerkError(
      s.clerk.users.createUser({ phoneNumber: [mobileNumber(), holder.phoneNumbers[0]?.phoneNumber ?? ""] }),
      { status: 422, code: "form_identifier_exists", paramName: "phone_number" },
    );
    expect((await s.t.handset.users.list(caller, { limit: 1000 })).users.length).toBe(before);
  });

  it("fields Handset does not keep are 422 form_param_unknown (names are kept)", async () => {
    await expectClerkError(s.clerk.users.createUser({ firstName: "Ada", emailAddress: ["a@example.com"] }), {
      status: 422,
      code: "form_param_unknown",
      paramName: "email_address",
    });
  });

  it("a taken external id is 422 form_identifier_exists on external_id", async () => {
    await s.clerk.users.createUser({ externalId: "dup-1" });
    await expectClerkError(s.clerk.users.createUser({ externalId: "dup-1" }), {
      status: 422,
      code: "form_identifier_exists",
      paramName: "external_id",
    });
  });
});

describe("tenant country policy", () => {
  it("a number from a denied country is 403 not_allowed_access", async () => {
    const denied = await startClerkServer({ env: { HANDSET_DENIED_REGIONS: "FR" } });
    try {
      const user = await denied.clerk.users.createUser({});
      await expectClerkError(
        denied.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: mobileNumber() }),
        { status: 403, code: "not_allowed_access", paramName: "phone_number" },
      );
      const us = await denied.clerk.phoneNumbers.createPhoneNumber({
        userId: user.id,
        phoneNumber: "+12015550123",
      });
      expect(us.phoneNumber).toBe("+12015550123");
    } finally {
      await denied.t.close();
    }
  });
});

describe("phone validation policy", () => {
  it("HANDSET_PHONE_VALIDATION=possible accepts Clerk's own example +15555550100", async () => {
    const lenient = await startClerkServer({ env: { HANDSET_PHONE_VALIDATION: "possible" } });
    try {
      const user = await lenient.clerk.users.createUser({});
      const created = await lenient.clerk.phoneNumbers.createPhoneNumber({
        userId: user.id,
        phoneNumber: "+15555550100",
      });
      expect(created.phoneNumber).toBe("+15555550100");
      await expectClerkError(
        lenient.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: "15551234567" }),
        { status: 422, code: "form_param_format_invalid", paramName: "phone_number" },
      );
    } finally {
      await lenient.t.close();
    }
  });
});
