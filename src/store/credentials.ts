import type { Executor } from "./executor.js";
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

/**
 * The credential with a secret hash, and whether the user it names exists now: one indexed read that
 * lets authentication create a token's user only when it is missing, without remembering anything.
 */
export async function findCredentialWithUserByHash(
  db: Executor,
  secretHash: string,
): Promise<(CredentialRow & { user_exists: boolean }) | undefined> {
  const row = await db
    .selectFrom("credentials as c")
    .leftJoin("users as u", (join) =>
      join.onRef("u.tenant_id", "=", "c.tenant_id").onRef("u.id", "=", "c.user_id"),
    )
    .selectAll("c")
    .select("u.id as existing_user_id")
    .where("c.secret_hash", "=", secretHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { existing_user_id, ...credential } = row;
  return { ...credential, user_exists: existing_user_id !== null };
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
