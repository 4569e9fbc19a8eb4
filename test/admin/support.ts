import { HandsetError } from "../../src/domain/errors.js";
import type { Scope } from "../../src/domain/scopes.js";
import { type Caller, systemCaller } from "../../src/services/caller.js";
import { NO_BUDGETS } from "../support/budgets.js";
import { createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { createTestSchema, type TestSchema } from "../support/postgres.js";

/** The dialects the operator's reads are proven on: SQLite always, PostgreSQL when a test database is set. */
export const DIALECTS = [
  { name: "SQLite", postgres: false },
  { name: "PostgreSQL", postgres: true },
] as const;

export interface AdminFixture {
  t: TestApp;
  schema: TestSchema | undefined;
  close(): Promise<void>;
}

/** The app on the dialect, dispatcher stopped (tests move messages on by hand), no budgets in the way. */
export async function openAdminApp(postgres: boolean): Promise<AdminFixture> {
  const schema = postgres ? await createTestSchema() : undefined;
  const t = await createTestApp({
    runDispatcher: false,
    env: { ...NO_BUDGETS, ...(schema ? { DATABASE_URL: schema.url } : {}) },
  });
  return {
    t,
    schema,
    async close() {
      await t.close();
      await schema?.drop();
    },
  };
}

/** An admin key's caller as the HTTP surface would resolve it. */
export function adminCaller(tenantId: string, scopes: Scope[]): Caller {
  return { tenantId, kind: "admin_key", credentialId: "key_test", userId: null, scopes: new Set(scopes) };
}

/** A user with one number (verified or not) and, when asked, a code sent to it. */
export async function seedHolder(
  t: TestApp,
  tenantId: string,
  options: { userId?: string; number?: string; verified?: boolean; sendCode?: boolean } = {},
) {
  const caller = systemCaller(tenantId);
  const number = options.number ?? mobileNumber();
  const user = await t.handset.users.create(caller, {
    id: options.userId,
    phoneNumbers: [{ phoneNumber: number, verified: options.verified }],
  });
  const phoneNumber = user.phoneNumbers[0];
  if (!phoneNumber) throw new Error("the user was created without its number");
  const sent = options.sendCode ? await t.handset.verification.send(caller, phoneNumber.id) : undefined;
  return { userId: user.id, number, phoneNumber, sent };
}

/** The tenant exists once a key of it does. */
export async function seedTenant(t: TestApp, tenantId: string): Promise<void> {
  await t.adminKeyFor(tenantId);
}

export async function errorOf(work: Promise<unknown>): Promise<HandsetError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof HandsetError) return error;
    throw error;
  }
  throw new Error("expected a HandsetError");
}
