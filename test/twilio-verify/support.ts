import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { deriveCode } from "../../src/domain/code.js";
import { toTwilioCredentials } from "../../src/surfaces/twilio-verify/credentials.js";
import { serviceSidOf } from "../../src/surfaces/twilio-verify/sids.js";
import { createTestApp, TEST_KEYRING, type TestApp, type TestAppOptions } from "../support/harness.js";

/**
 * The README's quick start: the `twilio` SDK's own RequestClient, with Twilio's Verify host swapped
 * for Handset's mount. A custom `httpClient` is the SDK's supported extension point for this.
 */
export function handsetHttpClient(handsetUrl: string) {
  class HandsetRequestClient extends twilio.RequestClient {
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's own request options, passed through as they are
    override request<TData>(opts: any) {
      const uri = String(opts.uri).replace(/^https:\/\/verify\.twilio\.com/, handsetUrl);
      return super.request<TData>({ ...opts, uri });
    }
  }
  return new HandsetRequestClient();
}

export type TwilioClient = ReturnType<typeof twilio>;

export interface TwilioTestServer {
  t: TestApp;
  /** `http://127.0.0.1:PORT/twilio` */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  serviceSid: string;
  client: TwilioClient;
  clientWith(accountSid: string, authToken: string): TwilioClient;
}

/** The real app on a real 127.0.0.1 port, and the real `twilio` SDK pointed at its Twilio mount. */
export async function startTwilioServer(options: TestAppOptions = {}): Promise<TwilioTestServer> {
  const t = await createTestApp({ runDispatcher: false, ...options });
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/twilio`;
  const tenantId = t.config.defaultTenant;
  const { account_sid, auth_token } = toTwilioCredentials(tenantId, t.adminKey);
  const clientWith = (accountSid: string, authToken: string) =>
    twilio(accountSid, authToken, { httpClient: handsetHttpClient(baseUrl) });
  return {
    t,
    baseUrl,
    accountSid: account_sid,
    authToken: auth_token,
    serviceSid: serviceSidOf(tenantId),
    client: clientWith(account_sid, auth_token),
    clientWith,
  };
}

/** The code a verification's SMS carries (its Handset id), derived as the server derives it. */
export const codeOf = (verificationId: string) => deriveCode(TEST_KEYRING.active, verificationId, 6);
