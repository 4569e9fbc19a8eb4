import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { verifySigV4 } from "./sigv4.js";

/** One Publish the fake accepted as well-formed and correctly signed. */
export interface FakePublish {
  phoneNumber: string;
  message: string;
  /** `MessageAttributes.entry.N`, by name: the string value of each. */
  attributes: Record<string, { dataType: string; stringValue: string | undefined }>;
  accessKeyId: string;
  /** The SigV4 credential scope: `<date>/<region>/sns/aws4_request`. */
  scope: string;
  sessionToken: string | undefined;
  /** The raw form, to check that nothing else travelled. */
  form: URLSearchParams;
  messageId: string;
}

/** What the fake answers to the next Publish (after checking it): one per request, in order. */
export type FakeSnsAnswer =
  | { kind: "accept"; messageId?: string }
  /** An `ErrorResponse` as SNS's Query protocol writes it. */
  | { kind: "error"; status: number; code: string; message: string; headers?: Record<string, string> }
  /** A body that is no XML SNS writes. */
  | { kind: "garbage"; status: number; body: string }
  /** Reads the request and never answers. */
  | { kind: "hang" };

export interface FakeSns {
  endpoint: string;
  region: string;
  /** Every Publish answered with acceptance. */
  published: FakePublish[];
  /** Requests refused before scripting applied (bad signature, malformed form), with the reason. */
  refused: string[];
  /** Requests received, whatever became of them. */
  requests(): number;
  answerNext(...answers: FakeSnsAnswer[]): void;
  close(): Promise<void>;
}

const NS = "http://sns.amazonaws.com/doc/2010-03-31/";

/**
 * The members of `com.amazonaws.sns#PublishInput` in SNS's Smithy model (aws/aws-sdk-js-v3,
 * codegen/sdk-codegen/aws-models/sns.json): `Message` is required; one of `TopicArn`, `TargetArn` or
 * `PhoneNumber` names the destination; `MessageAttributes` is a map whose query form is
 * `MessageAttributes.entry.N.Name` and `.Value.DataType` (required) / `.Value.StringValue` /
 * `.Value.BinaryValue` (xmlName traits `Name` and `Value`).
 */
const PUBLISH_MEMBERS = new Set([
  "TopicArn",
  "TargetArn",
  "PhoneNumber",
  "Message",
  "Subject",
  "MessageStructure",
  "MessageDeduplicationId",
  "MessageGroupId",
]);
const ATTRIBUTE_KEY =
  /^MessageAttributes\.entry\.(\d+)\.(Name|Value\.DataType|Value\.StringValue|Value\.BinaryValue)$/;

/**
 * A local Amazon SNS endpoint for `Publish`, speaking the Query protocol as the AWS SDK sends it: a
 * form-encoded POST to `/` with `Action=Publish&Version=2010-03-31`, signed with SigV4 for service
 * `sns`. It verifies the signature against the credentials it knows, checks the form against the
 * Smithy model, and answers with the documented XML `PublishResponse` or `ErrorResponse` (or whatever
 * the test scripted).
 */
