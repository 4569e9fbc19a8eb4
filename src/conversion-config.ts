import { z } from "zod";
import { type ConversionSettings, DEFAULT_CONVERSION_SETTINGS } from "./domain/conversion.js";

/**
 * The conversion guard's settings (docs/fraud-guard.md, "Conversion guard"). `HANDSET_CONVERSION_GUARD=off`
 * turns it off; each figure has a default.
 */
const D = DEFAULT_CONVERSION_SETTINGS;

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, "a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const ConversionEnvSchema = z.object({
  HANDSET_CONVERSION_GUARD: z.enum(["on", "off"]).default("on"),
  HANDSET_CONVERSION_MIN_SENDS: whole(1, 1_000_000_000).default(D.minSends),
  HANDSET_CONVERSION_MIN_RATE: z
    .string()
    .trim()
    .regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, "a ratio from 0 to 1, like 0.2")
    .transform(Number)
    .default(D.minRate),
  HANDSET_CONVERSION_WINDOW_SECONDS: whole(60, 7 * 86_400).default(D.windowMs / 1000),
  HANDSET_CONVERSION_COOL_OFF_SECONDS: whole(1, 30 * 86_400).default(D.coolOffMs / 1000),
});

/** Reads the guard's variables; null when it is off. Problems are pushed by variable name. */
export function loadConversionConfig(
  env: Record<string, string | undefined>,
  problems: string[],
): ConversionSettings | null | undefined {
  const result = ConversionEnvSchema.safeParse(env);
  if (!result.success) {
    for (const i of result.error.issues) problems.push(`${i.path.join(".")}: ${i.message}`);
    return undefined;
  }
  const c = result.data;
  if (c.HANDSET_CONVERSION_GUARD === "off") return null;
  return {
    minSends: c.HANDSET_CONVERSION_MIN_SENDS,
    minRate: c.HANDSET_CONVERSION_MIN_RATE,
    windowMs: c.HANDSET_CONVERSION_WINDOW_SECONDS * 1000,
    coolOffMs: c.HANDSET_CONVERSION_COOL_OFF_SECONDS * 1000,
  };
}
