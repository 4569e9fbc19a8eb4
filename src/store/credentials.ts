import type { Executor } from "./executor.js";
import { hotQuery, hotRow } from "./prepared.js";
import type { CredentialRow, CredentialTable } from "./schema.js";

export async function insertCredential(db: Executor, row: CredentialTable): Promise<void> {
  await db.insertInto("credentials").values(row).execute();
}

export async function findCredentialByHash(
  db: Executor,
  secretHash: string,
): Promise<CredentialRow | undefined> {
  return db.selectFrom("credentials").selectAll().where("secret_hash", "=", secretHash).executeTakeFirst();
}

/** A credential as authentication reads it, with the access version it was read at. */
export interface CredentialForAuth extends CredentialRow {
  /** Whether the user a user token names exists now. */
  user_exists: boolean;
  /** `access_version` when the row was read, in the same statement (see migration 004). */
  access_version: number;
}

const CREDENTIAL_FOR_AUTH = hotQuery(`
  select c.id, c.tenant_id, c.kind, c.user_id, c.name, c.scopes, c.secret_hash, c.hint, c.expires_at,
    c.revoked_at, c.created_at, u.id as existing_user_id, a.version as access_version
  from credentials c
  left join users u on u.tenant_id = c.tenant_id and u.id = c.user_id
  cross join access_version a
  where c.secret_hash = $1 and a.id = 1`);

/**
 * The credential with a secret hash, whether the user it names exists now, and the access version,
 * all from one snapshot: one indexed read that lets authentication create a token's user only when it
 * is missing, and keep the answer for as long as the access version reads the same.
 */
export async function findCredentialForAuth(
  db: Executor,
  secretHash: string,
): Promise<CredentialForAuth | undefined> {
  const row = await hotRow<CredentialRow & { existing_user_id: string | null; access_version: number }>(
    db,
    CREDENTIAL_FOR_AUTH,
    [secretHash],
  );
  if (!row) return undefined;
  const { existing_user_id, access_version, ...credential } = row;
  return { ...credential, user_exists: existing_user_id !== null, access_version: Number(access_version) };
}

/**
 * The row id is bound, not written in: a statement with a parameter is a named prepared one on
 * PostgreSQL (parsed once per connection; see postgres.ts), one without goes on the simple protocol
 * and is parsed every time, and this one runs on every authenticated request.
 */
const ACCESS_VERSION = hotQuery("select version from access_version where id = $1");

/** The access version now: it moves on with every revocation and every credential or tenant change. */
export async function readAccessVersion(db: Executor): Promise<number> {
  const row = await hotRow<{ version: number }>(db, ACCESS_VERSION, [1]);
  if (!row) throw new Error("access_version has no row: the database is not migrated");
  return Number(row.version);
}

export async function revokeCredential(
  db: Executor,
  tenantId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable("credentials")
    .set({ revoked_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes every token of one user (the user was deleted). */
export async function revokeUserCredentials(
  db: Executor,
  tenantId: string,
  userId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable("credentials")
    .set({ revoked_at: now })
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

/** A credential as the admin API shows it: its row (the hash is never read) and its last use. */
export type CredentialListing = Omit<CredentialRow, "secret_hash"> & { last_used_at: number | null };

function credentialListing(db: Executor) {
  return db
    .selectFrom("credentials as c")
    .leftJoin("credential_usage as u", "u.credential_id", "c.id")
    .select([
      "c.id",
      "c.tenant_id",
      "c.kind",
      "c.user_id",
      "c.name",
      "c.scopes",
      "c.hint",
      "c.expires_at",
      "c.revoked_at",
      "c.created_at",
      "u.last_used_at",
    ]);
}

function numbersOf(row: CredentialListing): CredentialListing {
  const at = (value: number | null) => (value === null ? null : Number(value));
  return {
    ...row,
    created_at: Number(row.created_at),
    expires_at: at(row.expires_at),
    revoked_at: at(row.revoked_at),
    last_used_at: at(row.last_used_at),
  };
}

export async function findCredentialListing(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<CredentialListing | undefined> {
  const row = await credentialListing(db)
    .where("c.tenant_id", "=", tenantId)
    .where("c.id", "=", id)
    .executeTakeFirst();
  return row && numbersOf(row);
}

export interface CredentialFilter {
  kind?: CredentialRow["kind"];
  userId?: string;
  includeRevoked: boolean;
  limit: number;
  /** The id of the last credential of the previous page. */
  after?: string;
}

/**
 * A tenant's credentials, newest first. Ids are ULIDs (time first), so ordering by id is ordering by
 * creation, and the last id of a page is the cursor of the next.
 */
export async function listCredentialListings(
  db: Executor,
  tenantId: string,
  filter: CredentialFilter,
): Promise<CredentialListing[]> {
  let query = credentialListing(db).where("c.tenant_id", "=", tenantId);
  if (filter.kind !== undefined) query = query.where("c.kind", "=", filter.kind);
  if (filter.userId !== undefined) query = query.where("c.user_id", "=", filter.userId);
  if (!filter.includeRevoked) query = query.where("c.revoked_at", "is", null);
  if (filter.after !== undefined) query = query.where("c.id", "<", filter.after);
  const rows = await query.orderBy("c.id", "desc").limit(filter.limit).execute();
  return rows.map(numbersOf);
}
