import type { DescMessage, DescMethodUnary, Message, MessageShape } from "@bufbuild/protobuf";
import { ConnectError } from "@connectrpc/connect";
import { toHandsetError } from "../../http/request-errors.js";
import type { SurfaceDeps } from "../deps.js";
import { withCause } from "./error-edge.js";
import { toZitadelError, type ZitadelApi, type ZitadelOperation } from "./errors.js";
import { validateRequest } from "./validate.js";

/** What the ZITADEL surface is given, whichever transport it answers on. */
export type ZitadelContext = SurfaceDeps;

/**
 * One implemented RPC, independent of the transport: Connect, gRPC-Web and gRPC reach it through the
 * Connect router, REST through the gateway. Both hand over the request headers, where the bearer is.
 */
export interface PhoneRpc {
  method: DescMethodUnary;
  /** `peerIp`: the caller's address as the transport saw it (see `withClientIp`). */
  handle(request: Message, header: Headers, peerIp?: string): Promise<Message>;
}

/**
 * Wraps a handler: the request is validated against its descriptor's rules first, and whatever the
 * handler throws leaves as a ZITADEL-shaped ConnectError (a bug as Internal) carrying what was thrown,
 * which the transport's error edge logs.
 */
export function phoneRpc<I extends DescMessage, O extends DescMessage>(
  // Every handler is written against the surface's context; the wrapper itself needs none of it.
  _ctx: ZitadelContext,
  method: DescMethodUnary<I, O>,
  where: { api: ZitadelApi; op: ZitadelOperation },
  handle: (request: MessageShape<I>, header: Headers, peerIp?: string) => Promise<MessageShape<O>>,
): PhoneRpc {
  return {
    method,
    async handle(request, header, peerIp) {
      try {
        validateRequest(method.input, request);
        // The descriptor guarantees the shape: the router and the gateway decode with `method.input`.
        return await handle(request as MessageShape<I>, header, peerIp);
      } catch (error) {
        if (error instanceof ConnectError) throw error;
        throw withCause(toZitadelError(toHandsetError(error), where.api, where.op), error);
      }
    },
  };
}
