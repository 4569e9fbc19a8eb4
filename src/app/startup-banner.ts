import packageJson from "../../package.json" with { type: "json" };
import type { Config } from "../config.js";
import { isPostgresUrl } from "../store/database.js";
import { type BannerLine, deliveryBanner } from "./delivery-banner.js";
import { SURFACE_PREFIXES } from "./surfaces.js";

export type { BannerLine };

/** Handset's version, from package.json (inlined by the bundle). */
export const HANDSET_VERSION: string = packageJson.version;

export interface Listening {
  /** Where the HTTP server listens, as Fastify answered `listen` (`http://127.0.0.1:4010`). */
  url: string;
  /** Whether the development inbox page is served (the inbox provider, outside production). */
  devInbox: boolean;
}

/**
 * Where the database is, without what could be a secret: the SQLite file, or PostgreSQL's host, port
 * and database (never the user's password, nor the URL's query, which may carry one).
 */
export function databaseFields(databaseUrl: string): Record<string, unknown> {
  if (!isPostgresUrl(databaseUrl)) return { dialect: "sqlite", file: databaseUrl };
  try {
    const url = new URL(databaseUrl);
    return {
      dialect: "postgres",
      host: url.hostname || "localhost",
      port: Number(url.port || 5432),
      database: decodeURIComponent(url.pathname.replace(/^\//, "")) || "(default)",
    };
  } catch {
    return { dialect: "postgres", host: "(unparsable DATABASE_URL)" };
  }
}

/**
 * What the server logs once it listens, one fact a line: version, database, SMS delivery, surfaces and
 * their URLs, and warnings for what must not reach production unnoticed. Built from the configuration
 * alone (and the address Fastify listens at), so no secret can reach it.
 */
export function startupBanner(config: Config, listening: Listening): BannerLine[] {
  const base = listening.url.replace(/\/+$/, "");
  const lines: BannerLine[] = [];
  const info = (msg: string, fields: Record<string, unknown> = {}) =>
    lines.push({ level: "info", msg, fields });
  const warn = (msg: string, fields: Record<string, unknown> = {}) =>
    lines.push({ level: "warn", msg, fields });

  info("Handset", {
    version: HANDSET_VERSION,
    mode: config.production ? "production" : "development",
    node: process.version,
  });
  info("database", databaseFields(config.databaseUrl));
  lines.push(...deliveryBanner(config));
  for (const [surface, prefix] of Object.entries(SURFACE_PREFIXES)) {
    info("surface", { surface, url: `${base}${prefix}` });
  }
  if (config.zitadel.grpcPort !== null) {
    info("ZITADEL gRPC", { host: config.host, port: config.zitadel.grpcPort });
  }
  if (config.zitadel.atRoot) {
    info("ZITADEL at the root: gRPC (h2c), Connect, gRPC-Web and REST", { url: base });
  }
  if (config.zitadel.corsOrigins.length > 0) {
    info("ZITADEL CORS", { origins: config.zitadel.corsOrigins.join(",") });
  }
  info("listening", { url: base });
  info("API docs", { url: `${base}/docs`, openapi: `${base}/openapi.json` });
  info("console", { url: `${base}/console` });
  if (config.metrics) {
    info("metrics", { url: `${base}/metrics`, protected: config.metricsToken !== null });
  } else {
    info("metrics off (HANDSET_METRICS=off)");
  }
  if (listening.devInbox) {
    warn("development inbox is on: codes are readable by anyone who reaches it", {
      url: `${base}/dev/inbox`,
    });
  }
  return lines;
}
