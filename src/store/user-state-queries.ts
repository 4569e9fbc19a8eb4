import { hotQuery } from "./prepared.js";

/**
 * The SQL of a user's lock and of the state read that goes with it (see `lockUserState` in locks.ts),
 * written once per dialect.
 */

const LOCK_COLUMNS = "u.id as locked_user_id, t.allowed_regions, t.denied_regions, t.settings";
const BY_USER = "u.tenant_id = $1 and u.id = $2";
const BY_NUMBER =
  "u.tenant_id = $1 and u.id = (select user_id from phone_numbers where tenant_id = $1 and id = $2)";

const NUMBER_COLUMNS = [
  "tenant_id",
  "id",
  "user_id",
  "e164",
  "region",
  "number_type",
  "is_primary",
  "verified_at",
  "verification_strategy",
  "reserved_for_second_factor",
  "default_second_factor",
  "created_at",
  "updated_at",
] as const;

const VERIFICATION_COLUMNS = [
  "tenant_id",
  "id",
  "user_id",
  "phone_number_id",
  "e164",
  "key_id",
  "code_length",
  "status",
  "attempts_used",
  "max_attempts",
  "sends_used",
  "last_sent_at",
  "expires_at",
  "created_at",
  "updated_at",
  "verified_at",
  "verified_strategy",
  // Always '' and null for a user's number: read so that the row is the whole VerificationRow.
  "service_id",
  "sealed_code",
] as const;

type Dialect = "sqlite" | "postgres";
const jsonObject = (dialect: Dialect, pairs: readonly (readonly [string, string])[]) =>
  `${dialect === "sqlite" ? "json_object" : "json_build_object"}(${pairs.map(([k, v]) => `'${k}', ${v}`).join(", ")})`;

/**
 * The number `$3`'s open verification, as one JSON column on that number's row only (every other
 * row carries a null, so a user with many numbers costs no wide rows). Found by the partial unique
 * index `verifications_one_pending`: its predicate is written literally (`status = 'pending'`), never
 * bound, so that both planners can prove the index applies.
 */
const pendingColumn = (dialect: Dialect) => `
  case when p.id = $3 then (
    select ${jsonObject(
      dialect,
      VERIFICATION_COLUMNS.map((c) => [c, `v.${c}`]),
    )}
    from verifications v
    where v.tenant_id = p.tenant_id and v.phone_number_id = p.id and v.status = 'pending'
  ) end as pending`;

/** The send budgets of number `$3` since `$4`, on its row only: wrong guesses and SMS queued. */
const budgetsColumn = (dialect: Dialect) => `
  case when p.id = $3 then ${jsonObject(dialect, [
    [
      "wrong_guesses",
      `(select coalesce(sum(attempts_used), 0) from verifications
        where tenant_id = p.tenant_id and e164 = p.e164 and created_at > $4 and attempts_used > 0)`,
    ],
    [
      "oldest_wrong_at",
      `(select min(created_at) from verifications
        where tenant_id = p.tenant_id and e164 = p.e164 and created_at > $4 and attempts_used > 0)`,
    ],
    [
      "recent_sends",
      `(select count(*) from outbox where tenant_id = p.tenant_id and to_e164 = p.e164 and created_at > $4)`,
    ],
  ])} end as budgets`;

const stateColumns = (dialect: Dialect, budgets: boolean) =>
  [
    ...NUMBER_COLUMNS.map((c) => `p.${c}`),
    pendingColumn(dialect),
    ...(budgets ? [budgetsColumn(dialect)] : []),
  ].join(", ");

/**
 * The user's numbers (`$2` names the user, or with `byNumber` one of its numbers). Keyed by what the
 * lock is keyed by, so it needs nothing from the lock's answer: the two can be sent together, and
 * PostgreSQL runs the read once the lock is held, with a snapshot taken then.
 */
function stateQuery(byNumber: boolean, budgets: boolean, onlyTarget = false) {
  const user = byNumber ? "(select user_id from phone_numbers where tenant_id = $1 and id = $2)" : "$2";
  // Only number `$3`, by its key: a use case that changes one number and no rule of the set reads one
  // row, however many numbers its user holds.
  const where = onlyTarget
    ? `p.tenant_id = $1 and p.id = $3 and p.user_id = ${user}`
    : `p.tenant_id = $1 and p.user_id = ${user}`;
  const text = (dialect: Dialect) => `
    select ${stateColumns(dialect, budgets)}
    from phone_numbers p
    where ${where}
    order by p.created_at, p.id`;
  return hotQuery({ sqlite: text("sqlite"), postgres: text("postgres") });
}

/**
 * The lock, with the tenant's region lists and settings. On PostgreSQL a row lock, and the state is read after it
 * in a statement of its own (pipelined with the lock), whose snapshot starts once the lock is held. On SQLite an existence
 * check: the state could be read in the same statement there, but repeating the lock's columns on
 * every number's row cost more than the statement saved (a user with 64 numbers: 35 µs).
 */
function lockQuery(where: string) {
  const text = `select ${LOCK_COLUMNS} from users u join tenants t on t.id = u.tenant_id where ${where}`;
  return hotQuery({ sqlite: text, postgres: `${text} for update of u` });
}

/** Exported for the tests that look at their plans. */
export const USER_STATE_QUERIES = {
  state: stateQuery(false, false),
  stateWithBudgets: stateQuery(false, true),
  stateByNumber: stateQuery(true, false),
  stateByNumberWithBudgets: stateQuery(true, true),
  target: stateQuery(false, false, true),
  targetWithBudgets: stateQuery(false, true, true),
  targetByNumber: stateQuery(true, false, true),
  targetByNumberWithBudgets: stateQuery(true, true, true),
  lockByUser: lockQuery(BY_USER),
  lockByNumber: lockQuery(BY_NUMBER),
  ownerOfNumber: hotQuery("select user_id from phone_numbers where tenant_id = $1 and id = $2"),
};

/** The state read for a request: by user or by number, with or without budgets, set or target only. */
export function stateQueryFor(byNumber: boolean, budgets: boolean, onlyTarget: boolean) {
  const q = USER_STATE_QUERIES;
  if (onlyTarget) {
    if (byNumber) return budgets ? q.targetByNumberWithBudgets : q.targetByNumber;
    return budgets ? q.targetWithBudgets : q.target;
  }
  if (byNumber) return budgets ? q.stateByNumberWithBudgets : q.stateByNumber;
  return budgets ? q.stateWithBudgets : q.state;
}
