import { deriveCode } from "../../src/domain/code.js";
import { TEST_KEYRING, type TestApp } from "../support/harness.js";
import type { nativeClient } from "../support/native-client.js";

type Client = ReturnType<typeof nativeClient>;

/** What guessing on one number got in one stretch of time. */
export interface GuessRun {
  /** Wrong codes the server counted (422 CODE_INVALID or CODE_ATTEMPTS_EXHAUSTED). */
  wrong: number;
  /** Requests answered 429 PHONE_NUMBER_LOCKED (a send or a check). */
  locked: number;
  /** Every other refusal code seen, with how often (the per-number hourly limits). */
  refusals: Record<string, number>;
  /** The open verification's id when the run stopped with one open, for its right code. */
  openVerification: string | null;
}

const HOUR = 3_600_000;

/**
 * An attacker guessing on one number as fast as the server lets it: asks for a code, sends wrong
 * codes until that verification is spent, asks again a minute later, and when the per-number limits
 * refuse (10 wrong codes per hour), waits for the next hour (or `everyHours`). Stops after `hours`, or once `wrong`
 * guesses were counted (in the middle of a verification if need be).
 */
export async function guessWrong(
  t: TestApp,
  client: Client,
  phoneNumberId: string,
  limit: { hours: number; wrong?: number; everyHours?: number },
): Promise<GuessRun> {
  const run: GuessRun = { wrong: 0, locked: 0, refusals: {}, openVerification: null };
  const refused = (code: string) => {
    if (code === "PHONE_NUMBER_LOCKED") run.locked += 1;
    else run.refusals[code] = (run.refusals[code] ?? 0) + 1;
  };
  let open: { id: string; left: number } | null = null;
  const step = limit.everyHours ?? 1;
  for (let hour = 0; hour < limit.hours; hour += step) {
    const hourStart = t.clock.now();
    for (;;) {
      if (limit.wrong !== undefined && run.wrong >= limit.wrong) {
        run.openVerification = open?.id ?? null;
        return run;
      }
      if (!open) {
        t.clock.advance(60_000);
        const sent = await client.sendMine(phoneNumberId);
        if (sent.statusCode !== 202) {
          refused(sent.json().error.code as string);
          break;
        }
        const v = sent.json().verification as { id: string; attempts_left: number };
        open = { id: v.id, left: v.attempts_left };
      }
      t.clock.advance(1_000);
      const checked = await client.verifyMine(phoneNumberId, wrongCodeFor(open.id));
      const error = checked.json().error as { code: string; details?: { attempts_left?: number } };
      if (
        checked.statusCode === 422 &&
        (error.code === "CODE_INVALID" || error.code === "CODE_ATTEMPTS_EXHAUSTED")
      ) {
        run.wrong += 1;
        open.left = error.details?.attempts_left ?? 0;
        if (open.left <= 0) open = null;
        continue;
      }
      refused(error.code);
      open = null;
      break;
    }
    t.clock.set(hourStart + step * HOUR);
  }
  run.openVerification = (open as { id: string } | null)?.id ?? null;
  return run;
}

/** The code a verification's SMS carries (the test keyring is fixed). */
export function rightCodeFor(verificationId: string): string {
  return deriveCode(TEST_KEYRING.active, verificationId, 6);
}

function wrongCodeFor(verificationId: string): string {
  const right = rightCodeFor(verificationId);
  return right === "000000" ? "111111" : "000000";
}
