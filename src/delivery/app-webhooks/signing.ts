import { Webhook } from "standardwebhooks";

/** The endpoint's secrets a message is signed with: the current one, and the previous one in its grace. */
export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: number | null;
}

/**
 * The Standard Webhooks headers of one message. During a rotation's grace period the signature header
 * carries a signature under each secret (space-delimited, as the spec allows), so a receiver that still
 * holds the old secret verifies too.
 */
export function signedHeaders(
  secrets: SigningSecrets,
  messageId: string,
  at: number,
  body: string,
): Record<string, string> {
  const timestamp = new Date(at);
  const signatures = [new Webhook(secrets.secret).sign(messageId, timestamp, body)];
  if (
    secrets.previousSecret !== null &&
    secrets.previousSecretUntil !== null &&
    at < secrets.previousSecretUntil
  ) {
    signatures.push(new Webhook(secrets.previousSecret).sign(messageId, timestamp, body));
  }
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
