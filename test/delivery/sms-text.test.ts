import { describe, expect, it } from "vitest";
import { createCallbackLinks } from "../../src/delivery/callback-links.js";
import { smsText } from "../../src/delivery/sms-text.js";

describe("SMS text: encoding and segments", () => {
  it("counts GSM-7 septets, extension characters twice, and parts of 153 past 160", () => {
    expect(smsText("a".repeat(160))).toEqual({ encoding: "gsm7", units: 160, segments: 1 });
    expect(smsText("a".repeat(161))).toEqual({ encoding: "gsm7", units: 161, segments: 2 });
    expect(smsText("€".repeat(80))).toEqual({ encoding: "gsm7", units: 160, segments: 1 });
    expect(smsText("a".repeat(306))).toMatchObject({ segments: 2 });
    expect(smsText("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("falls to UCS-2 for any character outside the alphabet, counting UTF-16 units, 67 a part past 70", () => {
    expect(smsText("ç")).toMatchObject({ encoding: "ucs2", units: 1, segments: 1 });
    expect(smsText("й".repeat(70))).toMatchObject({ encoding: "ucs2", segments: 1 });
    expect(smsText("й".repeat(71))).toMatchObject({ encoding: "ucs2", segments: 2 });
    expect(smsText("🙂".repeat(35))).toMatchObject({ encoding: "ucs2", units: 70, segments: 1 });
  });
});

describe("callback links", () => {
  const key = Buffer.alloc(32, 7);
  const links = createCallbackLinks("https://handset.example.com", [key]);

  it("names the message in a URL only Handset can make, for one provider", () => {
    const url = links.urlFor("twilio", "msg_1") as string;
    expect(url).toMatch(/^https:\/\/handset\.example\.com\/sms\/callbacks\/twilio\?m=msg_1&t=[\w-]{32}$/);
    expect(links.messageIdOf("twilio", url)).toBe("msg_1");
    expect(links.messageIdOf("vonage", url)).toBeNull();
    expect(links.messageIdOf("twilio", url.replace("m=msg_1", "m=msg_2"))).toBeNull();
    expect(links.messageIdOf("twilio", `${url.slice(0, -1)}A`)).toBeNull();
    expect(links.messageIdOf("twilio", "/sms/callbacks/twilio?m=msg_1")).toBeNull();
  });

  it("accepts links made before a key rotation, and makes none without a public URL", () => {
    const url = links.urlFor("kannel", "msg_9") as string;
    const rotated = createCallbackLinks("https://handset.example.com", [Buffer.alloc(32, 8), key]);
    expect(rotated.messageIdOf("kannel", url)).toBe("msg_9");
    expect(createCallbackLinks(null, [key]).urlFor("kannel", "msg_9")).toBeNull();
  });
});
