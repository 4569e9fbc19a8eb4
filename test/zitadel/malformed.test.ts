import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frame, grpcRaw, grpcWebTrailers, postRaw } from "../support/raw-rpc.js";
import { startZitadelServer, type ZitadelServer } from "./support.js";

/**
 * Bodies no client library would send, on each RPC transport: each is the caller's fault, so each
 * must answer InvalidArgument (Connect: HTTP 400 `invalid_argument`; gRPC-Web and gRPC: status 3),
 * never Internal.
 */
const PATHS = ["/zitadel.auth.v1.AuthService/SetMyPhone", "/zitadel.user.v2.UserService/SetPhone"];

/** Field 1 (a string) promising 5 bytes and giving 1. */
const TRUNCATED = Uint8Array.of(0x0a, 0x05, 0x31);
/** Wire type 7 does not exist. */
const BAD_WIRE_TYPE = Uint8Array.of(0x0f, 0x01);
/** A varint that never ends. */
const ENDLESS_VARINT = Uint8Array.of(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
/** Field 1 as a 32-bit fixed value although it is a string. */
const WRONG_WIRE_TYPE = Uint8Array.of(0x0d, 1, 2, 3, 4);
/** A gzip stream cut short. */
const CUT_GZIP = gzipSync(Buffer.from("0a0c2b3431373632363030303030", "hex")).subarray(0, 12);

const BAD_PROTOS: [string, Uint8Array][] = [
  ["a truncated field", TRUNCATED],
  ["a wire type that does not exist", BAD_WIRE_TYPE],
  ["an endless varint", ENDLESS_VARINT],
  ["a field of the wrong wire type", WRONG_WIRE_TYPE],
];

describe("malformed RPC bodies answer InvalidArgument", () => {
  let server: ZitadelServer;
  let token: string;
  beforeAll(async () => {
    server = await startZitadelServer();
    token = await server.t.tokenFor("malformed-1");
  });
  afterAll(async () => server.close());

  const auth = () => ({ authorization: `Bearer ${token}` });

  async function connectProto(path: string, body: Uint8Array, headers: Record<string, string> = {}) {
    const answer = await postRaw(`${server.mainUrl}${path}`, body, {
      "content-type": "application/proto",
      ...auth(),
      ...headers,
    });
    const json = JSON.parse(new TextDecoder().decode(answer.body)) as { code?: string };
    return { status: answer.status, code: json.code };
  }

  async function grpcWeb(path: string, body: Uint8Array, headers: Record<string, string> = {}) {
    const answer = await postRaw(`${server.mainUrl}${path}`, body, {
      "content-type": "application/grpc-web+proto",
      ...auth(),
      ...headers,
    });
    return { status: answer.status, grpcStatus: grpcWebTrailers(answer.body)["grpc-status"] };
  }

  async function grpc(path: string, body: Uint8Array, headers: Record<string, string> = {}) {
    const answer = await grpcRaw(server.grpcUrl, path, body, { ...auth(), ...headers });
    return { status: answer.status, grpcStatus: answer.trailers["grpc-status"] };
  }

  for (const path of PATHS) {
    for (const [what, bytes] of BAD_PROTOS) {
      it(`Connect proto, ${what}: ${path}`, async () => {
        expect(await connectProto(path, bytes)).toEqual({ status: 400, code: "invalid_argument" });
      });
      it(`gRPC-Web, ${what}: ${path}`, async () => {
        expect(await grpcWeb(path, frame(bytes))).toEqual({ status: 200, grpcStatus: "3" });
      });
      it(`gRPC, ${what}: ${path}`, async () => {
        expect(await grpc(path, frame(bytes))).toEqual({ status: 200, grpcStatus: "3" });
      });
    }
  }

  const path = PATHS[0] as string;

  it("Connect: a gzip body cut short", async () => {
    expect(await connectProto(path, CUT_GZIP, { "content-encoding": "gzip" })).toEqual({
      status: 400,
      code: "invalid_argument",
    });
  });

  it("Connect JSON: a gzip body cut short", async () => {
    const answer = await postRaw(`${server.mainUrl}${path}`, CUT_GZIP, {
      "content-type": "application/json",
      "content-encoding": "gzip",
      ...auth(),
    });
    const json = JSON.parse(new TextDecoder().decode(answer.body)) as { code?: string };
    expect({ status: answer.status, code: json.code }).toEqual({ status: 400, code: "invalid_argument" });
  });

  it("Connect JSON: not JSON, and JSON of the wrong shape", async () => {
    for (const text of ["{", "[]", '{"phone": 5}', '{"phone": {"phone": []}}', "null", '"x"']) {
      const answer = await postRaw(`${server.mainUrl}${path}`, new TextEncoder().encode(text), {
        "content-type": "application/json",
        ...auth(),
      });
      const json = JSON.parse(new TextDecoder().decode(answer.body)) as { code?: string };
      expect({ text, status: answer.status, code: json.code }).toEqual({
        text,
        status: 400,
        code: "invalid_argument",
      });
    }
  });

  for (const [name, call] of [
    ["gRPC-Web", (body: Uint8Array, headers?: Record<string, string>) => grpcWeb(path, body, headers)],
    ["gRPC", (body: Uint8Array, headers?: Record<string, string>) => grpc(path, body, headers)],
  ] as const) {
    it(`${name}: a compressed flag with no compression`, async () => {
      expect(await call(frame(Uint8Array.of(0x0a, 0x00), 1))).toEqual({ status: 200, grpcStatus: "3" });
    });
    it(`${name}: a gzip frame cut short`, async () => {
      expect(await call(frame(CUT_GZIP, 1), { "grpc-encoding": "gzip" })).toEqual({
        status: 200,
        grpcStatus: "3",
      });
    });
    it(`${name}: a length prefix longer than the body`, async () => {
      expect(await call(frame(Uint8Array.of(0x0a, 0x00), 0, 100))).toEqual({ status: 200, grpcStatus: "3" });
    });
    it(`${name}: a frame header cut short`, async () => {
      expect(await call(Uint8Array.of(0, 0, 0))).toEqual({ status: 200, grpcStatus: "3" });
    });
    it(`${name}: no message at all`, async () => {
      expect(await call(new Uint8Array(0))).toEqual({ status: 200, grpcStatus: "3" });
    });
    it(`${name}: two messages for a unary call`, async () => {
      const two = Buffer.concat([frame(new Uint8Array(0)), frame(new Uint8Array(0))]);
      expect(await call(new Uint8Array(two))).toEqual({ status: 200, grpcStatus: "3" });
    });
    it(`${name}: a trailers flag on the request`, async () => {
      expect(await call(frame(new Uint8Array(0), 0x80))).toEqual({ status: 200, grpcStatus: "3" });
    });
  }
});
