/**
 * CPU per flow (add a number, send a code, verify it) on the embedded SQLite store, through the
 * services and the authenticator (no HTTP), and how much of it Kysely spends building queries.
 *
 *   npx vite-node scripts/hot-path-cpu.ts [flows] [users]
 *
 * With `users`, the flows share that many users, which pile numbers up (as the bench's do); without
 * it, each flow has a user of its own, with one number.
 * Prints server CPU per flow (user + system, this process), and the number of queries Kysely compiled
 * per flow. Run it before and after a change to the hot paths, on a quiet machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DefaultQueryCompiler } from "kysely";
import { buildApp } from "../src/app/server.js";
import { loadConfig } from "../src/config.js";
import { ManualClock } from "../src/domain/clock.js";
import { createKeyring, deriveCode } from "../src/domain/code.js";
import { createAuthenticator } from "../src/http/authenticator.js";

const flows = Number(process.argv[2] ?? 2000);
const users = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const keyring = createKeyring({ id: "bench", secret: Buffer.alloc(32, 7) });
const dataDir = mkdtempSync(join(tmpdir(), "handset-cpu-"));
const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
const config = loadConfig({ NODE_ENV: "test", HANDSET_DATA_DIR: dataDir, HANDSET_LOG_LEVEL: "silent" });
const built = await buildApp(config, { clock, keyring, runDispatcher: false, logger: false });
await built.app.ready();
const { handset } = built;
const authenticator = createAuthenticator(handset);

let compiled = 0;
const compile = DefaultQueryCompiler.prototype.compileQuery;
DefaultQueryCompiler.prototype.compileQuery = function (this: DefaultQueryCompiler, ...args) {
  compiled += 1;
  return compile.apply(this, args);
};

// One user per flow, as in the bench's flow (a user with one number): created before the clock starts.
const warmUp = 200;
const tokens: string[] = [];
for (let i = 0; i < (users ?? warmUp + flows); i += 1) {
  const token = (await handset.credentials.issueUserToken({ tenantId: "default", userId: `cpu-${i}` }))
    .secret;
  await authenticator.authenticate(token, "phone:read");
  tokens.push(token);
}

let serial = 0;
async function flow(i: number): Promise<void> {
  const token = tokens[i % tokens.length] as string;
  serial += 1;
  const number = `+3361${String(serial).padStart(7, "0")}`;
  const addCaller = await authenticator.authenticate(token, "phone:write");
  const added = await handset.phoneNumbers.add(addCaller, {
    userId: addCaller.userId as string,
    phoneNumber: number,
  });
  const sendCaller = await authenticator.authenticate(token, "phone:write");
  const sent = await handset.verification.send(sendCaller, added.phoneNumber.id);
  const verifyCaller = await authenticator.authenticate(token, "phone:verify");
  await handset.verification.verify(
    verifyCaller,
    added.phoneNumber.id,
    deriveCode(keyring.active, sent.verification.id, 6),
  );
  clock.advance(1_000);
}

async function run(from: number, count: number, concurrency: number): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < from + count) await flow(next++);
    }),
  );
}

await run(0, warmUp, 10); // warm up: JIT, statement caches
compiled = 0;
const before = process.cpuUsage();
const started = performance.now();
await run(warmUp, flows, 10);
const cpu = process.cpuUsage(before);
const wall = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    flows,
    users: users ?? warmUp + flows,
    cpuMsPerFlow: Number(((cpu.user + cpu.system) / 1000 / flows).toFixed(3)),
    wallMsPerFlow: Number((wall / flows).toFixed(3)),
    kyselyCompilesPerFlow: Number((compiled / flows).toFixed(2)),
  })}\n`,
);
await built.app.close();
rmSync(dataDir, { recursive: true, force: true });
