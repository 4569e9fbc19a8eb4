import type { FastifyInstance, FastifyRequest } from "fastify";
import { monotonicFactory } from "ulid";
import { CLERK_RULES } from "../../domain/number-set.js";
import type { Metadata } from "../../domain/user-profile.js";
import { parseClerkBody } from "./body.js";
import type { ClerkContext } from "./context.js";
import { ClerkApiError, clerkErrors } from "./errors.js";
import { presentDeletedUser, presentTotalCount, presentUser } from "./present.js";
import { CreateUserBody, LegacyUpdateUserBody, UpdateUserBody, UserMetadataBody } from "./schemas.js";
import { readUserCountQuery, readUserListQuery } from "./user-query.js";

const nextUlid = monotonicFactory();

/** Clerk's user ids read `user_` and a sortable random part; Handset takes the id as given. */
function newClerkUserId(now: number): string {
  return `user_${nextUlid(now)}`;
}

interface UserParams {
  user_id: string;
}

type Query = Record<string, string | string[] | undefined>;

const updateUserConfig = { clerkAction: "update_user" } as const;

/** The API version from which `PATCH /users/{id}` no longer takes metadata (it has its own route). */
const METADATA_ROUTE_VERSION = "2026-05-12";

/** The version the request names (header or query), or undefined: the plugin has checked its form. */
function apiVersionOf(request: FastifyRequest): string | undefined {
  const header = request.headers["clerk-api-version"];
  if (typeof header === "string") return header;
  const query = (request.query as Query | undefined)?.__clerk_api_version;
  return typeof query === "string" ? query : undefined;
}

const NO_METADATA = { public_metadata: undefined, private_metadata: undefined, unsafe_metadata: undefined };

/** `null` metadata reads as "clear it": Clerk's schema has no null public or unsafe metadata. */
const metadataOrEmpty = (value: Metadata | null | undefined) => (value === null ? {} : value);

/**
 * Clerk's `/v1/users` around phone numbers: list (with Clerk's `phone_number` filter, which is how
 * apps find a user by number), count, get, create, update, metadata and delete. Fields Handset has no
 * notion of (emails, usernames, passwords) are refused as unknown parameters, never silently dropped.
 */
export function registerUserRoutes(app: FastifyInstance, ctx: ClerkContext): void {
  const { users, userProfiles, userSearch } = ctx.handset;

  app.get("/users", async (request) => {
    const caller = await ctx.authorize(request, "users:read");
    const { filter, page } = readUserListQuery(request.query as Query);
    return (await userSearch.search(caller, filter, page)).map(presentUser);
  });

  app.get("/users/count", async (request) => {
    const caller = await ctx.authorize(request, "users:read");
    return presentTotalCount(await userSearch.count(caller, readUserCountQuery(request.query as Query)));
  });

  app.get<{ Params: UserParams }>("/users/:user_id", async (request) => {
    const caller = await ctx.authorize(request, "users:read");
    return presentUser(await users.get(caller, request.params.user_id));
  });

  app.post("/users", async (request) => {
    const caller = await ctx.authorize(request, "users:write");
    const body = parseClerkBody(CreateUserBody, request.body);
    const numbers = body.phone_number ?? [];
    const statuses = body.phone_number_identification_status;
    if (statuses && statuses.length > 0 && statuses.length !== numbers.length) {
      throw new ClerkApiError(422, [
        clerkErrors.paramValueInvalid(
          "phone_number_identification_status",
          "phone_number_identification_status must have exactly one entry per phone number.",
        ),
      ]);
    }
    if (numbers.length > 0 && !caller.scopes.has("phone:write")) {
      throw clerkErrors.authorizationInvalid("This key lacks the phone:write scope.");
    }
    // One transaction: a user whose numbers cannot all be added is not created at all.
    const created = await users.create(caller, {
      id: newClerkUserId(ctx.clock.now()),
      externalId: body.external_id ?? undefined,
      profile: {
        firstName: body.first_name ?? undefined,
        lastName: body.last_name ?? undefined,
        publicMetadata: body.public_metadata ?? undefined,
        privateMetadata: body.private_metadata ?? undefined,
        unsafeMetadata: body.unsafe_metadata ?? undefined,
      },
      // Clerk creates a user's numbers verified unless told `reserved`; the first becomes primary.
      phoneNumbers: numbers.map((phoneNumber, index) => ({
        phoneNumber,
        verified: statuses?.[index] !== "reserved",
      })),
    });
    return presentUser(created);
  });

  app.patch<{ Params: UserParams }>("/users/:user_id", { config: updateUserConfig }, async (request) => {
    const caller = await ctx.authorize(request, "users:write");
    const version = apiVersionOf(request);
    const legacy = version === undefined || version < METADATA_ROUTE_VERSION;
    const body = legacy
      ? parseClerkBody(LegacyUpdateUserBody, request.body)
      : { ...parseClerkBody(UpdateUserBody, request.body), ...NO_METADATA };
    if (body.primary_phone_number_id && !caller.scopes.has("phone:write")) {
      throw clerkErrors.authorizationInvalid("This key lacks the phone:write scope.");
    }
    return presentUser(
      await userProfiles.update(
        caller,
        request.params.user_id,
        {
          externalId: body.external_id,
          firstName: body.first_name,
          lastName: body.last_name,
          // `null` for the primary is "not given": a user keeps a primary once it has one.
          primaryPhoneNumberId: body.primary_phone_number_id ?? undefined,
          publicMetadata: metadataOrEmpty(body.public_metadata),
          privateMetadata: metadataOrEmpty(body.private_metadata),
          unsafeMetadata: metadataOrEmpty(body.unsafe_metadata),
          metadataMode: "replace",
        },
        CLERK_RULES,
      ),
    );
  });

  const metadataRoute =
    (mode: "merge" | "replace") => async (request: FastifyRequest<{ Params: UserParams }>) => {
      const caller = await ctx.authorize(request, "users:write");
      const body = parseClerkBody(UserMetadataBody, request.body);
      return presentUser(
        await userProfiles.update(caller, request.params.user_id, {
          publicMetadata: metadataOrEmpty(body.public_metadata),
          privateMetadata: metadataOrEmpty(body.private_metadata),
          unsafeMetadata: metadataOrEmpty(body.unsafe_metadata),
          metadataMode: mode,
        }),
      );
    };
  app.patch<{ Params: UserParams }>("/users/:user_id/metadata", metadataRoute("merge"));
  app.put<{ Params: UserParams }>("/users/:user_id/metadata", metadataRoute("replace"));

  app.delete<{ Params: UserParams }>("/users/:user_id", async (request) => {
    const caller = await ctx.authorize(request, "users:write");
    const { id } = await users.remove(caller, request.params.user_id);
    return presentDeletedUser(id);
  });
}
