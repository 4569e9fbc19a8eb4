import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/database.js";
import {
  backendManyAddresses,
  describeFigures,
  linodeOneCallEach,
  oneAddressManyUsers,
  oneUserTokenManyNumbers,
  type PumpingDeployment,
} from "../guard/pumping-scenarios.js";
import { type HandsetCluster, startHandsetCluster } from "../support/handset-cluster.js";
import type { HandsetServer } from "../support/handset-process.js";
import { notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";

notePostgresSkipped("SMS pumping over two Handset processes on one PostgreSQL");

/**
 * The pumping scenarios of test/guard/pumping.test.ts over two `handset serve` processes on one
 * PostgreSQL, each request going to the other process than the one before: the budgets hold exactly,
 * whichever process counts. Every request comes from 127.0.0.1 here, so the per-address scenario is
 * the user tokens' socket address, and the backends pass theirs in Handset-Client-IP.
 */
describe.skipIf(!TEST_DATABASE_URL)(
  "SMS pumping over two Handset processes on one PostgreSQL",
  { timeout: 120_000 },
  () => {
    let cluster: HandsetCluster;
    let store: Store;
    let deployment: PumpingDeployment;

    beforeAll(async () => {
      // The tenant budget is lowered from 1,000 to 50 an hour so its proof takes 80 requests.
      // The budgets alone: the conversion guard would pause these never-verified SMS on its own.
      cluster = await startHandsetCluster(["a", "b"], {
        HANDSET_BUDGET_TENANT_SMS_PER_HOUR: "50",
        HANDSET_CONVERSION_GUARD: "off",
      });
      store = openStore({ url: cluster.schema.url, poolSize: 2 });
      const servers = Object.values(cluster.servers) as HandsetServer[];
      deployment = {
        async request(process, method, path, options) {
          const server = servers[process % servers.length] as HandsetServer;
          const response = await fetch(`${server.baseUrl}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${options.secret}`,
              ...(options.body === undefined ? {} : { "content-type": "application/json" }),
              ...options.headers,
            },
            body: options.body === undefined ? undefined : JSON.stringify(options.body),
          });
          const text = await response.text();
          return {
            status: response.status,
            body: text === "" ? null : JSON.parse(text),
            retryAfter: response.headers.get("retry-after") ?? undefined,
          };
        },
        tokenFor: (tenantId, userId) =>
          cluster.offline(async (h) => (await h.credentials.issueUserToken({ tenantId, userId })).secret),
        adminKeyFor: (tenantId) =>
          cluster.offline(async (h) => (await h.credentials.issueAdminKey({ tenantId })).secret),
        async smsQueuedTo(numbers) {
          const rows = await store.db
            .selectFrom("outbox")
            .select("id")
            .where("to_e164", "in", [...numbers])
            .execute();
          return rows.length;
        },
      };
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await cluster?.close();
    });

    it("one user token adding 200 sequential numbers over both processes gets 5 SMS", async () => {
      const f = await oneUserTokenManyNumbers(deployment, "pump-user");
      console.log(describeFigures("PostgreSQL, two processes: one user token, 200 sequential numbers", f));
      expect(f.sent).toBe(5);
      expect(f.refusedBy).toEqual({ user_numbers_per_day: 195 });
      expect(f.refusalsWithRetryAfter).toBe(195);
    });

    it("the same through Linode's one call per number gets 5 SMS", async () => {
      const f = await linodeOneCallEach(deployment, "pump-linode");
      console.log(describeFigures("PostgreSQL, two processes: 30 numbers through Linode", f));
      expect(f.sent).toBe(5);
    });

    it("sixty user tokens from one address get 20 SMS", async () => {
      const f = await oneAddressManyUsers(deployment, "pump-ip");
      console.log(describeFigures("PostgreSQL, two processes: 60 user tokens from one address", f));
      expect(f.sent).toBe(20);
      expect(f.refusedBy).toEqual({ ip_sms_per_hour: 40 });
    });

    it("a backend passing 100 end users' addresses gets 10 SMS into one number range", async () => {
      const f = await backendManyAddresses(deployment, "pump-range", 100, true);
      console.log(describeFigures("PostgreSQL, two processes: admin key, 100 users, one range", f));
      expect(f.sent).toBe(10);
      expect(f.refusedBy).toEqual({ range_sms_per_hour: 90 });
    });

    it("stops a tenant at its hourly budget, 50, however its 80 users spread", async () => {
      const f = await backendManyAddresses(deployment, "busy", 80, false);
      console.log(describeFigures("PostgreSQL, two processes: admin key, 80 users, tenant budget 50/h", f));
      expect(f.sent).toBe(50);
      expect(f.refusedBy).toEqual({ tenant_sms_per_hour: 30 });
    });

    it("logged no error in either process", () => {
      for (const server of Object.values(cluster.servers)) {
        const errors = server
          .output()
          .split("\n")
          .filter((line) => /"level":(50|60)/.test(line));
        expect(errors).toEqual([]);
      }
    });
  },
);
