import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { NativeContext } from "./context.js";
import { presentPhoneNumber, presentUser } from "./present.js";
import { errorResponses, PhoneNumberSchema, UserParams, UserSchema } from "./schemas.js";

const CreateUserBody = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .describe("Your own id for the user; generated when absent"),
  external_id: z.string().min(1).max(200).optional(),
});

const ListUsersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().min(1).max(64).optional().describe("`next_cursor` of the previous page"),
  phone_number: z.string().min(1).max(200).optional().describe("Only the user holding this number (E.164)"),
  verified: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .describe("true: users with at least one verified number; false: users with none"),
});

const UserPageSchema = z
  .object({ data: z.array(UserSchema), next_cursor: z.string().nullable() })
  .meta({ id: "UserPage" });
const UserDeletedSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  removed_phone_numbers: z.number().int().meta({ example: 1 }),
});

/** Users (admin keys) and the token holder's own user (`/me`). */
export function registerUserRoutes(app: FastifyInstance, ctx: NativeContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Users (admin)"];

  r.post(
    "/users",
    {
      schema: {
        tags,
        summary: "Create a user",
        operationId: "createUser",
        responseDescriptions: { 409: "A user with this id exists: `USER_ALREADY_EXISTS`" },
        body: CreateUserBody,
        response: { 201: UserSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = await ctx.authorize(request, "admin", "users:write");
      const user = await ctx.handset.users.create(caller, {
        id: request.body.id,
        externalId: request.body.external_id,
      });
      return reply.code(201).send(presentUser(user));
    },
  );

  r.get(
    "/users",
    {
      schema: {
        tags,
        summary: "List users",
        operationId: "listUsers",
        querystring: ListUsersQuery,
        response: { 200: UserPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "users:read");
      const page = await ctx.handset.users.list(caller, {
        limit: request.query.limit,
        after: request.query.after,
        phoneNumber: request.query.phone_number,
        verified: request.query.verified,
      });
      return { data: page.users.map(presentUser), next_cursor: page.nextCursor };
    },
  );

  r.get(
    "/users/:user_id",
    {
      schema: {
        tags,
        summary: "Get a user",
        operationId: "getUser",
        responseDescriptions: { 404: "No such user" },
        params: UserParams,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "users:read");
      return presentUser(await ctx.handset.users.get(caller, request.params.user_id));
    },
  );

  r.delete(
    "/users/:user_id",
    {
      schema: {
        tags,
        summary: "Delete a user",
        operationId: "deleteUser",
        responseDescriptions: { 404: "No such user" },
        description:
          "Removes the user's numbers with it, cancels their open verifications and revokes their tokens.",
        params: UserParams,
        response: { 200: UserDeletedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "users:write");
      const result = await ctx.handset.users.remove(caller, request.params.user_id);
      return { id: result.id, deleted: true as const, removed_phone_numbers: result.removedPhoneNumbers };
    },
  );

  r.get(
    "/users/:user_id/phone-numbers",
    {
      schema: {
        tags,
        summary: "List a user's phone numbers",
        operationId: "listUserPhoneNumbers",
        responseDescriptions: { 404: "No such user" },
        params: UserParams,
        response: { 200: z.object({ data: z.array(PhoneNumberSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "admin", "phone:read");
      const numbers = await ctx.handset.phoneNumbers.listOfUser(caller, request.params.user_id);
      return { data: numbers.map(presentPhoneNumber) };
    },
  );

  r.get(
    "/me",
    {
      schema: {
        tags: ["My phone numbers"],
        summary: "The token's own user",
        operationId: "getMyUser",
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "self", "phone:read");
      return presentUser(await ctx.handset.users.get(caller, caller.userId ?? ""));
    },
  );

  r.get(
    "/me/phone-numbers",
    {
      schema: {
        tags: ["My phone numbers"],
        summary: "List my phone numbers",
        operationId: "listMyPhoneNumbers",
        response: { 200: z.object({ data: z.array(PhoneNumberSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = await ctx.authorize(request, "self", "phone:read");
      const numbers = await ctx.handset.phoneNumbers.listOfUser(caller, caller.userId ?? "");
      return { data: numbers.map(presentPhoneNumber) };
    },
  );
}
