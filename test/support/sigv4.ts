import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** What a verified AWS Signature Version 4 says about a request. */
export interface SigV4Identity {
  accessKeyId: string;
  /** `<yyyymmdd>/<region>/<service>/aws4_request` */
  scope: string;
  region: string;
  service: string;
  signedHeaders: string[];
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Checks a request's SigV4 `Authorization` header the way AWS documents it ("Create a signed AWS API
 * request": canonical request, string to sign, derived signing key), written here from the spec rather
 * than with the SDK's own signer, so a test catches a request the SDK signs wrongly. Returns the
 * identity, or the reason the signature is refused.
 */
export function verifySigV4(
  request: { method: string; path: string; headers: IncomingHttpHeaders; body: string },
  secretFor: (accessKeyId: string) => string | undefined,
): SigV4Identity | { refused: string } {
  const header = request.headers.authorization;
  if (typeof header !== "string") return { refused: "no Authorization header" };
  const match = AUTHORIZATION.exec(header);
  if (!match) return { refused: "not an AWS4-HMAC-SHA256 Authorization header" };
  const [, accessKeyId = "", date = "", region = "", service = "", signedList = "", signature = ""] = match;
  const secret = secretFor(accessKeyId);
  if (secret === undefined) return { refused: `unknown access key ${accessKeyId}` };
  const amzDate = request.headers["x-amz-date"];
  if (typeof amzDate !== "string" || !amzDate.startsWith(date)) return { refused: "x-amz-date missing" };
  const signedHeaders = signedList.split(";");
  if (!signedHeaders.includes("host") || !signedHeaders.includes("x-amz-date"))
    return { refused: "host and x-amz-date must be signed" };

  const payloadHash = sha256(request.body);
  const declared = request.headers["x-amz-content-sha256"];
  if (typeof declared === "string" && declared !== payloadHash) return { refused: "payload hash differs" };
  const [path = "/", query = ""] = request.path.split("?");
  const canonicalHeaders = signedHeaders
    .map((name) => {
      const value = request.headers[name];
      const text = Array.isArray(value) ? value.join(",") : (value ?? "");
      return `${name}:${text.trim().replace(/\s+/g, " ")}\n`;
    })
    .join("");
  const canonicalQuery = query
    .split("&")
    .filter((pair) => pair !== "")
    .sort()
    .join("&");
  const canonicalRequest = [
    request.method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedList,
    payloadHash,
  ].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let key = hmac(`AWS4${secret}`, date);
  for (const part of [region, service, "aws4_request"]) key = hmac(key, part);
  const expected = hmac(key, stringToSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return { refused: "signature mismatch" };
  return { accessKeyId, scope, region, service, signedHeaders };
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}
