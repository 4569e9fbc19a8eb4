import { Code } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mobileNumber } from "../support/harness.js";
import {
  createUser,
  expectZitadelError,
  failure,
  nativeNumbers,
  startZitadelServer,
  TRANSPORTS,
  type ZitadelServer,
} from "./support.js";

/**
 * `return_code` in production: a caller holding `codes:return` gets the code in the answer and no SMS
 * is queued (the app sends it itself); each use is an event; without the scope it is PermissionDenied.
 */
describe.each(TRANSPORTS)("return_code in production over %s", (transport) => {
  let server: ZitadelServer;
  const log: string[] = [];
  beforeAll(async () => {
    server = await startZitadelServer({
      env: {
        NODE_ENV: "production",
        HANDSET_ALLOW_DEV_PROVIDER_IN_PRODUCTION: "true",
        HANDSET_LOG_LEVEL: "info",
      },
      logger: { level: "debug", stream: { write: (line: string) => void log.push(line) } },
    });
  });
  afterAll(async () => server.close());

  const outboxTo = async (to: string) =>
    server.t.store.db.selectFrom("outbox").select("id").where("to_e164", "=", to).execute();
  const eventsOf = async (userId: string, type: string) =>
    server.t.store.db
      .selectFrom("events")
      .select(["type", "actor"])
      .where("aggregate_id", "=", userId)
      .where("type", "=", type)
      .execute();

  it("answers the code to a key with codes:return, queues no SMS, and audits each use", async () => {
    const { t } = server;
    const userId = `rc-${transport}`;
    await createUser(t, userId);
    const key = await t.adminKeyFor("default", ["phone:write", "phone:verify", "codes:return"]);
    const users = server.users(transport, key);
    const number = mobileNumber();

    const set = await users.setPhone({
      userId,
      phone: number,
      verification: { case: "returnCode", value: {} },
    });
    expect(set.verificationCode).toMatch(/^\d{6}$/);
    expect(await outboxTo(number)).toEqual([]);
    expect(await eventsOf(userId, "phone_number.code_returned")).toHaveLength(1);
    expect(await eventsOf(userId, "phone_number.code_sent")).toHaveLength(0);

    // The cooldown holds for returned codes too, as a ResourceExhausted with the time to retry.
    const early = await failure(
      users.resendPhoneCode({ userId, verification: { case: "returnCode", value: {} } }),
    );
    expect(early.code).toBe(Code.ResourceExhausted);
    expect(early.metadata.get("retry-after")).toBe("30");

    t.clock.advance(30_000);
    const resent = await users.resendPhoneCode({ userId, verification: { case: "returnCode", value: {} } });
    expect(resent.verificationCode).toBe(set.verificationCode);
    expect(await outboxTo(number)).toEqual([]);
    expect(await eventsOf(userId, "phone_number.code_returned")).toHaveLength(2);

    await users.verifyPhone({ userId, verificationCode: set.verificationCode ?? "" });
    expect(await nativeNumbers(t, userId)).toMatchObject([{ phone_number: number, verified: true }]);
    // The code never reached the log, whatever the level.
    expect(log.join("\n")).not.toContain(set.verificationCode);
  });

  it("refuses return_code without codes:return as PermissionDenied, changing nothing", async () => {
    const { t } = server;
    const userId = `rc-none-${transport}`;
    await createUser(t, userId);
    const users = server.users(transport, t.adminKey);
    const refused = await failure(
      users.setPhone({ userId, phone: mobileNumber(), verification: { case: "returnCode", value: {} } }),
    );
    expectZitadelError(refused, Code.PermissionDenied, "AUTH-5mWD2", "No matching permissions found");
    expect(await nativeNumbers(t, userId)).toEqual([]);

    // send_code with the same key still texts it.
    const number = mobileNumber();
    await users.setPhone({ userId, phone: number, verification: { case: "sendCode", value: {} } });
    expect(await outboxTo(number)).toHaveLength(1);
    const again = await failure(
      users.resendPhoneCode({ userId, verification: { case: "returnCode", value: {} } }),
    );
    expectZitadelError(again, Code.PermissionDenied, "AUTH-5mWD2", "No matching permissions found");
    expect(await eventsOf(userId, "phone_number.code_returned")).toEqual([]);
  });
});
