import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { SmsDeliveryError, type SmsMessage, type SmsProvider } from "../../src/delivery/provider.js";
import { createKannelProvider } from "../../src/delivery/providers/kannel/kannel-provider.js";
import { isGsm7 } from "../../src/delivery/sms-text.js";
import { type TestProviderContext, testProviderContext } from "../support/provider-context.js";

/** A context as without a public URL: no receipts are asked for. */
function noPublicUrl(): TestProviderContext {
  return { ...testProviderContext("kannel"), callbackUrl: () => null };
}

const message: SmsMessage = {
  id: "msg_01TEST",
  tenantId: "default",
  to: "+41781234567",
  body: "123456 is your Handset verification code.",
  code: "123456",
  verificationId: "vf_01TEST",
  createdAt: Date.UTC(2026, 0, 1),
  encoding: "gsm7",
  segments: 1,
};

describe("Kannel provider: what smsbox's answers mean", () => {
  let server: Server;
  let url: string;
  let reply: { status: number; body: string; hang?: boolean } = {
    status: 202,
    body: "0: Accepted for delivery",
  };
  let queries: URLSearchParams[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      queries.push(new URL(request.url ?? "/", "http://x").searchParams);
      if (reply.hang) return;
      response.writeHead(reply.status, { "content-type": "text/html" });
      response.end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/sendsms`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    queries = [];
    reply = { status: 202, body: "0: Accepted for delivery" };
  });

  const provider = (
    options: {
      url?: string;
      timeoutMs?: number;
      from?: string;
      dlrMask?: number;
      context?: TestProviderContext;
    } = {},
  ): SmsProvider =>
    createKannelProvider(
      {
        sendsmsUrl: options.url ?? url,
        username: "handset",
        password: "pw-secret",
        from: options.from,
        timeoutMs: options.timeoutMs ?? 5_000,
        dlrMask: options.dlrMask ?? 19,
      },
      options.context ?? noPublicUrl(),
    );

  async function failure(p: SmsProvider, m: SmsMessage = message): Promise<SmsDeliveryError> {
    const error: unknown = await p.send(m).then(
      () => new Error("expected the send to fail"),
      (e: unknown) => e,
    );
    if (!(error instanceof SmsDeliveryError)) throw error;
    return error;
  }

  it("sends the sendsms parameters, with the sender only when configured", async () => {
    await provider({ from: "Handset" }).send(message);
    await provider().send({ ...message, body: "Код 123456", encoding: "ucs2" });
    const [gsm, ucs2] = queries;
    expect(Object.fromEntries(gsm ?? [])).toEqual({
      username: "handset",
      password: "pw-secret",
      to: message.to,
      text: message.body,
      charset: "UTF-8",
      coding: "0",
      from: "Handset",
    });
    expect(ucs2?.get("coding")).toBe("2");
    expect(ucs2?.has("from")).toBe(false);
  });

  it("asks for delivery reports only when Handset has a public URL to receive them", async () => {
    const withUrl = testProviderContext("kannel");
    await provider({ context: withUrl }).send(message);
    await provider({ context: withUrl, dlrMask: 3 }).send(message);
    await provider({ context: withUrl, dlrMask: 0 }).send(message);
    await provider().send(message);
    const [asked, custom, off, noUrl] = queries;
    const callbackUrl = withUrl.callbackUrl(message.id);
    expect(callbackUrl).toMatch(/^https:\/\/handset\.test\/sms\/callbacks\/kannel\?m=msg_01TEST&t=/);
    expect(asked?.get("dlr-mask")).toBe("19");
    // smsbox fills in the escapes when it fetches the URL; the token stays as made.
    expect(asked?.get("dlr-url")).toBe(`${callbackUrl}&status=%d&smsc_id=%i&ts=%T&err=%B`);
    expect(withUrl.callbackMessageId(asked?.get("dlr-url") ?? "")).toBe(message.id);
    expect(custom?.get("dlr-mask")).toBe("3");
    for (const query of [off, noUrl]) {
      expect(query?.has("dlr-mask")).toBe(false);
      expect(query?.has("dlr-url")).toBe(false);
    }
  });

  it("never asks for the SMSC's answer (%A), whose SMPP receipt text holds the code", async () => {
    await provider({ context: testProviderContext("kannel") }).send(message);
    expect(queries[0]?.get("dlr-url")).not.toContain("%A");
  });

  it.each(["0: Accepted for delivery", "3: Queued for later delivery"])(
    "takes 202 %j as accepted",
    async (body) => {
      reply = { status: 202, body };
      expect(await provider().send(message)).toEqual({ providerMessageId: null });
    },
  );

  it.each([
    [403, "Authorization failed for sendsms", false],
    [400, "Missing receiver number, rejected", false],
    [404, "Unknown service", false],
    [500, "oops", true],
    [503, "Sendsms temporarily unavailable", true],
    [429, "slow down", true],
  ])("maps %i to retryable=%s", async (status, body, retryable) => {
    reply = { status: status as number, body: body as string };
    const error = await failure(provider());
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain(String(status));
    expect(error.message).toContain(body);
  });

  it("fails a 2xx that is not smsbox's acceptance rather than risk sending twice", async () => {
    reply = { status: 200, body: "<html>proxy</html>" };
    expect((await failure(provider())).retryable).toBe(false);
  });

  it("blanks numbers and codes that an answer echoes, and never names the password", async () => {
    reply = { status: 400, body: "Number(s) fail: +41781234567 123456 pw-secret?" };
    const error = await failure(provider());
    expect(error.message).not.toContain("41781234567");
    expect(error.message).not.toContain("123456");
    expect(error.message).toContain("[digits]");
  });

  it("retries a refused connection and a gateway that does not answer in time", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await failure(provider({ url: `http://127.0.0.1:${port}/cgi-bin/sendsms` }));
    expect(refused).toMatchObject({ retryable: true, message: "kannel unreachable: ECONNREFUSED" });

    reply = { status: 202, body: "", hang: true };
    const slow = await failure(provider({ timeoutMs: 150 }));
    expect(slow).toMatchObject({
      retryable: true,
      message: "kannel unreachable: no answer within the timeout",
    });
  });

  it("uses GSM 7-bit only when every character is in the GSM alphabet", () => {
    expect(isGsm7("123456 is your code. Ça expire à 12:00 {€}")).toBe(true);
    expect(isGsm7("Ваш код 123456")).toBe(false);
    expect(isGsm7("code 123456 ✓")).toBe(false);
    expect(isGsm7("ç is not in it")).toBe(false);
  });
});

