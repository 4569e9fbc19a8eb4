import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/database.js";
import { STORE_CONFORMANCE } from "./suites/all.js";
import { describeStore } from "./suites/support.js";

describeStore(
  "store conformance: SQLite",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "handset-store-"));
    const store = openStore({ url: join(dir, "handset.sqlite") });
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  STORE_CONFORMANCE,
);
