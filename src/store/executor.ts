import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** A database handle or an open transaction: repositories work the same inside and outside one. */
export type Executor = Kysely<Database>;

export const toFlag = (value: boolean): 0 | 1 => (value ? 1 : 0);
