import { randomFillSync } from "node:crypto";
import { monotonicFactory } from "ulid";

const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

/**
 * ULID's randomness from a pool refilled 4 KiB at a time: ulid's default source makes one system call
 * per character (16 per id), which the bench's profile showed at 3-5% of a busy server's CPU. Each byte
 * maps onto one base-32 character without bias, since 256 is a multiple of 32.
 */
function pooledRandom(): number {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const byte = pool[poolOffset] ?? 0;
  poolOffset += 1;
  return byte / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

export type IdPrefix = "usr" | "pn" | "vf" | "vsv" | "msg" | "cred" | "evt" | "req" | "whep" | "whd" | "wha";

/** Sortable, prefixed identifiers: the prefix says what a bare id is when it turns up in a log. */
export function newId(prefix: IdPrefix, now: number): string {
  return `${prefix}_${nextUlid(now).toLowerCase()}`;
}
