import {
  create,
  createRegistry,
  type DescMessage,
  type JsonObject,
  type JsonValue,
  toJson,
} from "@bufbuild/protobuf";
import { AnySchema, anyPack } from "@bufbuild/protobuf/wkt";
import { Code, type ConnectError } from "@connectrpc/connect";
import { ErrorDetailSchema } from "@zitadel/proto/zitadel/message_pb.js";
import type { FastifyReply } from "fastify";

/** grpc-gateway's `HTTPStatusFromCode`: note FailedPrecondition is 400, not 412. */
export function httpStatusOf(code: Code): number {
  switch (code) {
    case Code.Canceled:
      return 499;
    case Code.InvalidArgument:
    case Code.FailedPrecondition:
    case Code.OutOfRange:
      return 400;
    case Code.DeadlineExceeded:
      return 504;
    case Code.NotFound:
      return 404;
    case Code.AlreadyExists:
    case Code.Aborted:
      return 409;
    case Code.PermissionDenied:
      return 403;
    case Code.Unauthenticated:
      return 401;
    case Code.ResourceExhausted:
      return 429;
    case Code.Unimplemented:
      return 501;
    case Code.Unavailable:
      return 503;
    default:
      return 500;
  }
}

const detailRegistry = createRegistry(ErrorDetailSchema);

/** Each outgoing detail as the gateway writes a `google.protobuf.Any`: `{"@type": ..., ...fields}`. */
function detailsJson(error: ConnectError): JsonValue[] {
  const json: JsonValue[] = [];
  for (const detail of error.details) {
    if (!("desc" in detail)) continue;
    const desc: DescMessage = detail.desc;
    const any = anyPack(desc, create(desc, detail.value));
    json.push(toJson(AnySchema, any, { registry: detailRegistry }));
  }
  return json;
}

/** The gateway's error body, `google.rpc.Status` as JSON; an empty detail list is left out. */
export function gatewayErrorBody(error: ConnectError): JsonObject {
  const details = detailsJson(error);
  return {
    code: error.code,
    message: error.rawMessage,
    ...(details.length > 0 ? { details } : {}),
  };
}

/** Sends a failure as the REST gateway does; Handset's metadata (Retry-After, tries left) as headers. */
export function sendGatewayError(reply: FastifyReply, error: ConnectError): FastifyReply {
  error.metadata.forEach((value, key) => {
    reply.header(key, value);
  });
  return reply.code(httpStatusOf(error.code)).type("application/json").send(gatewayErrorBody(error));
}
