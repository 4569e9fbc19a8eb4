import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  CreateTenantBody,
  DeleteTenantQuery,
  ListTenantsQuery,
  TenantDetailSchema,
  TenantPageSchema,
  TenantParams,
} from "./admin-schemas.js";
import type { NativeContext } from "./context.js";
import { presentTenant, presentTenantDetail } from "./present-admin.js";
import { errorResponses } from "./schemas.js";

/** Every tenant, for the operator: admin keys holding tenants:manage (never a default scope). */
export function registerTenantRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Tenants (operator)"];

  r.get(
    "/tenants",
    {
      schema: {
        operationId: "listTenants",
        tags,
        summary: "List tenants",
        description: "By id. Needs an admin key with tenants:manage.",
        querystring: ListTenantsQuery,
        response: { 200: TenantPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "tenants:manage");
      const page = await ctx.handset.tenants.list(caller, {
        limit: request.query.limit,
        after: request.query.after,
      });
      return { data: page.tenants.map(presentTenant), next_cursor: page.nextCursor };
    },
  );

  r.post(
    "/tenants",
    {
      schema: {
        operationId: "createTenant",
        tags,
        summary: "Create a tenant",
        description: "409 TENANT_ALREADY_EXISTS when the id is taken. Its admin keys are made next.",
        body: CreateTenantBody,
        response: { 201: TenantDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = await ctx.authorize(request, "admin", "tenants:manage");
      const created = await ctx.handset.tenants.create(caller, request.body);
      return reply.code(201).send(presentTenantDetail(created));
    },
  );

  r.get(
    "/tenants/:id",
    {
      schema: {
        operationId: "getTenant",
        tags,
        summary: "Show a tenant, with how many users, numbers, keys and tokens it holds",
        params: TenantParams,
        response: { 200: TenantDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "tenants:manage");
      return presentTenantDetail(await ctx.handset.tenants.get(caller, request.params.id));
    },
  );

  r.delete(
    "/tenants/:id",
    {
      schema: {
        operationId: "deleteTenant",
        tags,
        summary: "Delete a tenant and everything it holds",
        description:
          "Users, numbers, verifications, messages, events, keys and tokens, budget and guard rows, settings: all in one transaction, and its credentials stop working at once. Refused with CONFIRMATION_REQUIRED unless `confirm` repeats the id; the default tenant cannot be deleted. Answers what was deleted.",
        params: TenantParams,
        querystring: DeleteTenantQuery,
        response: { 200: TenantDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "tenants:manage");
      const deleted = await ctx.handset.tenants.delete(caller, request.params.id, {
        confirm: request.query.confirm,
      });
      return presentTenantDetail(deleted);
    },
  );
}
