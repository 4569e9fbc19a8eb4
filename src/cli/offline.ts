import type { Config } from "../config.js";
import { systemClock } from "../domain/clock.js";
import { loadOrCreateKeyring } from "../secrets.js";
import { createHandset, type Handset } from "../services/handset.js";
import { openStore } from "../store/database.js";
import { migrateToLatest } from "../store/migrate.js";

/**
 * Runs a CLI task straight against the database (no server needed): keys and tokens are created
 * where the server will read them. SMS queued here would be delivered by a running server.
 */
export async function withHandset<T>(config: Config, task: (handset: Handset) => Promise<T>): Promise<T> {
  const store = openStore({ url: config.databaseUrl, poolSize: 2 });
  try {
    await migrateToLatest(store.db);
    const handset = createHandset({
      store,
      clock: systemClock,
      keyring: loadOrCreateKeyring(config.dataDir),
      otp: config.otp,
      phone: { ...config.phone },
      testNumbers: config.testNumbers,
      onOutboxCommitted: () => {},
    });
    return await task(handset);
  } finally {
    await store.close();
  }
}
