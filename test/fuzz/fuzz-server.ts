import type { AddressInfo } from "node:net";
import type { RouteOptions } from "fastify";
import { toClerkSecretKey } from "../../src/surfaces/clerk/secret-key.js";
import { accountSidOf, serviceSidOf } from "../../src/surfaces/twilio-verify/sids.js";
import { classify, type ProbeIds, type Route } from "../security/route-table.js";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";

/**
 * The seed every fuzz run starts from: fixed, so a run is repeatable and a failure can be replayed;
 * `FUZZ_SEED` picks another, `FUZZ_RUNS` another number of requests per surface and transport.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 13_2026);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/**
 * Budgets are off: the fuzzer sends hundreds of requests for one user and one client, and a 429 on
 * each would stop them before the handlers, which is what is fuzzed.
 */
export const RELAXED_BUDGETS: Record<string, string> = {
  HANDSET_BUDGET_USER_NUMBERS_PER_DAY: "off",
  HANDSET_BUDGET_USER_SMS_PER_HOUR: "off",
  HANDSET_BUDGET_IP_SMS_PER_HOUR: "off",
  HANDSET_BUDGET_RANGE_SMS_PER_HOUR: "off",
};

export interface Credentials {
  /** The default tenant's admin key. */
  admin: string;
  /** A user token of `ids.userId`. */
  user: string;
  /** The admin key as a Clerk secret key. */
  clerk: string;
  /** The tenant's Account SID and the admin key as Twilio's Basic credentials (`Basic ...`, whole). */
  twilio: string;
}

export interface FuzzServer {
  t: TestApp;
  /** `http://127.0.0.1:<port>`: every HTTP/1.1 surface. */
  url: string;
  /** `http://127.0.0.1:<port>`: ZITADEL's gRPC port (h2c). */
  grpcUrl: string;
  routes: Route[];
  ids: ProbeIds;
  credentials: Credentials;
  /** The credential a route is called with, by surface and audience. */
  credentialFor(route: Route): string;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1 (both ports), a user with a number, and credentials for every surface. */
export async function startFuzzServer(): Promise<FuzzServer> {
  const reported: RouteOptions[] = [];
  const t = await createTestApp({
    runDispatcher: false,
    onRoute: (route) => void reported.push(route),
    env: { HANDSET_ZITADEL_GRPC_PORT: "0", ...RELAXED_BUDGETS },
  });
  try {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    const grpcPort = t.zitadelGrpc.address()?.port;
    if (grpcPort === undefined) throw new Error("the ZITADEL gRPC port did not start");
    const created = await t.app.inject({
      method: "POST",
      url: "/v1/users",
      headers: bearer(t.adminKey),
      payload: { id: "fuzz-user" },
    });
    if (created.statusCode !== 201) throw new Error(`create user: ${created.statusCode}`);
    const added = await t.app.inject({
      method: "POST",
      url: "/v1/phone-numbers",
      headers: bearer(t.adminKey),
      payload: { user_id: "fuzz-user", phone_number: mobileNumber() },
    });
    if (added.statusCode !== 201) throw new Error(`add number: ${added.statusCode}`);
    const ids: ProbeIds = {
      userId: "fuzz-user",
      phoneNumberId: added.json<{ id: string }>().id,
      freshNumber: mobileNumber(),
      serviceSid: serviceSidOf(t.config.defaultTenant),
    };
    const credentials: Credentials = {
      admin: t.adminKey,
      user: await t.tokenFor(ids.userId),
      clerk: toClerkSecretKey(t.adminKey, false),
      twilio: `Basic ${Buffer.from(`${accountSidOf(t.config.defaultTenant)}:${t.adminKey}`).toString("base64")}`,
    };
    const routes = reported.flatMap((route) => classify(route)).filter((route) => route.method !== "HEAD");
    return {
      t,
      url: `http://127.0.0.1:${port}`,
      grpcUrl: `http://127.0.0.1:${grpcPort}`,
      routes,
      ids,
      credentials,
      credentialFor: (route) =>
        route.surface === "clerk"
          ? credentials.clerk
          : route.surface === "twilio-verify"
            ? credentials.twilio
            : route.audience === "user"
              ? credentials.user
              : credentials.admin,
      close: () => t.close(),
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** Requests sent, by the class of their answers, per surface or transport, for the run's summary. */
export class FuzzTally {
  private readonly counts = new Map<string, { sent: number; ok: number; refused: number; failed: number }>();

  /** `outcome`: answered 2xx/3xx (`ok`), 4xx (`refused`), or 5xx / gRPC Internal-Unknown (`failed`). */
  record(surface: string, outcome: "ok" | "refused" | "failed"): void {
    const count = this.counts.get(surface) ?? { sent: 0, ok: 0, refused: 0, failed: 0 };
    count.sent += 1;
    count[outcome] += 1;
    this.counts.set(surface, count);
  }

  /** One line per surface: `fuzz <surface>: <n> requests (<n> ok, <n> 4xx), <n> 5xx, seed <seed>`. */
  lines(): string[] {
    return [...this.counts].map(
      ([surface, c]) =>
        `fuzz ${surface}: ${c.sent} requests (${c.ok} ok, ${c.refused} 4xx), ${c.failed} 5xx, seed ${FUZZ_SEED}`,
    );
  }
}
