import type { IncomingHttpHeaders } from "node:http";
import type { Caller } from "../services/caller.js";

/** The caller with the request's Accept-Language, the language of any SMS its call sends. */
export function withRequestLanguage(caller: Caller, headers: IncomingHttpHeaders): Caller {
  const acceptLanguage = headers["accept-language"];
  return typeof acceptLanguage === "string" && acceptLanguage.length <= 512
    ? { ...caller, acceptLanguage }
    : caller;
}
