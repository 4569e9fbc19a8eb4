import { create } from "@bufbuild/protobuf";
import {
  AuthService,
  GetMyPhoneResponseSchema,
  RemoveMyPhoneResponseSchema,
  ResendMyPhoneVerificationResponseSchema,
  SetMyPhoneResponseSchema,
  VerifyMyPhoneResponseSchema,
} from "@zitadel/proto/zitadel/auth_pb.js";
import type { PrimaryPhoneService } from "../../services/primary-phone.js";
import { resolveCaller, selfOf } from "./auth.js";
import { v1ChangeDetails, v1UserDetails } from "./details.js";
import { noPermission } from "./errors.js";
import { type PhoneRpc, phoneRpc, type ZitadelContext } from "./rpc.js";

/** `zitadel.auth.v1.AuthService`: the token holder's own phone (`/auth/v1/users/me/phone`). */
export function authServiceRpcs(ctx: ZitadelContext, phones: PrimaryPhoneService): PhoneRpc[] {
  const m = AuthService.method;
  const me = (header: Headers, peerIp: string | undefined, scope: Parameters<typeof resolveCaller>[4]) =>
    resolveCaller(ctx.authenticator, header, peerIp, "self", scope);

  return [
    phoneRpc(ctx, m.getMyPhone, { api: "v1", op: "get" }, async (_request, header, peerIp) => {
      const caller = await me(header, peerIp, "phone:read");
      const { user, primary } = await phones.current(caller, selfOf(caller));
      return create(GetMyPhoneResponseSchema, {
        details: v1UserDetails(user),
        phone: { phone: primary?.e164 ?? "", isPhoneVerified: primary?.verified ?? false },
      });
    }),

    phoneRpc(ctx, m.setMyPhone, { api: "v1", op: "set" }, async (request, header, peerIp) => {
      const caller = await me(header, peerIp, "phone:write");
      // Setting the phone sends a code, so the token needs the scope that sending takes too.
      if (!caller.scopes.has("phone:verify")) throw noPermission();
      const { change } = await phones.set(caller, {
        userId: selfOf(caller),
        phone: request.phone,
        verified: false,
        sendCode: true,
      });
      return create(SetMyPhoneResponseSchema, { details: v1ChangeDetails(change) });
    }),

    phoneRpc(ctx, m.verifyMyPhone, { api: "v1", op: "verify" }, async (request, header, peerIp) => {
      const caller = await me(header, peerIp, "phone:verify");
      const change = await phones.verify(caller, selfOf(caller), request.code);
      return create(VerifyMyPhoneResponseSchema, { details: v1ChangeDetails(change) });
    }),

    phoneRpc(
      ctx,
      m.resendMyPhoneVerification,
      { api: "v1", op: "resend" },
      async (_request, header, peerIp) => {
        const caller = await me(header, peerIp, "phone:verify");
        const { change } = await phones.resend(caller, selfOf(caller));
        return create(ResendMyPhoneVerificationResponseSchema, { details: v1ChangeDetails(change) });
      },
    ),

    phoneRpc(ctx, m.removeMyPhone, { api: "v1", op: "remove" }, async (_request, header, peerIp) => {
      const caller = await me(header, peerIp, "phone:write");
      const change = await phones.remove(caller, selfOf(caller));
      return create(RemoveMyPhoneResponseSchema, { details: v1ChangeDetails(change) });
    }),
  ];
}
