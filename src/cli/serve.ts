import { buildApp } from "../app/server.js";
import type { Config } from "../config.js";

/** Starts the server and stops it cleanly on SIGINT/SIGTERM, letting in-flight requests finish. */
export async function serve(config: Config): Promise<void> {
  const { app } = await buildApp(config);
  const close = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void close("SIGINT"));
  process.once("SIGTERM", () => void close("SIGTERM"));
  await app.listen({ host: config.host, port: config.port });
}
