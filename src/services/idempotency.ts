import { createHash, randomBytes } from "node:crypto";
import { HandsetError } from "../domain/errors.js";
import {
  canonicalJson,
  carriesSecret,
  decideOnStoredKey,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENCY_WINDOW_MS,
  keepsAnswer,
} from "../domain/idempotency.js";
import {
  completeKey,
  findKey,
  insertKeyClaim,
  type KeyAddress,
  type NewClaim,
  releaseKey,
  takeOverKey,
} from "../store/idempotency.js";
import type { IdempotencyKeyRow } from "../store/schema.js";
import type { Caller } from "./caller.js";
import type { ServiceDeps } from "./deps.js";

/** A request that carries an Idempotency-Key, as the surface saw it (the body before validation). */
export interface KeyedRequest {
  caller: Caller;
  key: string;
  method: string;
  /** The path with its query string. */
  url: string;
  body: unknown;
}

/** An answer as it left, or as it is replayed. */
export interface IdempotentAnswer {
  status: number;
  /** The headers that matter to a client (content type, location). */
  headers: Record<string, string>;
  body: string;
}

/** The request holds its key: it runs, then completes or releases the claim. */
export interface KeyClaim {
  address: KeyAddress;
  claimToken: string;
}

export type ClaimOutcome =
  | { kind: "claimed"; claim: KeyClaim }
  | { kind: "replay"; answer: IdempotentAnswer };

/** The headers a replay answers with; the others (request id, dates) belong to the request that asks. */
export const REPLAYED_HEADERS = ["content-type", "location"] as const;

/** A key's row may change (taken over, purged) between the insert and the read: tried this often. */
const CLAIM_ATTEMPTS = 3;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The tenant's admin keys share one space of keys; each user's tokens have their own. */
const ownerOf = (caller: Caller) => (caller.userId === null ? caller.kind : `user:${caller.userId}`);

/**
 * Body fields that carry a code (`custom_code`, 6 to 10 digits): hashed with the rest of a request an
 * attacker could rebuild from a dump, a code would be found by trying them all, so they are left out
 * of the fingerprint (DESIGN.md, invariant 1). A retry that changes only such a field replays the first
 * answer instead of being refused as another request.
 */
const SECRET_FIELDS = ["custom_code"];

function withoutSecrets(body: unknown): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !SECRET_FIELDS.includes(name)));
}

/**
 * The request's identity. The credential is part of it: a key used by another credential is another
 * request, so a replay never answers a credential what another one (perhaps with other scopes) was told.
 */
function fingerprintOf(request: KeyedRequest): string {
  return sha256(
    JSON.stringify([
      request.method.toUpperCase(),
      request.url,
      canonicalJson(withoutSecrets(request.body)),
      request.caller.credentialId,
    ]),
  );
}

function idOfAnswer(body: unknown): string | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const id = (body as Record<string, unknown>).id;
  return typeof id === "string" ? id : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function replayOf(row: IdempotencyKeyRow): IdempotentAnswer {
  return {
    status: row.status ?? 200,
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
    body: row.body ?? "",
  };
}

function withheld(row: IdempotencyKeyRow): HandsetError {
  const id = row.body ? idOfAnswer(parseJson(row.body)) : undefined;
  return new HandsetError(
    "IDEMPOTENCY_ANSWER_WITHHELD",
    `The request with this Idempotency-Key succeeded (${row.status ?? 200}${id ? `, ${id}` : ""}), but its ` +
      "answer carried a secret, which is shown once and not kept. If that answer was lost, revoke what " +
      "it created and ask again with a new key.",
  );
}

/**
 * The native API's idempotency keys (docs/idempotency.md). A request with a key claims it with one
 * conditional insert of the key's row, so that across every process on the database exactly one
 * request runs for it; the others are answered from the row: the stored answer, 409 while it runs,
 * 422 for another request. Claims are single statements of their own, outside the use case's
 * transaction, so that a use case that rolls back leaves its key claimed until its error is answered.
 */
export function createIdempotencyService(deps: ServiceDeps) {
  const { uow } = deps.store;

  async function claim(request: KeyedRequest): Promise<ClaimOutcome> {
    const address: KeyAddress = {
      tenantId: request.caller.tenantId,
      owner: ownerOf(request.caller),
      key: request.key,
    };
    const fingerprint = fingerprintOf(request);
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt += 1) {
      const now = deps.clock.now();
      const fresh: NewClaim = {
        fingerprint,
        claimToken: randomBytes(16).toString("hex"),
        now,
        leaseUntil: now + IDEMPOTENCY_LEASE_MS,
        expiresAt: now + IDEMPOTENCY_WINDOW_MS,
      };
      const claimed: KeyClaim = { address, claimToken: fresh.claimToken };
      if (await uow.statement((db) => insertKeyClaim(db, address, fresh))) {
        return { kind: "claimed", claim: claimed };
      }
      const row = await uow.read((db) => findKey(db, address));
      if (!row) continue; // purged between the insert and the read
      const decision = decideOnStoredKey(
        {
          fingerprint: row.fingerprint,
          state: row.state,
          leaseUntil: row.lease_until,
          expiresAt: row.expires_at,
        },
        fingerprint,
        now,
      );
      switch (decision.kind) {
        case "take_over":
          if (await uow.statement((db) => takeOverKey(db, address, row.claim_token, fresh))) {
            return { kind: "claimed", claim: claimed };
          }
          continue; // another request took it first
        case "replay":
          return { kind: "replay", answer: replayOf(row) };
        case "withheld":
          throw withheld(row);
        case "reused":
          throw new HandsetError(
            "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was used for another request (another body, route or credential) in " +
              "the last 24 hours: use a new key for a new request.",
          );
        case "in_progress":
          throw new HandsetError(
            "IDEMPOTENCY_KEY_IN_PROGRESS",
            "A request with this Idempotency-Key is still running: retry shortly for its answer.",
            { retryAt: decision.retryAt },
          );
      }
    }
    throw new HandsetError(
      "IDEMPOTENCY_KEY_IN_PROGRESS",
      "Other requests with this Idempotency-Key are running: retry shortly for the answer.",
      { retryAt: deps.clock.now() + 1_000 },
    );
  }

  return {
    claim,

    /**
     * Keeps the answer of a claimed request where replaying it is right (2xx, 3xx, 4xx but 429), or
     * lets the key go (5xx, 429) so that the client may retry. An answer carrying a secret is not
     * kept: only its status and its id are, and a replay says so.
     */
    async finish(claimed: KeyClaim, answer: IdempotentAnswer): Promise<void> {
      if (!keepsAnswer(answer.status)) return this.release(claimed);
      const parsed = parseJson(answer.body);
      const secret = carriesSecret(parsed);
      const id = idOfAnswer(parsed);
      const stored = {
        state: secret ? ("withheld" as const) : ("done" as const),
        status: answer.status,
        headers: JSON.stringify(answer.headers),
        body: secret ? (id === undefined ? "" : JSON.stringify({ id })) : answer.body,
      };
      await uow.statement((db) => completeKey(db, claimed.address, claimed.claimToken, stored));
    },

    /** Lets the key go: its request's answer is not kept. */
    async release(claimed: KeyClaim): Promise<void> {
      await uow.statement((db) => releaseKey(db, claimed.address, claimed.claimToken));
    },
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
