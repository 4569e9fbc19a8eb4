// The load generator's HTTP: undici (installed with the peers, in bench/peers/node_modules, so the
// product's dependencies stay lean), one keep-alive connection per simulated client.
import { createRequire } from "node:module";

const requireFromPeers = createRequire(new URL("../peers/package.json", import.meta.url));
const { Client } = requireFromPeers("undici");

export class FlowError extends Error {
  /**
   * @param {string} step
   * @param {number} status
   * @param {string} detail
   */
  constructor(step, status, detail) {
    super(`${step}: HTTP ${status} ${detail.slice(0, 300)}`);
    this.step = step;
    this.status = status;
  }
}

/** @param {string} origin */
export function connect(origin) {
  return new Client(origin, { pipelining: 1, keepAliveTimeout: 30_000 });
}

const JSON_HEADERS = { "content-type": "application/json" };

/**
 * One request; answers the parsed JSON body, or throws FlowError when the status is not `expect`
 * (unless it is listed in `alsoAccept`, which answers `{ status, json }` to let the caller decide).
 * @param {import("undici").Client} client
 * @param {{ step: string, method: "GET" | "POST", path: string, headers?: Record<string, string>,
 *   json?: unknown, expect: number, alsoAccept?: number[] }} request
 */
export async function call(client, request) {
  const hasBody = request.json !== undefined;
  const response = await client.request({
    method: request.method,
    path: request.path,
    headers: hasBody ? { ...request.headers, ...JSON_HEADERS } : request.headers,
    body: hasBody ? JSON.stringify(request.json) : undefined,
  });
  const text = await response.body.text();
  if (response.statusCode === request.expect) return { status: response.statusCode, json: JSON.parse(text) };
  if (request.alsoAccept?.includes(response.statusCode)) {
    return { status: response.statusCode, json: text ? JSON.parse(text) : null };
  }
  throw new FlowError(request.step, response.statusCode, text);
}
