import { describe, expect, it } from "vitest";
import { createInboxProvider } from "../../src/delivery/providers/inbox/inbox-provider.js";

const sms = (id: string, to: string, verificationId: string) => ({
  id,
  tenantId: "default",
  to,
  body: `code for ${verificationId}`,
  code: "123456",
  verificationId,
  createdAt: 0,
  encoding: "gsm7" as const,
  segments: 1,
});

describe("the development inbox provider", () => {
  it("keeps the newest messages up to its capacity, and finds them by number and by verification", async () => {
    let now = 1_000;
    const inbox = createInboxProvider({ capacity: 3, now: () => now++ });
    await inbox.send(sms("m1", "+41790000001", "v1"));
    await inbox.send(sms("m2", "+41790000002", "v2"));
    await inbox.send(sms("m3", "+41790000001", "v1"));
    await inbox.send(sms("m4", "+41790000003", "v3"));
    expect(inbox.list().map((m) => m.id)).toEqual(["m4", "m3", "m2"]);
    // m1 fell out: v1 keeps only its resend, and nothing else remembers the dropped message.
    expect(inbox.list({ verificationId: "v1" }).map((m) => m.id)).toEqual(["m3"]);
    expect(inbox.list({ to: "+41790000001" }).map((m) => m.id)).toEqual(["m3"]);
    expect(inbox.list({ verificationId: "v1", to: "+41790000002" })).toEqual([]);
    await inbox.send(sms("m5", "+41790000003", "v3"));
    await inbox.send(sms("m6", "+41790000003", "v3"));
    expect(inbox.list({ verificationId: "v1" })).toEqual([]);
    expect(inbox.list({ verificationId: "v3" }).map((m) => m.id)).toEqual(["m6", "m5", "m4"]);
    expect(inbox.list({ verificationId: "v3", limit: 1 }).map((m) => m.id)).toEqual(["m6"]);
    inbox.clear();
    expect(inbox.list({ verificationId: "v3" })).toEqual([]);
  });
});
