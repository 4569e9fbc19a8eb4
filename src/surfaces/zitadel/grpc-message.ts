import type { ConnectRouter } from "@connectrpc/connect";
import { encodeEnvelope, readAllBytes, type UniversalHandler } from "@connectrpc/connect/protocol";
import { trailerFlag, trailerParse, trailerSerialize } from "@connectrpc/connect/protocol-grpc-web";

/**
 * The status message as gRPC's wire spec writes `grpc-message`: UTF-8, with every byte outside
 * printable ASCII (0x20-0x7E) and `%` itself percent-encoded, and nothing else. Connect encodes it
 * with `encodeURIComponent`, which also encodes `:`, `,`, spaces and more: grpc-go decodes that, but
 * grpc-js shows it as it came (`UserId%3A value ...`). Written here as the spec says, every client
 * reads the same text.
 */
export function grpcPercentEncode(message: string): string {
  let out = "";
  for (const byte of Buffer.from(message, "utf8")) {
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function reencoded(trailer: Headers): void {
  const sent = trailer.get("grpc-message");
  if (sent === null) return;
  let message: string;
  try {
    message = decodeURIComponent(sent);
  } catch {
    return;
  }
  trailer.set("grpc-message", grpcPercentEncode(message));
}

/**
 * Rewrites `grpc-message` the spec's way on gRPC (HTTP/2 trailers, set once the body has been
 * written) and on gRPC-Web (the trailer frame at the end of the body). Connect answers untouched.
 */
export function answeringGrpcMessages(handler: UniversalHandler): UniversalHandler {
  return Object.assign(async (request: Parameters<UniversalHandler>[0]) => {
    const response = await handler(request);
    const { trailer, body } = response;
    if (trailer) {
      reencoded(trailer);
      if (!body) return response;
      return {
        ...response,
        body: (async function* () {
          yield* body;
          reencoded(trailer);
        })(),
      };
    }
    const contentType = response.header?.get("content-type") ?? "";
    if (!contentType.startsWith("application/grpc-web") || !body) return response;
    return { ...response, body: grpcWebReencoded(body) };
  }, handler);
}

/** A unary gRPC-Web answer: its frames, the last (flag 0x80, uncompressed) holding the trailers. */
async function* grpcWebReencoded(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const bytes = await readAllBytes(body, Number.MAX_SAFE_INTEGER);
  let offset = 0;
  while (offset + 5 <= bytes.byteLength) {
    const flags = bytes[offset] ?? 0;
    const length = new DataView(bytes.buffer, bytes.byteOffset + offset + 1, 4).getUint32(0);
    if (flags === trailerFlag && offset + 5 + length === bytes.byteLength) {
      const trailer = trailerParse(bytes.subarray(offset + 5));
      reencoded(trailer);
      yield bytes.subarray(0, offset);
      yield encodeEnvelope(trailerFlag, trailerSerialize(trailer));
      return;
    }
    offset += 5 + length;
  }
  yield bytes;
}

/** Wraps every handler the router holds, in place. */
export function answerGrpcMessages(router: ConnectRouter): void {
  router.handlers.splice(0, router.handlers.length, ...router.handlers.map(answeringGrpcMessages));
}
