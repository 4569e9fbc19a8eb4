import { Code, ConnectError, createContextKey } from "@connectrpc/connect";
import type { FastifyReply, FastifyRequest } from "fastify";
import { isHandsetError } from "../../domain/errors.js";
import { type EdgeAnswer, type EdgeRequest, errorEdge, sendErrorReply } from "../../http/error-edge.js";
import { gatewayErrorBody } from "./rest-errors.js";

/**
 * The request an RPC serves, put in the Connect context by each transport (the Fastify route for
 * Connect and gRPC-Web, the HTTP/2 server for gRPC), so that an RPC's error is logged with its id.
 */
export const rpcRequestKey = createContextKey<EdgeRequest | undefined>(undefined, {
  description: "handset request",
});

/**
 * grpc-gateway's `HTTPStatusFromCode`, which is also the Connect protocol's mapping: note
 * FailedPrecondition is 400, not 412.
 */
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

/** A ZITADEL-shaped error that remembers what was thrown, for the log and for its retry time. */
export function withCause(error: ConnectError, cause: unknown): ConnectError {
  const carrying = new ConnectError(error.rawMessage, error.code, error.metadata, undefined, cause);
  carrying.details.push(...error.details);
  return carrying;
}

function edgeAnswerOf(error: ConnectError): EdgeAnswer {
  const cause = error.cause ?? error;
  return {
    status: httpStatusOf(error.code),
    cause,
    retryAt: isHandsetError(cause) ? cause.details.retryAt : undefined,
  };
}

/**
 * The edge for Connect, gRPC-Web and gRPC: its headers travel as the error's metadata (trailers for
 * gRPC), except the request id, which every call already carries as a response header.
 */
export function rpcErrorEdge(request: EdgeRequest, error: unknown, now: number): ConnectError {
  const failure = ConnectError.from(error);
  const answer = edgeAnswerOf(failure);
  for (const [name, value] of Object.entries(errorEdge(request, answer, now))) {
    if (name !== "x-request-id") failure.metadata.set(name, value);
  }
  // gRPC's server pushback (gRFC A6), which grpc-go and grpc-js honour when their retry policy retries
  // the status: wait this long before the next try. `retry-after` says the same for everyone else.
  if (answer.retryAt !== undefined) {
    failure.metadata.set("grpc-retry-pushback-ms", String(Math.max(0, answer.retryAt - now)));
  }
  return failure;
}

/** The edge for the REST gateway: Handset's metadata (tries left, retry time) as headers, then the body. */
export function sendGatewayError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  now: number,
): FastifyReply {
  const failure = ConnectError.from(error);
  failure.metadata.forEach((value, key) => {
    reply.header(key, value);
  });
  return sendErrorReply(request, reply, { ...edgeAnswerOf(failure), body: gatewayErrorBody(failure) }, now);
}
