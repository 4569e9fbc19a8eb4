import http2 from "node:http2";
import type { DescMethodUnary, JsonObject } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import { AuthService } from "@zitadel/proto/zitadel/auth_pb.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpStatusOf } from "../../src/surfaces/zitadel/error-edge.js";
import { zitadelMethods } from "../../src/surfaces/zitadel/routes.js";
import { IMPLEMENTED_RPCS, sampleBody } from "../security/route-table.js";
import { grpcCall, grpcWebTrailers, postRaw, type RawAnswer } from "../support/raw-rpc.js";
import { FUZZ_RUNS, FUZZ_SEED, type FuzzServer, FuzzTally, startFuzzServer } from "./fuzz-server.js";
import { type Encoded, encoded, framed, messageBytes, messageJson } from "./rpc-arbitraries.js";

const TRANSPORTS = ["connect-proto", "connect-json", "grpc-web", "grpc"] as const;
type Transport = (typeof TRANSPORTS)[number];

interface Rpc {
  method: DescMethodUnary;
  path: string;
  implemented: boolean;
  sample: JsonObject;
  credential: string;
}

interface Call {
  rpc: Rpc;
  body: Encoded;
  authorization: string | undefined;
}

/**
 * ZITADEL's RPCs fuzzed from their descriptors on every transport: for each implemented method (and a
 * few that answer Unimplemented), random messages of its input type, well-formed ones cut short or with
 * bytes changed, noise; as Connect protobuf, Connect JSON, gRPC-Web and gRPC (h2c), with compression
 * named or not and frames with wrong flags, lengths and counts. Bad input is the caller's fault: no call
 * may be answered with a 5xx, or a gRPC code that maps to one (Internal, Unknown, ...).
 */
describe("fuzzing the ZITADEL RPCs", () => {
  let server: FuzzServer;
  let session: http2.ClientHttp2Session;
  let rpcs: Rpc[];
  const tally = new FuzzTally();
  beforeAll(async () => {
    server = await startFuzzServer();
    session = http2.connect(server.grpcUrl);
    const methods = zitadelMethods();
    const unimplemented = methods.filter((m) => !IMPLEMENTED_RPCS.has(`${m.parent.typeName}.${m.name}`));
    rpcs = [...methods.filter((m) => !unimplemented.includes(m)), ...unimplemented.slice(0, 4)].map(
      (method) => {
        const audience = method.parent.typeName === AuthService.typeName ? "user" : "admin";
        const route = {
          method: "POST",
          url: "",
          surface: "zitadel-connect",
          audience,
          rpc: method,
          takesBody: true,
        } as const;
        return {
          method,
          path: `/${method.parent.typeName}/${method.name}`,
          implemented: IMPLEMENTED_RPCS.has(`${method.parent.typeName}.${method.name}`),
          sample: (sampleBody(route, server.ids) ?? {}) as JsonObject,
          credential: audience === "user" ? server.credentials.user : server.credentials.admin,
        };
      },
    );
  });
  afterAll(async () => {
    for (const line of tally.lines()) console.log(line);
    session?.close();
    await server?.close();
  });

  function callOf(transport: Transport): fc.Arbitrary<Call> {
    const rpc = fc.oneof(
      { arbitrary: fc.constantFrom(...rpcs.filter((r) => r.implemented)), weight: 5 },
      { arbitrary: fc.constantFrom(...rpcs.filter((r) => !r.implemented)), weight: 1 },
    );
    return rpc.chain((chosen) => {
      const message =
        transport === "connect-json"
          ? messageJson(chosen.method, chosen.sample).map((text) => new TextEncoder().encode(text))
          : messageBytes(chosen.method, chosen.sample);
      const body =
        transport === "grpc" || transport === "grpc-web" ? framed(encoded(message)) : encoded(message);
      const authorization = fc.oneof(
        { arbitrary: fc.constant(`Bearer ${chosen.credential}`), weight: 8 },
        { arbitrary: fc.constantFrom(undefined, "Bearer x", "Basic x"), weight: 1 },
      );
      return fc.record({ rpc: fc.constant(chosen), body, authorization });
    });
  }

  /**
   * The HTTP status, and the gRPC status when there is one (gRPC and gRPC-Web, unless refused before
   * the RPC): 0 is OK, which `Code` does not name.
   */
  async function send(transport: Transport, call: Call): Promise<{ status: number; code?: number }> {
    const headers: Record<string, string> = {};
    if (call.authorization) headers.authorization = call.authorization;
    const { bytes, encoding } = call.body;
    let answer: RawAnswer;
    switch (transport) {
      case "connect-proto":
      case "connect-json":
        if (encoding) headers["content-encoding"] = encoding;
        headers["content-type"] = transport === "connect-json" ? "application/json" : "application/proto";
        answer = await postRaw(`${server.url}/zitadel${call.rpc.path}`, bytes, headers);
        return { status: answer.status };
      case "grpc-web": {
        if (encoding) headers["grpc-encoding"] = encoding;
        headers["content-type"] = "application/grpc-web+proto";
        answer = await postRaw(`${server.url}/zitadel${call.rpc.path}`, bytes, headers);
        const status = grpcWebTrailers(answer.body)["grpc-status"];
        return { status: answer.status, code: status === undefined ? undefined : Number(status) };
      }
      case "grpc": {
        if (encoding) headers["grpc-encoding"] = encoding;
        answer = await grpcCall(session, call.rpc.path, bytes, headers);
        const status = answer.trailers["grpc-status"];
        return { status: answer.status, code: status === undefined ? undefined : Number(status) };
      }
    }
  }

  for (const transport of TRANSPORTS) {
    it(`answers no ${transport} call with a 5xx or a gRPC code of one`, async () => {
      const failures: { rpc: string; status: number; code?: string; body: string; encoding?: string }[] = [];
      await fc.assert(
        fc.asyncProperty(callOf(transport), async (call) => {
          const answer = await send(transport, call);
          const unimplemented = !call.rpc.implemented;
          const grpcFailed =
            answer.code !== undefined &&
            answer.code !== 0 &&
            httpStatusOf(answer.code as Code) >= 500 &&
            !(unimplemented && answer.code === Code.Unimplemented);
          // gRPC and gRPC-Web always answer HTTP 200 with a status, unless refused before the RPC.
          const noStatus = transport.startsWith("grpc") && answer.status === 200 && answer.code === undefined;
          const httpFailed = answer.status >= 500 && !(unimplemented && answer.status === 501);
          const failed = grpcFailed || noStatus || httpFailed;
          const refused = answer.status >= 400 || (answer.code !== undefined && answer.code !== 0);
          tally.record(transport, failed ? "failed" : refused ? "refused" : "ok");
          if (failed) {
            failures.push({
              rpc: call.rpc.path,
              status: answer.status,
              code: answer.code === undefined ? undefined : (Code[answer.code] ?? String(answer.code)),
              body: Buffer.from(call.body.bytes.slice(0, 80)).toString("hex"),
              encoding: call.body.encoding,
            });
          }
        }),
        { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
      );
      expect(failures).toEqual([]);
    });
  }
});
