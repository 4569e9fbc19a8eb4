import type { FastifyInstance } from "fastify";

export interface ReadinessProbe {
  /** Named in the answer (`sqlite`, `postgres`). */
  database: string;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
}

/**
 * `/healthz` says the process answers; `/readyz` says it can serve, which needs the database. A
 * failed readiness check is logged with its cause: the answer itself tells the caller nothing more.
 */
export function registerHealth(app: FastifyInstance, probe: ReadinessProbe): void {
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (request, reply) => {
    try {
      await probe.ping();
      return { status: "ready", database: probe.database };
    } catch (error) {
      request.log.warn({ err: error }, "not ready: database unreachable");
      return reply
        .code(503)
        .send({ status: "not_ready", database: probe.database, reason: "database unreachable" });
    }
  });
}
