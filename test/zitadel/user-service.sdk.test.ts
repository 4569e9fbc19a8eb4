import { Code } from "@connectrpc/connect";
import { UserState } from "@zitadel/proto/zitadel/user/v2/user_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mobileNumber } from "../support/harness.js";
import {
  createUser,
  deliveredCode,
  expectZitadelError,
  failure,
  nativeNumbers,
  startZitadelServer,
  TRANSPORTS,
  type ZitadelServer,
} from "./support.js";

describe.each(TRANSPORTS)("UserService over %s with @zitadel/client", (transport) => {
  let server: ZitadelServer;
  beforeAll(async () => {
    server = await startZitadelServer();
  });
  afterAll(async () => server.close());

  it("sets with return_code, verifies, resends, replaces and removes a user's phone", async () => {
    const { t } = server;
    const userId = `u1-${transport}`;
    await createUser(t, userId);
    const users = server.users(transport, t.adminKey);
    const first = mobileNumber();

    const set = await users.setPhone({
      userId,
      phone: first,
      verification: { case: "returnCode", value: {} },
    });
    expect(set.verificationCode).toMatch(/^\d{6}$/);
    expect(set.details?.resourceOwner).toBe("default");
    expect(set.details?.changeDate).toBeDefined();
    expect(set.details?.sequence).toBeGreaterThan(1n);
    // The same code is what the SMS carries: nothing was generated twice, nothing stored.
    expect(await deliveredCode(t, first)).toBe(set.verificationCode);

    const wrong = await failure(users.verifyPhone({ userId, verificationCode: "000000x" }));
    expectZitadelError(wrong, Code.InvalidArgument, "COMMAND-eis9R", "Code is invalid");

    t.clock.advance(30_000);
    const resent = await users.resendPhoneCode({ userId, verification: { case: "returnCode", value: {} } });
    expect(resent.verificationCode).toBe(set.verificationCode);
    expect(resent.details?.sequence).toBeGreaterThan(set.details?.sequence ?? 0n);

    const verified = await users.verifyPhone({ userId, verificationCode: set.verificationCode ?? "" });
    expect(verified.details?.sequence).toBeGreaterThan(resent.details?.sequence ?? 0n);
    expect(await nativeNumbers(t, userId)).toMatchObject([
      { phone_number: first, primary: true, verified: true },
    ]);

    expectZitadelError(
      await failure(users.resendPhoneCode({ userId, verification: { case: "sendCode", value: {} } })),
      Code.FailedPrecondition,
      "PHONE-5xrra88eq8",
      "Code is empty",
    );

    // A new phone replaces the old one: ZITADEL keeps one phone per user.
    const second = mobileNumber();
    await users.setPhone({ userId, phone: second, verification: { case: "sendCode", value: {} } });
    expect(await nativeNumbers(t, userId)).toMatchObject([
      { phone_number: second, primary: true, verified: false },
    ]);
    expect(await deliveredCode(t, second)).toMatch(/^\d{6}$/);

    const removed = await users.removePhone({ userId });
    expect(removed.details?.resourceOwner).toBe("default");
    expect(await nativeNumbers(t, userId)).toEqual([]);
    expectZitadelError(
      await failure(users.removePhone({ userId })),
      Code.NotFound,
      "COMMAND-p6rsc",
      "Phone not found",
    );
  });

  it("sets a phone verified without a code for an admin key, in ZITADEL's CH default region", async () => {
    const { t } = server;
    const userId = `u2-${transport}`;
    await createUser(t, userId);
    const users = server.users(transport, t.adminKey);
    const res = await users.setPhone({
      userId,
      phone: "079 123 45 67",
      verification: { case: "isVerified", value: true },
    });
    expect(res.verificationCode).toBeUndefined();
    expect(await nativeNumbers(t, userId)).toMatchObject([
      { phone_number: "+41791234567", primary: true, verified: true },
    ]);
    expect(t.inbox?.list({ to: "+41791234567" })).toEqual([]);
    expectZitadelError(
      await failure(
        users.setPhone({ userId, phone: "+41791234567", verification: { case: "isVerified", value: true } }),
      ),
      Code.FailedPrecondition,
      "COMMAND-Uch5e",
      "Phone not changed",
    );
  });

  it("validates like ZITADEL: is_verified must be true, lengths from the descriptors", async () => {
    const users = server.users(transport, server.t.adminKey);
    const notTrue = await failure(
      users.setPhone({
        userId: "x",
        phone: mobileNumber(),
        verification: { case: "isVerified", value: false },
      }),
    );
    expect(notTrue.code).toBe(Code.InvalidArgument);
    expect(notTrue.rawMessage).toBe("invalid SetPhoneRequest.IsVerified: value must equal true");
    const noUser = await failure(users.removePhone({ userId: "" }));
    expect(noUser.rawMessage).toBe(
      "invalid RemovePhoneRequest.UserId: value length must be between 1 and 200 runes, inclusive",
    );
    const longCode = await failure(users.verifyPhone({ userId: "x", verificationCode: "1".repeat(21) }));
    expect(longCode.rawMessage).toBe(
      "invalid VerifyPhoneRequest.VerificationCode: value length must be between 1 and 20 runes, inclusive",
    );
  });

  it("answers for unknown users, other users' tokens and the rest of UserService", async () => {
    const { t } = server;
    const users = server.users(transport, t.adminKey);
    expectZitadelError(
      await failure(users.setPhone({ userId: "nobody", phone: mobileNumber() })),
      Code.NotFound,
      "COMMAND-ieJ2e",
      "Phone not found",
    );
    const userId = `u3-${transport}`;
    const token = await t.tokenFor(userId);
    const own = server.users(transport, token);
    // A user may act on themself, as in ZITADEL; not on anyone else.
    const number = mobileNumber();
    await own.setPhone({ userId, phone: number });
    expect(await deliveredCode(t, number)).toMatch(/^\d{6}$/);
    expectZitadelError(
      await failure(own.removePhone({ userId: `u1-${transport}` })),
      Code.PermissionDenied,
      "AUTH-5mWD2",
      "No matching permissions found",
    );
    expectZitadelError(
      await failure(
        own.setPhone({ userId, phone: mobileNumber(), verification: { case: "isVerified", value: true } }),
      ),
      Code.PermissionDenied,
      "AUTH-5mWD2",
      "No matching permissions found",
    );
    const unimplemented = await failure(users.deactivateUser({ userId }));
    expect(unimplemented.code).toBe(Code.Unimplemented);
    expect(unimplemented.rawMessage).toBe("zitadel.user.v2.UserService.DeactivateUser is not implemented");
  });

  it("reads a user's phone with GetUserByID, the only way v2 reads one", async () => {
    const { t } = server;
    const userId = `u4-${transport}`;
    await createUser(t, userId);
    const users = server.users(transport, t.adminKey);
    const empty = await users.getUserByID({ userId });
    expect(empty.user?.userId).toBe(userId);
    expect(empty.user?.state).toBe(UserState.ACTIVE);
    expect(empty.user?.type.case).toBe("human");
    expect(empty.user?.type.case === "human" && empty.user.type.value.phone).toMatchObject({
      phone: "",
      isVerified: false,
    });
    expect(empty.details?.resourceOwner).toBe("default");

    const set = await users.setPhone({
      userId,
      phone: "079 123 45 68",
      verification: { case: "isVerified", value: true },
    });
    const read = await users.getUserByID({ userId });
    const human = read.user?.type.case === "human" ? read.user.type.value : undefined;
    expect(human?.phone).toMatchObject({ phone: "+41791234568", isVerified: true });
    expect(read.details?.sequence).toBe(set.details?.sequence);
    expect(read.user?.details?.creationDate).toBeDefined();

    // A user token reads itself, and nobody else.
    const token = await t.tokenFor(userId);
    expect((await server.users(transport, token).getUserByID({ userId })).user?.userId).toBe(userId);
    expectZitadelError(
      await failure(server.users(transport, token).getUserByID({ userId: `u1-${transport}` })),
      Code.PermissionDenied,
      "AUTH-5mWD2",
      "No matching permissions found",
    );
    expectZitadelError(
      await failure(users.getUserByID({ userId: "nobody" })),
      Code.NotFound,
      "QUERY-Dfbg2",
      "User could not be found",
    );
  });
});
