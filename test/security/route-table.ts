import type { DescMethodUnary } from "@bufbuild/protobuf";
import { AuthService } from "@zitadel/proto/zitadel/auth_pb.js";
import type { RouteOptions } from "fastify";
import { SURFACE_PREFIXES } from "../../src/app/surfaces.js";
import { bindingOf } from "../../src/surfaces/zitadel/rest-gateway.js";
import { zitadelMethods } from "../../src/surfaces/zitadel/routes.js";

export type Surface = "native" | "linode" | "clerk" | "zitadel-rest" | "zitadel-connect" | "twilio-verify";

/**
 * Routes that answer without a credential, on purpose. A route not listed here and outside every
 * surface fails the security tests: a new route has to be given a surface (and so its auth) or be
 * added here, in review, as public.
 */
export const PUBLIC_ROUTES: readonly RegExp[] = [
  /^\/healthz$/,
  /^\/readyz$/,
  // Prometheus' scrape: open unless HANDSET_METRICS_TOKEN is set (test/guard/metrics.test.ts).
  /^\/metrics$/,
  /^\/openapi\.json$/,
  /^\/docs(\/.*)?$/,
  // The development inbox exists only outside production mode (test/native/app.test.ts); its clear
  // button refuses another site's request (test/native/dev-inbox*.test.ts).
  /^\/dev\/inbox(\/(events|clear))?$/,
  // SMS providers' receipts: each provider proves its request (a signature, or the token Handset put in
  // the callback URL) and answers 403 otherwise (test/delivery/receipts.test.ts and each provider's tests).
  /^\/sms\/callbacks\/:provider$/,
  // The operator's console: its own sign-in with an admin key into a session cookie, and every page
  // checks that session and the key's scope (test/console/); without a session it sends to sign-in.
  /^\/console(\/.*)?$/,
];

/** The ZITADEL RPCs Handset implements; every other one answers Unimplemented, once authenticated. */
export const IMPLEMENTED_RPCS = new Set([
  "zitadel.auth.v1.AuthService.GetMyPhone",
  "zitadel.auth.v1.AuthService.SetMyPhone",
  "zitadel.auth.v1.AuthService.VerifyMyPhone",
  "zitadel.auth.v1.AuthService.ResendMyPhoneVerification",
  "zitadel.auth.v1.AuthService.RemoveMyPhone",
  "zitadel.user.v2.UserService.GetUserByID",
  "zitadel.user.v2.UserService.SetPhone",
  "zitadel.user.v2.UserService.VerifyPhone",
  "zitadel.user.v2.UserService.ResendPhoneCode",
  "zitadel.user.v2.UserService.RemovePhone",
]);

export interface Route {
  method: string;
  /** Fastify's template, `:name` for a path parameter. */
  url: string;
  surface: Surface | "public";
  /** Whom the route serves: a user token's own user, or (admin keys) the tenant. */
  audience: "user" | "admin";
  /** ZITADEL routes: the RPC behind them. */
  rpc?: DescMethodUnary;
  /** Whether the request has a JSON body the route reads. */
  takesBody: boolean;
}

const rpcName = (rpc: DescMethodUnary) => `${rpc.parent.typeName}.${rpc.name}`;
export const isImplemented = (route: Route) =>
  route.rpc === undefined || IMPLEMENTED_RPCS.has(rpcName(route.rpc));

function zitadelRoute(method: string, url: string): Omit<Route, "method" | "url"> | undefined {
  for (const rpc of zitadelMethods()) {
    const audience = rpc.parent.typeName === AuthService.typeName ? "user" : "admin";
    if (url === `${SURFACE_PREFIXES.zitadel}/${rpc.parent.typeName}/${rpc.name}`) {
      return { surface: "zitadel-connect", audience, rpc, takesBody: true };
    }
    const binding = bindingOf(rpc);
    // Fastify answers HEAD on every GET route.
    const verb = method === "HEAD" ? "GET" : method;
    if (binding && binding.verb === verb && `${SURFACE_PREFIXES.zitadel}${binding.url}` === url) {
      return { surface: "zitadel-rest", audience, rpc, takesBody: binding.body === "*" };
    }
  }
  return undefined;
}

const writes = (method: string) => method === "POST" || method === "PUT" || method === "PATCH";

/** Sorts one route Fastify reports, method by method, into its surface. */
export function classify(route: RouteOptions): Route[] {
  const methods = [route.method].flat();
  return methods.map((method): Route => {
    const { url } = route;
    const base = { method, url, takesBody: writes(method) };
    if (PUBLIC_ROUTES.some((r) => r.test(url))) return { ...base, surface: "public", audience: "admin" };
    if (url.startsWith(`${SURFACE_PREFIXES.native}/`)) {
      const me = `${SURFACE_PREFIXES.native}/me`;
      // `/v1/messages` is an admin route: only `/v1/me` and what lies under it serve user tokens.
      const audience = url === me || url.startsWith(`${me}/`) ? "user" : "admin";
      return { ...base, surface: "native", audience };
    }
    if (url.startsWith(`${SURFACE_PREFIXES.linode}/`))
      return { ...base, surface: "linode", audience: "user" };
    if (url.startsWith(`${SURFACE_PREFIXES.clerk}/`)) return { ...base, surface: "clerk", audience: "admin" };
    if (url.startsWith(`${SURFACE_PREFIXES.twilio}/`)) {
      return { ...base, surface: "twilio-verify", audience: "admin" };
    }
    const zitadel = url.startsWith(`${SURFACE_PREFIXES.zitadel}/`) ? zitadelRoute(method, url) : undefined;
    if (zitadel) return { method, url, ...zitadel };
    throw new Error(`${method} ${url} belongs to no surface and is not listed as public`);
  });
}

