import { Code, ConnectError } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { NewAuthorizationBearerInterceptor } from "@zitadel/client";
import { createAuthServiceClient } from "@zitadel/client/v1";
import { ErrorDetailSchema } from "@zitadel/proto/zitadel/message_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mobileNumber } from "../support/harness.js";
import {
  deliveredCode,
  expectZitadelError,
  failure,
  startZitadelServer,
  type ZitadelServer,
} from "./support.js";

/** Where Handset is stricter than ZITADEL: attempt limits and expiry, reported in ZITADEL's shape. */
describe("Handset's limits through the ZITADEL API", () => {
  let server: ZitadelServer;
  beforeAll(async () => {
    server = await startZitadelServer();
  });
  afterAll(async () => server.close());

  it("fails a code after five wrong tries; a resend starts a fresh one", async () => {
    const { t } = server;
    const auth = server.auth("connect", await t.tokenFor("limits-1"));
    const number = mobileNumber();
    await auth.setMyPhone({ phone: number });
    const code = await deliveredCode(t, number);
    const wrong = code === "000000" ? "111111" : "000000";
    for (const left of ["4", "3", "2", "1"]) {
      const error = await failure(auth.verifyMyPhone({ code: wrong }));
      expectZitadelError(error, Code.InvalidArgument, "COMMAND-sM0cs", "Code is invalid");
      expect(error.metadata.get("handset-attempts-left")).toBe(left);
    }
    const last = await failure(auth.verifyMyPhone({ code: wrong }));
    expect(last.code).toBe(Code.ResourceExhausted);
    expect(last.findDetails(ErrorDetailSchema).map((d) => d.id)).toEqual(["HANDSET-CODE-ATTEMPTS-EXHAUSTED"]);
    expect(last.rawMessage).toMatch(/\(HANDSET-CODE-ATTEMPTS-EXHAUSTED\)$/);
    // Even the right code is refused now: the verification has failed.
    expect((await failure(auth.verifyMyPhone({ code }))).code).toBe(Code.ResourceExhausted);

    t.clock.advance(30_000);
    await auth.resendMyPhoneVerification({});
    const fresh = await deliveredCode(t, number);
    await auth.verifyMyPhone({ code: fresh });
    expect((await auth.getMyPhone({})).phone?.isPhoneVerified).toBe(true);
  });

  it("answers an expired code as ZITADEL does: 'Code is invalid'", async () => {
    const { t } = server;
    const auth = server.auth("grpc", await t.tokenFor("limits-2"));
    const number = mobileNumber();
    await auth.setMyPhone({ phone: number });
    const code = await deliveredCode(t, number);
    t.clock.advance(10 * 60_000 + 1);
    expectZitadelError(
      await failure(auth.verifyMyPhone({ code })),
      Code.InvalidArgument,
      "COMMAND-sM0cs",
      "Code is invalid",
    );
  });

  it("serves Connect over HTTP/2 on the gRPC port as well, at the root paths", async () => {
    const token = await server.t.tokenFor("limits-3");
    const transport = createConnectTransport({
      baseUrl: server.grpcUrl,
      httpVersion: "2",
      interceptors: [NewAuthorizationBearerInterceptor(token)],
    });
    const phone = await createAuthServiceClient(transport).getMyPhone({});
    expect(phone.details?.resourceOwner).toBe("default");
    const error = await failure(createAuthServiceClient(transport).getMyUser({}));
    expect(error).toBeInstanceOf(ConnectError);
    expect(error.code).toBe(Code.Unimplemented);
  });
});
