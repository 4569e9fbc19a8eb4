import { describe, expect, it } from "vitest";
import type { Store } from "../../../src/store/database.js";
import { isUniqueViolation } from "../../../src/store/errors.js";
import { insertPhoneNumber } from "../../../src/store/phone-numbers.js";
import {
  cancelPendingVerifications,
  cancelUserVerifications,
  closeVerification,
  countWrongGuessesForNumber,
  findLatestVerification,
  findLatestVerifications,
  findPendingVerification,
  findVerification,
  insertVerification,
  recordResend,
  recordWrongGuess,
  redeemVerification,
} from "../../../src/store/verifications.js";
import { phoneRow, type StoreRef, seedTenant, seedUser, T0, verificationRow } from "./support.js";

async function seedNumber(s: Store) {
  const tenantId = await seedTenant(s);
  const userId = await seedUser(s, tenantId);
  const phone = phoneRow(tenantId, userId);
  await insertPhoneNumber(s.db, phone);
  return phone;
}

export function verifications(store: StoreRef): void {
  describe("verifications", () => {
    it("keeps one pending verification per number; closed ones do not count", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const first = verificationRow(phone);
      await insertVerification(s.db, first);
      expect(await findPendingVerification(s.db, phone.tenant_id, phone.id)).toEqual(first);
      await expect(insertVerification(s.db, verificationRow(phone))).rejects.toSatisfy((error: unknown) =>
        isUniqueViolation(error, "verifications_one_pending"),
      );
      await closeVerification(s.db, phone.tenant_id, first.id, "expired", T0 + 1);
      expect(await findPendingVerification(s.db, phone.tenant_id, phone.id)).toBeUndefined();
      const second = verificationRow(phone, { created_at: T0 + 2 });
      await insertVerification(s.db, second);
      expect((await findLatestVerification(s.db, phone.tenant_id, phone.id))?.id).toBe(second.id);
      expect((await findVerification(s.db, phone.tenant_id, first.id))?.status).toBe("expired");
    });

    it("closes only an open verification: a verified one stays verified", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const row = verificationRow(phone);
      await insertVerification(s.db, row);
      expect(await redeemVerification(s.db, phone.tenant_id, row.id, T0 + 1)).toBe(true);
      await closeVerification(s.db, phone.tenant_id, row.id, "canceled", T0 + 2);
      await cancelPendingVerifications(s.db, phone.tenant_id, phone.id, T0 + 2);
      await cancelUserVerifications(s.db, phone.tenant_id, phone.user_id, T0 + 2);
      expect(await findVerification(s.db, phone.tenant_id, row.id)).toMatchObject({
        status: "verified",
        updated_at: T0 + 1,
      });
    });

    it("cancels the pending verifications of a number, or of a user", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const other = phoneRow(phone.tenant_id, phone.user_id);
      await insertPhoneNumber(s.db, other);
      const a = verificationRow(phone);
      const b = verificationRow(other);
      await insertVerification(s.db, a);
      await insertVerification(s.db, b);
      await cancelPendingVerifications(s.db, phone.tenant_id, phone.id, T0 + 1);
      expect((await findVerification(s.db, phone.tenant_id, a.id))?.status).toBe("canceled");
      expect((await findVerification(s.db, phone.tenant_id, b.id))?.status).toBe("pending");
      await cancelUserVerifications(s.db, phone.tenant_id, phone.user_id, T0 + 2);
      expect((await findVerification(s.db, phone.tenant_id, b.id))?.status).toBe("canceled");
    });

    it("redeems once under concurrency, and never when expired or out of guesses", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const row = verificationRow(phone);
      await insertVerification(s.db, row);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          s.db.transaction().execute((trx) => redeemVerification(trx, phone.tenant_id, row.id, T0 + 1)),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);

      const expiring = await seedNumber(s);
      const expired = verificationRow(expiring, { expires_at: T0 + 10 });
      await insertVerification(s.db, expired);
      expect(await redeemVerification(s.db, expiring.tenant_id, expired.id, T0 + 10)).toBe(false);

      const guessed = await seedNumber(s);
      const spent = verificationRow(guessed, { attempts_used: 5, max_attempts: 5 });
      await insertVerification(s.db, spent);
      expect(await redeemVerification(s.db, guessed.tenant_id, spent.id, T0 + 1)).toBe(false);
    });

    it("counts every wrong guess exactly under concurrency and fails on the last one", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const row = verificationRow(phone, { max_attempts: 8 });
      await insertVerification(s.db, row);
      const guesses = await Promise.all(
        Array.from({ length: 20 }, () =>
          s.db.transaction().execute((trx) => recordWrongGuess(trx, phone.tenant_id, row.id, T0 + 1)),
        ),
      );
      const counted = guesses.filter((g) => g !== undefined);
      expect(counted.map((g) => g.attemptsUsed).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(counted.every((g) => g.maxAttempts === 8)).toBe(true);
      expect(await findVerification(s.db, phone.tenant_id, row.id)).toMatchObject({
        status: "failed",
        attempts_used: 8,
      });
      expect(await recordWrongGuess(s.db, phone.tenant_id, row.id, T0 + 2)).toBeUndefined();
    });

    it("counts no guess against an expired verification", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const row = verificationRow(phone, { expires_at: T0 + 5 });
      await insertVerification(s.db, row);
      expect(await recordWrongGuess(s.db, phone.tenant_id, row.id, T0 + 5)).toBeUndefined();
      expect((await findVerification(s.db, phone.tenant_id, row.id))?.attempts_used).toBe(0);
    });

    it("sums a number's wrong guesses over its verifications within the window", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const old = verificationRow(phone, { status: "failed", attempts_used: 5, created_at: T0 - 10_000 });
      const recent = verificationRow(phone, { status: "expired", attempts_used: 2, created_at: T0 - 100 });
      const current = verificationRow(phone, { attempts_used: 1, created_at: T0 });
      for (const row of [old, recent, current]) await insertVerification(s.db, row);
      expect(await countWrongGuessesForNumber(s.db, phone.tenant_id, phone.e164, T0 - 1_000)).toEqual({
        wrong: 3,
        oldestAt: T0 - 100,
      });
      expect(await countWrongGuessesForNumber(s.db, phone.tenant_id, phone.e164, T0 + 1)).toEqual({
        wrong: 0,
        oldestAt: null,
      });
    });

    it("counts a resend once: a resend based on a stale read, or past the cap, is refused", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const row = verificationRow(phone);
      await insertVerification(s.db, row);
      const raced = await Promise.all([
        recordResend(s.db, row, 5, T0 + 1),
        recordResend(s.db, row, 5, T0 + 2),
      ]);
      expect(raced.filter(Boolean)).toHaveLength(1);
      const after = await findVerification(s.db, phone.tenant_id, row.id);
      expect(after?.sends_used).toBe(2);
      expect(after && (await recordResend(s.db, after, 2, T0 + 3))).toBe(false);
      expect(after && (await recordResend(s.db, after, 3, T0 + 3))).toBe(true);
      expect(await findVerification(s.db, phone.tenant_id, row.id)).toMatchObject({
        sends_used: 3,
        last_sent_at: T0 + 3,
      });
    });

    it("finds the latest verification of each number in one query", async () => {
      const s = store();
      const phone = await seedNumber(s);
      const other = phoneRow(phone.tenant_id, phone.user_id);
      await insertPhoneNumber(s.db, other);
      const older = verificationRow(phone, { status: "expired", created_at: T0 });
      const newer = verificationRow(phone, { created_at: T0 + 1 });
      const only = verificationRow(other);
      for (const row of [older, newer, only]) await insertVerification(s.db, row);
      const latest = await findLatestVerifications(s.db, phone.tenant_id, [phone.id, other.id, "pn_none"]);
      expect([...latest.entries()].map(([k, v]) => [k, v.id]).sort()).toEqual(
        [
          [phone.id, newer.id],
          [other.id, only.id],
        ].sort(),
      );
      expect((await findLatestVerifications(s.db, phone.tenant_id, [])).size).toBe(0);
    });
  });
}
