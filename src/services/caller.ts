import { SCOPES, type Scope } from "../domain/scopes.js";

/** Who is asking: resolved from a credential by the surface, checked again by every service call. */
export interface Caller {
  tenantId: string;
  kind: "admin_key" | "user_token" | "system";
  credentialId: string;
  /** Set for user tokens: the one user this caller may reach. */
  userId: string | null;
  scopes: ReadonlySet<Scope>;
  /** The request's Accept-Language, where a surface passes it: the language of the SMS it may cause. */
  acceptLanguage?: string | null;
  /**
   * The end user's IP address, for the per-IP budget: the socket's (or the trusted proxy's forwarded
   * one) for a user token; for an admin key only what the backend passed for its end user, since the
   * socket is the backend's own. Unset, no per-IP budget applies.
   */
  clientIp?: string | null;
}

/** How the event log names the caller. */
export function actorOf(caller: Caller): string {
  return `${caller.kind}:${caller.credentialId}`;
}

/** The service acting on its own behalf (the CLI, start-up tasks). */
export function systemCaller(tenantId: string): Caller {
  return {
    tenantId,
    kind: "system",
    credentialId: "handset",
    userId: null,
    scopes: new Set(SCOPES),
  };
}
