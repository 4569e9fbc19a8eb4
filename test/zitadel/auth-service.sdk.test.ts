import { Code } from "@connectrpc/connect";
import { ErrorDetailSchema } from "@zitadel/proto/zitadel/message_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mobileNumber } from "../support/harness.js";
import {
  deliveredCode,
  expectZitadelError,
  failure,
  startZitadelServer,
  TRANSPORTS,
  type ZitadelServer,
} from "./support.js";

describe.each(TRANSPORTS)("AuthService over %s with @zitadel/client", (transport) => {
  let server: ZitadelServer;
  beforeAll(async () => {
    server = await startZitadelServer();
  });
  afterAll(async () => server.close());

  it("sets, verifies, reads, resends and removes the user's phone", async () => {
    const { t } = server;
    const token = await t.tokenFor(`alice-${transport}`);
    const auth = server.auth(transport, token);
    const number = mobileNumber();

    const empty = await auth.getMyPhone({});
    expect(empty.phone?.phone).toBe("");
    expect(empty.phone?.isPhoneVerified).toBe(false);
    expect(empty.details?.resourceOwner).toBe("default");
    expect(empty.details?.creationDate).toBeDefined();
    const start = empty.details?.sequence ?? 0n;

    const set = await auth.setMyPhone({ phone: number });
    expect(set.details?.sequence).toBeGreaterThan(start);
    expect(set.details?.resourceOwner).toBe("default");
    expect(set.details?.changeDate).toBeDefined();
    expect(set.details?.creationDate).toBeUndefined();

    const pending = await auth.getMyPhone({});
    expect(pending.phone).toMatchObject({ phone: number, isPhoneVerified: false });
    expect(pending.details?.sequence).toBe(set.details?.sequence);

    const code = await deliveredCode(t, number);
    const wrong = await failure(auth.verifyMyPhone({ code: code === "000000" ? "111111" : "000000" }));
    expectZitadelError(wrong, Code.InvalidArgument, "COMMAND-sM0cs", "Code is invalid");
    expect(wrong.metadata.get("handset-attempts-left")).toBe("4");

    const tooSoon = await failure(auth.resendMyPhoneVerification({}));
    expect(tooSoon.code).toBe(Code.ResourceExhausted);
    expect(tooSoon.findDetails(ErrorDetailSchema).map((d) => d.id)).toEqual(["HANDSET-RESEND-COOLDOWN"]);
    expect(tooSoon.metadata.get("retry-after")).toBe("30");
    t.clock.advance(30_000);
    const resent = await auth.resendMyPhoneVerification({});
    expect(resent.details?.sequence).toBeGreaterThan(set.details?.sequence ?? 0n);
    // Within its validity window Handset sends the same code again.
    expect(await deliveredCode(t, number)).toBe(code);

    const verified = await auth.verifyMyPhone({ code });
    expect(verified.details?.sequence).toBeGreaterThan(resent.details?.sequence ?? 0n);
    const got = await auth.getMyPhone({});
    expect(got.phone).toMatchObject({ phone: number, isPhoneVerified: true });

    expectZitadelError(
      await failure(auth.resendMyPhoneVerification({})),
      Code.FailedPrecondition,
      "COMMAND-2M9sf",
      "Phone already verified",
    );
    expectZitadelError(
      await failure(auth.verifyMyPhone({ code })),
      Code.NotFound,
      "COMMAND-Rsj8c",
      "Code not found",
    );

    const removed = await auth.removeMyPhone({});
    expect(removed.details?.sequence).toBeGreaterThan(verified.details?.sequence ?? 0n);
    expect((await auth.getMyPhone({})).phone?.phone).toBe("");
    expectZitadelError(
      await failure(auth.removeMyPhone({})),
      Code.NotFound,
      "COMMAND-p6rsc",
      "Phone not found",
    );
  });

  it("answers 'Phone not changed' for the same number, however it is written", async () => {
    const token = await server.t.tokenFor(`bob-${transport}`);
    const auth = server.auth(transport, token);
    const number = mobileNumber();
    await auth.setMyPhone({ phone: number });
    const spaced = `${number.slice(0, 3)} ${number.slice(3, 4)} ${number.slice(4)}`;
    expectZitadelError(
      await failure(auth.setMyPhone({ phone: spaced })),
      Code.FailedPrecondition,
      "COMMAND-wF94r",
      "Phone not changed",
    );
  });

  it("validates like ZITADEL before anything runs", async () => {
    const token = await server.t.tokenFor(`carol-${transport}`);
    const auth = server.auth(transport, token);
    const noPlus = await failure(auth.setMyPhone({ phone: "0791234567" }));
    expect(noPlus.code).toBe(Code.InvalidArgument);
    expect(noPlus.rawMessage).toBe('invalid SetMyPhoneRequest.Phone: value does not have prefix "+"');
    expect(noPlus.findDetails(ErrorDetailSchema)).toEqual([]);
    const long = await failure(auth.setMyPhone({ phone: `+${"1".repeat(50)}` }));
    expect(long.rawMessage).toBe(
      "invalid SetMyPhoneRequest.Phone: value length must be between 1 and 50 runes, inclusive",
    );
    const emptyCode = await failure(auth.verifyMyPhone({ code: "" }));
    expect(emptyCode.rawMessage).toBe(
      "invalid VerifyMyPhoneRequest.Code: value length must be between 1 and 200 runes, inclusive",
    );
    expect((await auth.getMyPhone({})).phone?.phone).toBe("");
  });

  it("refuses a missing or unknown bearer, and admin keys on /users/me", async () => {
    const missing = await failure(server.auth(transport).getMyPhone({}));
    expect(missing.code).toBe(Code.Unauthenticated);
    expect(missing.rawMessage).toBe("auth header missing");
    expectZitadelError(
      await failure(server.auth(transport, "hst_not-a-token").getMyPhone({})),
      Code.Unauthenticated,
      "AUTH-7fs1e",
      "Token is invalid",
    );
    expectZitadelError(
      await failure(server.auth(transport, server.t.adminKey).getMyPhone({})),
      Code.PermissionDenied,
      "AUTH-5mWD2",
      "No matching permissions found",
    );
  });

  it("answers Unimplemented for the rest of AuthService", async () => {
    const token = await server.t.tokenFor(`dave-${transport}`);
    const error = await failure(server.auth(transport, token).getMyUser({}));
    expect(error.code).toBe(Code.Unimplemented);
    expect(error.rawMessage).toBe("zitadel.auth.v1.AuthService.GetMyUser is not implemented");
  });
});
