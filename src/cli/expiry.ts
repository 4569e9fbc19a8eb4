import { InvalidArgumentError } from "commander";

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** `30d`, `12h`, `90m`, or an ISO 8601 time. */
export function parseExpiry(value: string, now: number): number {
  const at = readExpiry(value, now);
  // Outside the range of a Date the credential would be stored and its expiry then unprintable.
  if (at === undefined || Number.isNaN(new Date(at).getTime())) {
    throw new InvalidArgumentError("expected a duration like 30d or an ISO 8601 time");
  }
  return at;
}

function readExpiry(value: string, now: number): number | undefined {
  const relative = /^(\d+)([smhd])$/.exec(value);
  if (relative) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as "s" | "m" | "h" | "d"];
    return now + Number(relative[1]) * unit;
  }
  // Date.parse alone takes `12` for December 2001 and rolls 30 February into March.
  const iso = ISO_8601.exec(value);
  if (!iso) return undefined;
  const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}
