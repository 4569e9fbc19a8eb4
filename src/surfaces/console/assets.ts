import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FastifyInstance } from "fastify";
import { OVERVIEW_SCRIPT } from "./overview-script.js";
import { CONSOLE_STYLESHEET } from "./stylesheet.js";

/**
 * Chart.js's UMD build, found at start through the package's own resolution (its `exports` do not
 * name the UMD file, so it is found beside the CommonJS entry) and read on first use.
 */
function chartJsPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("chart.js")), "chart.umd.min.js");
}

const LONG_CACHE = "public, max-age=31536000, immutable";
const SHORT_CACHE = "public, max-age=300";

/**
 * The console's static files. Chart.js is versioned in its URL (the package's version), so it may be
 * cached for a year; the console's own stylesheet and script change with Handset and are cached briefly.
 */
export function registerConsoleAssets(app: FastifyInstance): { chartJsUrl: string } {
  const path = chartJsPath();
  const { version } = JSON.parse(readFileSync(join(dirname(path), "..", "package.json"), "utf8")) as {
    version: string;
  };
  const chartJsUrl = `/console/assets/chart-${version}.umd.js`;
  let chartJs: Promise<Buffer> | undefined;
  app.get(chartJsUrl.slice("/console".length), { schema: { hide: true } }, async (_request, reply) => {
    chartJs ??= readFile(path);
    return reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", LONG_CACHE)
      .send(await chartJs);
  });
  app.get("/assets/console.css", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", SHORT_CACHE).send(CONSOLE_STYLESHEET),
  );
  app.get("/assets/overview.js", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/javascript; charset=utf-8").header("cache-control", SHORT_CACHE).send(OVERVIEW_SCRIPT),
  );
  return { chartJsUrl };
}
