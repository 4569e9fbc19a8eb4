import type { User } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../../src/services/caller.js";
import { mobileNumber } from "../support/harness.js";
import { type ClerkTestServer, startClerkServer } from "./support.js";

let s: ClerkTestServer;
beforeAll(async () => {
  s = await startClerkServer();
});
afterAll(async () => {
  await s.t.close();
});

/** A user through the SDK, with no numbers unless given. */
async function newUser(phoneNumber?: string[]): Promise<User> {
  return s.clerk.users.createUser(phoneNumber ? { phoneNumber } : {});
}

describe("@clerk/backend users", () => {
  it("createUser with phone numbers: Clerk ids, numbers verified by admin, the first one primary", async () => {
    const [first, second] = [mobileNumber(), mobileNumber()];
    const user = await s.clerk.users.createUser({ phoneNumber: [first, second], externalId: "crm-42" });
    expect(user.constructor.name).toMatch(/User$/);
    expect(user.id).toMatch(/^user_[0-9A-Z]{26}$/);
    expect(user.externalId).toBe("crm-42");
    expect(user.phoneNumbers.map((p) => p.phoneNumber)).toEqual([first, second]);
    expect(user.primaryPhoneNumberId).toBe(user.phoneNumbers[0]?.id);
    expect(user.primaryPhoneNumber?.phoneNumber).toBe(first);
    expect(user.twoFactorEnabled).toBe(false);
    for (const phone of user.phoneNumbers) {
      expect(phone.id).toMatch(/^pn_/);
      expect(phone.verification?.status).toBe("verified");
      expect(phone.verification?.strategy).toBe("admin");
    }
    expect(user.createdAt).toBe(s.t.clock.now());

    const read = await s.clerk.users.getUser(user.id);
    expect(read.id).toBe(user.id);
    expect(read.phoneNumbers.map((p) => p.id)).toEqual(user.phoneNumbers.map((p) => p.id));
    expect(read.primaryPhoneNumberId).toBe(user.primaryPhoneNumberId);
  });

  it("createUser with phoneNumberIdentificationStatus 'reserved' leaves that number unverified", async () => {
    const user = await s.clerk.users.createUser({
      phoneNumber: [mobileNumber(), mobileNumber()],
      phoneNumberIdentificationStatus: ["verified", "reserved"],
    });
    expect(user.phoneNumbers.map((p) => p.verification?.status ?? null)).toEqual(["verified", null]);
  });

  it("createUser with no numbers gives a user without a primary", async () => {
    const user = await newUser();
    expect(user.phoneNumbers).toEqual([]);
    expect(user.primaryPhoneNumberId).toBeNull();
  });
});

