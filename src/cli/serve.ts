import { deliveryBanner } from "../app/delivery-banner.js";
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
  // After listening: the lines follow Fastify's "Server listening at", and a refused start logs none.
  for (const line of deliveryBanner(config)) app.log[line.level](line.fields, line.msg);
}
