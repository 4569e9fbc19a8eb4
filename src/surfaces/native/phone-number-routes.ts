import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Caller } from "../../services/caller.js";
import type { Audience, NativeContext } from "./context.js";
import { SendCodeBody } from "./message-schemas.js";
import { presentMessage, presentPhoneNumber, presentVerification } from "./present.js";
import {
  AddPhoneNumberBody,
  AdminAddPhoneNumberBody,
  AdminUpdatePhoneNumberBody,
  CodeSentSchema,
  CodeVerifiedSchema,
  errorResponses,
  PhoneNumberDeletedSchema,
  PhoneNumberParams,
  PhoneNumberSchema,
  UpdatePhoneNumberBody,
  VerifyBody,
} from "./schemas.js";
import { FindPhoneNumberQuery, PhoneNumberHolderListSchema } from "./verification-schemas.js";

/**
 * The routes on one phone number, mounted twice: for admin keys under `/v1/phone-numbers` and for
 * user tokens under `/v1/me/phone-numbers`. Same handlers; the caller decides what they reach.
 */
export function registerPhoneNumberRoutes(
  app: FastifyInstance,
  ctx: NativeContext,
  audience: Audience,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = audience === "admin" ? "/phone-numbers" : "/me/phone-numbers";
  const tags = [audience === "admin" ? "Phone numbers (admin)" : "My phone numbers"];
  const operationIdFor = (admin: string, self: string) => (audience === "admin" ? admin : self);
  const addBody = audience === "admin" ? AdminAddPhoneNumberBody : AddPhoneNumberBody;
  const updateBody = audience === "admin" ? AdminUpdatePhoneNumberBody : UpdatePhoneNumberBody;

  r.post(
    base,
    {
      schema: {
        tags,
        summary: "Add a phone number",
        operationId: operationIdFor("addPhoneNumber", "addMyPhoneNumber"),
        responseDescriptions: { 201: "Added" },
        description:
          "A user's first number becomes primary. The number is parsed, normalised to E.164 and checked.",
        body: addBody,
        response: { 201: PhoneNumberSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = await ctx.authorize(request, audience, "phone:write");
      const body = request.body as z.infer<typeof AdminAddPhoneNumberBody>;
      const result = await ctx.handset.phoneNumbers.add(caller, {
        userId: audience === "admin" ? body.user_id : selfId(caller),
        phoneNumber: body.phone_number ?? "",
        verificationId: body.verification_id,
        region: body.region,
        primary: body.primary,
        verified: body.verified,
        reservedForSecondFactor: body.reserved_for_second_factor,
      });
      return reply.code(201).send(presentPhoneNumber(result.phoneNumber));
    },
  );

  if (audience === "admin") {
    r.get(
      base,
      {
        schema: {
          tags,
          summary: "Find a phone number's holder",
          operationId: "findPhoneNumber",
          description:
            "Who in the tenant holds `phone_number`, and its state: the sign-in-with-phone lookup. `data` " +
            "holds the one holder, or nothing. Needs `phone:read`.",
          querystring: FindPhoneNumberQuery,
          response: { 200: PhoneNumberHolderListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = await ctx.authorize(request, audience, "phone:read");
        const { phone_number, region } = request.query;
        const held = await ctx.handset.lookup.holderOf(caller, phone_number ?? "", region);
        return {
          data: held
            ? [
                {
                  id: held.phoneNumberId,
                  user_id: held.userId,
                  phone_number: held.e164,
                  verified: held.verified,
                  primary: held.primary,
                  reserved_for_second_factor: held.reservedForSecondFactor,
                },
              ]
            : [],
        };
      },
    );
  }

  r.get(
    `${base}/:phone_number_id`,
    {
      schema: {
        tags,
        summary: "Get a phone number",
        operationId: operationIdFor("getPhoneNumber", "getMyPhoneNumber"),
        responseDescriptions: { 404: "No such phone number: `PHONE_NUMBER_NOT_FOUND`" },
        params: PhoneNumberParams,
        response: { 200: PhoneNumberSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, audience, "phone:read");
      return presentPhoneNumber(await ctx.handset.phoneNumbers.get(caller, request.params.phone_number_id));
    },
  );

  r.patch(
    `${base}/:phone_number_id`,
    {
      schema: {
        tags,
        summary: "Update a phone number",
        operationId: operationIdFor("updatePhoneNumber", "updateMyPhoneNumber"),
        responseDescriptions: { 404: "No such phone number: `PHONE_NUMBER_NOT_FOUND`" },
        description:
          "Make it primary (the flag moves atomically), reserve it for second factor (needs verified), " +
          "make it the default second factor" +
          (audience === "admin" ? ", or mark it verified or unverified by hand." : "."),
        params: PhoneNumberParams,
        body: updateBody,
        response: { 200: PhoneNumberSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, audience, "phone:write");
      const body = request.body as z.infer<typeof AdminUpdatePhoneNumberBody>;
      const result = await ctx.handset.phoneNumbers.update(caller, request.params.phone_number_id, {
        primary: body.primary,
        verified: body.verified,
        reservedForSecondFactor: body.reserved_for_second_factor,
        defaultSecondFactor: body.default_second_factor,
      });
      return presentPhoneNumber(result.phoneNumber);
    },
  );

  r.delete(
    `${base}/:phone_number_id`,
    {
      schema: {
        tags,
        summary: "Remove a phone number",
        operationId: operationIdFor("deletePhoneNumber", "deleteMyPhoneNumber"),
        responseDescriptions: { 404: "No such phone number: `PHONE_NUMBER_NOT_FOUND`" },
        description: "Removing the primary leaves the user without one: nothing is promoted silently.",
        params: PhoneNumberParams,
        response: { 200: PhoneNumberDeletedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, audience, "phone:write");
      const result = await ctx.handset.phoneNumbers.remove(caller, request.params.phone_number_id);
      return {
        id: result.phoneNumber.id,
        deleted: true as const,
        was_primary: result.primaryCleared,
        primary_phone_number_id: result.primaryPhoneNumberId,
      };
    },
  );

  r.post(
    `${base}/:phone_number_id/send-code`,
    {
      schema: {
        tags,
        summary: "Send a verification code",
        operationId: operationIdFor("sendVerificationCode", "sendMyVerificationCode"),
        responseDescriptions: {
          202: "Code sent (queued for delivery), or a test number's code set",
          404: "No such phone number: `PHONE_NUMBER_NOT_FOUND`",
        },
        description:
          "Starts a verification, or sends the same code again within its validity window. " +
          "429 with Retry-After during the resend cooldown or when a send limit is reached. " +
          "The SMS is written in `locale` when given, else in the best match of Accept-Language, " +
          "else in the tenant's default; `message` is the SMS queued (null for a test number).",
        params: PhoneNumberParams,
        body: SendCodeBody,
        response: { 202: CodeSentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = await ctx.authorize(request, audience, "phone:verify");
      const sent = await ctx.handset.verification.send(caller, request.params.phone_number_id, {
        locale: request.body?.locale ?? null,
      });
      return reply.code(202).send({
        phone_number: presentPhoneNumber(sent.phoneNumber),
        verification: presentVerification(sent.verification),
        delivery: sent.delivery,
        message: sent.message ? presentMessage(sent.message) : null,
      });
    },
  );

  r.post(
    `${base}/:phone_number_id/verify`,
    {
      schema: {
        tags,
        summary: "Verify a code",
        operationId: operationIdFor("verifyPhoneNumber", "verifyMyPhoneNumber"),
        responseDescriptions: { 200: "Verified", 404: "No such phone number: `PHONE_NUMBER_NOT_FOUND`" },
        description:
          "A wrong code answers 422 CODE_INVALID with the attempts left in `details.attempts_left`.",
        params: PhoneNumberParams,
        body: VerifyBody,
        response: { 200: CodeVerifiedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, audience, "phone:verify");
      const result = await ctx.handset.verification.verify(
        caller,
        request.params.phone_number_id,
        request.body.code,
      );
      return {
        phone_number: presentPhoneNumber(result.phoneNumber),
        verification: presentVerification(result.verification),
      };
    },
  );
}

function selfId(caller: Caller): string {
  if (caller.userId === null) throw new Error("self routes are authorized for user tokens only");
  return caller.userId;
}
