import { create } from "@bufbuild/protobuf";
import {
  RemovePhoneResponseSchema,
  ResendPhoneCodeResponseSchema,
  SetPhoneResponseSchema,
  UserService,
  VerifyPhoneResponseSchema,
} from "@zitadel/proto/zitadel/user/v2/user_service_pb.js";
import type { Scope } from "../../domain/scopes.js";
import type { Caller } from "../../services/caller.js";
import type { PrimaryPhoneService } from "../../services/primary-phone.js";
import { assertMayActOn, resolveCaller } from "./auth.js";
import { v2ChangeDetails } from "./details.js";
import { noPermission, returnCodeRefused } from "./errors.js";
import { type PhoneRpc, phoneRpc, type ZitadelContext } from "./rpc.js";

type Verification = { case: "sendCode" | "returnCode" | "isVerified" | undefined };

/** `zitadel.user.v2.UserService`: any user's phone, by id (`/v2/users/{user_id}/phone`). */
export function userServiceRpcs(ctx: ZitadelContext, phones: PrimaryPhoneService): PhoneRpc[] {
  const m = UserService.method;

  async function callerFor(
    header: Headers,
    peerIp: string | undefined,
    userId: string,
    scope: Scope,
  ): Promise<Caller> {
    const caller = await resolveCaller(ctx.authenticator, header, peerIp, "users", scope);
    assertMayActOn(caller, userId);
    return caller;
  }

  /** A code is sent unless the number is set verified; sending needs its own scope. */
  function checkVerificationChoice(caller: Caller, verification: Verification): void {
    if (verification.case === "isVerified") return;
    if (!caller.scopes.has("phone:verify")) throw noPermission();
    // Refused before anything changes: a code is shown only where the dev inbox shows it anyway.
    if (verification.case === "returnCode" && !ctx.handset.codes.enabled) throw returnCodeRefused();
  }

  async function codeFor(
    caller: Caller,
    verification: Verification,
    verificationId: string | null,
  ): Promise<string | undefined> {
    if (verification.case !== "returnCode" || verificationId === null) return undefined;
    return ctx.handset.codes.reveal(caller, verificationId);
  }

  return [
    phoneRpc(ctx, m.setPhone, { api: "v2", op: "set" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:write");
      checkVerificationChoice(caller, request.verification);
      const verified = request.verification.case === "isVerified";
      const { change, verificationId } = await phones.set(caller, {
        userId: request.userId,
        phone: request.phone,
        region: "CH",
        verified,
        sendCode: !verified,
      });
      return create(SetPhoneResponseSchema, {
        details: v2ChangeDetails(change),
        verificationCode: await codeFor(caller, request.verification, verificationId),
      });
    }),

    phoneRpc(ctx, m.verifyPhone, { api: "v2", op: "verify" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:verify");
      const change = await phones.verify(caller, request.userId, request.verificationCode);
      return create(VerifyPhoneResponseSchema, { details: v2ChangeDetails(change) });
    }),

    phoneRpc(ctx, m.resendPhoneCode, { api: "v2", op: "resend" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:verify");
      checkVerificationChoice(caller, request.verification);
      const { change, verificationId } = await phones.resend(caller, request.userId);
      return create(ResendPhoneCodeResponseSchema, {
        details: v2ChangeDetails(change),
        verificationCode: await codeFor(caller, request.verification, verificationId),
      });
    }),

    phoneRpc(ctx, m.removePhone, { api: "v2", op: "remove" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:write");
      const change = await phones.remove(caller, request.userId);
      return create(RemovePhoneResponseSchema, { details: v2ChangeDetails(change) });
    }),
  ];
}
