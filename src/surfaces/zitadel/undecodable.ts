import {
  Code,
  type ConnectError,
  type ConnectRouter,
  type ContextValues,
  createContextKey,
  createContextValues,
} from "@connectrpc/connect";
import {
  encodeEnvelope,
  readAllBytes,
  type UniversalHandler,
  type UniversalServerResponse,
} from "@connectrpc/connect/protocol";
import { codeToHttpStatus, errorFromJsonBytes, errorToJsonBytes } from "@connectrpc/connect/protocol-connect";
import { findTrailerError, setTrailerStatus } from "@connectrpc/connect/protocol-grpc";
import { trailerFlag, trailerParse, trailerSerialize } from "@connectrpc/connect/protocol-grpc-web";
import { plainError } from "./errors.js";

/** Set by the RPC's implementation when it starts: from then on, every failure is the RPC's own. */
export interface RpcReached {
  reached: boolean;
}

export const rpcReachedKey = createContextKey<RpcReached | undefined>(undefined, {
  description: "the RPC's implementation ran",
});

/** Marks the call as having reached its implementation (a no-op outside `answeringUndecodable`). */
export function markReached(values: ContextValues): void {
  const marker = values.get(rpcReachedKey);
  if (marker) marker.reached = true;
}

/**
 * Connect answers a request body it cannot decode (bytes that are not the method's protobuf, a
 * compressed frame with no compression named, a gzip stream cut short, no message or two for a unary
 * call) with Internal, or Unimplemented for the frame count; all of them are the caller's fault. Such
 * a failure happens before the RPC runs, so it never passes the RPC's error edge: this wrapper, the
 * one place for every method and transport, rewrites it as InvalidArgument in the transport's own
 * shape (the Connect JSON body and its HTTP status, the gRPC-Web trailer frame, the gRPC trailers).
 * What fails once the RPC has run is left as it is: an Internal there is a bug.
 */
export function answeringUndecodable(handler: UniversalHandler): UniversalHandler {
  return Object.assign(async (request: Parameters<UniversalHandler>[0]) => {
    const marker: RpcReached = { reached: false };
    const values = request.contextValues ?? createContextValues();
    values.set(rpcReachedKey, marker);
    const response = await handler({ ...request, contextValues: values });
    // For a unary call the answer starts only once the RPC ran or the call failed, so by now the
    // failure of a call that never reached its RPC is in the response.
    if (marker.reached) return response;
    return rewritten(response);
  }, handler);
}

/** Wraps every handler the router holds, in place, so that every transport serving it answers alike. */
export function answerUndecodable(router: ConnectRouter): void {
  router.handlers.splice(0, router.handlers.length, ...router.handlers.map(answeringUndecodable));
}

/** The decoding failures: an Internal or Unknown, or Connect's "protocol error" on the frame count. */
function isDecodingFailure(error: ConnectError): boolean {
  if (error.code === Code.Internal || error.code === Code.Unknown) return true;
  return error.code === Code.Unimplemented && error.rawMessage.startsWith("protocol error:");
}

function invalidArgument(error: ConnectError): ConnectError {
  return plainError(Code.InvalidArgument, `the request cannot be decoded: ${error.rawMessage}`);
}

async function rewritten(response: UniversalServerResponse): Promise<UniversalServerResponse> {
  // gRPC: the status travels in the HTTP/2 trailers, which are still to be written.
  if (response.trailer) {
    const error = findTrailerError(response.trailer);
    if (error && isDecodingFailure(error)) setTrailerStatus(response.trailer, invalidArgument(error));
    return response;
  }
  const contentType = response.header?.get("content-type") ?? "";
  if (contentType.startsWith("application/grpc-web")) return rewrittenGrpcWeb(response);
  if (response.status >= 500 && !response.header?.has("content-encoding")) return rewrittenConnect(response);
  return response;
}

/** gRPC-Web: the answer is a single frame, the trailers (flag 0x80) holding the status. */
async function rewrittenGrpcWeb(response: UniversalServerResponse): Promise<UniversalServerResponse> {
  const body = await bodyBytes(response);
  // A trailer frame is compressed only from 1 KiB on; a decoding failure's is far shorter.
  if (body.byteLength < 5 || body[0] !== trailerFlag) return { ...response, body: once(body) };
  const trailer = trailerParse(body.subarray(5));
  const error = findTrailerError(trailer);
  if (!error || !isDecodingFailure(error)) return { ...response, body: once(body) };
  setTrailerStatus(trailer, invalidArgument(error));
  return { ...response, body: once(encodeEnvelope(trailerFlag, trailerSerialize(trailer))) };
}

/** Connect (unary): the error is the JSON body, its code also given as the HTTP status. */
async function rewrittenConnect(response: UniversalServerResponse): Promise<UniversalServerResponse> {
  const body = await bodyBytes(response);
  let error: ConnectError;
  try {
    error = errorFromJsonBytes(body, undefined, plainError(Code.Internal, "internal error"));
  } catch {
    return { ...response, body: once(body) };
  }
  if (!isDecodingFailure(error)) return { ...response, body: once(body) };
  const answer = invalidArgument(error);
  const bytes = errorToJsonBytes(answer, {});
  const header = new Headers(response.header);
  header.set("content-length", String(bytes.byteLength));
  return { ...response, status: codeToHttpStatus(answer.code), header, body: once(bytes) };
}

async function bodyBytes(response: UniversalServerResponse): Promise<Uint8Array> {
  return response.body ? readAllBytes(response.body, Number.MAX_SAFE_INTEGER) : new Uint8Array(0);
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
