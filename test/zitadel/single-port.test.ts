import http2 from "node:http2";
import net, { type AddressInfo } from "node:net";
import { Code } from "@connectrpc/connect";
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import * as grpc from "@grpc/grpc-js";
import { NewAuthorizationBearerInterceptor } from "@zitadel/client";
import { createServerTransport } from "@zitadel/client/node";
import { createUserServiceClient } from "@zitadel/client/v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, mobileNumber } from "../support/harness.js";
import { grpcJsClient, grpcJsFailure } from "./grpc-js-client.js";
import {
  createUser,
  expectZitadelError,
  failure,
  startZitadelServer,
  type ZitadelServer,
} from "./support.js";

/** HANDSET_ZITADEL_AT_ROOT: one base URL, as ZITADEL has, for gRPC (h2c), Connect, gRPC-Web and REST. */
describe("ZITADEL at the root of the main port", () => {
  let server: ZitadelServer;
  let root: string;
  beforeAll(async () => {
    server = await startZitadelServer({ env: { HANDSET_ZITADEL_AT_ROOT: "true" } });
    root = `http://127.0.0.1:${(server.t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => server.close());

  it("answers @zitadel/client over gRPC (h2c), Connect (HTTP/1.1 and h2c) and gRPC-Web on one port", async () => {
    const { t } = server;
    const key = t.adminKey;
    const interceptors = [NewAuthorizationBearerInterceptor(key)];
    const transports = {
      grpc: createServerTransport(key, { baseUrl: root }),
      "connect-h1": createConnectTransport({ baseUrl: root, httpVersion: "1.1", interceptors }),
      "connect-h2c": createConnectTransport({ baseUrl: root, httpVersion: "2", interceptors }),
      "grpc-web": createGrpcWebTransport({ baseUrl: root, httpVersion: "1.1", interceptors }),
    };
    for (const [name, transport] of Object.entries(transports)) {
      const userId = `root-${name}`;
      await createUser(t, userId);
      const users = createUserServiceClient(transport);
      const number = mobileNumber();
      await users.setPhone({ userId, phone: number, verification: { case: "isVerified", value: true } });
      const read = await users.getUserByID({ userId });
      expect(read.user?.type.case === "human" && read.user.type.value.phone?.phone).toBe(number);
      expectZitadelError(
        await failure(users.getUserByID({ userId: "nobody" })),
        Code.NotFound,
        "QUERY-Dfbg2",
        "User could not be found",
      );
    }
    // Without a credential, refused first, whatever the transport.
    const anonymous = createUserServiceClient(createGrpcTransport({ baseUrl: root }));
    expect((await failure(anonymous.getUserByID({ userId: "x" }))).code).toBe(Code.Unauthenticated);
  });

  it("serves the REST gateway at the root, and keeps the mount, the native API and 404s", async () => {
    const { t } = server;
    await createUser(t, "root-rest");
    const rest = await fetch(`${root}/v2/users/root-rest`, { headers: bearer(t.adminKey) });
    expect(rest.status).toBe(200);
    expect((await rest.json()).user.userId).toBe("root-rest");
    const mounted = await fetch(`${root}/zitadel/v2/users/root-rest`, { headers: bearer(t.adminKey) });
    expect(mounted.status).toBe(200);
    const native = await fetch(`${root}/v1/users/root-rest`, { headers: bearer(t.adminKey) });
    expect(native.status).toBe(200);
    // At the root as under the mount, every ZITADEL route checks the credential first.
    const anonymous = await fetch(`${root}/v2/users/root-rest`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).message).toBe("auth header missing");
    const missing = await fetch(`${root}/nowhere`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("ROUTE_NOT_FOUND");
  });

  it("hands h2c requests for other paths to the app: the native API answers over HTTP/2 too", async () => {
    const session = http2.connect(root);
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = session.request({
          ":method": "GET",
          ":path": "/v1/users/root-rest",
          authorization: `Bearer ${server.t.adminKey}`,
        });
        let status = 0;
        let body = "";
        stream.on("response", (h) => {
          status = Number(h[":status"]);
        });
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => {
          body += chunk;
        });
        stream.on("end", () => resolve({ status, body }));
        stream.on("error", reject);
        stream.end();
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).id).toBe("root-rest");
    } finally {
      session.close();
    }
  });

  it("answers grpc-js, an independent gRPC client, with readable statuses and retry information", async () => {
    const { t } = server;
    const address = root.replace("http://", "");
    const users = grpcJsClient("zitadel.user.v2.UserService", address);
    try {
      await createUser(t, "root-grpcjs");
      const number = mobileNumber();
      await users.call("SetPhone", { user_id: "root-grpcjs", phone: number, send_code: {} }, t.adminKey);
      const read = await users.call("GetUserByID", { user_id: "root-grpcjs" }, t.adminKey);
      expect(read).toMatchObject({
        user: { user_id: "root-grpcjs", human: { phone: { phone: number, is_verified: false } } },
      });

      const cooldown = await grpcJsFailure(
        users.call("ResendPhoneCode", { user_id: "root-grpcjs", send_code: {} }, t.adminKey),
      );
      expect(cooldown.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(cooldown.details).toMatch(/\(HANDSET-RESEND-COOLDOWN\)$/);
      expect(cooldown.metadata.get("retry-after")).toEqual(["30"]);
      expect(cooldown.metadata.get("grpc-retry-pushback-ms")).toEqual(["30000"]);

      const denied = await grpcJsFailure(
        users.call(
          "SetPhone",
          { user_id: "root-grpcjs", phone: mobileNumber(), return_code: {} },
          "bad-token",
        ),
      );
      expect(denied.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(denied.details).toBe("Token is invalid (AUTH-7fs1e)");

      // A message with characters outside ASCII arrives intact (percent-encoded on the wire).
      const invalid = await grpcJsFailure(
        users.call("SetPhone", { user_id: "root-grpcjs", phone: "☎ 079" }, t.adminKey),
      );
      expect(invalid.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(invalid.details).toBe("Phone is invalid (PHONE-so0wa)");
      // The validation message's `:` and `,` come as they are: grpc-js does not undo encodeURIComponent.
      const noUser = await grpcJsFailure(users.call("GetUserByID", { user_id: "" }, t.adminKey));
      expect(noUser.details).toBe(
        "invalid GetUserByIDRequest.UserId: value length must be between 1 and 200 runes, inclusive",
      );
    } finally {
      users.close();
    }
  });
});

describe("stopping a server with ZITADEL at the root", () => {
  it("closes connections that never said which protocol they speak", async () => {
    const server = await startZitadelServer({ env: { HANDSET_ZITADEL_AT_ROOT: "true" } });
    const { port } = server.t.app.server.address() as AddressInfo;
    const silent = net.connect(port, "127.0.0.1");
    await new Promise((resolve) => silent.once("connect", resolve));
    const closed = new Promise((resolve) => silent.once("close", resolve));
    await server.close();
    await closed;
    expect(silent.destroyed).toBe(true);
  });
});
