import { create } from "@bufbuild/protobuf";
import {
  GetUserByIDResponseSchema,
  RemovePhoneResponseSchema,
  ResendPhoneCodeResponseSchema,
  SetPhoneResponseSchema,
  UserService,
  VerifyPhoneResponseSchema,
} from "@zitadel/proto/zitadel/user/v2/user_service_pb.js";
import type { Scope } from "../../domain/scopes.js";
import type { Caller } from "../../services/caller.js";
import type { PrimaryChange, PrimaryPhoneService } from "../../services/primary-phone.js";
import { assertMayActOn, resolveCaller } from "./auth.js";
import { v2ChangeDetails } from "./details.js";
import { noPermission } from "./errors.js";
import { type PhoneRpc, phoneRpc, type ZitadelContext } from "./rpc.js";
import { v2User } from "./user-read.js";

/** How a Set or Resend delivers its code: none (set verified), SMS, SMS shown too (dev inbox), returned. */
type CodeDelivery = "none" | "sms" | "sms-and-shown" | "returned";

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

  /**
   * How a code leaves, checked before anything changes. A code is sent unless the number is set
   * verified, and sending needs its own scope. `return_code` answers the code instead of texting it
   * to a caller holding `codes:return` (granted only by naming it); without that scope, only a
   * development server whose SMS go to its inbox shows it (and still texts it to the inbox), and
   * anywhere else it is refused as ZITADEL refuses a caller without the permission.
   */
  function codeDelivery(caller: Caller, verification: Verification): CodeDelivery {
    if (verification.case === "isVerified") return "none";
    if (!caller.scopes.has("phone:verify")) throw noPermission();
    if (verification.case !== "returnCode") return "sms";
    if (caller.scopes.has("codes:return")) return "returned";
    if (ctx.handset.codes.enabled) return "sms-and-shown";
    throw noPermission();
  }

  async function codeFor(
    caller: Caller,
    delivery: CodeDelivery,
    sent: PrimaryChange,
  ): Promise<string | undefined> {
    if (delivery === "returned") return sent.returnedCode ?? undefined;
    if (delivery !== "sms-and-shown" || sent.verificationId === null) return undefined;
    return ctx.handset.codes.reveal(caller, sent.verificationId);
  }

  return [
    // v2 reads a phone only as part of the user. ZITADEL answers the user's own details both at the
    // top and in `user.details`.
    phoneRpc(ctx, m.getUserByID, { api: "v2", op: "read" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:read");
      const user = v2User(await phones.current(caller, request.userId));
      return create(GetUserByIDResponseSchema, { details: user.details, user });
    }),

    phoneRpc(ctx, m.setPhone, { api: "v2", op: "set" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:write");
      const delivery = codeDelivery(caller, request.verification);
      const sent = await phones.set(caller, {
        userId: request.userId,
        phone: request.phone,
        region: "CH",
        verified: delivery === "none",
        sendCode: delivery !== "none",
        returnCode: delivery === "returned",
      });
      return create(SetPhoneResponseSchema, {
        details: v2ChangeDetails(sent.change),
        verificationCode: await codeFor(caller, delivery, sent),
      });
    }),

    phoneRpc(ctx, m.verifyPhone, { api: "v2", op: "verify" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:verify");
      const change = await phones.verify(caller, request.userId, request.verificationCode);
      return create(VerifyPhoneResponseSchema, { details: v2ChangeDetails(change) });
    }),

    phoneRpc(ctx, m.resendPhoneCode, { api: "v2", op: "resend" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:verify");
      const delivery = codeDelivery(caller, request.verification);
      const sent = await phones.resend(caller, request.userId, { returnCode: delivery === "returned" });
      return create(ResendPhoneCodeResponseSchema, {
        details: v2ChangeDetails(sent.change),
        verificationCode: await codeFor(caller, delivery, sent),
      });
    }),

    phoneRpc(ctx, m.removePhone, { api: "v2", op: "remove" }, async (request, header, peerIp) => {
      const caller = await callerFor(header, peerIp, request.userId, "phone:write");
      const change = await phones.remove(caller, request.userId);
      return create(RemovePhoneResponseSchema, { details: v2ChangeDetails(change) });
    }),
  ];
}