/** Ids of the tenant the tests probe (tenant A), put into paths and bodies. */
export interface ProbeIds {
  userId: string;
  phoneNumberId: string;
  /** A number no one holds yet, for bodies that add one. */
  freshNumber: string;
  /** The tenant's Twilio Verify Service SID (`VA...`); `x1`, no service, where not given. */
  serviceSid?: string;
}

export function pathOf(route: Route, ids: ProbeIds): string {
  return route.url
    .replace(/:user_id\b/g, ids.userId)
    .replace(/:phone_number_id\b/g, ids.phoneNumberId)
    .replace(/:service_sid\b/g, ids.serviceSid ?? "x1")
    .replace(/:[a-z_]+/g, "x1")
    .replace(/\*$/, "x");
}

/**
 * A body each writing route accepts as well formed, so that what answers is the credential check
 * (or, for another tenant, the lookup), not the schema. Ids are tenant A's.
 */
export function sampleBody(route: Route, ids: ProbeIds): Record<string, unknown> | undefined {
  if (!route.takesBody) return undefined;
  const at = `${route.method} ${route.url}`;
  if (route.rpc) return zitadelSample(route.rpc.name, ids);
  const n = SURFACE_PREFIXES.native;
  const samples: Record<string, Record<string, unknown>> = {
    [`POST ${n}/users`]: { id: "probe-user" },
    [`POST ${n}/phone-numbers`]: { user_id: ids.userId, phone_number: ids.freshNumber },
    [`PATCH ${n}/phone-numbers/:phone_number_id`]: { primary: true },
    [`POST ${n}/phone-numbers/:phone_number_id/verify`]: { code: "123456" },
    [`POST ${n}/me/phone-numbers`]: { phone_number: ids.freshNumber },
    [`PATCH ${n}/me/phone-numbers/:phone_number_id`]: { primary: true },
    [`POST ${n}/me/phone-numbers/:phone_number_id/verify`]: { code: "123456" },
    [`PATCH ${n}/settings`]: { regions: { denied: [] } },
    [`POST ${n}/credentials`]: { kind: "admin_key", name: "probe" },
    [`POST ${n}/tenants`]: { id: "probe-tenant" },
    [`POST ${n}/verifications`]: { to: ids.freshNumber },
    [`POST ${n}/verifications/check`]: { to: ids.freshNumber, code: "123456" },
    [`POST ${n}/webhooks`]: { url: "https://hooks.example.com/probe", event_types: ["*"] },
    [`PATCH ${n}/webhooks/:id`]: { enabled: true },
    [`POST ${n}/verify-services`]: { friendly_name: "Probe" },
    [`PATCH ${n}/verify-services/:service_id`]: { friendly_name: "Probe" },
    [`POST ${SURFACE_PREFIXES.clerk}/v1/phone_numbers`]: {
      user_id: ids.userId,
      phone_number: ids.freshNumber,
    },
    [`PATCH ${SURFACE_PREFIXES.clerk}/v1/phone_numbers/:phone_number_id`]: { primary: true },
    [`POST ${SURFACE_PREFIXES.clerk}/v1/users`]: { external_id: "probe" },
    [`PATCH ${SURFACE_PREFIXES.clerk}/v1/users/:user_id`]: { first_name: "Probe" },
    [`PATCH ${SURFACE_PREFIXES.clerk}/v1/users/:user_id/metadata`]: { public_metadata: { probe: true } },
    [`PUT ${SURFACE_PREFIXES.clerk}/v1/users/:user_id/metadata`]: { public_metadata: { probe: true } },
    [`POST ${SURFACE_PREFIXES.clerk}/v1/phone_numbers/:phone_number_id/attempt_verification`]: {
      verification_id: "vf_probe",
      code: "123456",
    },
  };
  const services = `${SURFACE_PREFIXES.twilio}/v2/Services`;
  samples[`POST ${services}`] = { FriendlyName: "Probe" };
  samples[`POST ${services}/:service_sid`] = { FriendlyName: "Probe" };
  samples[`POST ${services}/:service_sid/Verifications`] = { To: ids.freshNumber, Channel: "sms" };
  samples[`POST ${services}/:service_sid/Verifications/:sid`] = { Status: "canceled" };
  samples[`POST ${services}/:service_sid/VerificationCheck`] = { To: ids.freshNumber, Code: "123456" };
  for (const version of ["v4", "v4beta"]) {
    const base = `${SURFACE_PREFIXES.linode}/${version}/profile/phone-number`;
    samples[`POST ${base}`] = { iso_code: "FR", phone_number: ids.freshNumber };
    samples[`POST ${base}/verify`] = { otp_code: "123456" };
  }
  // Routes that take no body (send-code) are sent none.
  return samples[at];
}

function zitadelSample(rpc: string, ids: ProbeIds): Record<string, unknown> {
  switch (rpc) {
    case "SetMyPhone":
      return { phone: ids.freshNumber };
    case "VerifyMyPhone":
      return { code: "123456" };
    case "SetPhone":
      return { user_id: ids.userId, phone: ids.freshNumber };
    case "VerifyPhone":
      return { user_id: ids.userId, verification_code: "123456" };
    case "GetUserByID":
    case "ResendPhoneCode":
    case "RemovePhone":
      return { user_id: ids.userId };
    default:
      return {};
  }
}

/** Whether a request names tenant A's resources, so that another tenant's credential must find none. */
export function namesIds(route: Route, ids: ProbeIds): boolean {
  return route.url.includes(":") || sampleBody(route, ids)?.user_id === ids.userId;
}
