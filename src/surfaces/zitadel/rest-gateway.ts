import { type DescMethodUnary, fromJson, getOption, type JsonObject, toJson } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { http } from "@zitadel/proto/google/api/annotations_pb.js";
import type { FastifyReply, FastifyRequest, HTTPMethods } from "fastify";
import type { Clock } from "../../domain/clock.js";
import { CLIENT_IP_HEADER } from "../../http/client-ip.js";
import { sendGatewayError } from "./error-edge.js";
import { plainError } from "./errors.js";
import { unimplemented, zitadelMethods } from "./routes.js";
import type { PhoneRpc } from "./rpc.js";

export interface RestGatewayOptions {
  rpcs: ReadonlyMap<DescMethodUnary, PhoneRpc>;
  clock: Clock;
}

/** The REST prefix each service's gateway serves under (AuthService's `GatewayPathPrefix`). */
const PREFIX: Record<string, string> = {
  "zitadel.auth.v1.AuthService": "/auth/v1",
  "zitadel.user.v2.UserService": "",
};

export interface Binding {
  verb: HTTPMethods;
  /** Fastify's form of the template: `{user_id}` -> `:user_id`. */
  url: string;
  /** `*`: the whole body is the request; empty: no body. */
  body: string;
}

/** The `google.api.http` binding the descriptor carries, if the method has one. */
export function bindingOf(method: DescMethodUnary): Binding | undefined {
  const rule = getOption(method, http);
  const pattern = rule.pattern;
  if (pattern.case === undefined || pattern.case === "custom") return undefined;
  const prefix = PREFIX[method.parent.typeName] ?? "";
  return {
    verb: pattern.case.toUpperCase() as HTTPMethods,
    url: `${prefix}${pattern.value}`.replace(/\{([a-z_]+)\}/g, ":$1"),
    body: rule.body,
  };
}

function parseBody(raw: unknown): JsonObject {
  if (typeof raw !== "string" || raw.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw plainError(Code.InvalidArgument, (error as Error).message);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw plainError(Code.InvalidArgument, "the request body must be a JSON object");
  }
  return parsed as JsonObject;
}

/**
 * The request message as grpc-gateway builds it: the body (when the binding takes one) decoded with
 * protojson (both name styles, unknown fields dropped), then the path parameters set over it.
 */
function requestJson(method: DescMethodUnary, binding: Binding, request: FastifyRequest): JsonObject {
  const json = binding.body === "*" ? parseBody(request.body) : {};
  const params = (request.params ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    const field = method.input.fields.find((f) => f.name === name);
    if (!field) continue;
    delete json[field.jsonName];
    json[field.name] = value;
  }
  return json;
}

/** A Fastify route handler for one bound method: the route itself is registered from the route table. */
export type GatewayRouteHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/**
 * ZITADEL's REST gateway, generated from the descriptors' HTTP bindings: the phone RPCs answer with
 * the gateway's JSON (camelCase, unset and false fields left out, 64-bit integers as strings) and its
 * error body; every other bound method answers 501 Unimplemented. The route's scope must hand the body
 * over as a string whatever its content type, as the gateway reads any body as JSON (`zitadelSurface`).
 * The handlers are keyed by the binding's verb and Fastify URL: `GET /auth/v1/users/me/phone`.
 */
export function gatewayHandlers(options: RestGatewayOptions): Map<string, GatewayRouteHandler> {
  const handlers = new Map<string, GatewayRouteHandler>();
  for (const method of zitadelMethods()) {
    const binding = bindingOf(method);
    if (!binding) continue;
    const rpc = options.rpcs.get(method);
    handlers.set(`${binding.verb} ${binding.url}`, async (request, reply) => {
      try {
        if (!rpc) throw unimplemented(method);
        let message: ReturnType<typeof fromJson>;
        try {
          message = fromJson(method.input, requestJson(method, binding, request), {
            ignoreUnknownFields: true,
          });
        } catch (error) {
          if (error instanceof ConnectError) throw error;
          throw plainError(Code.InvalidArgument, (error as Error).message);
        }
        const headers = new Headers();
        if (request.headers.authorization) headers.set("authorization", request.headers.authorization);
        const clientIp = request.headers[CLIENT_IP_HEADER];
        if (typeof clientIp === "string") headers.set(CLIENT_IP_HEADER, clientIp);
        const response = await rpc.handle(message, headers, request.ip);
        return reply.type("application/json").send(toJson(method.output, response));
      } catch (error) {
        return sendGatewayError(request, reply, error, options.clock.now());
      }
    });
  }
  return handlers;
}
