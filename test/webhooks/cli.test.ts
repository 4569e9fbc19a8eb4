import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { inProcessCli } from "../cli/in-process-cli.js";
import { createTestApp } from "../support/harness.js";
import { startReceiver, verify } from "./receiver.js";
import { addNumber } from "./support.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("handset webhooks", () => {
  it("creates, lists, shows, updates, reads the delivery log, replays and deletes", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handset-webhooks-cli-"));
    dirs.push(dataDir);
    const cli = inProcessCli(dataDir);
    const receiver = await startReceiver();
    try {
      const created = await cli([
        "webhooks",
        "create",
        "--url",
        receiver.url,
        "--events",
        "phone_number.added",
        "--json",
      ]);
      expect(created.code, created.stderr).toBe(0);
      const endpoint = JSON.parse(created.stdout) as { id: string; secret: string };
      expect(endpoint.secret).toMatch(/^whsec_/);

      const listed = await cli(["webhooks", "list"]);
      expect(listed.stdout).toContain(endpoint.id);
      expect(listed.stdout).toContain(receiver.url);
      const shown = await cli(["webhooks", "show", endpoint.id]);
      expect(shown.stdout).toMatch(/events:\s+phone_number\.added/);
      expect(shown.stdout).not.toContain("whsec_");
      const updated = await cli([
        "webhooks",
        "update",
        endpoint.id,
        "--events",
        "phone_number.added,user.created",
        "--description",
        "billing",
        "--json",
      ]);
      expect(JSON.parse(updated.stdout)).toMatchObject({
        event_types: ["phone_number.added", "user.created"],
        description: "billing",
      });

      // A server on the same data sends the events, signed with the secret the CLI printed.
      const app = await createTestApp({ dataDir, runDispatcher: false, clock: new ManualClock(Date.now()) });
      try {
        await addNumber(app, "olga");
        expect(await app.webhookWorker.runOnce()).toBe(2);
      } finally {
        await app.close({ keepData: true });
      }
      expect(receiver.received.map((m) => verify(endpoint.secret, m).type).sort()).toEqual([
        "phone_number.added",
        "user.created",
      ]);

      const log = await cli(["webhooks", "deliveries", endpoint.id, "--json"]);
      const deliveries = JSON.parse(log.stdout).data as { id: string; status: string }[];
      expect(deliveries.map((d) => d.status)).toEqual(["succeeded", "succeeded"]);
      const first = deliveries[0]?.id ?? "";
      const detail = await cli(["webhooks", "deliveries", endpoint.id, first]);
      expect(detail.stdout).toMatch(/1\s+\S+\s+\d+\s+200\s+succeeded/);
      const replayed = await cli(["webhooks", "replay", endpoint.id, first]);
      expect(replayed.stdout).toContain(`${first}: pending`);

      const wrong = await cli(["webhooks", "create", "--url", "ftp://example.com/", "--events", "*"]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain("http or https");
      const unknownType = await cli(["webhooks", "update", endpoint.id, "--events", "nope"]);
      expect(unknownType.code).toBe(2);

      const deleted = await cli(["webhooks", "delete", endpoint.id]);
      expect(deleted.stdout).toBe(`deleted ${endpoint.id}\n`);
      const gone = await cli(["webhooks", "show", endpoint.id]);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toContain("No webhook endpoint");
    } finally {
      await receiver.close();
    }
  });
});
