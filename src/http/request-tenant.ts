/**
 * The tenant a request acts for, once its credential is known: noted by the surfaces' caller path and
 * read by the request log. Kept beside the request (weakly, so it goes with it) rather than as a
 * Fastify decoration, since the surfaces' caller path sees the request only as headers and an address.
 */
const tenants = new WeakMap<object, string>();

export function noteRequestTenant(request: object, tenantId: string): void {
  tenants.set(request, tenantId);
}

export function requestTenant(request: object): string | undefined {
  return tenants.get(request);
}
