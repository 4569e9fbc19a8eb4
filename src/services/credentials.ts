import { HandsetError } from "../domain/errors.js";
import { isScope } from "../domain/scopes.js";
import { type CredentialForAuth, findCredentialForAuth, readAccessVersion } from "../store/credentials.js";
import type { Executor } from "../store/executor.js";
import { createAppJwtAuthentication } from "./app-jwt/authenticate.js";
import { looksLikeJwt } from "./app-jwt/verifier.js";
import type { Caller } from "./caller.js";
import { createCredentialAdmin } from "./credential-admin.js";
import { createCredentialIssuing, hashSecret } from "./credential-issue.js";
import { createCredentialUsage } from "./credential-usage.js";
import type { ServiceDeps } from "./deps.js";

export type { CredentialPage, ListCredentialsInput } from "./credential-admin.js";
export type { IssueAdminKeyInput, IssuedCredential, IssueUserTokenInput } from "./credential-issue.js";
export { hashSecret } from "./credential-issue.js";
export type { CredentialView } from "./credential-view.js";

/** A caller just authenticated, with whether a user token's user exists at this moment. */
export interface AuthenticatedCaller extends Caller {
  /** Whether a user token's user exists: false until its first use, or after it was deleted. */
  userExists: boolean;
}

/** Credentials a process keeps between requests (each entry is one short row). */
const CACHE_LIMIT = 10_000;

export function createCredentialService(deps: ServiceDeps) {
  const { uow } = deps.store;
  /**
   * Credentials read recently, by secret hash. An entry is used only while the database's access
   * version still reads what it read with the entry, and that version moves on in the same
   * transaction as every revocation and every credential or tenant change, by any process (triggers,
   * migration 004). So a request costs one primary-key read instead of the join (none at all when
   * the check rides with its COMMIT, see `lookUp`), and a revoked credential is refused at once
   * everywhere. Kept: valid credentials whose user exists (or that name
   * no user). A token whose user is missing is read afresh until its user appears.
   */
  const cache = new Map<string, CredentialForAuth>();
  const usage = createCredentialUsage(uow, deps.clock);
  /** The app's own JWTs as user credentials (docs/app-tokens.md), when configured. */
  const authenticateAppJwt = deps.appJwt ? createAppJwtAuthentication(deps.appJwt, uow, deps.clock) : null;

  /**
   * The credential with `secretHash`. A cached entry is proven still current by reading the access
   * version, unless the request can carry that proof to its commit and answer (`deferAccessCheck`):
   * in a request scope on PostgreSQL the version check rides with the request's COMMIT as a guard
   * statement, or is settled before the answer leaves, and a moved version makes the request look
   * the credential up afresh (`revalidate`) before anything it did is committed or answered.
   */
  async function lookUp(secretHash: string): Promise<CredentialForAuth | undefined> {
    const cached = cache.get(secretHash);
    if (cached !== undefined && !uow.inTransaction) {
      const deferred = uow.deferAccessCheck({
        version: cached.access_version,
        revalidate: () => revalidate(secretHash),
      });
      if (deferred) return cached;
    }
    return uow.read(async (db) => {
      if (cached !== undefined) {
        if ((await readAccessVersion(db)) === cached.access_version) return cached;
        cache.delete(secretHash);
      }
      return readAndKeep(db, secretHash);
    });
  }

  /** The full lookup by secret hash (a cache miss), kept when it may be. */
  async function readAndKeep(db: Executor, secretHash: string): Promise<CredentialForAuth | undefined> {
    const row = await findCredentialForAuth(db, secretHash);
    if (row && row.revoked_at === null && (row.user_id === null || row.user_exists)) {
      if (cache.size >= CACHE_LIMIT) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(secretHash, row);
    } else {
      cache.delete(secretHash);
    }
    return row;
  }

  /** Answers why a credential found (or not) cannot be used now, or undefined when it can. */
  function refusalOf(row: CredentialForAuth | undefined): HandsetError | undefined {
    if (!row || row.revoked_at !== null) {
      return new HandsetError("UNAUTHENTICATED", "The credential is not valid.");
    }
    if (row.expires_at !== null && row.expires_at <= deps.clock.now()) {
      return new HandsetError("CREDENTIAL_EXPIRED", "The credential has expired.");
    }
    return undefined;
  }

  /**
   * A deferred check found the access version moved: the credential is looked up afresh, as on a cache
   * miss. A token whose user was deleted has been revoked with it (the user's deletion revokes its
   * tokens), so a valid answer here still names an existing user.
   */
  async function revalidate(secretHash: string): Promise<HandsetError | undefined> {
    cache.delete(secretHash);
    const row = await uow.read((db) => readAndKeep(db, secretHash));
    const refusal = refusalOf(row);
    if (refusal !== undefined || !row) return refusal;
    // A user deleted without its tokens cannot happen; were it to, the request it began under the
    // user is refused rather than let act on no one (a new request makes the user appear again).
    if (row.user_id !== null && !row.user_exists) {
      return new HandsetError("UNAUTHENTICATED", "The credential is not valid.");
    }
    return undefined;
  }

  return {
    ...createCredentialIssuing(deps),
    ...createCredentialAdmin(deps, usage),

    /**
     * Writes the last-used times that are due (see `CredentialUsage.flush`); the server's flusher
     * calls it every few seconds and with `all` at close.
     */
    flushUsage(options?: { all?: boolean }): Promise<number> {
      return usage.flush(options);
    },

    /**
     * Runs `next` (the rest of an HTTP request) in a request scope: there, a credential served from
     * the cache on PostgreSQL is proven with the request's commit or before its answer.
     */
    inRequestScope<T>(next: () => T): T {
      return uow.inRequestScope(next);
    },

    /**
     * Proves what authentication left pending in this request (see `lookUp`); throws the refusal
     * (UNAUTHENTICATED, CREDENTIAL_EXPIRED) when the credential no longer holds. Every answer of a
     * request scope passes here before it leaves.
     */
    settleAccess(): Promise<void> {
      return uow.settleAccess();
    },

    /**
     * Resolves a presented secret to a caller, or says why it cannot. A secret with a dot is a JWT
     * (Handset's own secrets have none): the app's, when app JWTs are configured; never an admin key.
     */
    authenticate(secret: string): Promise<AuthenticatedCaller> {
      if (authenticateAppJwt !== null && looksLikeJwt(secret)) return authenticateAppJwt(secret);
      return authenticateHash(hashSecret(secret));
    },

    /**
     * As `authenticate`, from the secret's hash: the console keeps the hash in its session row, so each
     * console request is checked through the same cache and revocation as a bearer request.
     */
    authenticateHash,
  };

  async function authenticateHash(secretHash: string): Promise<AuthenticatedCaller> {
    const row = await lookUp(secretHash);
    const refusal = refusalOf(row);
    if (refusal !== undefined || !row) throw refusal;
    usage.note(row.id);
    return {
      tenantId: row.tenant_id,
      kind: row.kind,
      credentialId: row.id,
      userId: row.user_id,
      scopes: new Set(row.scopes.split(" ").filter(isScope)),
      userExists: row.user_exists,
    };
  }
}

export type CredentialService = ReturnType<typeof createCredentialService>;
