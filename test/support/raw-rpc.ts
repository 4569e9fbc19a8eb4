import http2 from "node:http2";

/** What a raw RPC call answered: the HTTP status, headers, the body bytes and (gRPC) the trailers. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  trailers: Record<string, string>;
}

/** One gRPC / gRPC-Web frame: a flags byte, a 4-byte big-endian length, the data. */
export function frame(data: Uint8Array, flags = 0, length = data.byteLength): Uint8Array {
  const out = new Uint8Array(5 + data.byteLength);
  const view = new DataView(out.buffer);
  view.setUint8(0, flags);
  view.setUint32(1, length >>> 0);
  out.set(data, 5);
  return out;
}

function flat(headers: Headers | http2.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers instanceof Headers) {
    headers.forEach((value, key) => {
      out[key] = value;
    });
    return out;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

/** A POST over HTTP/1.1 (Connect, gRPC-Web) with any body and headers. */
export async function postRaw(
  url: string,
  body: Uint8Array,
  headers: Record<string, string>,
): Promise<RawAnswer> {
  // A copy on an ArrayBuffer: with preact's DOM types in the program (the console's TSX), fetch's body
  // takes no view of an ArrayBufferLike.
  const response = await fetch(url, { method: "POST", headers, body: new Uint8Array(body) });
  return {
    status: response.status,
    headers: flat(response.headers),
    body: new Uint8Array(await response.arrayBuffer()),
    trailers: {},
  };
}

/** The trailers of a gRPC-Web answer: the body's frame flagged 0x80, parsed as `name: value` lines. */
export function grpcWebTrailers(body: Uint8Array): Record<string, string> {
  let offset = 0;
  while (offset + 5 <= body.byteLength) {
    const flags = body[offset] ?? 0;
    const length = new DataView(body.buffer, body.byteOffset + offset + 1, 4).getUint32(0);
    const data = body.subarray(offset + 5, offset + 5 + length);
    offset += 5 + length;
    if ((flags & 0x80) === 0) continue;
    const out: Record<string, string> = {};
    for (const line of new TextDecoder().decode(data).split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    return out;
  }
  return {};
}

/**
 * A gRPC call over HTTP/2 cleartext with raw bytes as the request body (the frames are the caller's,
 * so they can be malformed), on a session of its own so that calls stay independent.
 */
export async function grpcRaw(
  origin: string,
  path: string,
  body: Uint8Array,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const session = http2.connect(origin);
  try {
    return await grpcCall(session, path, body, headers);
  } finally {
    session.close();
  }
}

/** A gRPC call with raw bytes as the request body, on an open session. */
export function grpcCall(
  session: http2.ClientHttp2Session,
  path: string,
  body: Uint8Array,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({
      ":method": "POST",
      ":path": path,
      "content-type": "application/grpc+proto",
      te: "trailers",
      ...headers,
    });
    let status = 0;
    let responseHeaders: Record<string, string> = {};
    let trailers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    stream.on("response", (h) => {
      status = Number(h[":status"]);
      responseHeaders = flat(h);
      // A trailers-only answer carries the status in its headers.
      if (h["grpc-status"] !== undefined) trailers = flat(h);
    });
    stream.on("trailers", (h) => {
      trailers = flat(h);
    });
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", reject);
    stream.on("end", () =>
      resolve({ status, headers: responseHeaders, body: new Uint8Array(Buffer.concat(chunks)), trailers }),
    );
    stream.end(body);
  });
}
