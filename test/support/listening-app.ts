import type { ManualClock } from "../../src/domain/clock.js";
import { deriveCode } from "../../src/domain/code.js";
import { freePort } from "./free-port.js";
import { createTestApp, TEST_KEYRING, type TestApp } from "./harness.js";
import { waitFor } from "./sms-receiver.js";

/** `GET /v1/messages/:id` as the native API answers it (the fields these tests read). */
export interface MessageJson {
  id: string;
  phone_number_id: string;
  verification_id: string;
  status: "queued" | "sent" | "delivered" | "undelivered" | "failed";
  provider: string | null;
  provider_message_id: string | null;
  encoding: string | null;
  segments: number | null;
  delivery_attempts: number;
  error: string | null;
  created_at: string;
  sent_at: string | null;
  receipt_at: string | null;
  failed_at: string | null;
}

/** One event of a message's aggregate, its payload parsed. */
export interface MessageEvent {
  sequence: number;
  type: string;
  actor: string;
  createdAt: number;
  payload: Record<string, unknown>;
  rawPayload: string;
}

export interface ListeningApp {
  t: TestApp;
  /** `http://127.0.0.1:<port>`: where tests call the app, and its HANDSET_PUBLIC_URL. */
  url: string;
  /** A native API call over HTTP: the status and the parsed JSON body (null when there is none). */
  call(method: string, path: string, options?: { token?: string; body?: object }): Promise<ApiAnswer>;
  message(id: string): Promise<MessageJson>;
  /** Polls `GET /v1/messages/:id` until the message has `status`. */
  messageWith(id: string, status: MessageJson["status"]): Promise<MessageJson>;
  events(messageId: string): Promise<MessageEvent[]>;
  close(): Promise<void>;
}

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body; each test reads the fields it checks
  body: any;
}

/**
 * The real app, listening on a free port of 127.0.0.1, configured by the given environment plus
 * HANDSET_PUBLIC_URL pointing at itself, so providers' receipts come back to its own callback route.
 * The dispatcher runs as in `handset serve`: messages are delivered at their commit.
 */
export async function startListeningApp(
  env: Record<string, string>,
  clock: ManualClock,
): Promise<ListeningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ clock, runDispatcher: true, env: { ...env, HANDSET_PUBLIC_URL: url } });
  try {
    await t.app.listen({ host: "127.0.0.1", port });
  } catch (error) {
    await t.close();
    throw error;
  }
  const call: ListeningApp["call"] = async (method, path, options = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token ?? t.adminKey}`,
        ...(options.body ? { "content-type": "application/json" } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const message = async (id: string): Promise<MessageJson> => {
    const answer = await call("GET", `/v1/messages/${id}`);
    if (answer.status !== 200) throw new Error(`GET /v1/messages/${id}: ${answer.status}`);
    return answer.body as MessageJson;
  };
  return {
    t,
    url,
    call,
    message,
    messageWith: (id, status) =>
      waitFor(`message ${id} to be ${status}`, async () => {
        const current = await message(id);
        return current.status === status ? current : undefined;
      }),
    async events(messageId) {
      const rows = await t.store.db
        .selectFrom("events")
        .select(["sequence", "type", "actor", "created_at", "payload"])
        .where("aggregate_type", "=", "message")
        .where("aggregate_id", "=", messageId)
        .orderBy("sequence")
        .execute();
      return rows.map((row) => ({
        sequence: Number(row.sequence),
        type: row.type,
        actor: row.actor,
        createdAt: Number(row.created_at),
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        rawPayload: row.payload,
      }));
    },
    close: () => t.close(),
  };
}

/** What a user did to get a code: their token, the number's id, the send-code answer's message. */
export interface CodeRequest {
  token: string;
  phoneNumberId: string;
  verificationId: string;
  /** The code Handset derives for this verification (TEST_KEYRING): what the SMS must carry. */
  expectedCode: string;
  /** The `message` of the send-code answer. */
  queued: MessageJson;
}

/**
 * Over HTTP, as an integrator would: an admin key creates a user, the user's token adds `number` and
 * asks for a code. Throws on any unexpected status, naming the step.
 */
export async function requestCode(app: ListeningApp, number: string): Promise<CodeRequest> {
  const expect = (step: string, answer: ApiAnswer, status: number) => {
    if (answer.status !== status)
      throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.body)} (expected ${status})`);
    return answer.body;
  };
  const user = expect("create user", await app.call("POST", "/v1/users", { body: {} }), 201);
  const token = await app.t.tokenFor(user.id);
  const added = expect(
    "add number",
    await app.call("POST", "/v1/me/phone-numbers", { token, body: { phone_number: number } }),
    201,
  );
  const sent = expect(
    "send code",
    await app.call("POST", `/v1/me/phone-numbers/${added.id}/send-code`, { token, body: {} }),
    202,
  );
  return {
    token,
    phoneNumberId: added.id,
    verificationId: sent.verification.id,
    expectedCode: deriveCode(TEST_KEYRING.active, sent.verification.id, 6),
    queued: sent.message as MessageJson,
  };
}

/** Verifies `code` through the API; the answer's verification status (or the error code). */
export async function verifyCode(app: ListeningApp, request: CodeRequest, code: string): Promise<string> {
  const answer = await app.call("POST", `/v1/me/phone-numbers/${request.phoneNumberId}/verify`, {
    token: request.token,
    body: { code },
  });
  return answer.status === 200
    ? answer.body.verification.status
    : `${answer.status} ${answer.body?.error?.code}`;
}

/** The one-time code in an SMS text: its only run of exactly six digits. */
export function codeIn(text: string): string | undefined {
  const runs = text.match(/(?<!\d)\d{6}(?!\d)/g) ?? [];
  return runs.length === 1 ? runs[0] : undefined;
}
