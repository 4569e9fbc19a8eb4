import type { AddressInfo } from "node:net";
import { createClerkClient } from "@clerk/backend";
import { isClerkAPIResponseError } from "@clerk/backend/errors";
import { expect } from "vitest";
import { systemCaller } from "../../src/services/caller.js";
import { createTestApp, mobileNumber, type TestApp, type TestAppOptions } from "../support/harness.js";

export type ClerkClient = ReturnType<typeof createClerkClient>;

export interface ClerkTestServer {
  t: TestApp;
  /** `http://127.0.0.1:PORT/clerk`: what a Clerk user passes as `apiUrl`. */
  apiUrl: string;
  secretKey: string;
  clerk: ClerkClient;
  clientWith(secretKey: string): ClerkClient;
}

/** The real app on a real 127.0.0.1 port, and the real `@clerk/backend` pointed at its Clerk mount. */
export async function startClerkServer(options: TestAppOptions = {}): Promise<ClerkTestServer> {
  const t = await createTestApp(options);
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  const apiUrl = `http://127.0.0.1:${port}/clerk`;
  const clientWith = (secretKey: string) =>
    createClerkClient({ secretKey, apiUrl, telemetry: { disabled: true } });
  const secretKey = `sk_test_${t.adminKey}`;
  return { t, apiUrl, secretKey, clerk: clientWith(secretKey), clientWith };
}

export interface ExpectedClerkError {
  status: number;
  code: string;
  paramName?: string;
  longMessage?: string;
}

/** Runs an SDK call that must fail and checks what `ClerkAPIResponseError` carries. */
export async function expectClerkError(call: Promise<unknown>, expected: ExpectedClerkError) {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  if (!isClerkAPIResponseError(caught))
    throw new Error(`expected a ClerkAPIResponseError, got ${String(caught)}`);
  expect(caught.status).toBe(expected.status);
  expect(caught.errors.map((e) => e.code)).toContain(expected.code);
  const entry = caught.errors.find((e) => e.code === expected.code);
  if (expected.paramName !== undefined) expect(entry?.meta?.paramName).toBe(expected.paramName);
  if (expected.longMessage !== undefined) expect(entry?.longMessage).toBe(expected.longMessage);
  expect(caught.clerkTraceId).toMatch(/^req_[0-9a-z]{26}$/);
  return caught;
}

/** A Clerk user created through the SDK with `count` fresh mobile numbers. */
export async function clerkUserWith(s: ClerkTestServer, count: number) {
  const user = await s.clerk.users.createUser({ phoneNumber: Array.from({ length: count }, mobileNumber) });
  return { user, ids: user.phoneNumbers.map((p) => p.id) };
}

/** What Handset holds for a user, read past the surface: a refusal must leave it as it was. */
export async function heldNumbers(s: ClerkTestServer, userId: string) {
  return (await s.t.handset.users.get(systemCaller(s.t.config.defaultTenant), userId)).phoneNumbers;
}
