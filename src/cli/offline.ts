import { createCore } from "../app/core.js";
import type { Config } from "../config.js";
import type { Handset } from "../services/handset.js";

/**
 * Runs a CLI task straight against the database (no server needed), on the same core the server
 * builds: keys and tokens are created where the server will read them. SMS queued here would be
 * delivered by a running server.
 */
export async function withHandset<T>(config: Config, task: (handset: Handset) => Promise<T>): Promise<T> {
  const core = await createCore(config, { mode: "offline" });
  try {
    return await task(core.handset);
  } finally {
    await core.close();
  }
}
