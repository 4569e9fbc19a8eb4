import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import type { CallbackRequest } from "../../src/delivery/provider.js";

/**
 * The checks below come from Twilio's OpenAPI description of the 2010-04-01 API, twilio/twilio-oai
 * `spec/json/twilio_api_v2010.json` (commit d50069b4, 2026-04-14), operation `CreateMessage` at
 * `paths["/2010-04-01/Accounts/{AccountSid}/Messages.json"].post`.
 */
/** `parameters[AccountSid].schema.pattern`. */
const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
/** `requestBody.content["application/x-www-form-urlencoded"].schema.properties`: every field the operation takes. */
const CREATE_MESSAGE_FIELDS = new Set([
  "To",
  "StatusCallback",
  "ApplicationSid",
  "MaxPrice",
  "ProvideFeedback",
  "Attempt",
  "ValidityPeriod",
  "ForceDelivery",
  "ContentRetention",
  "AddressRetention",
  "SmartEncoded",
  "PersistentAction",
  "TrafficType",
  "ShortenUrls",
  "ScheduleType",
  "SendAt",
  "SendAsMms",
  "ContentVariables",
  "RiskCheck",
  "From",
  "FallbackFrom",
  "MessagingServiceSid",
  "Body",
  "MediaUrl",
  "ContentSid",
]);
/** `properties.MessagingServiceSid.pattern`. */
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
/** `properties.To.format: phone-number`, "in E.164 format (for SMS/MMS)". */
const E164 = /^\+[1-9]\d{1,14}$/;
/** `properties.From`: an E.164 number, a short code or an alphanumeric sender ID. */
const SENDER = /^(\+[1-9]\d{1,14}|\d{3,8}|[A-Za-z0-9 ]{1,11})$/;

export interface FakeTwilioRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
  /** Basic auth user, as sent. */
  username: string | null;
}

/** One scripted answer to the next send. */
export type FakeTwilioReply =
  /** Twilio's documented error body `{code, message, more_info, status}`. */
  | { error: { status: number; code: number; message: string }; headers?: Record<string, string> }
  | { raw: { status: number; body: string }; headers?: Record<string, string> }
  /** Never answers, to exercise the client's timeout. */
  | { hang: true };

