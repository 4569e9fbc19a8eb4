import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SmsDeliveryError } from "../../src/delivery/provider.js";
import {
  createSmppProvider,
  type SmppProvider,
  type SmppProviderOptions,
} from "../../src/delivery/providers/smpp/smpp-provider.js";
import { failureOf } from "../support/failure.js";
import { testProviderContext, testSms } from "../support/provider-context.js";
import { NET_SMPP_MISSING, noteSmscSkipped, type ScriptedSmsc, startSmsc } from "../support/smsc.js";

noteSmscSkipped("SMPP provider against a scripted Net::SMPP SMSC");

describe.skipIf(NET_SMPP_MISSING)("SMPP provider against a scripted SMSC (Perl Net::SMPP)", () => {
  let smsc: ScriptedSmsc;
  const open: SmppProvider[] = [];

  beforeAll(async () => {
    smsc = await startSmsc();
  });

  afterEach(async () => {
    for (const provider of open.splice(0)) await provider.close?.();
  });

  afterAll(async () => {
    await smsc?.close();
  });

  /** A provider for the SMSC, with reconnect delays short enough for a test; not started. */
  function smppProvider(overrides: Partial<SmppProviderOptions> = {}) {
    const context = testProviderContext("smpp");
    const provider = createSmppProvider(
      {
        host: "127.0.0.1",
        port: smsc.port,
        tls: false,
        systemId: "handset",
        password: smsc.password,
        systemType: "otp",
        sourceAddr: "Handset",
        window: 10,
        enquireLinkMs: 30_000,
        responseTimeoutMs: 3_000,
        reconnectInitialMs: 20,
        reconnectMaxMs: 200,
        ...overrides,
      },
      context,
    );
    open.push(provider);
    return { provider, context };
  }

  async function boundProvider(overrides: Partial<SmppProviderOptions> = {}) {
    const started = smppProvider(overrides);
    await started.provider.start?.();
    await started.provider.whenBound(5_000);
    return started;
  }

  async function failure(work: Promise<unknown>): Promise<SmsDeliveryError> {
    const error = await failureOf(work);
    if (!(error instanceof SmsDeliveryError)) throw error;
    return error;
  }

  const field = (line: string, key: string) => new RegExp(`(?:^| )${key}=(\\S*)`).exec(line)?.[1];
  const hexOf = (text: string) => Buffer.from(text, "latin1").toString("hex");

  it("submits the code over a transceiver bind and reports its DELIVRD receipt under the outbox id", async () => {
    const from = smsc.lines().length;
    const { provider, context } = await boundProvider();
    expect(await smsc.waitFor(/^bound /, { from })).toContain(
      "system_id=handset system_type=otp status=0x00",
    );
    const message = testSms();
    const accepted = await provider.send(message);
    expect(accepted.providerMessageId).toMatch(/^smsc\d{6}$/);

    const submit = await smsc.waitFor(/^submit_sm /, { from });
    expect(field(submit, "source")).toBe("Handset");
    expect(field(submit, "source_ton")).toBe("5");
    expect(field(submit, "dest")).toBe("41781234567");
    expect(field(submit, "dest_ton")).toBe("1");
    expect(field(submit, "dest_npi")).toBe("1");
    expect(field(submit, "registered_delivery")).toBe("1");
    expect(field(submit, "data_coding")).toBe("0");
    expect(field(submit, "esm_class")).toBe("0");
    // Letters, digits, space and '.' have the same code in GSM 03.38 as in ASCII: the text is intact.
    expect(field(submit, "hex")).toBe(hexOf(message.body));

    // deliver_sm_resp goes back only once the receipt is reported.
    expect(await smsc.waitFor(/^deliver_sm_resp /, { from })).toBe("deliver_sm_resp status=0");
    expect(context.reports).toEqual([
      {
        messageId: message.id,
        providerMessageId: accepted.providerMessageId,
        status: "delivered",
        error: null,
        at: null,
      },
    ]);
  });

  it("sends a numeric sender as an international number (TON 1, NPI 1) without its +", async () => {
    const from = smsc.lines().length;
    const { provider } = await boundProvider({ sourceAddr: "+15551234567" });
    await provider.send(testSms());
    const submit = await smsc.waitFor(/^submit_sm /, { from });
    const sender = ["source", "source_ton", "source_npi"].map((key) => field(submit, key));
    expect(sender).toEqual(["15551234567", "1", "1"]);
  });

  it("fails a send retryably when the connection drops mid-send, then rebinds and the next send goes through", async () => {
    const { provider, context } = await boundProvider();
    await smsc.control("next_submit drop");
    const from = smsc.lines().length;
    const error = await failure(provider.send(testSms()));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/dropped before the SMSC answered \(it may have accepted the message\)/);
    for (const secret of ["781234567", "123456", smsc.password]) expect(error.message).not.toContain(secret);
    await smsc.waitFor(/^closed mid-send/, { from });

    await smsc.waitFor(/^bound /, { from });
    await provider.whenBound(5_000);
    const accepted = await provider.send(testSms());
    expect(accepted.providerMessageId).toMatch(/^smsc\d{6}$/);
    expect(context.logs.some((l) => l.level === "warn" && l.msg === "smpp connection lost")).toBe(true);
  });

  it("makes ESME_RTHROTTLED retryable with a retry delay, and ESME_RINVDSTADR permanent", async () => {
    const { provider } = await boundProvider();
    await smsc.control("next_submit throttle");
    const throttled = await failure(provider.send(testSms()));
    expect(throttled).toMatchObject({ retryable: true, retryAfterMs: 1_000 });
    expect(throttled.message).toContain("ESME_RTHROTTLED (0x00000058)");

    await smsc.control("next_submit queue_full");
    expect(await failure(provider.send(testSms()))).toMatchObject({ retryable: true, retryAfterMs: 5_000 });

    await smsc.control("next_submit invalid_dest");
    const invalid = await failure(provider.send(testSms()));
    expect(invalid).toMatchObject({ retryable: false, retryAfterMs: undefined });
    expect(invalid.message).toContain("ESME_RINVDSTADR (0x0000000b)");
    expect(invalid.message).not.toContain("781234567");
  });

  it("fails retryably when the submit_sm_resp does not come within the response timeout", async () => {
    const { provider } = await boundProvider({ responseTimeoutMs: 300 });
    await smsc.control("next_submit silent");
    const error = await failure(provider.send(testSms()));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/no answer within 300 ms \(the SMSC may have accepted it\)/);
  });

  it("sends a UCS-2 text with data_coding 8, its UTF-16 big-endian bytes intact", async () => {
    const { provider } = await boundProvider();
    const from = smsc.lines().length;
    const body = "你的验证码 482913 🔐";
    await provider.send(testSms({ body, code: "482913" }));
    const submit = await smsc.waitFor(/^submit_sm /, { from });
    expect(field(submit, "data_coding")).toBe("8");
    expect(field(submit, "hex")).toBe(Buffer.from(body, "utf16le").swap16().toString("hex"));
    expect(field(submit, "hex")).toMatch(/^4f60/); // 你 is U+4F60
  });

  it("logs a refused bind clearly and keeps rebinding with backoff until the SMSC accepts", async () => {
    await smsc.control("refuse_binds 2");
    const from = smsc.lines().length;
    const { provider, context } = smppProvider();
    await provider.start?.();
    const unbound = await failure(provider.send(testSms()));
    expect(unbound.retryable).toBe(true);
    expect(unbound.message).toMatch(/not bound to 127\.0\.0\.1:\d+: bind refused: ESME_RBINDFAIL/);

    await provider.whenBound(5_000);
    await smsc.waitFor(/^bound /, { from });
    const binds = smsc
      .lines()
      .slice(from)
      .filter((l) => /^(bound|bind_refused) /.test(l));
    expect(binds.map((l) => l.split(" ")[0])).toEqual(["bind_refused", "bind_refused", "bound"]);
    const refusals = context.logs.filter(
      (l) => l.msg === "smpp bind refused by the SMSC; retrying with backoff",
    );
    expect(refusals).toHaveLength(2);
    expect(refusals[0]?.obj).toMatchObject({ status: "ESME_RBINDFAIL (0x0000000d)" });
    expect(JSON.stringify(context.logs)).not.toContain(smsc.password);
    expect((await provider.send(testSms())).providerMessageId).toMatch(/^smsc/);
  });

  it("sends a long text in parts behind one concatenation UDH, each part a submit_sm", async () => {
    const { provider, context } = await boundProvider();
    const from = smsc.lines().length;
    const body = `123456 is your code. ${"Keep it to yourself. ".repeat(9)}`; // 210 septets: 2 parts
    const message = testSms({ body });
    expect(message.segments).toBe(2);
    const accepted = await provider.send(message);

    // The SMSC logs a PDU as it handles it, which can come after its answer reached the provider.
    await smsc.waitFor(/^submit_sm /, { from, count: 2 });
    const submits = smsc
      .lines()
      .slice(from)
      .filter((l) => l.startsWith("submit_sm "));
    expect(submits).toHaveLength(2);
    const [first, second] = submits.map((l) => field(l, "hex") ?? "");
    expect(submits.map((l) => field(l, "esm_class"))).toEqual(["64", "64"]); // UDHI
    const reference = first?.slice(6, 8);
    expect(first?.slice(0, 12)).toBe(`050003${reference}0201`);
    expect(second?.slice(0, 12)).toBe(`050003${reference}0202`);
    expect(Buffer.from(`${first?.slice(12)}${second?.slice(12)}`, "hex").toString("latin1")).toBe(body);
    expect(first?.length).toBe((6 + 153) * 2);

    await smsc.waitFor(/^deliver_sm_resp /, { from, count: 2 }); // sent once each receipt is reported
    const ids = smsc
      .lines()
      .slice(from)
      .filter((l) => l.startsWith("submit_sm_resp "))
      .map((l) => field(l, "id"));
    expect(ids).toHaveLength(2);
    expect(accepted.providerMessageId).toBe(ids[0]);
    // Each part's receipt is reported under the message's id and its first part's id.
    expect(context.reports.map((r) => [r.messageId, r.providerMessageId, r.status])).toEqual([
      [message.id, accepted.providerMessageId, "delivered"],
      [message.id, accepted.providerMessageId, "delivered"],
    ]);
  });

  it("matches a receipt that arrives before its own submit_sm_resp", async () => {
    const { provider, context } = await boundProvider();
    await smsc.control("next_submit receipt_first");
    const from = smsc.lines().length;
    const message = testSms();
    const accepted = await provider.send(message);
    await smsc.waitFor(/^deliver_sm_resp /, { from });
    const [receipt, resp] = [/^deliver_sm /, /^submit_sm_resp /].map((p) =>
      smsc.lines().findIndex((l, i) => i >= from && p.test(l)),
    );
    expect(receipt).toBeLessThan(resp ?? -1); // the SMSC did send the receipt first
    expect(context.reports[0]).toMatchObject({
      messageId: message.id,
      providerMessageId: accepted.providerMessageId,
      status: "delivered",
    });
  });

  it("reports UNDELIV as undelivered with the SMSC's stat and err, and ignores ENROUTE", async () => {
    const { provider, context } = await boundProvider();
    const from = smsc.lines().length;
    await smsc.control("receipt_stat ENROUTE");
    await provider.send(testSms());
    await smsc.waitFor(/^deliver_sm_resp /, { from });
    expect(context.reports).toEqual([]);

    await smsc.control("receipt_stat UNDELIV");
    const message = testSms();
    await provider.send(message);
    await smsc.waitFor(/^deliver_sm_resp /, { from, count: 2 });
    expect(context.reports[0]).toMatchObject({
      messageId: message.id,
      status: "undelivered",
      error: "UNDELIV err:000",
    });
    await smsc.control("receipt_stat DELIVRD");
  });

  it("answers a receipt it could not record with ESME_RX_T_APPN, so the SMSC sends it again", async () => {
    const { provider, context } = await boundProvider();
    context.receipts.report = async () => {
      throw new Error("database unavailable");
    };
    const from = smsc.lines().length;
    await provider.send(testSms());
    expect(await smsc.waitFor(/^deliver_sm_resp /, { from })).toBe("deliver_sm_resp status=100");
  });

  it("drops the connection when enquire_link goes unanswered, and rebinds", async () => {
    const { provider, context } = await boundProvider({ enquireLinkMs: 100, responseTimeoutMs: 300 });
    const from = smsc.lines().length;
    await smsc.control("answer_enquire 0");
    await smsc.waitFor(/^enquire_link answered=0/, { from });
    await smsc.waitFor(/^closed by-peer/, { from });
    expect(context.logs.some((l) => l.msg === "smpp enquire_link unanswered; dropping the connection")).toBe(
      true,
    );
    await smsc.control("answer_enquire 1");
    await smsc.waitFor(/^bound /, { from });
    await provider.whenBound(5_000);
    expect((await provider.send(testSms())).providerMessageId).toMatch(/^smsc/);
  });

  it("unbinds on close, and refuses sends afterwards as retryable", async () => {
    const { provider } = await boundProvider();
    const from = smsc.lines().length;
    await provider.close?.();
    await smsc.waitFor(/^unbind$/, { from });
    expect(provider.bound).toBe(false);
    expect(await failure(provider.send(testSms()))).toMatchObject({ retryable: true });
  });
});
