import { isSupportedCountry } from "libphonenumber-js/max";
import type { RouteTable } from "./route-table.js";

const ROUTE_KEY = /^(default|[A-Z]{2}|\+\d{1,15})$/;

/**
 * The `routes:` section of the SMS config file as a route table: each key `default`, an ISO region or
 * a `+prefix`, each value providers by name. Every problem is pushed, named by its key.
 */
export function parseRoutes(
  raw: Record<string, string[]> | undefined,
  providerNames: readonly string[],
  names: ReadonlySet<string>,
  problems: string[],
): RouteTable {
  const byPrefix = new Map<string, readonly string[]>();
  const byRegion = new Map<string, readonly string[]>();
  // With one provider and no routes, everything goes through it.
  let fallback: readonly string[] =
    raw === undefined && providerNames.length === 1 ? [providerNames[0] ?? ""] : [];
  for (const [key, list] of Object.entries(raw ?? {})) {
    if (!ROUTE_KEY.test(key)) {
      problems.push(`routes.${key}: a route is "default", an ISO region (FR) or a number prefix (+4479)`);
      continue;
    }
    const unknown = list.filter((n) => !names.has(n));
    if (unknown.length > 0) problems.push(`routes.${key}: no provider named ${unknown.join(", ")}`);
    // A region libphonenumber does not know (UK for GB) would never match: its numbers would silently
    // take the default route.
    if (/^[A-Z]{2}$/.test(key) && !isSupportedCountry(key)) {
      problems.push(`routes.${key}: ${key} is not an ISO 3166 region libphonenumber knows (GB, not UK)`);
    }
    // Twice in one route, a provider that timed out would be sent the same message again at once.
    const twice = list.filter((n, i) => list.indexOf(n) !== i);
    if (twice.length > 0)
      problems.push(`routes.${key}: names ${[...new Set(twice)].join(", ")} more than once`);
    if (key === "default") fallback = list;
    else if (key.startsWith("+")) byPrefix.set(key, list);
    else byRegion.set(key, list);
  }
  if (fallback.length === 0 && providerNames.length > 0) {
    problems.push("routes.default: required when several providers are configured");
  }
  return { byPrefix, byRegion, fallback };
}