export async function startFakeSns(
  options: { region?: string; credentials?: Record<string, string>; sessionToken?: string } = {},
): Promise<FakeSns> {
  const region = options.region ?? "eu-west-1";
  const credentials = options.credentials ?? { AKIDFAKESNS: "fake-secret-key" };
  const published: FakePublish[] = [];
  const refused: string[] = [];
  const script: FakeSnsAnswer[] = [];
  const sockets = new Set<Socket>();
  let received = 0;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received += 1;
      handle(request, Buffer.concat(chunks).toString("utf8"), response);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  function handle(request: IncomingMessage, body: string, response: ServerResponse): void {
    const refuse = (status: number, code: string, message: string) => {
      refused.push(`${code}: ${message}`);
      answerError(response, status, code, message, {});
    };
    if (request.method !== "POST" || request.url !== "/") {
      refuse(400, "InvalidAction", "POST / expected");
      return;
    }
    if (!String(request.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
      refuse(400, "MalformedQueryString", "a form-encoded body expected");
      return;
    }
    const identity = verifySigV4(
      { method: request.method, path: request.url, headers: request.headers, body },
      (key) => credentials[key],
    );
    if ("refused" in identity) {
      refuse(403, "SignatureDoesNotMatch", identity.refused);
      return;
    }
    if (identity.service !== "sns" || identity.region !== region) {
      refuse(403, "SignatureDoesNotMatch", `credential scope ${identity.scope}`);
      return;
    }
    const token = request.headers["x-amz-security-token"];
    if (options.sessionToken !== undefined && token !== options.sessionToken) {
      refuse(403, "InvalidClientTokenId", "the session token is missing or wrong");
      return;
    }

    const form = new URLSearchParams(body);
    const problem = checkPublishForm(form);
    if (problem) {
      refuse(400, "InvalidParameter", problem);
      return;
    }

    const answer = script.shift() ?? { kind: "accept" };
    if (answer.kind === "hang") return; // never answered: the client's timeout ends it
    if (answer.kind === "garbage") {
      response.writeHead(answer.status, { "content-type": "text/html" });
      response.end(answer.body);
      return;
    }
    if (answer.kind === "error") {
      answerError(response, answer.status, answer.code, answer.message, answer.headers ?? {});
      return;
    }
    const messageId = answer.messageId ?? randomUUID();
    published.push({
      phoneNumber: form.get("PhoneNumber") ?? "",
      message: form.get("Message") ?? "",
      attributes: attributesOf(form),
      accessKeyId: identity.accessKeyId,
      scope: identity.scope,
      sessionToken: typeof token === "string" ? token : undefined,
      form,
      messageId,
    });
    response.writeHead(200, { "content-type": "text/xml" });
    response.end(
      `<PublishResponse xmlns="${NS}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult>` +
        `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    region,
    published,
    refused,
    requests: () => received,
    answerNext: (...answers) => {
      script.push(...answers);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Why a form is no valid SMS Publish under the model, or null. */
function checkPublishForm(form: URLSearchParams): string | null {
  if (form.get("Action") !== "Publish") return `Action ${form.get("Action")} is not Publish`;
  if (form.get("Version") !== "2010-03-31") return "Version must be 2010-03-31";
  for (const key of form.keys()) {
    if (key === "Action" || key === "Version" || PUBLISH_MEMBERS.has(key) || ATTRIBUTE_KEY.test(key))
      continue;
    return `unknown parameter ${key}`;
  }
  const destinations = ["TopicArn", "TargetArn", "PhoneNumber"].filter((key) => form.has(key));
  if (destinations.length !== 1) return "exactly one of TopicArn, TargetArn, PhoneNumber";
  const phone = form.get("PhoneNumber");
  if (phone === null || !/^\+[1-9]\d{6,14}$/.test(phone)) return "PhoneNumber must be E.164";
  const message = form.get("Message");
  if (message === null || message.length === 0) return "Message is required";
  if (message.length > 1600) return "an SMS Publish holds at most 1600 characters";
  const entries = new Map<string, Map<string, string>>();
  for (const [key, value] of form) {
    const match = ATTRIBUTE_KEY.exec(key);
    if (!match) continue;
    const [, index = "", field = ""] = match;
    const entry = entries.get(index) ?? new Map<string, string>();
    entry.set(field, value);
    entries.set(index, entry);
  }
  for (const [index, entry] of entries) {
    if (!entry.has("Name")) return `MessageAttributes.entry.${index}.Name is required`;
    const type = entry.get("Value.DataType");
    if (type === undefined) return `MessageAttributes.entry.${index}.Value.DataType is required`;
    if (type === "String" && !entry.has("Value.StringValue"))
      return `MessageAttributes.entry.${index}.Value.StringValue is required for a String`;
  }
  return null;
}

function attributesOf(form: URLSearchParams): FakePublish["attributes"] {
  const result: FakePublish["attributes"] = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const prefix = `MessageAttributes.entry.${n}`;
    result[form.get(`${prefix}.Name`) ?? ""] = {
      dataType: form.get(`${prefix}.Value.DataType`) ?? "",
      stringValue: form.get(`${prefix}.Value.StringValue`) ?? undefined,
    };
  }
  return result;
}

/** SNS's Query-protocol error document: `Type` is Sender for 4xx, Receiver for 5xx. */
function answerError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): void {
  response.writeHead(status, { "content-type": "text/xml", ...headers });
  response.end(
    `<ErrorResponse xmlns="${NS}"><Error><Type>${status >= 500 ? "Receiver" : "Sender"}</Type>` +
      `<Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>` +
      `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
