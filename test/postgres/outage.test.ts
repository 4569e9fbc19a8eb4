import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withHandset } from "../../src/cli/offline.js";
import { loadConfig } from "../../src/config.js";
import { call } from "../support/handset-cluster.js";
import { type HandsetServer, spawnHandsetServer } from "../support/handset-process.js";
import { mobileNumber } from "../support/harness.js";
import { notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import { type SmsReceiver, startSmsReceiver, waitFor } from "../support/sms-receiver.js";
import {
  canStartPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "../support/throwaway-postgres.js";

notePostgresSkipped("PostgreSQL outage (a throwaway server stopped and started again)");
if (TEST_DATABASE_URL && !canStartPostgres) {
  console.log(
    "[skipped] PostgreSQL outage: initdb/pg_ctl not found (set HANDSET_TEST_PG_BIN to their folder).",
  );
}

const CONNECT_TIMEOUT_MS = 1_000;
/** Fail fast means a bounded wait: the connect timeout plus room for a loaded CI machine. */
const FAST_MS = CONNECT_TIMEOUT_MS + 2_000;

describe.skipIf(!TEST_DATABASE_URL || !canStartPostgres)("when PostgreSQL goes away and comes back", () => {
  let postgres: ThrowawayPostgres;
  let receiver: SmsReceiver;
  let server: HandsetServer;
  let dataDir: string;
  let token: string;
  let phoneId: string;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    receiver = await startSmsReceiver();
    dataDir = mkdtempSync(join(tmpdir(), "handset-outage-"));
    server = await spawnHandsetServer("outage", {
      DATABASE_URL: postgres.url,
      HANDSET_DATA_DIR: dataDir,
      HANDSET_DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      HANDSET_DISPATCH_INTERVAL_MS: "200",
      HANDSET_SMS_PROVIDER: "webhook",
      HANDSET_WEBHOOK_URL: receiver.urlFor("outage"),
      HANDSET_WEBHOOK_SECRET: receiver.secret,
    });
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: postgres.url, HANDSET_DATA_DIR: dataDir });
    token = (
      await withHandset(config, (h) => h.credentials.issueUserToken({ tenantId: "default", userId: "ada" }))
    ).secret;
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await postgres?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = Date.now();
    const value = await work();
    return { value, ms: Date.now() - started };
  }

  const readyz = async () => {
    const response = await fetch(`${server.baseUrl}/readyz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("serves while the database is up", async () => {
    const added = await call(server, "POST", "/v1/me/phone-numbers", token, { phone_number: mobileNumber() });
    expect(added.status).toBe(201);
    phoneId = added.body.id;
    const sent = await call(server, "POST", `/v1/me/phone-numbers/${phoneId}/send-code`, token);
    expect(sent.status).toBe(202);
    await waitFor("the SMS", () =>
      receiver.received().find((d) => d.verificationId === sent.body.verification.id),
    );
    expect(await readyz()).toEqual({ status: 200, body: { status: "ready", database: "postgres" } });
  });

  it("answers 503 fast, says not ready, and stays up while the database is down", async () => {
    await postgres.stop();
    const requests = [
      () => call(server, "GET", `/v1/me/phone-numbers/${phoneId}`, token),
      () => call(server, "POST", `/v1/me/phone-numbers/${phoneId}/verify`, token, { code: "123456" }),
      () => call(server, "POST", `/v1/me/phone-numbers/${phoneId}/send-code`, token),
      () => call(server, "POST", "/v1/me/phone-numbers", token, { phone_number: mobileNumber() }),
    ];
    for (const request of requests) {
      const { value, ms } = await timed(request);
      expect(value.status).toBe(503);
      expect(value.body.error).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        message: "The database is unavailable; try again shortly.",
      });
      expect(ms).toBeLessThan(FAST_MS);
    }
    // A burst fails as fast as one request: nothing queues up behind a dead pool.
    const burst = await timed(() =>
      Promise.all(
        Array.from({ length: 30 }, () => call(server, "GET", `/v1/me/phone-numbers/${phoneId}`, token)),
      ),
    );
    expect(burst.value.map((r) => r.status)).toEqual(Array(30).fill(503));
    expect(burst.ms).toBeLessThan(FAST_MS);

    const ready = await timed(readyz);
    expect(ready.value).toEqual({
      status: 503,
      body: { status: "not_ready", database: "postgres", reason: "database unreachable" },
    });
    expect(ready.ms).toBeLessThan(FAST_MS);
    // Liveness is not readiness: the process is alive and says so.
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });

  it("resumes by itself when the database is back, with nothing lost", async () => {
    await postgres.start();
    await waitFor("readiness", async () => ((await readyz()).status === 200 ? true : undefined));
    const before = receiver.received().find((d) => d.path === "outage");
    expect(before).toBeDefined();
    const verified = await call(server, "POST", `/v1/me/phone-numbers/${phoneId}/verify`, token, {
      code: before?.code,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.phone_number.verified).toBe(true);
    // The dispatcher resumed too: a new number's code is delivered.
    const added = await call(server, "POST", "/v1/me/phone-numbers", token, { phone_number: mobileNumber() });
    const sent = await call(server, "POST", `/v1/me/phone-numbers/${added.body.id}/send-code`, token);
    expect(sent.status).toBe(202);
    await waitFor("the SMS after the outage", () =>
      receiver.received().find((d) => d.verificationId === sent.body.verification.id),
    );
    expect(server.child.exitCode).toBeNull();
  });
});
