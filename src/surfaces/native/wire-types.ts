import { z } from "zod";

/**
 * Field types the native wire shapes share, each with an example for the OpenAPI document. Without
 * one, the docs page invents a sample from the JSON Schema: a year-2929 time out of the RFC 3339
 * pattern, and -9007199254740991 out of zod's safe-integer bounds.
 */

/** The example instant every example time is near, so that the examples read as one story. */
export const EXAMPLE_TIME = "2026-12-02T09:30:00.000Z";

/** An RFC 3339 time in UTC, as every native answer writes it. */
export const isoTime = (example = EXAMPLE_TIME) =>
  z.iso.datetime().meta({ description: "RFC 3339 time, UTC", example });

/** A whole number (a count, a limit) with the example the docs page shows. */
export const wholeNumber = (example: number) => z.number().int().meta({ example });

/** An identifier with its prefix (`usr_`, `pn_`, ...), shown by example. */
export const prefixedId = (example: string) => z.string().meta({ example });

/** An E.164 number, as stored and answered. */
export const e164 = () => z.string().meta({ description: "E.164", example: "+447400123456" });
