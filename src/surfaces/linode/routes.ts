import type { FastifyInstance } from "fastify";
import { parseBody, SendCodeBody, VerifyCodeBody } from "./bodies.js";
import type { LinodeContext } from "./context.js";
import { presentProfile } from "./present.js";

/** Linode answers every successful phone mutation with an empty object (`maxProperties: 0`). */
const EMPTY = Object.freeze({});

/** The profile routes of one API version (`v4` or `v4beta`): both versions serve the same thing. */
export function registerProfileRoutes(app: FastifyInstance, ctx: LinodeContext): void {
  app.get("/profile", async (request, reply) => {
    const caller = await ctx.authorize(request, reply, "account:read_only");
    return presentProfile(await ctx.handset.profilePhone.get(caller));
  });

  app.post("/profile/phone-number", async (request, reply) => {
    const caller = await ctx.authorize(request, reply, "account:read_write");
    const body = parseBody(SendCodeBody, request.body);
    await ctx.handset.profilePhone.sendCode(caller, {
      phoneNumber: body.phone_number,
      region: body.iso_code,
    });
    return EMPTY;
  });

  app.post("/profile/phone-number/verify", async (request, reply) => {
    const caller = await ctx.authorize(request, reply, "account:read_write");
    const body = parseBody(VerifyCodeBody, request.body);
    await ctx.handset.profilePhone.verifyCode(caller, body.otp_code);
    return EMPTY;
  });

  // A JSON body even here: linode-cli parses every successful response as JSON.
  app.delete("/profile/phone-number", async (request, reply) => {
    const caller = await ctx.authorize(request, reply, "account:read_write");
    await ctx.handset.profilePhone.removeVerified(caller);
    return EMPTY;
  });
}
