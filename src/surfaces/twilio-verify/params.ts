import { twilioErrors } from "./errors.js";

/**
 * Twilio's form parameters (PascalCase, `application/x-www-form-urlencoded`). A repeated parameter
 * arrives as an array and is refused: every parameter this surface reads is single.
 */
export function optionalParam(body: unknown, name: string): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== "object") throw twilioErrors.invalidParameter(name, "the body is not a form");
  const value = (body as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw twilioErrors.invalidParameter(name, "give it once, as text");
  return value;
}

export function requiredParam(body: unknown, name: string): string {
  const value = optionalParam(body, name);
  if (value === undefined || value.trim().length === 0) throw twilioErrors.missingParameter(name);
  return value;
}

/** Twilio's channels (verification_enum_channel); only `sms` is served. */
export const TWILIO_CHANNELS = ["sms", "call", "email", "whatsapp", "sna", "auto", "rcs"] as const;
