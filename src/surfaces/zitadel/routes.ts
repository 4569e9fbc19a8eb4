import type { DescMethodUnary, DescService } from "@bufbuild/protobuf";
import { Code, ConnectError, type ConnectRouter } from "@connectrpc/connect";
import { AuthService } from "@zitadel/proto/zitadel/auth_pb.js";
import { UserService } from "@zitadel/proto/zitadel/user/v2/user_service_pb.js";
import type { Clock } from "../../domain/clock.js";
import { readBearer } from "../../http/bearer.js";
import { toHandsetError } from "../../http/request-errors.js";
import { authServiceRpcs } from "./auth-rpcs.js";
import { rpcErrorEdge, rpcRequestKey, withCause } from "./error-edge.js";
import { authHeaderMissing, toZitadelError } from "./errors.js";
import { answerGrpcMessages } from "./grpc-message.js";
import type { PhoneRpc, ZitadelContext } from "./rpc.js";
import { answerUndecodable, markReached } from "./undecodable.js";
import { userServiceRpcs } from "./user-rpcs.js";

/** The ZITADEL services Handset answers; of each, only the phone RPCs are implemented. */
export const ZITADEL_SERVICES: readonly DescService[] = [AuthService, UserService];

/** Every method of the ZITADEL services: the phone RPCs, and a refusal for each of the others. */
export function createZitadelRpcs(ctx: ZitadelContext): Map<DescMethodUnary, PhoneRpc> {
  const phones = ctx.handset.primaryPhone;
  const rpcs = [...authServiceRpcs(ctx, phones), ...userServiceRpcs(ctx, phones)];
  const table = new Map(rpcs.map((rpc) => [rpc.method, rpc]));
  for (const method of zitadelMethods()) {
    if (!table.has(method)) table.set(method, unimplementedRpc(ctx, method));
  }
  return table;
}

export function unimplemented(method: DescMethodUnary): ConnectError {
  return new ConnectError(`${method.parent.typeName}.${method.name} is not implemented`, Code.Unimplemented);
}

/**
 * A method Handset does not implement says so only to a caller with a valid credential, as ZITADEL
 * authenticates every call before anything else: without one, it is refused like any other route.
 */
function unimplementedRpc(ctx: ZitadelContext, method: DescMethodUnary): PhoneRpc {
  return {
    method,
    async handle(_request, header) {
      const authorization = header.get("authorization");
      if (authorization === null || authorization.trim() === "") throw authHeaderMissing();
      try {
        await ctx.handset.credentials.authenticate(readBearer(authorization));
      } catch (error) {
        throw withCause(toZitadelError(toHandsetError(error), "v1", "get"), error);
      }
      throw unimplemented(method);
    },
  };
}

/** Every unary method of the ZITADEL services, so that the others answer Unimplemented on every transport. */
export function zitadelMethods(): DescMethodUnary[] {
  return ZITADEL_SERVICES.flatMap((service) =>
    service.methods.filter((method): method is DescMethodUnary => method.methodKind === "unary"),
  );
}

/**
 * Connect router routes (Connect, gRPC-Web and gRPC) over the RPC table. Every failure passes the
 * error edge here, once, with the request the transport put in the context. Connect writes its answer
 * itself (the Fastify reply is hijacked, no `onSend` runs), so every answer, success or failure,
 * waits here until the request's credential is proven (`settleAccess`), and a refused request is
 * answered with its refusal instead. A body that cannot be decoded never reaches the RPC: it is
 * answered InvalidArgument by `answerUndecodable`.
 */
export function connectRoutes(
  rpcs: ReadonlyMap<DescMethodUnary, PhoneRpc>,
  clock: Clock,
  settleAccess: () => Promise<void>,
) {
  return (router: ConnectRouter): void => {
    for (const method of zitadelMethods()) {
      const rpc = rpcs.get(method);
      router.rpc(method, async (request, context) => {
        markReached(context.values);
        const call = context.values.get(rpcRequestKey);
        if (call) context.responseHeader.set("x-request-id", call.id);
        let failure: unknown;
        try {
          if (!rpc) throw unimplemented(method);
          const answer = await rpc.handle(request, context.requestHeader, call?.ip);
          await settleAccess();
          return answer;
        } catch (error) {
          failure = error;
        }
        try {
          await settleAccess();
        } catch (refusal) {
          failure = withCause(toZitadelError(toHandsetError(refusal), "v1", "get"), refusal);
        }
        if (!call) throw failure;
        throw rpcErrorEdge(call, failure, clock.now());
      });
    }
    answerUndecodable(router);
    answerGrpcMessages(router);
  };
}
