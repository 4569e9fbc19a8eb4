import { type ErrorCode, HandsetError } from "../domain/errors.js";
import type { Caller } from "./caller.js";
import { type GuardMetrics, GuardRefusal, NO_GUARD_METRICS } from "./guards/guard-refusal.js";
import type { AddAttempt, SendGuard } from "./guards/send-guard.js";

/** The refusals a user token must not tell apart: each says something about other accounts or our rules. */
const HIDDEN_FROM_USER_TOKENS: ReadonlySet<ErrorCode> = new Set([
  "PHONE_NUMBER_TAKEN",
  "PHONE_NUMBER_TYPE_NOT_ALLOWED",
  "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
]);

/**
 * A user token that may not add a number hears one answer whatever the reason (held by another
 * user, a refused type or country), and the attempt spends from the user's budget of numbers added
 * as a successful add would: adding numbers is no oracle of who is registered, and probing is rate
 * limited. Admin keys keep the explicit answer (Clerk's `form_identifier_exists` among them).
 */
export function hiddenFromUserToken(
  error: unknown,
  caller: Caller,
  attempt: AddAttempt,
  guards: Pick<Required<SendGuard>, "afterAddRefused">,
  metrics: GuardMetrics = NO_GUARD_METRICS,
): unknown {
  if (caller.kind !== "user_token") return error;
  if (!(error instanceof HandsetError) || !HIDDEN_FROM_USER_TOKENS.has(error.code)) return error;
  return new GuardRefusal(
    "PHONE_NUMBER_UNAVAILABLE",
    "This number cannot be added to this account. Use a mobile number that can receive SMS, in a country this service sends to, and that is not already in use.",
    { limit: "phone_number_unavailable", field: "phone_number" },
    {
      caller,
      type: "phone_number.add_refused",
      payload: { userId: attempt.userId, reason: error.code },
      at: attempt.now,
      also: (trx) => guards.afterAddRefused(trx, attempt),
    },
    metrics,
  );
}
