import { afterEach, describe, expect, it } from "vitest";
import { fromVerificationSid } from "../../src/surfaces/twilio-verify/sids.js";
import { mobileNumber } from "../support/harness.js";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";
import { codeOf, startTwilioServer, type TwilioTestServer } from "./support.js";

notePostgresSkipped("Twilio Verify through the twilio SDK on PostgreSQL");

const servers: TwilioTestServer[] = [];
const schemas: TestSchema[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.t.close();
  for (const schema of schemas.splice(0)) await schema.drop();
});

describe.skipIf(!TEST_DATABASE_URL)("Twilio Verify through the twilio SDK on PostgreSQL", () => {
  it("sends, refuses a wrong code, approves the right one, cancels another, and fetches both", async () => {
    const schema = await createTestSchema();
    schemas.push(schema);
    const s = await startTwilioServer({ env: { DATABASE_URL: schema.url } });
    servers.push(s);
    const service = s.client.verify.v2.services(s.serviceSid);
    const to = mobileNumber();
    const created = await service.verifications.create({ to, channel: "sms" });
    const code = codeOf(fromVerificationSid(created.sid) ?? "");
    const wrong = await service.verificationChecks.create({
      to,
      code: code === "000000" ? "111111" : "000000",
    });
    expect(wrong).toMatchObject({ status: "pending", valid: false });
    const right = await service.verificationChecks.create({ to, code });
    expect(right).toMatchObject({ sid: created.sid, status: "approved", valid: true });
    expect((await service.verifications(created.sid).fetch()).status).toBe("approved");

    const other = await service.verifications.create({ to: mobileNumber(), channel: "sms" });
    expect((await service.verifications(other.sid).update({ status: "canceled" })).status).toBe("canceled");
    expect((await service.verifications(other.sid).fetch()).status).toBe("canceled");
  });
});
