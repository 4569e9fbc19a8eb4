import type { AddressInfo } from "node:net";
import { Code, ConnectError, type Transport } from "@connectrpc/connect";
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import { NewAuthorizationBearerInterceptor } from "@zitadel/client";
import { createServerTransport } from "@zitadel/client/node";
import { createAuthServiceClient } from "@zitadel/client/v1";
import { createUserServiceClient } from "@zitadel/client/v2";
import { ErrorDetailSchema } from "@zitadel/proto/zitadel/message_pb.js";
import { expect } from "vitest";
import { bearer, createTestApp, type TestApp, type TestAppOptions } from "../support/harness.js";

export const TRANSPORTS = ["grpc", "grpc-web", "connect"] as const;
export type TransportName = (typeof TRANSPORTS)[number];

export interface ZitadelServer {
  t: TestApp;
  /** Connect and gRPC-Web: the main port, under the ZITADEL mount. */
  mainUrl: string;
  /** gRPC (h2c): its own port, at the root as a real ZITADEL serves it. */
  grpcUrl: string;
  transport(name: TransportName, token?: string): Transport;
  auth(name: TransportName, token?: string): ReturnType<typeof createAuthServiceClient>;
  users(name: TransportName, token?: string): ReturnType<typeof createUserServiceClient>;
  close(): Promise<void>;
}

/** Handset on real 127.0.0.1 ports: Fastify for Connect/gRPC-Web/REST, and the gRPC port. */
export async function startZitadelServer(options: TestAppOptions = {}): Promise<ZitadelServer> {
  const t = await createTestApp({
    runDispatcher: false,
    ...options,
    env: { HANDSET_ZITADEL_GRPC_PORT: "0", ...options.env },
  });
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const mainPort = (t.app.server.address() as AddressInfo).port;
  const grpcPort = t.zitadelGrpc.address()?.port;
  if (grpcPort === undefined) throw new Error("the ZITADEL gRPC port did not start");
  const mainUrl = `http://127.0.0.1:${mainPort}/zitadel`;
  const grpcUrl = `http://127.0.0.1:${grpcPort}`;

  function transport(name: TransportName, token?: string): Transport {
    const interceptors = token === undefined ? [] : [NewAuthorizationBearerInterceptor(token)];
    switch (name) {
      case "grpc":
        // ZITADEL's own Node transport: gRPC over HTTP/2 with the bearer interceptor.
        return token === undefined
          ? createGrpcTransport({ baseUrl: grpcUrl })
          : createServerTransport(token, { baseUrl: grpcUrl });
      case "grpc-web":
        return createGrpcWebTransport({ baseUrl: mainUrl, httpVersion: "1.1", interceptors });
      case "connect":
        return createConnectTransport({ baseUrl: mainUrl, httpVersion: "1.1", interceptors });
    }
  }

  return {
    t,
    mainUrl,
    grpcUrl,
    transport,
    auth: (name, token) => createAuthServiceClient(transport(name, token)),
    users: (name, token) => createUserServiceClient(transport(name, token)),
    close: () => t.close(),
  };
}

/** Awaits a call that must fail, and returns the error as Connect sees it. */
export async function failure(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (error) {
    return ConnectError.from(error);
  }
  throw new Error("the call succeeded but should have failed");
}

/** Asserts ZITADEL's error shape: the code, `<text> (<id>)`, and one ErrorDetail `{id, text}`. */
export function expectZitadelError(error: ConnectError, code: Code, id: string, text: string): void {
  expect(Code[error.code]).toBe(Code[code]);
  expect(error.rawMessage).toBe(`${text} (${id})`);
  expect(error.findDetails(ErrorDetailSchema).map((d) => ({ id: d.id, message: d.message }))).toEqual([
    { id, message: text },
  ]);
}

/** The latest code delivered to a number (dispatching queued SMS first). */
export async function deliveredCode(t: TestApp, to: string): Promise<string> {
  await t.dispatcher.runOnce();
  const [message] = t.inbox?.list({ to }) ?? [];
  if (!message) throw new Error(`no SMS to ${to}`);
  return message.code;
}

/** Creates a user through the native admin API, as an operator would before using ZITADEL's v2 API. */
export async function createUser(t: TestApp, id: string): Promise<void> {
  const res = await t.app.inject({
    method: "POST",
    url: "/v1/users",
    headers: bearer(t.adminKey),
    payload: { id },
  });
  expect(res.statusCode).toBe(201);
}

/** The user's numbers as the native API lists them. */
export async function nativeNumbers(
  t: TestApp,
  userId: string,
): Promise<{ phone_number: string; primary: boolean; verified: boolean }[]> {
  const res = await t.app.inject({
    method: "GET",
    url: `/v1/users/${userId}/phone-numbers`,
    headers: bearer(t.adminKey),
  });
  expect(res.statusCode).toBe(200);
  return res.json().data;
}
