import { afterEach } from "vitest";
import { deriveCode } from "../../src/domain/code.js";
import { createTestApp, TEST_KEYRING, type TestApp } from "../support/harness.js";
import { nativeClient } from "../support/native-client.js";
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from "../support/postgres.js";

/** SQLite always; PostgreSQL when HANDSET_TEST_DATABASE_URL is set (the tests skip it otherwise). */
export const DIALECTS = [
  { name: "SQLite", postgres: false },
  { name: "PostgreSQL", postgres: true },
] as const;

export const skipPostgres = (postgres: boolean) => postgres && !TEST_DATABASE_URL;

/** Starts apps on the dialect and closes them after each test. */
export function appsOn(postgres: boolean, env: Record<string, string> = {}) {
  const apps: TestApp[] = [];
  const schemas: TestSchema[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const schema of schemas.splice(0)) await schema.drop();
  });
  return async (extra: Record<string, string> = {}): Promise<TestApp> => {
    const schema = postgres ? await createTestSchema() : undefined;
    if (schema) schemas.push(schema);
    const t = await createTestApp({
      env: { ...env, ...extra, ...(schema ? { DATABASE_URL: schema.url } : {}) },
      runDispatcher: false,
    });
    apps.push(t);
    return t;
  };
}

/** The code a verification's SMS carries, derived as the server derives it. */
export const codeOf = (verificationId: string) => deriveCode(TEST_KEYRING.active, verificationId, 6);

export function verificationsClient(t: TestApp, secret = t.adminKey) {
  const { call } = nativeClient(t, secret);
  return {
    call,
    start: (to: string, extra: Record<string, unknown> = {}) =>
      call("POST", "/v1/verifications", { to, ...extra }),
    check: (body: Record<string, unknown>) => call("POST", "/v1/verifications/check", body),
    get: (id: string) => call("GET", `/v1/verifications/${id}`),
    cancel: (id: string) => call("POST", `/v1/verifications/${id}/cancel`),
    approve: (id: string) => call("POST", `/v1/verifications/${id}/approve`),
    attach: (body: Record<string, unknown>) => call("POST", "/v1/phone-numbers", body),
  };
}
