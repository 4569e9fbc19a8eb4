import type { IncomingHttpHeaders } from "node:http";
import type { Caller } from "../services/caller.js";
import { CLIENT_IP_HEADER, withClientIp } from "./client-ip.js";
import { withRequestLanguage } from "./request-language.js";
import { noteRequestTenant } from "./request-tenant.js";

/** What of an HTTP request goes with its caller into the use cases: its language and its end user's address. */
export function callerOfRequest(
  caller: Caller,
  request: { headers: IncomingHttpHeaders; ip?: string },
): Caller {
  // The request's log line names its tenant (`request-log.ts`): noted here, where every surface passes.
  noteRequestTenant(request, caller.tenantId);
  const sent = request.headers[CLIENT_IP_HEADER];
  return withClientIp(
    withRequestLanguage(caller, request.headers),
    Array.isArray(sent) ? sent.join(",") : sent,
    request.ip,
  );
}
