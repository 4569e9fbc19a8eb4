import { readFileSync } from "node:fs";
import { z } from "zod";

/** The shapes setting values take (flags, lists, test numbers), and `_FILE` variables read from files. */

export const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
export const seconds = z.coerce.number().int().positive();
export const regionList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((r) => r.trim().toUpperCase())
      .filter((r) => r.length > 0),
  )
  .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 region")));

/** `+41781234567=123456,+447400123456=000000`: numbers that receive no SMS and take a fixed code. */
export const testNumbers = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(/^\+[1-9]\d{6,14}=\d{4,10}$/, "a pair like +447400123456=123456 (E.164 number = fixed code)"),
    ),
  )
  .transform((pairs) => new Map(pairs.map((p) => p.split("=") as [string, string])));

/**
 * `HANDSET_<NAME>_FILE` (and `DATABASE_URL_FILE`) read into `HANDSET_<NAME>`: a secret mounted as a
 * file. Its trailing newline is dropped; setting both, or naming an unreadable or empty file, is an error.
 */
export function readFileVariables(
  env: Record<string, string | undefined>,
  problems: string[],
): Record<string, string | undefined> {
  const resolved = { ...env };
  for (const [variable, path] of Object.entries(env)) {
    if (!variable.endsWith("_FILE") || path === undefined) continue;
    if (!variable.startsWith("HANDSET_") && variable !== "DATABASE_URL_FILE") continue;
    const target = variable.slice(0, -"_FILE".length);
    if (env[target] !== undefined) {
      problems.push(`${variable}: set either it or ${target}, not both`);
      continue;
    }
    try {
      const content = readFileSync(path, "utf8").replace(/\r?\n$/, "");
      if (content.length === 0) problems.push(`${variable}: the file is empty`);
      else resolved[target] = content;
    } catch (error) {
      problems.push(
        `${variable}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`,
      );
    }
    delete resolved[variable];
  }
  return resolved;
}
