import { createHash } from "node:crypto";
import { request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SmsMessage } from "../../src/delivery/provider.js";
import type { InboxProvider } from "../../src/delivery/providers/inbox/inbox-provider.js";
import { INBOX_HEARTBEAT_MS } from "../../src/http/dev-inbox.js";
import { createTestApp, type TestApp } from "../support/harness.js";

let sequence = 0;
/** Puts a message straight into the inbox, as the dispatcher would hand it over. */
async function deliver(
  inbox: InboxProvider | null | undefined,
  fields: Partial<SmsMessage> = {},
): Promise<SmsMessage> {
  if (!inbox) throw new Error("the test app has no inbox");
  sequence += 1;
  const message: SmsMessage = {
    id: `msg_${String(sequence).padStart(6, "0")}`,
    tenantId: "default",
    to: "+447400123456",
    body: "Your code is 123456",
    code: "123456",
    verificationId: `vf_${sequence}`,
    createdAt: 0,
    encoding: "gsm7",
    segments: 1,
    ...fields,
  };
  await inbox.send(message);
  return message;
}

const page = (t: TestApp, url = "/dev/inbox") =>
  t.app.inject({ method: "GET", url, headers: { accept: "text/html" } });

describe("the development inbox page", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await t?.close();
    t = undefined;
  });

  it("reads on a phone, shows the tenant and a copy button, and escapes what it shows", async () => {
    t = await createTestApp({ runDispatcher: false });
    await deliver(t.inbox, { tenantId: "acme", body: '<img src=x onerror="alert(1)">', code: "<b>1</b>" });
    const answer = await page(t);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(answer.body).not.toContain('http-equiv="refresh"');
    expect(answer.body).toContain('<td data-label="Tenant">acme</td>');
    expect(answer.body).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(answer.body).toContain('data-copy="&lt;b&gt;1&lt;/b&gt;"');
    expect(answer.body).not.toContain("<img");
    expect(answer.body).not.toContain("<b>1</b>");
  });

  it("runs under its own strict policy: the inline script and style are allowed by hash, nothing else", async () => {
    t = await createTestApp({ runDispatcher: false });
    const answer = await page(t);
    const policy = String(answer.headers["content-security-policy"]);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain("unsafe-inline");
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(answer.body)?.[1] ?? "";
    const style = /<style>([\s\S]*?)<\/style>/.exec(answer.body)?.[1] ?? "";
    expect(script).toContain("EventSource");
    expect(policy).toContain(`script-src ${hash(script)}`);
    expect(policy).toContain(`style-src ${hash(style)}`);
    expect(answer.body.match(/<script/g)).toHaveLength(1);
  });

  it("filters by number and by tenant, in the page and in the JSON", async () => {
    t = await createTestApp({ runDispatcher: false });
    await deliver(t.inbox, { tenantId: "acme", to: "+447400123456" });
    await deliver(t.inbox, { tenantId: "globex", to: "+447400123456" });
    await deliver(t.inbox, { tenantId: "acme", to: "+447400999999" });
    const app = t.app;
    const json = async (url: string) =>
      ((await app.inject({ method: "GET", url })).json() as { data: { tenant_id: string; to: string }[] })
        .data;
    expect(await json("/dev/inbox?tenant=acme")).toHaveLength(2);
    expect(await json("/dev/inbox?tenant=acme&to=+447400123456")).toEqual([
      expect.objectContaining({ tenant_id: "acme", to: "+447400123456" }),
    ]);
    const filtered = await page(t, "/dev/inbox?tenant=globex");
    expect(filtered.body.match(/<tr data-id=/g)).toHaveLength(1);
    expect(filtered.body).toContain('name="tenant" placeholder="default" value="globex"');
    expect(filtered.body).toContain('href="/dev/inbox">Show all</a>');
  });

  it("clears the inbox from the page's own origin only; a cross-site form changes nothing", async () => {
    t = await createTestApp({ runDispatcher: false });
    await deliver(t.inbox);
    const post = (headers: Record<string, string>) =>
      t?.app.inject({
        method: "POST",
        url: "/dev/inbox/clear",
        headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000", ...headers },
        payload: "",
      });
    const crossOrigin = await post({ origin: "https://evil.example" });
    expect(crossOrigin?.statusCode).toBe(400);
    expect(crossOrigin?.json().error.code).toBe("INVALID_REQUEST");
    expect((await post({ "sec-fetch-site": "cross-site" }))?.statusCode).toBe(400);
    expect(t.inbox?.list()).toHaveLength(1);

    const sameOrigin = await post({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" });
    expect(sameOrigin?.statusCode).toBe(303);
    expect(sameOrigin?.headers.location).toBe("/dev/inbox");
    expect(t.inbox?.list()).toEqual([]);
  });
});

