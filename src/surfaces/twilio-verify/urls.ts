import type { FastifyRequest } from "fastify";

/** The request's path, for Twilio's 404 sentence. */
export const pathOf = (request: FastifyRequest) => request.url.split("?")[0] ?? "";

/** The absolute URL of the surface's mount, as Twilio's `url` fields are absolute. */
export function baseUrlOf(request: FastifyRequest, prefix: string): string {
  return `${request.protocol}://${request.host}${prefix}`;
}
