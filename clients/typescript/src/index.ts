import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };

/** The error envelope every failed native API call answers. */
export type HandsetErrorBody = components["schemas"]["Error"];
/** One of the closed catalogue's codes, always with the same HTTP status. */
export type HandsetErrorCode = HandsetErrorBody["error"]["code"];

export interface HandsetClientOptions {
  /** Where Handset listens, e.g. `http://127.0.0.1:4010` (the `/v1` paths are added by each call). */
  baseUrl: string;
  /** An admin API key (`hsk_…`) or a user token (`hst_…`), sent as `Authorization: Bearer`. */
  credential: string;
  /** Another `fetch` (a test double, a proxy agent); the global one by default. */
  fetch?: ClientOptions["fetch"];
  /** Headers sent with every call (a User-Agent, a tracing header). */
  headers?: Record<string, string>;
}

/** The native API's typed client: every path, body, query and answer typed from the OpenAPI document. */
export type HandsetClient = Client<paths>;

/**
 * A client of Handset's native API (openapi-fetch): `client.GET("/v1/users/{user_id}", { params: … })`
 * answers `{ data }` or `{ error }`, both typed. `unwrap` turns the latter into a thrown
 * `HandsetApiError` for code that prefers exceptions.
 */
export function createHandsetClient(options: HandsetClientOptions): HandsetClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    headers: options.headers,
  });
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set("authorization", `Bearer ${options.credential}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** A failed call, with the catalogue's code, its message and the request id to quote in a report. */
export class HandsetApiError extends Error {
  readonly status: number;
  readonly code: HandsetErrorCode | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    const envelope = isErrorBody(body) ? body.error : undefined;
    super(envelope ? `${envelope.code}: ${envelope.message}` : `HTTP ${status}`);
    this.name = "HandsetApiError";
    this.status = status;
    this.code = envelope?.code;
    this.requestId = envelope?.request_id;
    this.body = body;
  }
}

function isErrorBody(body: unknown): body is HandsetErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const { error } = body as { error: unknown };
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

/** `data` of a successful call, or a thrown `HandsetApiError` built from the failed one. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw new HandsetApiError(response.status, error);
  return data as T;
}
