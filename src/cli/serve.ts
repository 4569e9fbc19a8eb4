import { buildApp } from "../app/server.js";
import { startupBanner } from "../app/startup-banner.js";
import type { Config } from "../config.js";

/** Starts the server and stops it cleanly on SIGINT/SIGTERM, letting in-flight requests finish. */
export async function serve(config: Config): Promise<void> {
  const { app, inbox } = await buildApp(config, { processMetrics: true });
  const close = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void close("SIGINT"));
  process.once("SIGTERM", () => void close("SIGTERM"));
  const url = await app.listen({ host: config.host, port: config.port });
  // After listening: the lines follow Fastify's "Server listening at", and a refused start logs none.
  const devInbox = inbox !== null && !config.production;
  for (const line of startupBanner(config, { url, devInbox })) app.log[line.level](line.fields, line.msg);
}
