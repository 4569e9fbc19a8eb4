import { afterEach, describe, expect, it } from "vitest";
import { HANDSET_VERSION } from "../../src/version.js";
import { bearer, createTestApp, type TestApp } from "../support/harness.js";
import { inProcessCli } from "./in-process-cli.js";

describe("handset keys | tokens: the leaked-key drill", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("creates a key, sees it used, revokes it, and the running server refuses it from the next request", async () => {
    t = await createTestApp({ runDispatcher: false });
    const app = t;
    const cli = inProcessCli(app.dataDir);

    const created = await cli(["keys", "create", "--name", "ci-deploy", "--json"]);
    expect(created.code, created.stderr).toBe(0);
    const issued = JSON.parse(created.stdout) as { id: string; secret: string; name: string };
    expect(issued.secret).toMatch(/^hsk_/);
    expect(issued.name).toBe("ci-deploy");

    const use = () => app.app.inject({ method: "GET", url: "/v1/users", headers: bearer(issued.secret) });
    expect((await use()).statusCode).toBe(200);
    // What the server's usage flusher does every 15 s.
    expect(await app.handset.credentials.flushUsage({ all: true })).toBeGreaterThan(0);

    // The list shows the key by its hint, never its secret, and when it was last used (the app's clock).
    const listed = await cli(["keys", "list"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`^${issued.id}\\s+ci-deploy\\s+\\S+…\\s+active\\s+never\\s+2026-01-01T12:00`, "m"),
    );
    expect(listed.stdout).not.toContain(issued.secret);
    const asJson = JSON.parse((await cli(["keys", "list", "--json"])).stdout) as {
      data: { id: string; revoked_at: string | null }[];
      next_cursor: string | null;
    };
    expect(asJson.data.find((k) => k.id === issued.id)).toMatchObject({ revoked_at: null });
    expect(JSON.stringify(asJson)).not.toContain(issued.secret);

    const revoked = await cli(["keys", "revoke", issued.id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/^revoked:\s+\d{4}-\d\d-\d\dT/m);

    const refused = await use();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe("UNAUTHENTICATED");

    // Revoked keys leave the list unless asked for; a second revoke is a clear answer, not a 500.
    expect((await cli(["keys", "list"])).stdout).not.toContain(issued.id);
    expect((await cli(["keys", "list", "--all"])).stdout).toMatch(
      new RegExp(`^${issued.id}\\s+ci-deploy\\s+\\S+…\\s+revoked`, "m"),
    );
    const shown = JSON.parse((await cli(["keys", "show", issued.id, "--json"])).stdout);
    expect(shown.revoked_at).toEqual(expect.any(String));
  });

  it("will not revoke a user token through `keys`, nor an unknown id", async () => {
    t = await createTestApp({ runDispatcher: false });
    const cli = inProcessCli(t.dataDir);
    const token = await cli(["tokens", "create", "--user", "alice", "--json"]);
    expect(token.code, token.stderr).toBe(0);
    const { id } = JSON.parse(token.stdout) as { id: string };

    const wrongKind = await cli(["keys", "revoke", id]);
    expect(wrongKind.code).not.toBe(0);
    expect(wrongKind.stderr).toContain(`No admin key ${id}`);
    const unknown = await cli(["tokens", "revoke", "cred_unknown"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("No credential cred_unknown");

    const still = JSON.parse((await cli(["tokens", "show", id, "--json"])).stdout);
    expect(still.revoked_at).toBeNull();
  });
});

describe("handset --version", () => {
  it("prints the package's version and exits 0", async () => {
    const cli = inProcessCli("/nonexistent-handset-data");
    for (const flag of ["--version", "-V"]) {
      const run = await cli([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(HANDSET_VERSION);
    }
    expect(HANDSET_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});
