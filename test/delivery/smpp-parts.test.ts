import type { Pdu } from "smpp";
import { describe, expect, it } from "vitest";
import { SubmittedMessageIds } from "../../src/delivery/providers/smpp/message-ids.js";
import { parseReceipt } from "../../src/delivery/providers/smpp/receipt.js";
import { RequestWindow } from "../../src/delivery/providers/smpp/request-window.js";
import { encodeGsm7, shortMessageParts } from "../../src/delivery/providers/smpp/short-messages.js";
import { smppKind } from "../../src/delivery/providers/smpp/smpp-kind.js";
import { submitRefusal } from "../../src/delivery/providers/smpp/submit-status.js";
import { smsText } from "../../src/delivery/sms-text.js";

/** A received deliver_sm as the library decodes it: only the fields a receipt reads. */
function deliverSm(fields: Partial<Pdu>): Pdu {
  return { command: "deliver_sm", command_id: 5, command_status: 0, sequence_number: 1, ...fields } as Pdu;
}

describe("SMPP short messages", () => {
  it("encodes GSM 03.38 codes, with the extension table behind an escape", () => {
    expect([...encodeGsm7("@£$_ Aä€[")]).toEqual([
      0x00, 0x01, 0x02, 0x11, 0x20, 0x41, 0x7b, 0x1b, 0x65, 0x1b, 0x3c,
    ]);
    expect(() => encodeGsm7("你")).toThrow(/outside the GSM 7-bit alphabet/);
  });

  it("splits as smsText counts, never inside an escape sequence or a surrogate pair", () => {
    const gsm = `${"a".repeat(152)}€${"b".repeat(20)}`; // the € would straddle the 153-septet cut
    const gsmParts = shortMessageParts(gsm, "gsm7", 7);
    expect(gsmParts).toHaveLength(smsText(gsm).segments);
    expect(gsmParts[0]?.bytes.length).toBe(6 + 152);
    expect(gsmParts[1]?.bytes.subarray(6, 8)).toEqual(Buffer.from([0x1b, 0x65]));

    const ucs = `${"你".repeat(66)}🔐${"好".repeat(10)}`; // the emoji's pair would straddle the 67-unit cut
    const ucsParts = shortMessageParts(ucs, "ucs2", 300);
    expect(ucsParts).toHaveLength(smsText(ucs).segments);
    expect(ucsParts[0]?.bytes.subarray(0, 6)).toEqual(Buffer.from([5, 0, 3, 300 & 0xff, 2, 1]));
    expect(ucsParts[0]?.bytes.length).toBe(6 + 66 * 2);
    expect(ucsParts[1]?.bytes.readUInt16BE(6)).toBe(0xd83d);

    expect(shortMessageParts("a".repeat(160), "gsm7", 1)).toEqual([
      { bytes: encodeGsm7("a".repeat(160)), udh: false },
    ]);
  });
});

describe("SMPP receipts", () => {
  const text =
    "id:1A2B3C sub:001 dlvrd:000 submit date:2612010811 done date:2612010812 stat:REJECTD err:0B1 text:";

  it("reads the Appendix B text when the SMSC sends no TLVs", () => {
    expect(parseReceipt(deliverSm({ esm_class: 4, short_message: { message: text } }))).toEqual({
      providerMessageId: "1A2B3C",
      status: "failed",
      error: "REJECTD err:0B1",
    });
  });

  it("prefers the receipted_message_id and message_state TLVs", () => {
    const pdu = deliverSm({
      esm_class: 4,
      short_message: { message: text },
      receipted_message_id: "X9",
      message_state: 2,
    });
    expect(parseReceipt(pdu)).toEqual({ providerMessageId: "X9", status: "delivered", error: null });
  });

  it("maps EXPIRED and DELETED to undelivered, ACCEPTD and UNKNOWN to nothing, and needs an id", () => {
    const stat = (s: string) =>
      parseReceipt(deliverSm({ esm_class: 4, short_message: { message: `id:1 stat:${s} err:000` } }))?.status;
    expect([stat("EXPIRED"), stat("DELETED"), stat("ACCEPTD"), stat("UNKNOWN"), stat("ENROUTE")]).toEqual([
      "undelivered",
      "undelivered",
      null,
      null,
      null,
    ]);
    expect(parseReceipt(deliverSm({ esm_class: 4, short_message: { message: "stat:DELIVRD" } }))).toBeNull();
  });
});

describe("SMPP submit statuses and message ids", () => {
  it("retries the SMSC's own trouble and fails refusals about the message", () => {
    expect(submitRefusal(0x08, "")).toMatchObject({ retryable: true, retryAfterMs: undefined });
    expect(submitRefusal(0x45, "")).toMatchObject({ retryable: true });
    expect(submitRefusal(0x0a, "")).toMatchObject({ retryable: false });
    expect(submitRefusal(0x104, " (part 2 of 3)").message).toBe(
      "smpp submit_sm (part 2 of 3) refused: ESME_RINVDCS (0x00000104)",
    );
    expect(submitRefusal(0x400, "").message).toContain("0x00000400");
  });

  it("forgets ids after their time to live, and the oldest beyond the size bound", () => {
    let now = 0;
    const ids = new SubmittedMessageIds(() => now, 1_000, 2);
    ids.remember("a", { messageId: "m1", providerMessageId: "a" });
    ids.remember("b", { messageId: "m1", providerMessageId: "a" });
    ids.remember("c", { messageId: "m2", providerMessageId: "c" });
    expect([ids.lookup("a"), ids.lookup("b")?.messageId, ids.size]).toEqual([null, "m1", 2]);
    now = 1_000;
    expect(ids.lookup("c")).toBeNull();
  });
});

describe("SMPP settings", () => {
  it("takes snake_case settings with defaults, coerced from strings", () => {
    const configured = smppKind.configure({
      host: "smsc.example",
      system_id: "handset",
      password: "pw",
      tls: "true",
      response_timeout_ms: "4000",
    });
    expect(configured.description).toBe("SMPP over TLS at smsc.example:2775 as system_id handset");
    expect(configured.timeoutMs).toBe(8_000);
    expect(() => smppKind.configure({ host: "h", system_id: "x", sourceaddr: "y" })).toThrow(/sourceaddr/);
    expect(() => smppKind.configure({ host: "h", system_id: "x", source_addr: "Handset Verify" })).toThrow();
  });
});

describe("SMPP request window", () => {
  it("makes a request past the window wait for a slot, and fail retryably at its deadline", async () => {
    const window = new RequestWindow(1);
    await window.acquire(Date.now() + 1_000);
    let second = false;
    const waiting = window.acquire(Date.now() + 1_000).then(() => {
      second = true;
    });
    await Promise.resolve();
    expect(second).toBe(false);
    window.release();
    await waiting;
    expect(second).toBe(true);
    await expect(window.acquire(Date.now())).rejects.toMatchObject({
      retryable: true,
      message: "smpp window of 1 requests stayed full",
    });
  });
});
