import { z } from "zod";
import { SCOPES } from "../../domain/scopes.js";

/** Wire shapes of the key, token and tenant routes (src/surfaces/native/present-admin.ts fills them). */
const isoTime = z.iso.datetime().describe("RFC 3339 time, UTC");

export const CredentialSchema = z
  .object({
    id: z.string().meta({ example: "cred_01jdz8m3k9q4r6s7t8v9w0x1y2" }),
    kind: z.enum(["admin_key", "user_token"]),
    tenant_id: z.string().meta({ example: "default" }),
    user_id: z.string().nullable().describe("The one user a user token acts for; null for an admin key"),
    name: z.string().meta({ example: "billing backend" }),
    scopes: z.array(z.enum(SCOPES)),
    hint: z.string().describe("The secret's first characters, to tell credentials apart").meta({
      example: "hsk_Xq3vP9",
    }),
    created_at: isoTime,
    expires_at: isoTime.nullable().describe("Refused from then on (CREDENTIAL_EXPIRED); null: never"),
    revoked_at: isoTime.nullable().describe("Refused from then on (UNAUTHENTICATED); null: not revoked"),
    last_used_at: isoTime
      .nullable()
      .describe("The latest authenticated request, within about a minute; null: never used"),
  })
  .meta({ id: "Credential" });

export const IssuedCredentialSchema = CredentialSchema.extend({
  secret: z.string().describe("The secret, shown this once: Handset keeps only its hash"),
}).meta({ id: "IssuedCredential" });

export const CredentialPageSchema = z
  .object({ data: z.array(CredentialSchema), next_cursor: z.string().nullable() })
  .meta({ id: "CredentialPage" });

export const ListCredentialsQuery = z.object({
  kind: z.enum(["admin_key", "user_token"]).optional(),
  user_id: z.string().min(1).max(64).optional().describe("Only this user's tokens"),
  include_revoked: z.enum(["true", "false"]).optional().describe("List revoked credentials too"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().min(1).max(64).optional().describe("`next_cursor` of the previous page"),
});

export const CredentialParams = z.object({
  id: z.string().min(1).max(64).meta({ example: "cred_01jdz8m3k9q4r6s7t8v9w0x1y2" }),
});

export const CreateCredentialBody = z
  .object({
    kind: z
      .enum(["admin_key", "user_token"])
      .describe(
        "`admin_key` (`hsk_…`): acts for the whole tenant on the admin routes. `user_token` (`hst_…`): acts for one user on `/v1/me` and the vendor surfaces' own-phone operations",
      ),
    name: z.string().min(1).max(200).optional().describe("A label to tell credentials apart"),
    scopes: z
      .array(z.enum(SCOPES))
      .min(1)
      .optional()
      .describe(
        "Default: the kind's default set, narrowed to the scopes the calling key holds. A user token holds only `phone:read`, `phone:write`, `phone:verify`",
      ),
    user_id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("Required for a user token, refused for an admin key: 1 to 64 letters, digits, `_` or `-`"),
    expires_at: isoTime.optional().describe("Default: never"),
  })
  .strict()
  .meta({
    examples: [
      { kind: "user_token", user_id: "alice", expires_at: "2027-01-01T00:00:00Z" },
      { kind: "admin_key", name: "billing backend", scopes: ["users:read", "phone:read"] },
    ],
  });

export const TenantSchema = z
  .object({
    id: z.string().meta({ example: "acme" }),
    name: z.string().meta({ example: "Acme Inc." }),
    default: z.boolean().describe("The configured default tenant, which cannot be deleted"),
    created_at: isoTime,
  })
  .meta({ id: "Tenant" });

export const TenantDetailSchema = TenantSchema.extend({
  counts: z.object({
    users: z.number().int(),
    phone_numbers: z.number().int(),
    active_keys: z.number().int().describe("Admin keys neither revoked nor expired"),
    active_tokens: z.number().int().describe("User tokens neither revoked nor expired"),
  }),
}).meta({ id: "TenantDetail" });

export const TenantPageSchema = z
  .object({ data: z.array(TenantSchema), next_cursor: z.string().nullable() })
  .meta({ id: "TenantPage" });

export const ListTenantsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().min(1).max(64).optional().describe("`next_cursor` of the previous page"),
});

export const TenantParams = z.object({ id: z.string().min(1).max(64).meta({ example: "acme" }) });

export const CreateTenantBody = z
  .object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200).optional() })
  .strict();

export const DeleteTenantQuery = z.object({
  confirm: z.string().max(64).optional().describe("The tenant's id again: without it nothing is deleted"),
});
