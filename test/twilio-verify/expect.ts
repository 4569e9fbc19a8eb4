import { expect } from "vitest";
import type { TwilioClient } from "./support.js";

/** The raw JSON body of the client's last answer, as Twilio's schema describes it. */
export function lastBody(client: TwilioClient): unknown {
  return (client.httpClient as unknown as { lastResponse?: { body: unknown } }).lastResponse?.body;
}

export interface ExpectedTwilioError {
  status: number;
  code: number;
}

/** Runs an SDK call that must fail and checks the RestException the SDK made of Twilio's envelope. */
export async function expectTwilioError(call: Promise<unknown>, expected: ExpectedTwilioError) {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, "the call should have failed").toBeDefined();
  const e = caught as { status: number; code: number; message: string; moreInfo: string };
  expect({ status: e.status, code: e.code }).toEqual(expected);
  expect(e.message.length).toBeGreaterThan(0);
  expect(e.moreInfo).toBe(`https://www.twilio.com/docs/errors/${expected.code}`);
}
