import { afterEach, describe, expect, it } from "vitest";
import { bearer, createTestApp, mobileNumber, type TestApp } from "../support/harness.js";
import { latestCode, nativeClient } from "../support/native-client.js";

describe("the whole flow", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it("runs through app.inject: user, token, add, send, inbox, verify, primary, second factor, remove", async () => {
    t = await createTestApp();
    const admin = nativeClient(t, t.adminKey);
    const created = await admin.call("POST", "/v1/users", { id: "alice", external_id: "crm-17" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: "alice",
      external_id: "crm-17",
      primary_phone_number_id: null,
    });

    const me = nativeClient(t, await t.tokenFor("alice"));
    const first = mobileNumber();
    const added = await me.addMine(first);
    expect(added.statusCode).toBe(201);
    const firstId = added.json().id as string;
    expect(added.json()).toMatchObject({
      phone_number: first,
      region: "FR",
      number_type: "MOBILE",
      primary: true,
    });

    const sent = await me.sendMine(firstId);
    expect(sent.statusCode).toBe(202);
    expect(sent.json().verification).toMatchObject({ status: "pending", attempts_left: 5, sends_used: 1 });
    expect(sent.json().verification.resend_available_at).toBe(new Date(t.clock.now() + 30_000).toISOString());
    const verified = await me.verifyMine(firstId, await latestCode(t, first));
    expect(verified.statusCode).toBe(200);
    expect(verified.json().phone_number).toMatchObject({ verified: true, verification_strategy: "sms_code" });
    expect(verified.json().verification.status).toBe("verified");

    const second = mobileNumber();
    const secondId = (await me.addMine(second)).json().id as string;
    expect((await me.getMine(secondId)).json().primary).toBe(false);
    await me.sendMine(secondId);
    expect((await me.verifyMine(secondId, await latestCode(t, second))).statusCode).toBe(200);

    const madePrimary = await me.patchMine(secondId, { primary: true });
    expect(madePrimary.json().primary).toBe(true);
    expect((await me.getMine(firstId)).json().primary).toBe(false);

    const reserved = await me.patchMine(firstId, { reserved_for_second_factor: true });
    expect(reserved.json()).toMatchObject({ reserved_for_second_factor: true, default_second_factor: true });

    const user = (await admin.call("GET", "/v1/users/alice")).json();
    expect(user.primary_phone_number_id).toBe(secondId);
    expect(user.phone_numbers).toHaveLength(2);

    const removed = await me.deleteMine(secondId);
    expect(removed.json()).toEqual({
      id: secondId,
      deleted: true,
      was_primary: true,
      primary_phone_number_id: null,
    });
    const after = (await admin.call("GET", "/v1/users/alice")).json();
    expect(after.primary_phone_number_id).toBeNull();
    expect(after.phone_numbers.map((p: { id: string }) => p.id)).toEqual([firstId]);
  });

  it("runs over a real port with fetch", async () => {
    t = await createTestApp();
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const address = t.app.server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    const base = `http://127.0.0.1:${address.port}`;
    const token = await t.tokenFor("bob");
    const json = { ...bearer(token), "content-type": "application/json" };
    const number = mobileNumber();

    const added = await fetch(`${base}/v1/me/phone-numbers`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ phone_number: number }),
    });
    expect(added.status).toBe(201);
    expect(added.headers.get("x-request-id")).toMatch(/^req_/);
    const { id } = (await added.json()) as { id: string };
    expect(
      (await fetch(`${base}/v1/me/phone-numbers/${id}/send-code`, { method: "POST", headers: bearer(token) }))
        .status,
    ).toBe(202);
    await t.dispatcher.runOnce();
    const inbox = (await (await fetch(`${base}/dev/inbox?to=${encodeURIComponent(number)}`)).json()) as {
      data: { code: string; body: string }[];
    };
    const code = inbox.data[0]?.code ?? "";
    expect(inbox.data[0]?.body).toContain(code);
    const verified = await fetch(`${base}/v1/me/phone-numbers/${id}/verify`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ code }),
    });
    expect(verified.status).toBe(200);
    const page = await fetch(`${base}/dev/inbox`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain(code);
  });

  it("lets an admin add a number already verified, and list users page by page", async () => {
    t = await createTestApp();
    const admin = nativeClient(t, t.adminKey);
    for (const id of ["u1", "u2", "u3"]) await admin.call("POST", "/v1/users", { id });
    const number = mobileNumber();
    const added = await admin.call("POST", "/v1/phone-numbers", {
      user_id: "u2",
      phone_number: number,
      verified: true,
    });
    expect(added.json()).toMatchObject({ verified: true, verification_strategy: "admin", primary: true });
    const page1 = (await admin.call("GET", "/v1/users?limit=2")).json();
    expect(page1.data.map((u: { id: string }) => u.id)).toEqual(["u1", "u2"]);
    const page2 = (await admin.call("GET", `/v1/users?limit=2&after=${page1.next_cursor}`)).json();
    expect(page2).toMatchObject({ data: [{ id: "u3" }], next_cursor: null });
    const deleted = await admin.call("DELETE", "/v1/users/u2");
    expect(deleted.json()).toEqual({ id: "u2", deleted: true, removed_phone_numbers: 1 });
    expect((await admin.call("GET", `/v1/phone-numbers/${added.json().id}`)).statusCode).toBe(404);
  });
});
