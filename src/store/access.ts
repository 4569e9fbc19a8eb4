import { CompiledQuery } from "kysely";

/**
 * What a request still owes about its credential: authentication served it from the process's cache
 * without reading the database's `access_version` (migration 004), so the request must prove, before
 * anything it did becomes visible (a commit, an answer), that the version still reads `version`, or
 * that the credential is still valid at a newer one.
 */
export interface AccessCheck {
  /** `access_version` the cached credential was read at. */
  readonly version: number;
  /**
   * Looks the credential up afresh (the full read). Answers undefined when it is still valid, or the
   * refusal to answer instead (UNAUTHENTICATED, CREDENTIAL_EXPIRED); throws only when the database
   * could not say.
   */
  revalidate(): Promise<unknown>;
}

/** One request's record of its access check, in the request's async context (see `UnitOfWork`). */
export interface RequestAccess {
  /** A check not proven yet: the next commit carries it, or the answer waits for it. */
  pending: AccessCheck | undefined;
  /** Set once a check failed: the request answers this, and commits nothing more. */
  refusal: unknown;
}

/**
 * The statement sent with COMMIT while a check is pending: it raises `ACCESS_CHANGED_SQLSTATE` unless
 * `access_version` still reads the expected version, which aborts the transaction, so that the COMMIT
 * sent with it is answered with ROLLBACK (migration 005). A parameter makes it a named prepared
 * statement on PostgreSQL's connection.
 */
export function accessGuard(version: number): CompiledQuery {
  return CompiledQuery.raw("select handset_access_guard($1)", [version]);
}

/** The SQLSTATE `handset_access_guard` raises (a custom code, outside PostgreSQL's own classes). */
export const ACCESS_CHANGED_SQLSTATE = "HSA01";

/** The guard's error, as the server sent it. */
export const isAccessGuardError = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === ACCESS_CHANGED_SQLSTATE;

/**
 * COMMIT was refused because the access version moved since the credential was cached: nothing of
 * the transaction was written. The unit of work revalidates the credential and runs the work again,
 * or refuses the request.
 */
export class AccessChanged extends Error {
  constructor(options?: { cause?: unknown }) {
    super("the access version moved: the transaction was rolled back at COMMIT", options);
    this.name = "AccessChanged";
  }
}

/** A commit's guard, handed to the transaction's connection; `passed` once COMMIT succeeded with it. */
export interface CommitGuard {
  readonly query: CompiledQuery;
  passed: boolean;
}

/** A connection that can send a guard statement with its COMMIT (PostgreSQL's, see postgres.ts). */
export interface GuardingConnection {
  guardCommit(guard: CommitGuard): void;
}

export const guardsCommits = (connection: object): connection is GuardingConnection =>
  typeof (connection as Partial<GuardingConnection>).guardCommit === "function";
