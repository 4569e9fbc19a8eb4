import http2 from "node:http2";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  SetPhoneRequestSchema,
  SetPhoneResponseSchema,
} from "@zitadel/proto/zitadel/user/v2/user_service_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, mobileNumber } from "../support/harness.js";
import { frame, grpcWebTrailers } from "../support/raw-rpc.js";
import { createUser, startZitadelServer, type ZitadelServer } from "./support.js";

/** What a browser does: CORS preflights, then gRPC-Web in text mode (Google's client's default), with plain fetch. */
const ORIGIN = "https://app.example.com";
const SET_PHONE = "/zitadel.user.v2.UserService/SetPhone";

describe("the ZITADEL surface for browsers", () => {
  let server: ZitadelServer;
  beforeAll(async () => {
    server = await startZitadelServer({
      env: { HANDSET_ZITADEL_CORS_ORIGINS: `${ORIGIN}, http://localhost:3000` },
    });
  });
  afterAll(async () => server.close());

  const preflight = (path: string, origin: string, headers: string) =>
    fetch(`${server.mainUrl}${path}`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": headers,
      },
    });

  it("answers a preflight from an allowed origin as ZITADEL does", async () => {
    const res = await preflight(SET_PHONE, ORIGIN, "authorization,content-type,x-grpc-web,x-user-agent");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-allow-methods")).toBe("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe(
      "authorization, content-type, x-grpc-web, x-user-agent",
    );
    // The REST gateway's paths too, and Connect's headers.
    const rest = await preflight(
      "/v2/users/x/phone",
      ORIGIN,
      "authorization, content-type, connect-protocol-version",
    );
    expect(rest.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  });

  it("answers a preflight on the gRPC port too (HTTP/2)", async () => {
    const session = http2.connect(server.grpcUrl);
    try {
      const headers = await new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
        const stream = session.request({
          ":method": "OPTIONS",
          ":path": SET_PHONE,
          origin: ORIGIN,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        });
        stream.on("response", resolve);
        stream.on("error", reject);
        stream.resume();
        stream.end();
      });
      expect(headers[":status"]).toBe(204);
      expect(headers["access-control-allow-origin"]).toBe(ORIGIN);
    } finally {
      session.close();
    }
  });

  it("gives no CORS headers to another origin or to a header ZITADEL does not allow", async () => {
    const other = await preflight(SET_PHONE, "https://evil.example", "authorization");
    expect(other.status).toBe(204);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const header = await preflight(SET_PHONE, ORIGIN, "authorization, x-evil");
    expect(header.headers.get("access-control-allow-origin")).toBeNull();
    // Outside the ZITADEL surface nothing changes.
    const native = await fetch(`${server.mainUrl.replace(/\/zitadel$/, "")}/v1/me`, {
      headers: { origin: ORIGIN },
    });
    expect(native.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves gRPC-Web in text mode, exposing the gRPC status to the page", async () => {
    const { t } = server;
    await createUser(t, "browser-user");
    const number = mobileNumber();
    const message = toBinary(
      SetPhoneRequestSchema,
      create(SetPhoneRequestSchema, { userId: "browser-user", phone: number }),
    );
    const res = await fetch(`${server.mainUrl}${SET_PHONE}`, {
      method: "POST",
      headers: {
        origin: ORIGIN,
        ...bearer(t.adminKey),
        "content-type": "application/grpc-web-text",
        accept: "application/grpc-web-text",
        "x-grpc-web": "1",
      },
      body: Buffer.from(frame(message)).toString("base64"),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/grpc-web-text+proto");
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("access-control-expose-headers")).toContain("Grpc-Status-Details-Bin");
    const body = new Uint8Array(Buffer.from(await res.text(), "base64"));
    expect(grpcWebTrailers(body)["grpc-status"]).toBe("0");
    const length = new DataView(body.buffer, body.byteOffset + 1, 4).getUint32(0);
    const answer = fromBinary(SetPhoneResponseSchema, body.subarray(5, 5 + length));
    expect(answer.details?.resourceOwner).toBe("default");

    // An RPC's refusal travels in the text trailer frame.
    const refused = await fetch(`${server.mainUrl}${SET_PHONE}`, {
      method: "POST",
      headers: { ...bearer(t.adminKey), "content-type": "application/grpc-web-text+proto" },
      body: Buffer.from(frame(message)).toString("base64"),
    });
    const refusal = grpcWebTrailers(new Uint8Array(Buffer.from(await refused.text(), "base64")));
    expect(refusal["grpc-status"]).toBe("9");
    expect(decodeURIComponent(refusal["grpc-message"] ?? "")).toBe("Phone not changed (COMMAND-Uch5e)");
  });

  it("serves Connect's JSON to plain fetch, as connect-web sends it from a page", async () => {
    const { t } = server;
    await createUser(t, "connect-user");
    const call = (userId: string) =>
      fetch(`${server.mainUrl}/zitadel.user.v2.UserService/GetUserByID`, {
        method: "POST",
        headers: {
          origin: ORIGIN,
          ...bearer(t.adminKey),
          "content-type": "application/json",
          "connect-protocol-version": "1",
        },
        body: JSON.stringify({ userId }),
      });
    const found = await call("connect-user");
    expect(found.status).toBe(200);
    expect(found.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(await found.json()).toMatchObject({ user: { userId: "connect-user", human: { phone: {} } } });
    const missing = await call("nobody");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      code: "not_found",
      message: "User could not be found (QUERY-Dfbg2)",
    });
  });

  it("answers a text body that is not base64, or not the message, with InvalidArgument", async () => {
    for (const body of ["not base64!", Buffer.from(frame(new Uint8Array([0xff, 0xff]))).toString("base64")]) {
      const res = await fetch(`${server.mainUrl}${SET_PHONE}`, {
        method: "POST",
        headers: { ...bearer(server.t.adminKey), "content-type": "application/grpc-web-text" },
        body,
      });
      expect(res.status).toBe(200);
      const trailers = grpcWebTrailers(new Uint8Array(Buffer.from(await res.text(), "base64")));
      expect(trailers["grpc-status"]).toBe("3");
    }
  });
});