export interface FakeTwilio {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  /** Sends that passed every check, in order. */
  requests: FakeTwilioRequest[];
  /** What broke the spec (or the credentials), one line per problem; tests expect none unless testing it. */
  violations: string[];
  /** Queues answers for the next sends; once spent, sends get the documented 201. */
  script(...replies: FakeTwilioReply[]): void;
  /** The status callback Twilio would make to `url`, signed with the auth token. */
  statusCallback(url: string, params: Record<string, string>): CallbackRequest;
  /** POSTs that status callback to `url` as Twilio would; resolves with the HTTP status answered. */
  postStatusCallback(url: string, params: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** The 201 body: the Message resource as `responses["201"]` shows it (`createWoService` example). */
function messageResource(accountSid: string, form: Record<string, string>): object {
  const sid = `SM${hex(16)}`;
  const now = new Date().toUTCString().replace("GMT", "+0000");
  return {
    account_sid: accountSid,
    api_version: "2010-04-01",
    body: form.Body ?? "",
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    num_media: "0",
    num_segments: "1",
    price: null,
    price_unit: null,
    sid,
    status: "queued",
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.To,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

/** Checks one create-message request; returns the problems found. */
function checkCreateMessage(form: URLSearchParams, contentType: string | undefined): string[] {
  const problems: string[] = [];
  // requestBody.content has only application/x-www-form-urlencoded.
  if (!contentType?.startsWith("application/x-www-form-urlencoded"))
    problems.push(`content-type ${contentType}`);
  for (const key of new Set(form.keys())) {
    if (!CREATE_MESSAGE_FIELDS.has(key)) problems.push(`unknown field ${key}`);
    if (key !== "MediaUrl" && key !== "PersistentAction" && form.getAll(key).length > 1)
      problems.push(`${key} repeated`);
  }
  // schema.required: ["To"].
  const to = form.get("To");
  if (to === null) problems.push("To missing");
  else if (!E164.test(to)) problems.push("To not E.164");
  // x-twilio.conditional: [["from","messaging_service_sid"],["body","media_url","content_sid"]].
  const from = form.get("From");
  const service = form.get("MessagingServiceSid");
  if (from === null && service === null) problems.push("neither From nor MessagingServiceSid");
  if (from !== null && !SENDER.test(from)) problems.push("From is no sender");
  if (service !== null && !MESSAGING_SERVICE_SID.test(service)) problems.push("MessagingServiceSid pattern");
  const body = form.get("Body");
  if (body === null && !form.has("MediaUrl") && !form.has("ContentSid"))
    problems.push("no Body, MediaUrl or ContentSid");
  // properties.Body: "Can be up to 1,600 characters in length."
  if (body !== null && [...body].length > 1600) problems.push("Body over 1600 characters");
  // properties.StatusCallback: format uri; "must contain a valid hostname and underscores are not allowed".
  const callback = form.get("StatusCallback");
  if (callback !== null) {
    try {
      const url = new URL(callback);
      if (!/^https?:$/.test(url.protocol) || url.hostname.includes("_")) problems.push("StatusCallback host");
    } catch {
      problems.push("StatusCallback not a URL");
    }
  }
  return problems;
}

/** A local stand-in for api.twilio.com's Messages endpoint, holding the account's credentials. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${hex(16)}`;
  const authToken = hex(16);
  const apiKeySid = `SK${hex(16)}`;
  const apiKeySecret = hex(16);
  const replies: FakeTwilioReply[] = [];
  const requests: FakeTwilioRequest[] = [];
  const violations: string[] = [];
  const messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answer = (status: number, body: object | string, headers: Record<string, string> = {}) => {
        response.writeHead(status, { "content-type": "application/json", ...headers });
        response.end(typeof body === "string" ? body : JSON.stringify(body));
      };
      // The REST API's documented error format (https://www.twilio.com/docs/usage/twilios-response).
      const error = (status: number, code: number, message: string, headers?: Record<string, string>) =>
        answer(
          status,
          { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
          headers,
        );

      const path = new URL(request.url ?? "/", "http://fake").pathname;
      const pathAccount = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path)?.[1];
      if (request.method !== "POST" || pathAccount === undefined || !ACCOUNT_SID.test(pathAccount)) {
        violations.push(`${request.method} ${path}`);
        return error(404, 20404, "The requested resource was not found");
      }
      // components.securitySchemes.accountSid_authToken: HTTP basic. An API key authenticates for its account.
      const [scheme, encoded] = (request.headers.authorization ?? "").split(" ");
      const [username, password] = Buffer.from(encoded ?? "", "base64")
        .toString("utf8")
        .split(":");
      const authorized =
        scheme === "Basic" &&
        ((username === accountSid && password === authToken) ||
          (username === apiKeySid && password === apiKeySecret));
      if (!authorized || path !== messagesPath) {
        violations.push(`authentication failed for ${path}`);
        return error(401, 20003, "Authenticate");
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const problems = checkCreateMessage(form, request.headers["content-type"]);
      if (problems.length > 0) {
        violations.push(...problems);
        return error(400, 21604, `spec violation: ${problems.join("; ")}`);
      }
      const fields = Object.fromEntries(form);
      requests.push({
        method: "POST",
        path,
        headers: request.headers,
        form: fields,
        username: username ?? null,
      });
      const reply = replies.shift();
      if (reply === undefined) return answer(201, messageResource(accountSid, fields));
      if ("hang" in reply) return;
      if ("raw" in reply) return answer(reply.raw.status, reply.raw.body, reply.headers);
      return error(reply.error.status, reply.error.code, reply.error.message, reply.headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const statusCallback = (url: string, params: Record<string, string>): CallbackRequest => {
    const form = { AccountSid: accountSid, ApiVersion: "2010-04-01", ...params };
    return {
      method: "POST",
      url,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        // Twilio's own signing helper: HMAC-SHA1 with the auth token over the URL and the sorted params.
        "x-twilio-signature": twilio.getExpectedTwilioSignature(authToken, url, form),
      },
      body: new URLSearchParams(form).toString(),
    };
  };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    apiKeySid,
    apiKeySecret,
    requests,
    violations,
    script: (...more) => {
      replies.push(...more);
    },
    statusCallback,
    async postStatusCallback(url, params) {
      const signed = statusCallback(url, params);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(signed.headers))
        if (value !== undefined) headers[name] = value;
      const response = await fetch(url, { method: "POST", headers, body: signed.body });
      await response.text();
      return response.status;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
