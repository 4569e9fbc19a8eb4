import type { FastifyInstance } from "fastify";
import { monotonicFactory } from "ulid";
import { parseClerkBody } from "./body.js";
import type { ClerkContext } from "./context.js";
import { ClerkApiError, clerkErrors } from "./errors.js";
import { presentUser } from "./present.js";
import { CreateUserBody } from "./schemas.js";

const nextUlid = monotonicFactory();

/** Clerk's user ids read `user_` and a sortable random part; Handset takes the id as given. */
function newClerkUserId(now: number): string {
  return `user_${nextUlid(now)}`;
}

/**
 * Enough of Clerk's `/v1/users` for `users.getUser` and `users.createUser` with phone numbers: the
 * user's id, external id, numbers, primary number and MFA flag. Fields Handset has no notion of
 * (emails, names, passwords) are refused as unknown parameters rather than silently dropped.
 */
export function registerUserRoutes(app: FastifyInstance, ctx: ClerkContext): void {
  const { users } = ctx.handset;

  app.get<{ Params: { user_id: string } }>("/users/:user_id", async (request) => {
    const caller = await ctx.authorize(request, "users:read");
    return presentUser(await users.get(caller, request.params.user_id));
  });

  app.post("/users", async (request) => {
    const caller = await ctx.authorize(request, "users:write");
    const body = parseClerkBody(CreateUserBody, request.body);
    const numbers = body.phone_number ?? [];
    const statuses = body.phone_number_identification_status;
    if (statuses && statuses.length !== numbers.length) {
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
      // Clerk creates a user's numbers verified unless told `reserved`; the first becomes primary.
      phoneNumbers: numbers.map((phoneNumber, index) => ({
        phoneNumber,
        verified: statuses?.[index] !== "reserved",
      })),
    });
    return presentUser(created);
  });
}