/** An open event stream: each event as it arrives, and whether the server ended it. */
function openStream(url: string, headers: Record<string, string> = {}) {
  const chunks: string[] = [];
  const waiters: (() => void)[] = [];
  const state = { ended: false, status: 0, contentType: "" };
  const notify = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  const ready = new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (response) => {
      state.status = response.statusCode ?? 0;
      state.contentType = String(response.headers["content-type"]);
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        chunks.push(chunk);
        notify();
      });
      response.on("end", () => {
        state.ended = true;
        notify();
      });
      resolve(response);
    });
    req.on("error", reject);
    req.end();
  });
  const text = () => chunks.join("");
  /** Waits (on the stream, not on time) until what arrived satisfies `test`. */
  const until = async (test: (text: string) => boolean): Promise<string> => {
    while (!test(text())) {
      if (state.ended) throw new Error(`the stream ended with: ${text()}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return text();
  };
  const messages = () =>
    text()
      .split("\n\n")
      .filter((block) => block.includes('data: {"'))
      .map(
        (block) => JSON.parse(block.slice(block.indexOf("data: ") + 6)) as { id: string; tenant_id: string },
      );
  return { ready, state, text, until, messages };
}

describe("the development inbox's event stream", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await t?.close();
    t = undefined;
  });

  async function listen(): Promise<string> {
    if (!t) throw new Error("no app");
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  }

  it("replays what came after the page's newest message, then sends each new one, filtered", async () => {
    t = await createTestApp({ runDispatcher: false });
    const base = await listen();
    const seen = await deliver(t.inbox, { tenantId: "acme" });
    const missed = await deliver(t.inbox, { tenantId: "acme" });
    const stream = openStream(`${base}/dev/inbox/events?tenant=acme&after=${seen.id}`);
    await stream.ready;
    expect(stream.state.status).toBe(200);
    expect(stream.state.contentType).toContain("text/event-stream");
    await stream.until((text) => text.includes(missed.id));

    await deliver(t.inbox, { tenantId: "globex" });
    const next = await deliver(t.inbox, { tenantId: "acme" });
    await stream.until((text) => text.includes(next.id));
    expect(stream.messages().map((m) => m.id)).toEqual([missed.id, next.id]);
    expect(stream.text()).toContain(`id: ${next.id}\n`);

    await t.app.inject({ method: "DELETE", url: "/dev/inbox" });
    await stream.until((text) => text.includes("event: cleared"));
  });

  it("resumes from Last-Event-ID when the browser reconnects", async () => {
    t = await createTestApp({ runDispatcher: false });
    const base = await listen();
    const first = await deliver(t.inbox);
    const second = await deliver(t.inbox);
    const stream = openStream(`${base}/dev/inbox/events?after=0`, { "last-event-id": first.id });
    await stream.until((text) => text.includes(second.id));
    expect(stream.messages().map((m) => m.id)).toEqual([second.id]);
  });

  it("says it is alive while idle", async () => {
    t = await createTestApp({ runDispatcher: false });
    const base = await listen();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const stream = openStream(`${base}/dev/inbox/events`);
    await stream.until((text) => text.includes("retry: "));
    expect(stream.text()).not.toContain(": heartbeat");
    await vi.advanceTimersByTimeAsync(INBOX_HEARTBEAT_MS);
    await stream.until((text) => text.includes(": heartbeat\n\n"));
  });

  it("ends its streams when the server closes, so closing never hangs", async () => {
    t = await createTestApp({ runDispatcher: false });
    const base = await listen();
    const streams = [
      openStream(`${base}/dev/inbox/events`),
      openStream(`${base}/dev/inbox/events?to=+447400123456`),
    ];
    await Promise.all(streams.map((s) => s.until((text) => text.includes("retry: "))));
    await t.close();
    t = undefined;
    expect(streams.map((s) => s.state.ended)).toEqual([true, true]);
  });
});
