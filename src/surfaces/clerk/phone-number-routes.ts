import type { FastifyInstance } from "fastify";
import { parseClerkBody } from "./body.js";
import type { ClerkContext } from "./context.js";
import { presentDeletedPhoneNumber, presentPhoneNumber } from "./present.js";
import { CreatePhoneNumberBody, UpdatePhoneNumberBody } from "./schemas.js";
import { assertKeepsAnIdentification, checkSecondFactorChange } from "./second-factor.js";

interface PhoneNumberParams {
  phone_number_id: string;
}

const createConfig = { clerkAction: "create_phone_number" } as const;
const updateConfig = { clerkAction: "update_phone_number" } as const;

/** Clerk's `/v1/phone_numbers`: the four calls of `@clerk/backend`'s `PhoneNumberAPI`, all 200. */
export function registerPhoneNumberRoutes(app: FastifyInstance, ctx: ClerkContext): void {
  const { phoneNumbers } = ctx.handset;

  app.post("/phone_numbers", { config: createConfig }, async (request) => {
    const caller = await ctx.authorize(request, "phone:write");
    const body = parseClerkBody(CreatePhoneNumberBody, request.body);
    if (body.reserved_for_second_factor === true && body.verified === true) {
      assertKeepsAnIdentification(null, await phoneNumbers.listOfUser(caller, body.user_id));
    }
    const { phoneNumber } = await phoneNumbers.add(caller, {
      userId: body.user_id,
      phoneNumber: body.phone_number,
      verified: body.verified ?? undefined,
      primary: body.primary ?? undefined,
      reservedForSecondFactor: body.reserved_for_second_factor ?? undefined,
    });
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
      const current = await phoneNumbers.get(caller, request.params.phone_number_id);
      checkSecondFactorChange(current, body);
      const verifiedAfter = body.verified ?? current.verified;
      if (body.reserved_for_second_factor === true && !current.reservedForSecondFactor && verifiedAfter) {
        assertKeepsAnIdentification(current.id, await phoneNumbers.listOfUser(caller, current.userId));
      }
      const { phoneNumber } = await phoneNumbers.update(caller, current.id, {
        // The primary moves by naming another number; `primary: false` alone leaves it where it is.
        primary: body.primary === true ? true : undefined,
        verified: body.verified ?? undefined,
        reservedForSecondFactor: body.reserved_for_second_factor ?? undefined,
        defaultSecondFactor: body.default_second_factor === true ? true : undefined,
      });
      return presentPhoneNumber(phoneNumber);
    },
  );

  app.delete<{ Params: PhoneNumberParams }>("/phone_numbers/:phone_number_id", async (request) => {
    const caller = await ctx.authorize(request, "phone:write");
    const { phoneNumber } = await phoneNumbers.remove(caller, request.params.phone_number_id);
    return presentDeletedPhoneNumber(phoneNumber.id);
  });
}
