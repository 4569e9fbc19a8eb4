import type { Executor } from "../../store/executor.js";
import type { PipelineStep } from "../../store/prepared.js";
import type { PhoneNumberRow } from "../../store/schema.js";
import type { Caller } from "../caller.js";

/**
 * The wallet defence's seam in the use cases (DESIGN.md, "Wallet defence"). Each guard (budgets, the
 * conversion guard, the guess lock) sees the moments that cost money or risk a code, inside the use
 * case's transaction and under the user's lock, and refuses by throwing: a `GuardRefusal` when the
 * refusal itself must be recorded although the use case rolls back.
 */
/**
 * The number a code goes to, as the guards see it: a user's number (read under the user's lock), or a
 * bare number (docs/verifications.md), which has no user and no number id.
 */
export type CodeTarget = Pick<PhoneNumberRow, "tenant_id" | "e164" | "region"> & {
  id: string | null;
  user_id: string | null;
};

export interface SendAttempt {
  caller: Caller;
  /** The number the SMS goes to. */
  phone: CodeTarget;
  /** True when this send starts a new verification (a new code), false for a resend. */
  newVerification: boolean;
  verificationId: string;
  now: number;
}

export interface GuessAttempt {
  caller: Caller;
  phone: CodeTarget;
  verificationId: string;
  now: number;
}

export interface AddAttempt {
  caller: Caller;
  userId: string;
  e164: string;
  region: string | null;
  /** Added as verified by an admin: no code will be sent to it. */
  verified: boolean;
  now: number;
}

/**
 * A guard's one statement for a send, sent in the same round trip as the send's own write and the
 * other guards' statements (PostgreSQL pipelines them; see `pipeline`), and how to read its answer.
 */
export type GuessOutcome = "wrong" | "verified";

export interface SendCheck {
  /** Null when the guard decided without a statement (an amount over its cap, say). */
  step: PipelineStep | null;
  /** Reads the statement's rows (none without a statement); refuses by throwing. May run more statements. */
  settle(rows: readonly unknown[]): Promise<void>;
}

export interface SendGuard {
  /**
   * The guard's statement for an SMS about to be queued (test numbers, which send nothing, skip the
   * guards), to go out with the send's write: one round trip between them all. Its answer is read
   * last in the transaction, so that budget rows shared by every send are held only until the commit.
   */
  sendCheck?(trx: Executor, attempt: SendAttempt): Promise<SendCheck | undefined>;
  /**
   * The guard's statement for a code compared (`wrong` once a wrong code is to be counted, `verified`
   * once the number is to be verified), to go out with the check's own write in one round trip.
   */
  guessCheck?(trx: Executor, attempt: GuessAttempt, outcome: GuessOutcome): Promise<SendCheck | undefined>;
  /**
   * What the guard reads before a code is compared, as a statement sent with the user's lock (one
   * round trip on PostgreSQL); its rows come to `beforeCheck`.
   */
  checkRead?(tenantId: string, phoneNumberId: string): PipelineStep;
  /**
   * A code is about to be compared: a refusal here counts no guess. `read` holds the rows of the
   * guard's `checkRead`, when it has one.
   */
  beforeCheck?(trx: Executor, attempt: GuessAttempt, read?: readonly unknown[]): Promise<void>;
  /** A number is about to be added to a user. */
  beforeAdd?(trx: Executor, attempt: AddAttempt): Promise<void>;
  /**
   * A user token was refused a number (held by someone else, a refused type or country): written in
   * a transaction of its own after the refusal rolled back, so that probing costs what adding does.
   */
  afterAddRefused?(trx: Executor, attempt: AddAttempt): Promise<void>;
}

/** The guards together, as the use cases call them. */
export interface ComposedGuards
  extends Required<Omit<SendGuard, "sendCheck" | "guessCheck" | "checkRead" | "beforeCheck">> {
  /** Every guard's read before a code is compared, to send with the user's lock. */
  checkReads(tenantId: string, phoneNumberId: string): PipelineStep[];
  /**
   * Every guard's `beforeCheck`, each given the rows of its own read (`reads`, in `checkReads`' order);
   * without `reads` (a bare number, which has no number id to read by) each guard reads for itself.
   */
  beforeCheck(trx: Executor, attempt: GuessAttempt, reads?: readonly (readonly unknown[])[]): Promise<void>;
  /** Every guard's send check, in the guards' order. */
  sendChecks(trx: Executor, attempt: SendAttempt): Promise<SendCheck[]>;
  /** Every guard's check of a compared code, in the guards' order. */
  guessChecks(trx: Executor, attempt: GuessAttempt, outcome: GuessOutcome): Promise<SendCheck[]>;
}

/**
 * Reads each check's answer, in the guards' order, so that the first refusal wins: `results` are the
 * rows of the checks' statements in the order their steps were sent (checks without one skipped).
 */
export async function settleSendChecks(
  checks: readonly SendCheck[],
  results: readonly (readonly unknown[])[],
): Promise<void> {
  let next = 0;
  for (const check of checks) {
    const rows = check.step === null ? [] : (results[next++] ?? []);
    await check.settle(rows);
  }
}

/** The statements of `checks`, in order, for the pipeline. */
export function sendCheckSteps(checks: readonly SendCheck[]): PipelineStep[] {
  return checks.flatMap((check) => (check.step === null ? [] : [check.step]));
}

/** Every guard, in order: the first refusal wins. */
export function composeGuards(guards: readonly SendGuard[]): ComposedGuards {
  const each =
    <A>(pick: (g: SendGuard) => ((trx: Executor, attempt: A) => Promise<void>) | undefined) =>
    async (trx: Executor, attempt: A): Promise<void> => {
      for (const guard of guards) await pick(guard)?.call(guard, trx, attempt);
    };
  return {
    async sendChecks(trx, attempt) {
      const checks: SendCheck[] = [];
      for (const guard of guards) {
        const check = await guard.sendCheck?.(trx, attempt);
        if (check) checks.push(check);
      }
      return checks;
    },
    async guessChecks(trx, attempt, outcome) {
      const checks: SendCheck[] = [];
      for (const guard of guards) {
        const check = await guard.guessCheck?.(trx, attempt, outcome);
        if (check) checks.push(check);
      }
      return checks;
    },
    checkReads: (tenantId, phoneNumberId) =>
      guards.flatMap((guard) => (guard.checkRead ? [guard.checkRead(tenantId, phoneNumberId)] : [])),
    async beforeCheck(trx, attempt, reads) {
      let next = 0;
      for (const guard of guards) {
        const read = guard.checkRead && reads ? (reads[next++] ?? []) : undefined;
        await guard.beforeCheck?.(trx, attempt, read);
      }
    },
    beforeAdd: each((g) => g.beforeAdd),
    afterAddRefused: each((g) => g.afterAddRefused),
  };
}

/** No guard at all (tests of the bare use cases, tools that send nothing). */
export const NO_GUARDS: ComposedGuards = composeGuards([]);
