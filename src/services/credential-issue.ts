import { createHash, randomBytes } from "node:crypto";
import { HandsetError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import {
  ADMIN_KEY_SCOPES,
  DEFAULT_ADMIN_KEY_SCOPES,
  isScope,
  type Scope,
  USER_TOKEN_SCOPES,
} from "../domain/scopes.js";
import { appendCredentialEvent } from "../store/credential-events.js";
import { insertCredential } from "../store/credentials.js";
import type { CredentialKind } from "../store/schema.js";
import { ensureTenant } from "../store/tenants.js";
import { actorOf, type Caller, systemCaller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";
import { USER_ID_PATTERN } from "./users.js";

const SECRET_PREFIX: Record<CredentialKind, string> = { admin_key: "hsk_", user_token: "hst_" };

export interface IssuedCredential {
  id: string;
  kind: CredentialKind;
  tenantId: string;
  userId: string | null;
  name: string;
  scopes: Scope[];
  hint: string;
  createdAt: number;
  expiresAt: number | null;
  /** Shown once: only its hash is kept. */
  secret: string;
}

interface IssueInput {
  tenantId: string;
  name?: string;
  scopes?: readonly Scope[];
  expiresAt?: number | null;
  /**
   * Who asks (an admin key through the API): recorded in `credential.created`, and the ceiling of the
   * scopes it may grant. Unset: the system (the CLI, tests).
   */
  actor?: Caller;
}

export type IssueAdminKeyInput = IssueInput;

export interface IssueUserTokenInput extends IssueInput {
  userId: string;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * The scopes to grant: those asked for (each one a scope this kind can hold, and one the actor holds
 * itself, so that a key cannot mint a stronger key), or the defaults the actor holds.
 */
function grantedScopes(
  requested: readonly string[] | undefined,
  allowed: readonly Scope[],
  defaults: readonly Scope[],
  kind: string,
  actor: Caller,
): Scope[] {
  for (const scope of requested ?? []) {
    if (!isScope(scope) || !allowed.includes(scope)) {
      throw new HandsetError(
        "INVALID_REQUEST",
        `${scope} is not a scope a ${kind} can hold (${allowed.join(", ")}).`,
        { fields: [{ path: "scopes", message: `one of ${allowed.join(", ")}` }] },
      );
    }
    if (!actor.scopes.has(scope)) {
      throw new HandsetError("INSUFFICIENT_SCOPE", `A credential cannot grant ${scope}, which it lacks.`);
    }
  }
  if (requested !== undefined) return [...new Set(requested)] as Scope[];
  const scopes = defaults.filter((scope) => actor.scopes.has(scope));
  // An explicit empty list is allowed (a credential that can do nothing, for probing); an empty
  // default is a key too weak to grant any.
  if (scopes.length === 0) {
    throw new HandsetError("INVALID_REQUEST", `A ${kind} needs at least one scope.`, {
      fields: [{ path: "scopes", message: "at least one scope" }],
    });
  }
  return scopes;
}

/** Issuing admin keys and user tokens: a random secret shown once, its hash kept, an event written. */
export function createCredentialIssuing(deps: ServiceDeps) {
  const { uow } = deps.store;

  function checkExpiry(expiresAt: number | null | undefined): number | null {
    if (expiresAt === undefined || expiresAt === null) return null;
    if (!Number.isFinite(expiresAt) || expiresAt <= deps.clock.now()) {
      throw new HandsetError("INVALID_REQUEST", "A credential's expiry must lie in the future.", {
        fields: [{ path: "expires_at", message: "in the future" }],
      });
    }
    return expiresAt;
  }

  async function issue(
    kind: CredentialKind,
    input: IssueInput,
    userId: string | null,
    scopes: Scope[],
    defaultName: string,
  ): Promise<IssuedCredential> {
    const now = deps.clock.now();
    const expiresAt = checkExpiry(input.expiresAt);
    const name = input.name ?? defaultName;
    if (name.length === 0 || name.length > 200) {
      throw new HandsetError("INVALID_REQUEST", "A credential's name has 1 to 200 characters.", {
        fields: [{ path: "name", message: "1 to 200 characters" }],
      });
    }
    const secret = `${SECRET_PREFIX[kind]}${randomBytes(32).toString("base64url")}`;
    const hint = secret.slice(0, 10);
    const id = newId("cred", now);
    const { tenantId } = input;
    await uow.transaction(async (trx) => {
      await ensureTenant(trx, tenantId, tenantId, now);
      await insertCredential(trx, {
        id,
        tenant_id: tenantId,
        kind,
        user_id: userId,
        name,
        scopes: scopes.join(" "),
        secret_hash: hashSecret(secret),
        hint,
        expires_at: expiresAt,
        revoked_at: null,
        created_at: now,
      });
      await appendCredentialEvent(trx, {
        id: newId("evt", now),
        tenantId,
        credentialId: id,
        type: "credential.created",
        actor: actorOf(input.actor ?? systemCaller(tenantId)),
        payload: { kind, user_id: userId, name, scopes, expires_at: expiresAt },
        at: now,
      });
    });
    return { id, kind, tenantId, userId, name, scopes, hint, createdAt: now, expiresAt, secret };
  }

  return {
    /** A tenant-wide admin key; the tenant is created if it does not exist yet. */
    async issueAdminKey(input: IssueAdminKeyInput): Promise<IssuedCredential> {
      const actor = input.actor ?? systemCaller(input.tenantId);
      const scopes = grantedScopes(
        input.scopes,
        ADMIN_KEY_SCOPES,
        DEFAULT_ADMIN_KEY_SCOPES,
        "admin key",
        actor,
      );
      return issue("admin_key", input, null, scopes, "admin key");
    },

    /** A token for one user; the user need not exist yet; it appears on the token's first use. */
    async issueUserToken(input: IssueUserTokenInput): Promise<IssuedCredential> {
      if (!USER_ID_PATTERN.test(input.userId)) {
        throw new HandsetError("INVALID_REQUEST", "A user id has 1 to 64 letters, digits, '_' or '-'.", {
          fields: [{ path: "user", message: "1 to 64 letters, digits, '_' or '-'" }],
        });
      }
      const actor = input.actor ?? systemCaller(input.tenantId);
      const scopes = grantedScopes(input.scopes, USER_TOKEN_SCOPES, USER_TOKEN_SCOPES, "user token", actor);
      return issue("user_token", input, input.userId, scopes, "user token");
    },
  };
}