describe("Kannel configuration", () => {
  const base = {
    HANDSET_SMS_PROVIDER: "kannel",
    HANDSET_KANNEL_SENDSMS_URL: "http://127.0.0.1:13013/cgi-bin/sendsms",
    HANDSET_KANNEL_USERNAME: "handset",
  };
  const problem = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error("expected a configuration error");
  };

  it("reads the settings, the password given directly or from a file", async () => {
    const config = loadConfig({ ...base, HANDSET_KANNEL_PASSWORD: "pw", HANDSET_KANNEL_FROM: "Handset" });
    expect(config.sms.routing.providers.map((p) => [p.name, p.configured.description])).toEqual([
      ["kannel", "Kannel smsbox at http://127.0.0.1:13013 as user handset"],
    ]);
    expect(config.sms.routing.routes.fallback).toEqual(["kannel"]);
    const dir = mkdtempSync(join(tmpdir(), "handset-kannel-conf-"));
    try {
      const file = join(dir, "password");
      writeFileSync(file, "from-file\n");
      const fromFile = loadConfig({ ...base, HANDSET_KANNEL_PASSWORD_FILE: file });
      expect(fromFile.sms.routing.providers).toHaveLength(1);
      writeFileSync(file, "");
      expect(problem({ ...base, HANDSET_KANNEL_PASSWORD_FILE: file })).toContain(
        "HANDSET_KANNEL_PASSWORD_FILE: the file is empty",
      );
      expect(problem({ ...base, HANDSET_KANNEL_PASSWORD_FILE: join(dir, "absent") })).toContain(
        "HANDSET_KANNEL_PASSWORD_FILE: cannot read the file (ENOENT)",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(loadConfig({}).sms.routing.providers).toEqual([]);
  });

  it("asks for delivered, undelivered and SMSC reject by default, or the dlr-mask configured", async () => {
    const received: URLSearchParams[] = [];
    const server = createServer((request, response) => {
      received.push(new URL(request.url ?? "/", "http://x").searchParams);
      response.writeHead(202).end("0: Accepted for delivery");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const sendsmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/sendsms`;
      const env = { ...base, HANDSET_KANNEL_SENDSMS_URL: sendsmsUrl, HANDSET_KANNEL_PASSWORD: "pw" };
      for (const extra of [{}, { HANDSET_KANNEL_DLR_MASK: "3" }, { HANDSET_KANNEL_DLR_MASK: "0" }]) {
        const [configured] = loadConfig({ ...env, ...extra }).sms.routing.providers;
        await (await configured?.configured.create(testProviderContext("kannel")))?.send(message);
      }
      expect(received.map((query) => query.get("dlr-mask"))).toEqual(["19", "3", null]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    for (const mask of ["8", "12", "32", "-1", "x"])
      expect(problem({ ...base, HANDSET_KANNEL_PASSWORD: "a", HANDSET_KANNEL_DLR_MASK: mask })).toContain(
        "HANDSET_KANNEL_DLR_MASK",
      );
  });

  it("names each missing or bad setting", () => {
    const missing = problem({ HANDSET_SMS_PROVIDER: "kannel" });
    expect(missing).toContain("HANDSET_KANNEL_SENDSMS_URL");
    expect(missing).toContain("HANDSET_KANNEL_USERNAME");
    expect(missing).toContain("HANDSET_KANNEL_PASSWORD");
    expect(problem({ ...base, HANDSET_KANNEL_PASSWORD: "a", HANDSET_KANNEL_PASSWORD_FILE: "/x" })).toContain(
      "not both",
    );
    expect(
      problem({ ...base, HANDSET_KANNEL_SENDSMS_URL: "not a url", HANDSET_KANNEL_PASSWORD: "a" }),
    ).toContain("HANDSET_KANNEL_SENDSMS_URL");
    expect(
      problem({ ...base, HANDSET_KANNEL_PASSWORD: "a", HANDSET_KANNEL_FROM: "A sender far too long" }),
    ).toContain("HANDSET_KANNEL_FROM");
    expect(problem({ ...base, HANDSET_KANNEL_PASSWORD: "a", HANDSET_KANNEL_TIMEOUT_MS: "60000" })).toContain(
      "HANDSET_KANNEL_TIMEOUT_MS: must be shorter than HANDSET_DISPATCH_LEASE_MS / 2",
    );
    expect(problem({ ...base, HANDSET_KANNEL_PASSWORD: "a", HANDSET_KANNEL_PASWORD: "typo" })).toContain(
      "HANDSET_KANNEL_PASWORD: not a setting of this provider type",
    );
  });
});
