import { afterEach, describe, expect, it } from "vitest";
import { signedBy, verify } from "./receiver.js";
import { addNumber, call, closeAll, only, register, setUp } from "./support.js";

afterEach(closeAll);

const MISSING_ENDPOINT = "whep_00000000000000000000000000";
const MISSING_DELIVERY = "whd_00000000000000000000000000";

describe("app webhooks: the admin API", () => {
  it("keeps each tenant's endpoints and events to itself", async () => {
    const { app, receiver } = await setUp();
    await app.handset.tenants.create(
      {
        tenantId: app.config.defaultTenant,
        kind: "system",
        credentialId: "t",
        userId: null,
        scopes: new Set(["tenants:manage"]),
      },
      { id: "other", name: "Other" },
    );
    const otherKey = await app.adminKeyFor("other");
    const mine = await register(app, receiver.url, ["*"]);
    await addNumber(app, "ivan", otherKey);
    await app.webhookWorker.runOnce();
    expect(receiver.received).toEqual([]);

    expect((await call(app, "GET", "/v1/webhooks", undefined, otherKey)).json().data).toEqual([]);
    for (const [method, url, body] of [
      ["GET", `/v1/webhooks/${mine.id}`],
      ["PATCH", `/v1/webhooks/${mine.id}`, { enabled: false }],
      ["DELETE", `/v1/webhooks/${mine.id}`],
      ["POST", `/v1/webhooks/${mine.id}/rotate-secret`],
      ["GET", `/v1/webhooks/${mine.id}/deliveries`],
    ] as const) {
      const answer = await call(app, method, url, body, otherKey);
      expect(answer.statusCode, `${method} ${url}`).toBe(404);
      expect(answer.json().error.code).toBe("WEBHOOK_ENDPOINT_NOT_FOUND");
    }
    await addNumber(app, "judy");
    await app.webhookWorker.runOnce();
    const delivery = only(
      (await call(app, "GET", `/v1/webhooks/${mine.id}/deliveries?status=succeeded&limit=1`)).json().data as {
        id: string;
      }[],
    );
    const theirs = await register(app, receiver.url, ["*"], otherKey);
    const crossed = await call(
      app,
      "POST",
      `/v1/webhooks/${theirs.id}/deliveries/${delivery.id}/replay`,
      undefined,
      otherKey,
    );
    expect(crossed.json().error.code).toBe("WEBHOOK_DELIVERY_NOT_FOUND");
    expect((await call(app, "GET", `/v1/webhooks/${mine.id}`)).json().enabled).toBe(true);
  });

  it("refuses bad input on every route with a clear error, and changes nothing", async () => {
    const { app, receiver } = await setUp();
    const endpoint = await register(app, receiver.url, ["sms.failed"]);
    const bad: [
      method: "GET" | "POST" | "PATCH" | "DELETE",
      url: string,
      body: unknown,
      status: number,
      code: string,
    ][] = [
      ["POST", "/v1/webhooks", { url: "ftp://example.com/x", event_types: ["*"] }, 400, "INVALID_REQUEST"],
      ["POST", "/v1/webhooks", { url: "javascript:alert(1)", event_types: ["*"] }, 400, "INVALID_REQUEST"],
      ["POST", "/v1/webhooks", { url: "not a url", event_types: ["*"] }, 400, "INVALID_REQUEST"],
      [
        "POST",
        "/v1/webhooks",
        { url: "https://user:pw@example.com/", event_types: ["*"] },
        400,
        "INVALID_REQUEST",
      ],
      [
        "POST",
        "/v1/webhooks",
        { url: receiver.url, event_types: ["phone_number.exploded"] },
        400,
        "INVALID_REQUEST",
      ],
      [
        "POST",
        "/v1/webhooks",
        { url: receiver.url, event_types: ["credential.created"] },
        400,
        "INVALID_REQUEST",
      ],
      [
        "POST",
        "/v1/webhooks",
        { url: receiver.url, event_types: ["*", "sms.failed"] },
        400,
        "INVALID_REQUEST",
      ],
      ["POST", "/v1/webhooks", { url: receiver.url, event_types: [] }, 400, "INVALID_REQUEST"],
      ["POST", "/v1/webhooks", { url: receiver.url }, 400, "INVALID_REQUEST"],
      [
        "POST",
        "/v1/webhooks",
        { url: receiver.url, event_types: ["*"], description: "x".repeat(501) },
        400,
        "INVALID_REQUEST",
      ],
      [
        "POST",
        "/v1/webhooks",
        { url: receiver.url, event_types: ["*"], secret: "whsec_mine" },
        400,
        "INVALID_REQUEST",
      ],
      ["GET", "/v1/webhooks?limit=0", undefined, 400, "INVALID_REQUEST"],
      ["GET", "/v1/webhooks?after=nonsense", undefined, 400, "INVALID_REQUEST"],
      ["GET", `/v1/webhooks/${MISSING_ENDPOINT}`, undefined, 404, "WEBHOOK_ENDPOINT_NOT_FOUND"],
      ["GET", "/v1/webhooks/nonsense", undefined, 404, "WEBHOOK_ENDPOINT_NOT_FOUND"],
      ["PATCH", `/v1/webhooks/${endpoint.id}`, { url: "gopher://x" }, 400, "INVALID_REQUEST"],
      ["PATCH", `/v1/webhooks/${endpoint.id}`, { event_types: ["nope"] }, 400, "INVALID_REQUEST"],
      ["PATCH", `/v1/webhooks/${endpoint.id}`, { enabled: "yes" }, 400, "INVALID_REQUEST"],
      ["PATCH", `/v1/webhooks/${endpoint.id}`, { secret: "x" }, 400, "INVALID_REQUEST"],
      ["PATCH", `/v1/webhooks/${MISSING_ENDPOINT}`, { enabled: false }, 404, "WEBHOOK_ENDPOINT_NOT_FOUND"],
      ["DELETE", `/v1/webhooks/${MISSING_ENDPOINT}`, undefined, 404, "WEBHOOK_ENDPOINT_NOT_FOUND"],
      [
        "POST",
        `/v1/webhooks/${MISSING_ENDPOINT}/rotate-secret`,
        undefined,
        404,
        "WEBHOOK_ENDPOINT_NOT_FOUND",
      ],
      ["GET", `/v1/webhooks/${endpoint.id}/deliveries?status=lost`, undefined, 400, "INVALID_REQUEST"],
      ["GET", `/v1/webhooks/${endpoint.id}/deliveries?after=%%%`, undefined, 400, "INVALID_REQUEST"],
      ["GET", `/v1/webhooks/${endpoint.id}/deliveries?limit=101`, undefined, 400, "INVALID_REQUEST"],
      ["GET", `/v1/webhooks/${MISSING_ENDPOINT}/deliveries`, undefined, 404, "WEBHOOK_ENDPOINT_NOT_FOUND"],
      [
        "GET",
        `/v1/webhooks/${endpoint.id}/deliveries/${MISSING_DELIVERY}`,
        undefined,
        404,
        "WEBHOOK_DELIVERY_NOT_FOUND",
      ],
      [
        "GET",
        `/v1/webhooks/${endpoint.id}/deliveries/nonsense`,
        undefined,
        404,
        "WEBHOOK_DELIVERY_NOT_FOUND",
      ],
      [
        "POST",
        `/v1/webhooks/${endpoint.id}/deliveries/${MISSING_DELIVERY}/replay`,
        undefined,
        404,
        "WEBHOOK_DELIVERY_NOT_FOUND",
      ],
    ];
    for (const [method, url, body, status, code] of bad) {
      const answer = await call(app, method, url, body);
      expect(answer.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
      expect(answer.json().error.code, `${method} ${url}`).toBe(code);
    }
    const listed = (await call(app, "GET", "/v1/webhooks")).json().data;
    expect(listed).toEqual([
      expect.objectContaining({
        id: endpoint.id,
        url: receiver.url,
        event_types: ["sms.failed"],
        enabled: true,
      }),
    ]);
  });

  it("asks for the webhooks scopes, of an admin key only", async () => {
    const { app, receiver } = await setUp();
    const endpoint = await register(app, receiver.url, ["*"]);
    const reader = await app.adminKeyFor(app.config.defaultTenant, ["webhooks:read"]);
    const neither = await app.adminKeyFor(app.config.defaultTenant, ["users:read"]);
    const token = await app.tokenFor("kim");
    expect((await call(app, "GET", "/v1/webhooks", undefined, reader)).statusCode).toBe(200);
    expect(
      (await call(app, "GET", `/v1/webhooks/${endpoint.id}`, undefined, reader)).json(),
    ).not.toHaveProperty("secret");
    expect(
      (await call(app, "POST", "/v1/webhooks", { url: receiver.url, event_types: ["*"] }, reader)).statusCode,
    ).toBe(403);
    expect(
      (await call(app, "PATCH", `/v1/webhooks/${endpoint.id}`, { enabled: false }, reader)).statusCode,
    ).toBe(403);
    for (const key of [neither, token]) {
      expect((await call(app, "GET", "/v1/webhooks", undefined, key)).statusCode).toBe(403);
      expect((await call(app, "DELETE", `/v1/webhooks/${endpoint.id}`, undefined, key)).statusCode).toBe(403);
    }
    expect((await call(app, "GET", "/v1/webhooks")).json().data).toHaveLength(1);
  });

  it("rotates the secret: both sign for a day, then only the new one; delete removes the endpoint", async () => {
    const { app, receiver } = await setUp();
    const endpoint = await register(app, receiver.url, ["phone_number.added"]);
    const rotated = await call(app, "POST", `/v1/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const secret = rotated.json().secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(endpoint.secret);
    await addNumber(app, "leo");
    await app.webhookWorker.runOnce();
    const during = only(receiver.received);
    expect(verify(secret, during)).toBeTruthy();
    expect(verify(endpoint.secret, during)).toBeTruthy();

    app.clock.advance(24 * 3_600_000);
    await addNumber(app, "mia");
    await app.webhookWorker.runOnce();
    const after = receiver.received[1];
    expect(after && signedBy(secret, after)).toBe(true);
    expect(after && signedBy(endpoint.secret, after)).toBe(false);

    // The rotation and the other changes are in the event log, never with a secret.
    const log = (await call(app, "GET", "/v1/events?type=webhook_endpoint.")).json();
    expect(log.data.map((e: { type: string }) => e.type).sort()).toEqual([
      "webhook_endpoint.created",
      "webhook_endpoint.secret_rotated",
    ]);
    expect(JSON.stringify(log)).not.toContain("whsec_");

    const deleted = await call(app, "DELETE", `/v1/webhooks/${endpoint.id}`);
    expect(deleted.json()).toEqual({ id: endpoint.id, deleted: true });
    expect((await call(app, "GET", `/v1/webhooks/${endpoint.id}`)).statusCode).toBe(404);
    await addNumber(app, "ned");
    expect(await app.webhookWorker.runOnce()).toBe(0);
  });
});
