import type { OutboxRow, VerificationRow } from "../store/schema.js";

/**
 * What delivery needs of a verification to render its SMS: the row's own fields, as they were when the
 * message was queued. A send hands them over with the message, so delivery at commit reads nothing.
 */
export type CodeInputs = Pick<
  VerificationRow,
  "id" | "tenant_id" | "e164" | "key_id" | "code_length" | "expires_at" | "sealed_code"
>;

/** A message whose transaction is durable, with the verification it carries the code of. */
export interface CommittedSms {
  message: OutboxRow;
  verification: CodeInputs;
}

/** The claim a message is written with: leased to the process that wrote it, or left for the poll loop. */
export type OutboxClaim = Pick<OutboxRow, "status" | "locked_until" | "delivery_attempts">;

/**
 * How a use case that queues an SMS hands it to delivery. The message is written already claimed by
 * this process (when it has room to send it), and handed over as soon as the transaction is durable:
 * no claim transaction and no verification read stand between the commit and the provider.
 */
export interface SmsHandoff {
  /** The claim to write a message queued at `now` with, inside the queuing transaction. */
  claimAtWrite(now: number): OutboxClaim;
  /**
   * Called once the outermost transaction that queued `sms` is durable (never on rollback): delivers
   * a message leased at write, or wakes the poll loop for one that was not.
   */
  committed(sms: CommittedSms): void;
}
