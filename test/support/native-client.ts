import type { LightMyRequestResponse } from "fastify";
import type { TestApp } from "./harness.js";

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** Thin `app.inject` calls for the native API, so tests read as the flow they check. */
export function nativeClient(t: TestApp, secret: string) {
  const call = (method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${secret}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    call,
    addMine: (phone_number: string, extra: Record<string, unknown> = {}) =>
      call("POST", "/v1/me/phone-numbers", { phone_number, ...extra }),
    sendMine: (id: string) => call("POST", `/v1/me/phone-numbers/${id}/send-code`),
    verifyMine: (id: string, code: string) => call("POST", `/v1/me/phone-numbers/${id}/verify`, { code }),
    getMine: (id: string) => call("GET", `/v1/me/phone-numbers/${id}`),
    patchMine: (id: string, body: Record<string, unknown>) =>
      call("PATCH", `/v1/me/phone-numbers/${id}`, body),
    deleteMine: (id: string) => call("DELETE", `/v1/me/phone-numbers/${id}`),
  };
}

/** Delivers queued SMS and returns the latest code sent to `to`. */
export async function latestCode(t: TestApp, to: string): Promise<string> {
  await t.dispatcher.runOnce();
  const [message] = t.inbox?.list({ to }) ?? [];
  if (!message) throw new Error(`no SMS was delivered to ${to}`);
  return message.code;
}

/** A code that is certainly wrong for this verification. */
export function wrongCode(right: string): string {
  return right === "000000" ? "111111" : "000000";
}
