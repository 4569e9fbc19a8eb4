import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withHandset } from "../../src/cli/offline.js";
import { loadConfig } from "../../src/config.js";
import { type HandsetServer, spawnHandsetServer } from "../support/handset-process.js";

/**
 * `kill -9` around the moment of answering, on the embedded SQLite default: a server under load is
 * killed where it stands, started again on the same files, and every request it answered is checked.
 * A 2xx must have its rows; an error must have none (Clerk's createUser with a taken second number
 * writes the user before the number fails, so a lie would show as a user left behind). Requests the
 * kill cut off have no answer and may go either way.
 */

interface Sent {
  externalId: string;
  /** `good` creates a user with one new number; `bad` one whose second number is taken. */
  kind: "good" | "bad";
  status: number | "no answer";
}

const TAKEN = "+33612340000";
const WORKERS = 12;

let dataDir: string;
let server: HandsetServer | undefined;
let adminKey: string;

function env(): Record<string, string> {
  return { HANDSET_DATA_DIR: dataDir };
}

async function clerkCreateUser(baseUrl: string, externalId: string, numbers: string[]): Promise<number> {
  const response = await fetch(`${baseUrl}/clerk/v1/users`, {
    method: "POST",
    headers: { authorization: `Bearer sk_test_${adminKey}`, "content-type": "application/json" },
    body: JSON.stringify({ external_id: externalId, phone_number: numbers }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function externalIdsOnDisk(baseUrl: string): Promise<Set<string>> {
  const found = new Set<string>();
  let after: string | null = null;
  do {
    const query: string = after ? `&after=${after}` : "";
    const response = await fetch(`${baseUrl}/v1/users?limit=200${query}`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      data: { external_id: string | null }[];
      next_cursor: string | null;
    };
    for (const user of page.data) if (user.external_id) found.add(user.external_id);
    after = page.next_cursor;
  } while (after);
  return found;
}

describe("kill -9 while answering (SQLite)", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "handset-kill-"));
    const config = loadConfig({ NODE_ENV: "test", HANDSET_DATA_DIR: dataDir });
    adminKey = (
      await withHandset(config, (handset) =>
        handset.credentials.issueAdminKey({ tenantId: config.defaultTenant }),
      )
    ).secret;
  });

  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every answered 2xx and nothing of an answered error, across a SIGKILL", async () => {
    server = await spawnHandsetServer("victim", env());
    const { baseUrl } = server;
    expect(await clerkCreateUser(baseUrl, "holder", [TAKEN])).toBe(200);

    const sent: Sent[] = [];
    let stop = false;
    let next = 0;
    const worker = async () => {
      while (!stop) {
        const n = next++;
        const kind = n % 2 === 0 ? "good" : "bad";
        const externalId = `ext-${n}`;
        // A distinct valid French mobile number per request.
        const own = `+3361${String(2_000_000 + n).padStart(7, "0")}`;
        const numbers = kind === "good" ? [own] : [own, TAKEN];
        const record: Sent = { externalId, kind, status: "no answer" };
        sent.push(record);
        try {
          record.status = await clerkCreateUser(baseUrl, externalId, numbers);
        } catch {
          // The connection died with the process: no answer.
          return;
        }
      }
    };
    const load = Array.from({ length: WORKERS }, worker);
    // Kill once enough requests have been answered, while the rest are in flight.
    while (sent.filter((s) => s.status !== "no answer").length < 150) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await server.kill();
    stop = true;
    await Promise.all(load);

    server = await spawnHandsetServer("restarted", env());
    const onDisk = await externalIdsOnDisk(server.baseUrl);
    const answered = sent.filter((s) => s.status !== "no answer");
    const ok = answered.filter((s) => s.status === 200);
    const refused = answered.filter((s) => s.status !== 200);
    expect(ok.every((s) => s.kind === "good")).toBe(true);
    expect(refused.every((s) => s.kind === "bad" && s.status === 422)).toBe(true);
    const okKept = ok.filter((s) => onDisk.has(s.externalId)).length;
    const refusedKept = refused.filter((s) => onDisk.has(s.externalId)).length;
    console.log(
      `[kill -9] ${ok.length} answered ok, ${okKept} of them present; ` +
        `${refused.length} answered with an error, ${refusedKept} present; ` +
        `${sent.length - answered.length} cut off by the kill`,
    );
    expect(okKept).toBe(ok.length);
    expect(refusedKept).toBe(0);
    expect(ok.length).toBeGreaterThan(50);
    expect(refused.length).toBeGreaterThan(50);
  });
});
