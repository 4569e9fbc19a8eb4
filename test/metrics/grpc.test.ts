import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, startZitadelServer, type ZitadelServer } from "../zitadel/support.js";

describe("handset_grpc_requests_total", () => {
  let server: ZitadelServer;
  beforeAll(async () => {
    server = await startZitadelServer();
  });
  afterAll(async () => server.close());

  it("counts calls on ZITADEL's gRPC port by method and status code, and not those on the main port", async () => {
    const token = await server.t.tokenFor("grpc-counted");
    await server.auth("grpc", token).getMyPhone({});
    await server.auth("grpc", token).getMyPhone({});
    await failure(server.auth("grpc").getMyPhone({}));
    await server.auth("connect", token).getMyPhone({});

    const body = (await server.t.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(body).toContain(
      'handset_grpc_requests_total{method="zitadel.auth.v1.AuthService/GetMyPhone",code="OK"} 2\n',
    );
    expect(body).toContain(
      'handset_grpc_requests_total{method="zitadel.auth.v1.AuthService/GetMyPhone",code="Unauthenticated"} 1\n',
    );
    // The main port's Connect call is an HTTP request of the zitadel surface instead.
    expect(body).toMatch(
      /handset_http_requests_total\{surface="zitadel",route="[^"]*GetMyPhone",method="POST",status="200"\} 1\n/,
    );
  });
});
