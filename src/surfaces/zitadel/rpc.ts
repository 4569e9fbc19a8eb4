import type { DescMessage, DescMethodUnary, Message, MessageShape } from "@bufbuild/protobuf";
import { ConnectError } from "@connectrpc/connect";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../../config.js";
import type { Clock } from "../../domain/clock.js";
import type { Authenticator } from "../../http/authenticator.js";
import { toHandsetError } from "../../http/request-errors.js";
import type { Handset } from "../../services/handset.js";
import { toZitadelError, type ZitadelApi, type ZitadelOperation } from "./errors.js";
import { validateRequest } from "./validate.js";

/** What the ZITADEL surface is given, whichever transport it answers on. */
export interface ZitadelContext {
  handset: Handset;
  authenticator: Authenticator;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
}

/**
 * One implemented RPC, independent of the transport: Connect, gRPC-Web and gRPC reach it through the
 * Connect router, REST through the gateway. Both hand over the request headers, where the bearer is.
 */
export interface PhoneRpc {
  method: DescMethodUnary;
  handle(request: Message, header: Headers): Promise<Message>;
}

/**
 * Wraps a handler: the request is validated against its descriptor's rules first, and whatever the
 * handler throws leaves as a ZITADEL-shaped ConnectError (a bug as Internal, logged).
 */
export function phoneRpc<I extends DescMessage, O extends DescMessage>(
  ctx: ZitadelContext,
  method: DescMethodUnary<I, O>,
  where: { api: ZitadelApi; op: ZitadelOperation },
  handle: (request: MessageShape<I>, header: Headers) => Promise<MessageShape<O>>,
): PhoneRpc {
  return {
    method,
    async handle(request, header) {
      try {
        validateRequest(method.input, request);
        // The descriptor guarantees the shape: the router and the gateway decode with `method.input`.
        return await handle(request as MessageShape<I>, header);
      } catch (error) {
        if (error instanceof ConnectError) throw error;
        const handsetError = toHandsetError(error);
        if (handsetError.code === "INTERNAL") {
          ctx.log.error({ err: error, rpc: method.name }, "zitadel rpc failed");
        }
        throw toZitadelError(handsetError, where.api, where.op, ctx.clock.now());
      }
    },
  };
}
