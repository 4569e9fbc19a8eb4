import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Audience, NativeContext } from "./context.js";
import { MessageListQuery, MessageListSchema, MessageParams, MessageSchema } from "./message-schemas.js";
import { presentMessage } from "./present.js";
import { errorResponses, PhoneNumberParams } from "./schemas.js";

/**
 * The SMS messages Handset sent, and what became of each (its provider's receipt): by id, and per
 * phone number. Mounted for admin keys (`/v1/messages`) and user tokens (`/v1/me/messages`), who
 * reach only their own numbers' messages.
 */
export function registerMessageRoutes(app: FastifyInstance, ctx: NativeContext, audience: Audience): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const prefix = audience === "admin" ? "" : "/me";
  const tags = [audience === "admin" ? "Messages (admin)" : "My messages"];
  const operationIdFor = (admin: string, self: string) => (audience === "admin" ? admin : self);

  r.get(
    `${prefix}/messages/:message_id`,
    {
      schema: {
        tags,
        summary: "Get an SMS message and its delivery status",
        operationId: operationIdFor("getMessage", "getMyMessage"),
        responseDescriptions: { 404: "No such message: `MESSAGE_NOT_FOUND`" },
        params: MessageParams,
        response: { 200: MessageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, audience, "phone:read");
      return presentMessage(await ctx.handset.messages.get(caller, request.params.message_id));
    },
  );

  r.get(
    `${prefix}/phone-numbers/:phone_number_id/messages`,
    {
      schema: {
        tags,
        summary: "List the SMS messages sent to a phone number",
        operationId: operationIdFor("listPhoneNumberMessages", "listMyPhoneNumberMessages"),
        description: "Newest first: the codes sent for its verifications, each with its delivery status.",
        params: PhoneNumberParams,
        querystring: MessageListQuery,
        response: { 200: MessageListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, audience, "phone:read");
      const messages = await ctx.handset.messages.listOfPhoneNumber(
        caller,
        request.params.phone_number_id,
        request.query.limit,
      );
      return { data: messages.map(presentMessage) };
    },
  );
}
