import { describe, expect, it } from "vitest";
import type { CallbackRequest, SmsProvider } from "../../src/delivery/provider.js";
import { createKannelProvider } from "../../src/delivery/providers/kannel/kannel-provider.js";
import { type TestProviderContext, testProviderContext } from "../support/provider-context.js";

/** A provider whose receipts land in `context`; sendsms is never reached by these tests. */
function setup(): { provider: SmsProvider; context: TestProviderContext } {
  const context = testProviderContext("kannel");
  const provider = createKannelProvider(
    {
      sendsmsUrl: "http://127.0.0.1:9/cgi-bin/sendsms",
      username: "handset",
      password: "pw-secret",
      from: undefined,
      timeoutMs: 1_000,
      dlrMask: 19,
    },
    context,
  );
  return { provider, context };
}

/** The GET smsbox makes: the message's callback URL with the escapes filled in. */
function dlrRequest(url: string | null, filled: Record<string, string>): CallbackRequest {
  const target = new URL(url ?? "https://handset.test/sms/callbacks/kannel");
  for (const [key, value] of Object.entries(filled)) target.searchParams.set(key, value);
  return { method: "GET", url: target.toString(), headers: { "user-agent": "Kannel/1.4.5" }, body: "" };
}

async function answer(provider: SmsProvider, request: CallbackRequest) {
  if (!provider.handleCallback) throw new Error("the Kannel provider takes callbacks");
  return provider.handleCallback(request);
}

const delivered = { status: "1", smsc_id: "smpp-eu", ts: "1790000000", err: "" };

describe("Kannel delivery reports (dlr-url)", () => {
  it("refuses a report without Handset's token, with a wrong one, or with another message's", async () => {
    const { provider, context } = setup();
    const mine = context.callbackUrl("msg_mine") ?? "";
    const theirs = new URL(context.callbackUrl("msg_theirs") ?? "");
    const forged = [
      dlrRequest(null, { m: "msg_mine", ...delivered }),
      dlrRequest(mine.replace(/t=[^&]+/, "t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), delivered),
      dlrRequest(mine.replace(/t=[^&]+/, `t=${theirs.searchParams.get("t")}`), delivered),
      dlrRequest(testProviderContext("kannel").callbackUrl("msg_mine"), delivered),
      dlrRequest(testProviderContext("vonage").callbackUrl("msg_mine"), delivered),
    ];
    for (const request of forged) expect(await answer(provider, request)).toMatchObject({ status: 403 });
    expect(context.reports).toEqual([]);
  });

  it.each([
    ["1", "delivered", null],
    ["2", "undelivered", "kannel dlr 2 (undelivered), err 001, smsc smpp-eu"],
    ["16", "failed", "kannel dlr 16 (rejected by the SMSC), err 001, smsc smpp-eu"],
    ["34", "undelivered", "kannel dlr 34 (expired), err 001, smsc smpp-eu"],
    ["66", "undelivered", "kannel dlr 66 (undelivered, state unknown), err 001, smsc smpp-eu"],
  ])("reports type %s as %s, after the report is recorded", async (type, status, error) => {
    const { provider, context } = setup();
    let recorded = false;
    context.receipts = {
      report: async (report) => {
        await Promise.resolve();
        context.reports.push(report);
        recorded = true;
        return true;
      },
    };
    const url = context.callbackUrl("msg_1");
    const reply = await answer(provider, dlrRequest(url, { ...delivered, status: type, err: "001" }));
    expect(recorded).toBe(true);
    expect(reply).toEqual({ status: 200, contentType: "text/plain; charset=utf-8", body: "OK" });
    expect(context.reports).toEqual([
      { messageId: "msg_1", providerMessageId: null, status, error, at: 1_790_000_000_000 },
    ]);
  });

  it.each(["4", "8"])("answers an intermediate type %s without reporting it", async (type) => {
    const { provider, context } = setup();
    const reply = await answer(
      provider,
      dlrRequest(context.callbackUrl("msg_1"), { ...delivered, status: type }),
    );
    expect(reply.status).toBe(200);
    expect(context.reports).toEqual([]);
  });

  it.each<Record<string, string>>([
    {},
    { status: "" },
    { status: "%d" },
    { status: "delivered" },
    { status: "1234" },
  ])("answers 400 to a genuine URL without a report type (%j)", async (filled) => {
    const { provider, context } = setup();
    const reply = await answer(provider, dlrRequest(context.callbackUrl("msg_1"), filled));
    expect(reply.status).toBe(400);
    expect(context.reports).toEqual([]);
  });

  it("takes an unreadable time as the time of receipt, and blanks digit runs in the error", async () => {
    const { provider, context } = setup();
    const url = context.callbackUrl("msg_1");
    await answer(
      provider,
      dlrRequest(url, { status: "2", ts: "", err: "+41781234567 482913", smsc_id: "x" }),
    );
    expect(context.reports[0]).toMatchObject({ status: "undelivered", at: null });
    expect(context.reports[0]?.error).toBe("kannel dlr 2 (undelivered), err [digits] [digits], smsc x");
  });

  it("answers 200 to a report that matches no message, and logs it without the token", async () => {
    const { provider, context } = setup();
    context.matches = () => false;
    const url = context.callbackUrl("msg_gone");
    const reply = await answer(provider, dlrRequest(url, delivered));
    expect(reply.status).toBe(200);
    expect(context.reports).toHaveLength(1);
    expect(context.logs).toEqual([
      expect.objectContaining({ level: "warn", msg: "kannel receipt matched no message" }),
    ]);
    expect(JSON.stringify(context.logs)).not.toContain(new URL(url ?? "").searchParams.get("t"));
  });

  it("gives no answer when the report cannot be recorded, so smsbox can try again", async () => {
    const { provider, context } = setup();
    context.receipts = { report: () => Promise.reject(new Error("database unavailable")) };
    await expect(answer(provider, dlrRequest(context.callbackUrl("msg_1"), delivered))).rejects.toThrow(
      "database unavailable",
    );
  });
});
