import type { FastifyInstance } from "fastify";
import type { ErrorCode } from "../../domain/errors.js";
import type { VerificationView } from "../../services/views.js";
import { parseClerkBody } from "./body.js";
import type { ClerkContext } from "./context.js";
import { AttemptVerificationBody } from "./schemas.js";

interface PhoneNumberParams {
  phone_number_id: string;
}

type OtpStatus = "unverified" | "verified" | "expired" | "failed";

/** Clerk's `_VerificationResponse`: the verification itself, its id to pass to attempt_verification. */
export function presentVerificationResponse(verification: VerificationView, status?: OtpStatus) {
  const shown = status ?? OTP_STATUS[verification.status];
  return {
    object: "verification_otp" as const,
    id: verification.id,
    status: shown,
    strategy: "phone_code" as const,
    // Handset counts wrong guesses; Clerk counts every attempt, the successful one included.
    attempts: verification.attemptsUsed + (shown === "verified" ? 1 : 0),
    expire_at: verification.expiresAt,
    channel: "sms" as const,
  };
}

const OTP_STATUS: Record<VerificationView["status"], OtpStatus> = {
  pending: "unverified",
  verified: "verified",
  expired: "expired",
  failed: "failed",
  // Cancelled by a change to the number: it can no longer verify anything.
  canceled: "failed",
};

/** The refusals Clerk reports through the verification's status rather than as errors. */
const STATUS_OF_REFUSAL: Partial<Record<ErrorCode, OtpStatus>> = {
  CODE_INVALID: "unverified",
  CODE_EXPIRED: "expired",
  CODE_ATTEMPTS_EXHAUSTED: "failed",
};

const attemptConfig = { clerkAction: "attempt_verification" } as const;

/**
 * Clerk's Backend-API phone verification (`prepare_verification` / `attempt_verification`, API
 * version 2026-05-12): Handset's own send-code and code check, with Handset's limits (resend
 * cooldown, attempts, budgets), whose refusals are Clerk's 429 with `Retry-After`.
 */
export function registerVerificationRoutes(app: FastifyInstance, ctx: ClerkContext): void {
  const { verification, verificationAttempts } = ctx.handset;

  app.post<{ Params: PhoneNumberParams }>(
    "/phone_numbers/:phone_number_id/prepare_verification",
    async (request) => {
      const caller = await ctx.authorize(request, "phone:verify");
      const sent = await verification.send(caller, request.params.phone_number_id);
      return presentVerificationResponse(sent.verification);
    },
  );

  app.post<{ Params: PhoneNumberParams }>(
    "/phone_numbers/:phone_number_id/attempt_verification",
    { config: attemptConfig },
    async (request) => {
      const caller = await ctx.authorize(request, "phone:verify");
      const body = parseClerkBody(AttemptVerificationBody, request.body);
      const { outcome, verification: after } = await verificationAttempts.attempt(
        caller,
        request.params.phone_number_id,
        body.verification_id,
        body.code,
      );
      if (outcome && !outcome.ok) {
        const status = STATUS_OF_REFUSAL[outcome.error.code];
        // Anything else (a guess budget spent, a locked number) is an error: Clerk's 429 and the like.
        if (status === undefined) throw outcome.error;
        return presentVerificationResponse(after, status);
      }
      return presentVerificationResponse(after);
    },
  );
}
