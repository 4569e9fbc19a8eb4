import { expect } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import {
  bearer,
  createTestApp,
  mobileNumber,
  type TestApp,
  type TestAppOptions,
} from "../support/harness.js";
import { startReceiver } from "./receiver.js";

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** What a test opened, closed after it. */
const open: { app: TestApp; receiver: Receiver }[] = [];

export async function closeAll(): Promise<void> {
  for (const { app, receiver } of open.splice(0)) {
    await app.close();
    await receiver.close();
  }
}

/**
 * The app with its background loops stopped (the test runs the webhook worker by hand), and a receiver.
 * The manual clock starts at real time, so that the receiver's stock `verify` (±5 minutes) accepts it.
 */
export async function setUp(options: TestAppOptions = {}) {
  const app = await createTestApp({ runDispatcher: false, clock: new ManualClock(Date.now()), ...options });
  const receiver = await startReceiver();
  open.push({ app, receiver });
  return { app, receiver };
}

export interface RegisteredEndpoint {
  id: string;
  secret: string;
  event_types: string[];
}

export async function register(
  app: TestApp,
  url: string,
  eventTypes: string[],
  key = app.adminKey,
): Promise<RegisteredEndpoint> {
  const answer = await app.app.inject({
    method: "POST",
    url: "/v1/webhooks",
    headers: bearer(key),
    payload: { url, event_types: eventTypes, description: "test receiver" },
  });
  expect(answer.statusCode).toBe(201);
  return answer.json();
}

/** Adds a number to the user, creating the user first when it is new. */
export async function addNumber(app: TestApp, userId: string, key = app.adminKey): Promise<{ id: string }> {
  const user = await app.app.inject({
    method: "POST",
    url: "/v1/users",
    headers: bearer(key),
    payload: { id: userId },
  });
  expect([201, 409]).toContain(user.statusCode);
  const answer = await app.app.inject({
    method: "POST",
    url: "/v1/phone-numbers",
    headers: bearer(key),
    payload: { user_id: userId, phone_number: mobileNumber() },
  });
  expect(answer.statusCode).toBe(201);
  return answer.json();
}

export async function call(
  app: TestApp,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: unknown,
  key = app.adminKey,
) {
  return app.app.inject({
    method,
    url,
    headers: bearer(key),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** The one element of a list that must hold exactly one. */
export function only<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}
