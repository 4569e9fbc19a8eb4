import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TenantBudgetsSchema } from "../../domain/budgets.js";
import { TenantSettingsPatchSchema } from "../../domain/tenant-settings.js";
import type { NativeContext } from "./context.js";
import { errorResponses } from "./schemas.js";

const regions = z.array(z.string().describe("ISO 3166-1 alpha-2"));

/** The settings in force: the tenant's own, with every default filled in. */
export const TenantSettingsSchema = z
  .object({
    regions: z.object({
      allowed: regions.describe("Codes go only to these regions; empty: every region"),
      denied: regions.describe("Codes never go to these regions"),
      allow_high_risk: regions.describe("High-risk regions this tenant sends to"),
      high_risk_blocked: regions.describe("The built-in high-risk regions still blocked for this tenant"),
    }),
    number_types: z.object({
      allow: z.array(z.string()).describe("Types refused by default that this tenant takes"),
      refused: z.array(z.string()).describe("Every number type refused for this tenant"),
    }),
    budgets: TenantBudgetsSchema.required().describe("The budgets in force (null: that budget is off)"),
  })
  .meta({ id: "TenantSettings" });

/** The admin key's tenant's settings: geo permissions, number types, budgets. */
export function registerSettingsRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Settings (admin)"];

  r.get(
    "/settings",
    {
      schema: {
        tags,
        summary: "Get the tenant's settings",
        operationId: "getSettings",
        description: "The settings in force: the tenant's own, with the service's defaults filled in.",
        response: { 200: TenantSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "users:read");
      return ctx.handset.settings.get(caller);
    },
  );

  r.patch(
    "/settings",
    {
      schema: {
        tags,
        summary: "Change the tenant's settings",
        operationId: "updateSettings",
        description:
          "Each section given is merged key by key over the stored one; a section given as null goes back to the defaults. Records a `tenant.settings_changed` event; bad input changes nothing.",
        body: TenantSettingsPatchSchema,
        response: { 200: TenantSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "users:write");
      return (await ctx.handset.settings.update(caller, request.body)).settings;
    },
  );
}
