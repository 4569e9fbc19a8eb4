import type { FastifyInstance } from "fastify";
import { CLERK_RULES } from "../../domain/number-set.js";
import { parseClerkBody } from "./body.js";
import type { ClerkContext } from "./context.js";
import { presentDeletedPhoneNumber, presentPhoneNumber } from "./present.js";
import { CreatePhoneNumberBody, UpdatePhoneNumberBody } from "./schemas.js";

interface PhoneNumberParams {
  phone_number_id: string;
}

const createConfig = { clerkAction: "create_phone_number" } as const;
const updateConfig = { clerkAction: "update_phone_number" } as const;
const deleteConfig = { clerkAction: "delete_phone_number" } as const;

/**
 * Clerk's `/v1/phone_numbers`: the four calls of `@clerk/backend`'s `PhoneNumberAPI`, all 200. Clerk's
 * rules about a user's numbers (keep an identification; the default second factor moves only by
 * naming another) are the domain's `CLERK_RULES`, checked by the service under the user's lock.
 */
export function registerPhoneNumberRoutes(app: FastifyInstance, ctx: ClerkContext): void {
  const { phoneNumbers } = ctx.handset;

  app.post("/phone_numbers", { config: createConfig }, async (request) => {
    const caller = await ctx.authorize(request, "phone:write");
    const body = parseClerkBody(CreatePhoneNumberBody, request.body);
    const { phoneNumber } = await phoneNumbers.add(
      caller,
      {
        userId: body.user_id,
        phoneNumber: body.phone_number,
        verified: body.verified ?? undefined,
        primary: body.primary ?? undefined,
        reservedForSecondFactor: body.reserved_for_second_factor ?? undefined,
      },
      CLERK_RULES,
    );
    return presentPhoneNumber(phoneNumber);
  });

  app.get<{ Params: PhoneNumberParams }>("/phone_numbers/:phone_number_id", async (request) => {
    const caller = await ctx.authorize(request, "phone:read");
    return presentPhoneNumber(await phoneNumbers.get(caller, request.params.phone_number_id));
  });

  app.patch<{ Params: PhoneNumberParams }>(
    "/phone_numbers/:phone_number_id",
    { config: updateConfig },
    async (request) => {
      const caller = await ctx.authorize(request, "phone:write");
      const body = parseClerkBody(UpdatePhoneNumberBody, request.body);
      const { phoneNumber } = await phoneNumbers.update(
        caller,
        request.params.phone_number_id,
        {
          // The primary moves by naming another number; `primary: false` alone leaves it where it is.
          primary: body.primary === true ? true : undefined,
          verified: body.verified ?? undefined,
          reservedForSecondFactor: body.reserved_for_second_factor ?? undefined,
          defaultSecondFactor: body.default_second_factor ?? undefined,
        },
        CLERK_RULES,
      );
      return presentPhoneNumber(phoneNumber);
    },
  );

  app.delete<{ Params: PhoneNumberParams }>(
    "/phone_numbers/:phone_number_id",
    { config: deleteConfig },
    async (request) => {
      const caller = await ctx.authorize(request, "phone:write");
      const { phoneNumber } = await phoneNumbers.remove(caller, request.params.phone_number_id, CLERK_RULES);
      return presentDeletedPhoneNumber(phoneNumber.id);
    },
  );
}
