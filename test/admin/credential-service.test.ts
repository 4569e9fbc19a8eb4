import { afterEach, expect, it } from "vitest";
import { createAuthenticator } from "../../src/http/authenticator.js";
import type { Caller } from "../../src/services/caller.js";
import { systemCaller } from "../../src/services/caller.js";
import { readAccessVersion } from "../../src/store/credentials.js";
import { listEvents } from "../../src/store/events.js";
import { notePostgresSkipped } from "../support/postgres.js";
import { onEveryDialect, processOn, T0 } from "./service-support.js";

notePostgresSkipped("the credential admin service on PostgreSQL");

const admin = (tenantId: string, scopes: Caller["scopes"]): Caller => ({
  tenantId,
  kind: "admin_key",
  credentialId: "cred_test",
  userId: null,
  scopes,
});

onEveryDialect("the credential admin service", (open) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("lists a tenant's credentials newest first, page by page, without secrets", async () => {
    const [{ handset, clock }] = await open(cleanups);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await handset.credentials.issueAdminKey({ tenantId: "acme", name: `key ${i}` })).id);
      clock.advance(1_000);
    }
    ids.push((await handset.credentials.issueUserToken({ tenantId: "acme", userId: "alice" })).id);
    await handset.credentials.issueAdminKey({ tenantId: "other" });
    const caller = systemCaller("acme");

    const first = await handset.credentials.list(caller, { limit: 3 });
    expect(first.credentials.map((c) => c.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(first.nextCursor).toBe(ids[1]);
    const second = await handset.credentials.list(caller, { limit: 3, after: first.nextCursor ?? "" });
    expect(second.credentials.map((c) => c.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    const [key] = second.credentials;
    expect(key).toEqual({
      id: ids[0],
      kind: "admin_key",
      tenantId: "acme",
      userId: null,
      name: "key 0",
      scopes: [
        "users:read",
        "users:write",
        "phone:read",
        "phone:write",
        "phone:verify",
        "keys:read",
        "keys:write",
        "events:read",
        "webhooks:read",
        "webhooks:write",
      ],
      hint: expect.stringMatching(/^hsk_/),
      createdAt: T0,
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(JSON.stringify(first)).not.toMatch(/secret/);

    const tokens = await handset.credentials.list(caller, { limit: 10, kind: "user_token" });
    expect(tokens.credentials.map((c) => c.id)).toEqual([ids[3]]);
    const alices = await handset.credentials.list(caller, { limit: 10, userId: "alice" });
    expect(alices.credentials.map((c) => c.userId)).toEqual(["alice"]);
  });

  it("refuses bad pages and callers without keys:read, and hides another tenant's credential", async () => {
    const [{ handset }] = await open(cleanups);
    const theirs = await handset.credentials.issueAdminKey({ tenantId: "other" });
    const caller = systemCaller("acme");
    await expect(handset.credentials.list(caller, { limit: 0 })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
    await expect(handset.credentials.list(caller, { limit: 10, after: "x' or 1=1" })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
    await expect(
      handset.credentials.list(admin("acme", new Set(["users:read"])), { limit: 10 }),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    await expect(handset.credentials.get(caller, theirs.id)).rejects.toMatchObject({
      code: "CREDENTIAL_NOT_FOUND",
    });
    await expect(handset.credentials.revoke(caller, theirs.id)).rejects.toMatchObject({
      code: "CREDENTIAL_NOT_FOUND",
    });
    await expect(handset.credentials.get(caller, "nonsense")).rejects.toMatchObject({
      code: "CREDENTIAL_NOT_FOUND",
    });
    expect((await handset.credentials.get(systemCaller("other"), theirs.id)).revokedAt).toBeNull();
  });

  it("revokes once, with an event naming the actor, and moves the access version", async () => {
    const [{ handset, store, clock }] = await open(cleanups);
    const key = await handset.credentials.issueAdminKey({ tenantId: "acme" });
    const actor = admin("acme", new Set(["keys:read", "keys:write"]));
    const before = await readAccessVersion(store.db);
    clock.advance(5_000);
    const revoked = await handset.credentials.revoke(actor, key.id);
    expect(revoked.revokedAt).toBe(T0 + 5_000);
    expect(await readAccessVersion(store.db)).toBeGreaterThan(before);
    clock.advance(5_000);
    const again = await handset.credentials.revoke(actor, key.id);
    expect(again).toEqual(revoked);

    const events = await listEvents(store.db, "acme", "credential", key.id);
    expect(events.map((e) => [e.type, e.actor, Number(e.sequence)])).toEqual([
      ["credential.created", "system:handset", 1],
      ["credential.revoked", "admin_key:cred_test", 2],
    ]);
    // Revoked credentials are listed only when asked.
    expect((await handset.credentials.list(actor, { limit: 10 })).credentials).toEqual([]);
    const all = await handset.credentials.list(actor, { limit: 10, includeRevoked: true });
    expect(all.credentials.map((c) => c.id)).toEqual([key.id]);
    await expect(
      handset.credentials.revoke(admin("acme", new Set(["keys:read"])), key.id),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_SCOPE" });
  });

  it("refuses a revoked key at once in another process that had it cached", async () => {
    const [a, db] = await open(cleanups);
    const b = processOn(db.url);
    cleanups.push(() => b.store.close());
    const key = await a.handset.credentials.issueAdminKey({ tenantId: "acme" });
    const authenticator = createAuthenticator(b.handset);
    await authenticator.authenticate(key.secret, "keys:read");
    await authenticator.authenticate(key.secret, "keys:read");
    await a.handset.credentials.revoke(systemCaller("acme"), key.id);
    await expect(authenticator.authenticate(key.secret, "keys:read")).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("issues admin keys that expire, and refuses an expiry in the past", async () => {
    const [{ handset, clock }] = await open(cleanups);
    const key = await handset.credentials.issueAdminKey({ tenantId: "acme", expiresAt: T0 + 60_000 });
    expect((await handset.credentials.get(systemCaller("acme"), key.id)).expiresAt).toBe(T0 + 60_000);
    expect((await handset.credentials.authenticate(key.secret)).credentialId).toBe(key.id);
    clock.advance(60_000);
    await expect(handset.credentials.authenticate(key.secret)).rejects.toMatchObject({
      code: "CREDENTIAL_EXPIRED",
    });
    await expect(
      handset.credentials.issueAdminKey({ tenantId: "acme", expiresAt: clock.now() }),
    ).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });

  it("lets a key grant only the scopes it holds", async () => {
    const [{ handset }] = await open(cleanups);
    const actor = admin("acme", new Set(["keys:write", "phone:read"]));
    await expect(
      handset.credentials.issueAdminKey({ tenantId: "acme", actor, scopes: ["tenants:manage"] }),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    const narrow = await handset.credentials.issueAdminKey({ tenantId: "acme", actor });
    expect(narrow.scopes).toEqual(["phone:read", "keys:write"]);
    const token = await handset.credentials.issueUserToken({ tenantId: "acme", userId: "bob", actor });
    expect(token.scopes).toEqual(["phone:read"]);
    // Nothing was written by the refusal: the two issued credentials are all there is.
    expect((await handset.credentials.list(systemCaller("acme"), { limit: 10 })).credentials).toHaveLength(2);
  });
});
