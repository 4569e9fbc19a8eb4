import http2 from "node:http2";
import { describe, expect, it } from "vitest";
import { frame, grpcCall } from "../support/raw-rpc.js";
import { startZitadelServer } from "./support.js";

describe("the gRPC port stops", () => {
  it("after refusing a request over the body limit, while its client keeps the connection open", async () => {
    const server = await startZitadelServer();
    const token = await server.t.tokenFor("oversized");
    const session = http2.connect(server.grpcUrl);
    try {
      // A SetMyPhone whose phone field alone is 200 kB: over the 16 KiB body limit, and over HTTP/2's
      // first flow-control window, so the client is still sending when the server refuses it.
      const phone = new TextEncoder().encode("9".repeat(200_000));
      const message = new Uint8Array([0x0a, 0xc0, 0x9a, 0x0c, ...phone]);
      const answer = await grpcCall(session, "/zitadel.auth.v1.AuthService/SetMyPhone", frame(message), {
        authorization: `Bearer ${token}`,
      });
      expect(answer.trailers["grpc-status"]).toBe("8");
      // The client neither sends more nor closes: stopping must not wait for it.
      await server.close();
      expect(server.t.zitadelGrpc.address()).toBeNull();
    } finally {
      session.destroy();
    }
  }, 20_000);
});
