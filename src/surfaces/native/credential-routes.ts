import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { HandsetError } from "../../domain/errors.js";
import {
  CreateCredentialBody,
  CredentialPageSchema,
  CredentialParams,
  CredentialSchema,
  IssuedCredentialSchema,
  ListCredentialsQuery,
} from "./admin-schemas.js";
import type { NativeContext } from "./context.js";
import { presentCredential, presentIssuedCredential } from "./present-admin.js";
import { errorResponses } from "./schemas.js";

/** The tenant's admin keys and user tokens, for admin keys holding keys:read / keys:write. */
export function registerCredentialRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Keys and tokens (admin)"];

  r.get(
    "/credentials",
    {
      schema: {
        operationId: "listCredentials",
        tags,
        summary: "List the tenant's admin keys and user tokens",
        description:
          "Newest first, without secrets. Revoked credentials are left out unless `include_revoked=true`. `last_used_at` is written in the background and may lag by about a minute.",
        querystring: ListCredentialsQuery,
        response: { 200: CredentialPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "keys:read");
      const q = request.query;
      const page = await ctx.handset.credentials.list(caller, {
        kind: q.kind,
        userId: q.user_id,
        includeRevoked: q.include_revoked === "true",
        limit: q.limit,
        after: q.after,
      });
      return { data: page.credentials.map(presentCredential), next_cursor: page.nextCursor };
    },
  );

  r.post(
    "/credentials",
    {
      schema: {
        operationId: "createCredential",
        tags,
        summary: "Create an admin key or a user token",
        description:
          "Answers the secret once (201); Handset keeps only its hash. A key grants only scopes it holds itself (creating needs `keys:write`). A user token names its user, who appears on the token's first use; revoke it with `POST /v1/credentials/{id}/revoke`. The CLI's `handset tokens create --user U` does the same on the server's host (docs/admin.md, docs/app-tokens.md).",
        body: CreateCredentialBody,
        response: { 201: IssuedCredentialSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = await ctx.authorize(request, "admin", "keys:write");
      const body = request.body;
      const common = {
        tenantId: caller.tenantId,
        actor: caller,
        name: body.name,
        scopes: body.scopes,
        expiresAt: body.expires_at === undefined ? null : Date.parse(body.expires_at),
      };
      let issued: Awaited<ReturnType<typeof ctx.handset.credentials.issueAdminKey>>;
      if (body.kind === "user_token") {
        if (body.user_id === undefined) {
          throw new HandsetError("INVALID_REQUEST", "A user token names its user.", {
            fields: [{ path: "user_id", message: "required for a user token" }],
          });
        }
        issued = await ctx.handset.credentials.issueUserToken({ ...common, userId: body.user_id });
      } else {
        if (body.user_id !== undefined) {
          throw new HandsetError("INVALID_REQUEST", "An admin key acts for the whole tenant, not a user.", {
            fields: [{ path: "user_id", message: "only for a user token" }],
          });
        }
        issued = await ctx.handset.credentials.issueAdminKey(common);
      }
      return reply.code(201).send(presentIssuedCredential(issued));
    },
  );

  r.get(
    "/credentials/:id",
    {
      schema: {
        operationId: "getCredential",
        tags,
        summary: "Show one admin key or user token",
        params: CredentialParams,
        response: { 200: CredentialSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "keys:read");
      return presentCredential(await ctx.handset.credentials.get(caller, request.params.id));
    },
  );

  r.post(
    "/credentials/:id/revoke",
    {
      schema: {
        operationId: "revokeCredential",
        tags,
        summary: "Revoke an admin key or user token",
        description:
          "Every Handset process refuses the credential from its next request (401). Revoking a revoked credential answers it unchanged. A key may revoke itself: this answer is its last.",
        params: CredentialParams,
        response: { 200: CredentialSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "keys:write");
      return presentCredential(await ctx.handset.credentials.revoke(caller, request.params.id));
    },
  );
}
