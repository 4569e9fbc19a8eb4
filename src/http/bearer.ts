import { HandsetError } from "../domain/errors.js";

/**
 * Reads `Authorization: Bearer <secret>`. Every surface reads its credential through this one
 * function; each maps the errors to its own envelope.
 */
export function readBearer(header: string | undefined): string {
  if (header === undefined || header.length === 0) {
    throw new HandsetError("UNAUTHENTICATED", "Send a credential as 'Authorization: Bearer <key or token>'.");
  }
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new HandsetError("UNAUTHENTICATED", "The Authorization header must read 'Bearer <key or token>'.");
  }
  return match[1];
}
