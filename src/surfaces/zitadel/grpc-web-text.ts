import { Code, ConnectError, type ConnectRouter } from "@connectrpc/connect";
import {
  encodeEnvelope,
  readAllBytes,
  type UniversalHandler,
  type UniversalServerRequest,
  type UniversalServerResponse,
} from "@connectrpc/connect/protocol";
import { setTrailerStatus } from "@connectrpc/connect/protocol-grpc";
import { trailerFlag, trailerSerialize } from "@connectrpc/connect/protocol-grpc-web";
import { plainError } from "./errors.js";

/**
 * gRPC-Web's text mode (`application/grpc-web-text`, the default of Google's browser client): the
 * same frames as binary gRPC-Web, base64-encoded both ways. Connect serves only the binary mode, so
 * this wrapper decodes a text request into a binary one, lets the method's handler answer it, and
 * encodes the answer back. A body that is not base64 answers InvalidArgument in a text trailer frame.
 */
export function answeringGrpcWebText(handler: UniversalHandler, readMaxBytes: number): UniversalHandler {
  // Base64 takes 4 characters for 3 bytes: the decoded body is held to the limit again by Connect.
  const readMaxChars = Math.ceil(readMaxBytes / 3) * 4 + 64;
  return Object.assign(async (request: UniversalServerRequest): Promise<UniversalServerResponse> => {
    const contentType = request.header.get("content-type") ?? "";
    const text = /^application\/grpc-web-text(\+proto)?\s*(;.*)?$/i.exec(contentType);
    if (!text) return handler(request);
    const header = new Headers(request.header);
    header.set("content-type", "application/grpc-web+proto");
    let raw: Uint8Array;
    try {
      raw = await readAllBytes(request.body as AsyncIterable<Uint8Array>, readMaxChars);
    } catch (error) {
      return textFailure(ConnectError.from(error));
    }
    const binary = fromBase64Chunks(new TextDecoder().decode(raw));
    if (binary === undefined) {
      return textFailure(plainError(Code.InvalidArgument, "the request body is not base64 (grpc-web-text)"));
    }
    const response = await handler({ ...request, header, body: once(binary) });
    const answer = new Headers(response.header);
    const answered = answer.get("content-type") ?? "";
    if (!answered.startsWith("application/grpc-web")) return response;
    answer.set("content-type", "application/grpc-web-text+proto");
    answer.delete("content-length");
    const bytes = response.body
      ? await readAllBytes(response.body, Number.MAX_SAFE_INTEGER)
      : new Uint8Array();
    return { ...response, header: answer, body: once(new TextEncoder().encode(toBase64(bytes))) };
  }, handler);
}

/** Wraps every handler the router holds, in place, as `answerUndecodable` does. */
export function answerGrpcWebText(router: ConnectRouter, readMaxBytes: number): void {
  router.handlers.splice(
    0,
    router.handlers.length,
    ...router.handlers.map((handler) => answeringGrpcWebText(handler, readMaxBytes)),
  );
}

/**
 * Base64, possibly several padded pieces one after the other (a client may encode each chunk it
 * sends on its own), whitespace ignored. Undefined when it is not base64.
 */
function fromBase64Chunks(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, "");
  const pieces = compact.match(/[A-Za-z0-9+/]*={0,2}/g)?.filter((p) => p !== "") ?? [];
  if (pieces.join("") !== compact) return undefined;
  const out: Buffer[] = [];
  for (const piece of pieces) {
    if (piece.length % 4 !== 0) return undefined;
    out.push(Buffer.from(piece, "base64"));
  }
  return new Uint8Array(Buffer.concat(out));
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

function textFailure(error: ConnectError): UniversalServerResponse {
  const trailer = new Headers();
  setTrailerStatus(trailer, error);
  const frame = encodeEnvelope(trailerFlag, trailerSerialize(trailer));
  return {
    status: 200,
    header: new Headers({ "content-type": "application/grpc-web-text+proto" }),
    body: once(new TextEncoder().encode(toBase64(frame))),
  };
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
