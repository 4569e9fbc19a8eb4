import { describe } from "vitest";
import { openStore } from "../../src/store/database.js";
import { createTestSchema, notePostgresSkipped, TEST_DATABASE_URL } from "../support/postgres.js";
import { STORE_CONFORMANCE } from "./suites/all.js";
import { describeStore } from "./suites/support.js";

notePostgresSkipped("store conformance on PostgreSQL");

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL", () => {
  describeStore(
    "store conformance: PostgreSQL",
    async () => {
      const schema = await createTestSchema();
      const store = openStore({ url: schema.url, poolSize: 12 });
      return {
        store,
        dispose: async () => {
          await store.close();
          await schema.drop();
        },
      };
    },
    STORE_CONFORMANCE,
  );
});