describe("@clerk/backend phoneNumbers", () => {
  it("createPhoneNumber: the first number is primary even without primary:true; unverified has verification null", async () => {
    const user = await newUser();
    const number = mobileNumber();
    const created = await s.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: number });
    expect(created.constructor.name).toMatch(/PhoneNumber$/);
    expect(created.phoneNumber).toBe(number);
    expect(created.verification).toBeNull();
    expect(created.reservedForSecondFactor).toBe(false);
    expect(created.defaultSecondFactor).toBe(false);
    expect(created.linkedTo).toEqual([]);
    const read = await s.clerk.users.getUser(user.id);
    expect(read.primaryPhoneNumberId).toBe(created.id);
  });

  it("createPhoneNumber normalises a formatted E.164 number", async () => {
    // A number besides it: Clerk keeps a user's last identification, so the deletion below needs one.
    const user = await newUser([mobileNumber()]);
    const created = await s.clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: "+1 (201) 555-0123",
      verified: true,
    });
    expect(created.phoneNumber).toBe("+12015550123");
    await s.clerk.phoneNumbers.deletePhoneNumber(created.id);
  });

  it("primary:true on create moves the user's primary; primary:false on update leaves it", async () => {
    const user = await newUser([mobileNumber()]);
    const second = await s.clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: mobileNumber(),
      primary: true,
    });
    expect((await s.clerk.users.getUser(user.id)).primaryPhoneNumberId).toBe(second.id);

    await s.clerk.phoneNumbers.updatePhoneNumber(second.id, { primary: false });
    expect((await s.clerk.users.getUser(user.id)).primaryPhoneNumberId).toBe(second.id);

    const first = user.phoneNumbers[0];
    if (!first) throw new Error("user has no first number");
    await s.clerk.phoneNumbers.updatePhoneNumber(first.id, { primary: true });
    expect((await s.clerk.users.getUser(user.id)).primaryPhoneNumberId).toBe(first.id);
  });

  it("getPhoneNumber reads back what was created", async () => {
    const user = await newUser();
    const created = await s.clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: mobileNumber(),
      verified: true,
    });
    const read = await s.clerk.phoneNumbers.getPhoneNumber(created.id);
    expect(read).toEqual(created);
  });

  it("updatePhoneNumber with no params (no body at all) changes nothing and answers the number", async () => {
    const user = await newUser([mobileNumber()]);
    const id = user.phoneNumbers[0]?.id ?? "";
    const updated = await s.clerk.phoneNumbers.updatePhoneNumber(id);
    expect(updated.id).toBe(id);
    expect(updated.verification?.status).toBe("verified");
    expect(await s.clerk.phoneNumbers.updatePhoneNumber(id, {})).toEqual(updated);
  });

  it("verified on update: true gives verification_admin, false takes verification and the reservation away", async () => {
    const user = await newUser([mobileNumber()]);
    const created = await s.clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: mobileNumber(),
    });
    const verified = await s.clerk.phoneNumbers.updatePhoneNumber(created.id, { verified: true });
    expect(verified.verification?.strategy).toBe("admin");
    const reserved = await s.clerk.phoneNumbers.updatePhoneNumber(created.id, {
      reservedForSecondFactor: true,
    });
    expect(reserved.reservedForSecondFactor).toBe(true);
    expect((await s.clerk.users.getUser(user.id)).twoFactorEnabled).toBe(true);

    const unverified = await s.clerk.phoneNumbers.updatePhoneNumber(created.id, { verified: false });
    expect(unverified.verification).toBeNull();
    expect(unverified.reservedForSecondFactor).toBe(false);
    expect(unverified.defaultSecondFactor).toBe(false);
    expect((await s.clerk.users.getUser(user.id)).twoFactorEnabled).toBe(false);
  });

  it("reservedForSecondFactor: the first reserved number is the default, the MFA flag follows", async () => {
    const user = await newUser([mobileNumber()]);
    const a = await s.clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: mobileNumber(),
      verified: true,
      reservedForSecondFactor: true,
    });
    expect(a.reservedForSecondFactor).toBe(true);
    expect(a.defaultSecondFactor).toBe(true);
    const b = await s.clerk.phoneNumbers.createPhoneNumber({
      userId: user.id,
      phoneNumber: mobileNumber(),
      verified: true,
    });
    const bReserved = await s.clerk.phoneNumbers.updatePhoneNumber(b.id, { reservedForSecondFactor: true });
    expect(bReserved.defaultSecondFactor).toBe(false);
    expect((await s.clerk.users.getUser(user.id)).twoFactorEnabled).toBe(true);

    // Handset's extension: the default moves by naming another reserved number.
    const bDefault = await s.clerk.phoneNumbers.updatePhoneNumber(b.id, {
      defaultSecondFactor: true,
    } as Parameters<typeof s.clerk.phoneNumbers.updatePhoneNumber>[1]);
    expect(bDefault.defaultSecondFactor).toBe(true);
    expect((await s.clerk.phoneNumbers.getPhoneNumber(a.id)).defaultSecondFactor).toBe(false);

    // Un-reserving the default hands the default to the remaining reserved number.
    await s.clerk.phoneNumbers.updatePhoneNumber(b.id, { reservedForSecondFactor: false });
    expect((await s.clerk.phoneNumbers.getPhoneNumber(a.id)).defaultSecondFactor).toBe(true);

    // Deleting the last reserved number turns MFA off.
    await s.clerk.phoneNumbers.deletePhoneNumber(a.id);
    expect((await s.clerk.users.getUser(user.id)).twoFactorEnabled).toBe(false);
  });

  it("deletePhoneNumber answers a DeletedObject; deleting the primary leaves the user without one", async () => {
    const user = await newUser([mobileNumber(), mobileNumber()]);
    const primaryId = user.primaryPhoneNumberId ?? "";
    const deleted = await s.clerk.phoneNumbers.deletePhoneNumber(primaryId);
    expect(deleted.constructor.name).toMatch(/DeletedObject$/);
    expect({ ...deleted }).toEqual({ object: "phone_number", id: primaryId, slug: null, deleted: true });
    const read = await s.clerk.users.getUser(user.id);
    expect(read.primaryPhoneNumberId).toBeNull();
    expect(read.phoneNumbers.map((p) => p.id)).toEqual([user.phoneNumbers[1]?.id]);
  });

  it("a number proved by SMS code shows verification_otp with its attempts; a pending one shows unverified", async () => {
    const user = await newUser();
    const number = mobileNumber();
    const created = await s.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: number });
    const caller = systemCaller(s.t.config.defaultTenant);
    const sent = await s.t.handset.verification.send(caller, created.id);

    const pending = await s.clerk.phoneNumbers.getPhoneNumber(created.id);
    expect(pending.verification?.status).toBe("unverified");
    expect(pending.verification?.strategy).toBe("phone_code");
    expect(pending.verification?.attempts).toBe(0);
    expect(pending.verification?.expireAt).toBe(sent.verification.expiresAt);

    await s.t.dispatcher.runOnce();
    const code = s.t.inbox?.list({ to: number })[0]?.code ?? "";
    expect(code).toMatch(/^\d{6}$/);
    const wrong = `${code.slice(0, -1)}${(Number(code.at(-1)) + 1) % 10}`;
    await expect(s.t.handset.verification.verify(caller, created.id, wrong)).rejects.toThrow();
    await s.t.handset.verification.verify(caller, created.id, code);

    const proved = await s.clerk.phoneNumbers.getPhoneNumber(created.id);
    expect(proved.verification?.status).toBe("verified");
    expect(proved.verification?.strategy).toBe("phone_code");
    // Clerk counts every attempt, the one that succeeded too.
    expect(proved.verification?.attempts).toBe(2);
    const raw = await fetch(`${s.apiUrl}/v1/phone_numbers/${created.id}`, {
      headers: { authorization: `Bearer ${s.secretKey}` },
    });
    const body = (await raw.json()) as { reserved: boolean; verification: Record<string, unknown> };
    expect(body.reserved).toBe(true);
    expect(body.verification).toEqual({
      object: "verification_otp",
      status: "verified",
      strategy: "phone_code",
      attempts: 2,
      expire_at: sent.verification.expiresAt,
      channel: "sms",
    });
  });
});
