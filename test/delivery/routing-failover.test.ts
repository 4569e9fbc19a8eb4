import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookPayload } from "../../src/delivery/providers/webhook/webhook-provider.js";
import { ManualClock } from "../../src/domain/clock.js";
import { deriveCode } from "../../src/domain/code.js";
import { systemCaller } from "../../src/services/caller.js";
import { createTestApp, mobileNumber, TEST_KEYRING, type TestApp } from "../support/harness.js";

/** One call a receiver got: when on the app's clock (ms since the test began), which one, its answer. */
type Event = [t: number, provider: "a" | "b", outcome: "503" | "accepted"];

interface Call {
  provider: "a" | "b";
  messageId: string;
  code: string;
}

/**
 * Two SMS gateways on one local server, `/a` and `/b`, each checking the webhook signature. A answers
 * 503 while `aDown`, as a provider that is down does.
 */
async function startGateways(secret: string, clock: ManualClock, t0: number) {
  const verifier = new Webhook(secret);
  const state = { aDown: true, events: [] as Event[], calls: [] as Call[] };
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const payload = verifier.verify(Buffer.concat(chunks).toString(), {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    }) as WebhookPayload;
    const provider = request.url === "/a" ? "a" : "b";
    state.calls.push({ provider, messageId: String(request.headers["webhook-id"]), code: payload.data.code });
    const t = clock.now() - t0;
    if (provider === "a" && state.aDown) {
      state.events.push([t, provider, "503"]);
      response.writeHead(503).end("maintenance");
      return;
    }
    state.events.push([t, provider, "accepted"]);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ id: `${provider}-${state.calls.length}` }));
  }
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => response.writeHead(400).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { state, base, close };
}

describe("routing failover through the real app", () => {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  // Standard Webhooks receivers refuse timestamps five minutes off: the app's clock starts at the real time.
  const t0 = Date.now();
  const clock = new ManualClock(t0);
  const configDir = mkdtempSync(join(tmpdir(), "handset-routing-"));
  let gateways: Awaited<ReturnType<typeof startGateways>>;
  let t: TestApp;

  beforeAll(async () => {
    gateways = await startGateways(secret, clock, t0);
    const configPath = join(configDir, "sms.yaml");
    writeFileSync(
      configPath,
      [
        "providers:",
        "  a:",
        "    type: webhook",
        `    url: ${gateways.base}/a`,
        `    secret: ${secret}`,
        "    breaker_failures: 1",
        "    breaker_cooldown_seconds: 30",
        "  b:",
        "    type: webhook",
        `    url: ${gateways.base}/b`,
        `    secret: ${secret}`,
        "routes:",
        "  default: [a, b]",
        "",
      ].join("\n"),
    );
    t = await createTestApp({ clock, runDispatcher: false, env: { HANDSET_SMS_CONFIG: configPath } });
  });

  afterAll(async () => {
    await t?.close();
    await gateways?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  /** Sends a code to a new number and runs one dispatcher pass: the outbox row and the expected code. */
  async function sendCode() {
    const caller = systemCaller(t.config.defaultTenant);
    const user = await t.handset.users.create(caller, {});
    const added = await t.handset.phoneNumbers.add(caller, { userId: user.id, phoneNumber: mobileNumber() });
    const sent = await t.handset.verification.send(caller, added.phoneNumber.id);
    expect(await t.dispatcher.runOnce()).toBe(1);
    const row = await t.store.db
      .selectFrom("outbox")
      .selectAll()
      .where("verification_id", "=", sent.verification.id)
      .executeTakeFirstOrThrow();
    return { row, code: deriveCode(TEST_KEYRING.active, sent.verification.id, 6) };
  }

  it("A down → B delivers once; A skipped while open; A recovers → probe closes the breaker", async () => {
    // A answers 503: the message fails over to B, which delivers it exactly once.
    const first = await sendCode();
    expect(first.row).toMatchObject({ status: "sent", provider: "b", delivery_attempts: 1 });
    const callsOfFirst = gateways.state.calls.filter((c) => c.messageId === first.row.id);
    expect(callsOfFirst).toEqual([
      { provider: "a", messageId: first.row.id, code: first.code },
      { provider: "b", messageId: first.row.id, code: first.code },
    ]);

    // A's breaker (one failure opens it) is open: the next send goes straight to B.
    clock.advance(1_000);
    const second = await sendCode();
    expect(second.row).toMatchObject({ status: "sent", provider: "b" });

    // Past the cooldown, A is back: the half-open probe goes to A and succeeds, closing the breaker.
    gateways.state.aDown = false;
    clock.advance(29_000);
    const probe = await sendCode();
    expect(probe.row).toMatchObject({ status: "sent", provider: "a" });

    // Closed again: A takes the next send at once.
    clock.advance(1_000);
    const after = await sendCode();
    expect(after.row).toMatchObject({ status: "sent", provider: "a" });

    expect(gateways.state.events).toEqual([
      [0, "a", "503"],
      [0, "b", "accepted"],
      [1_000, "b", "accepted"],
      [30_000, "a", "accepted"],
      [31_000, "a", "accepted"],
    ]);
    // Each code reached a handset exactly once.
    const accepted = gateways.state.calls.filter((_, i) => gateways.state.events[i]?.[2] === "accepted");
    expect(accepted.map((c) => c.code)).toEqual([first.code, second.code, probe.code, after.code]);
    expect(after.row.provider_message_id).toBe("a-5");
  });
});
