import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/domain/clock.js";
import { systemCaller } from "../../src/services/caller.js";
import { mobileNumber } from "../support/harness.js";
import { type ListeningApp, requestCode, startListeningApp, verifyCode } from "../support/listening-app.js";
import { hasChromium, launchChromium, screenshot } from "./browser.js";

if (!hasChromium)
  console.warn(
    "Skipping the console's browser tests: /usr/bin/chromium is missing (apt-get install chromium).",
  );

/**
 * The operator's console in a real browser (Debian's Chromium driven by playwright-core), against the
 * real app listening on 127.0.0.1: sign in, charts with data, each page, CSRF refusal, sign-out, and
 * a screenshot of every page under test-output/console/.
 */
describe.skipIf(!hasChromium)("the console in Chromium", () => {
  let app: ListeningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** The first user's number, verified, and the message that carried its code. */
  let first: { number: string; userId: string; messageId: string; token: string };
  /** A message the test marks failed, for the failures page. */
  let failedId: string;

  beforeAll(async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
    app = await startListeningApp({ HANDSET_CONVERSION_GUARD: "off" }, clock);
    // Traffic for the charts: three codes sent, one verified.
    const number = mobileNumber();
    const verified = await requestCode(app, number);
    expect(await verifyCode(app, verified, verified.expectedCode)).toBe("verified");
    const { userId } = await app.t.handset.phoneNumbers.get(systemCaller("default"), verified.phoneNumberId);
    first = { number, userId, messageId: verified.queued.id, token: verified.token };
    await requestCode(app, mobileNumber());
    const third = await requestCode(app, mobileNumber());
    failedId = third.queued.id;
    await app.messageWith(failedId, "sent");
    // As if the provider had given up on it.
    await app.t.store.db
      .updateTable("outbox")
      .set({ status: "failed", failed_at: clock.now(), last_error: "provider refused the number" })
      .where("id", "=", failedId)
      .execute();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("sends a visitor without a session to the sign-in page, and refuses a wrong key", async () => {
    await page.goto(`${app.url}/console/overview`);
    expect(new URL(page.url()).pathname).toBe("/console/sign-in");
    expect(await page.title()).toBe("Sign in · Handset console");
    await page.getByLabel("Admin key").fill("hsk_not-a-key");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("not a valid admin key");
    await screenshot(page, "sign-in");
  });

  it("signs in with an admin key into a session cookie that is HttpOnly, Secure and SameSite=Strict", async () => {
    await page.getByLabel("Admin key").fill(app.t.adminKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/console\/overview$/);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "handset_console");
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/console" });
    // The cookie is only the token: the key itself is nowhere in the browser.
    expect(JSON.stringify(cookies)).not.toContain(app.t.adminKey);
  });

  it("shows the overview with charts that have data", async () => {
    expect(await page.title()).toBe("Overview · Handset console");
    await page.waitForFunction(() => {
      const chart = (globalThis as unknown as { Chart?: { getChart(id: string): unknown } }).Chart;
      return chart?.getChart("chart-by-provider") !== undefined;
    });
    const points = await page.evaluate(() => {
      type ChartLike = { data: { datasets: { label: string; data: (number | null)[] }[] } };
      const chart = (globalThis as unknown as { Chart: { getChart(id: string): ChartLike | undefined } })
        .Chart;
      const sum = (id: string, label: string) =>
        (chart.getChart(id)?.data.datasets.find((d) => d.label === label)?.data ?? []).reduce<number>(
          (n, v) => n + (v ?? 0),
          0,
        );
      return {
        sentOverTime: sum("chart-over-time", "SMS sent"),
        verifiedOverTime: sum("chart-over-time", "Verified"),
        sentToFrance: sum("chart-by-country", "SMS sent"),
      };
    });
    expect(points).toEqual({ sentOverTime: 3, verifiedOverTime: 1, sentToFrance: 3 });
    await expect(page.locator("#country-table tbody tr").first().textContent()).resolves.toContain("FR");
    await screenshot(page, "overview");
  });

  it("finds a number: who holds it, its verification and the message with its delivery status", async () => {
    await page.getByRole("link", { name: "Search" }).click();
    expect(await page.title()).toBe("Search · Handset console");
    await page.getByLabel("Phone number or user id").fill(first.number);
    await page.getByLabel("Phone number or user id").press("Enter");
    await page.waitForURL(/\/console\/search\?q=/);
    const held = page.getByRole("table", { name: "Held by" });
    await expect(held.textContent()).resolves.toContain(first.userId);
    const messages = page.getByRole("table", { name: "Messages to this number, newest first" });
    const row = messages.getByRole("row").filter({ hasText: first.messageId });
    await expect(row.textContent()).resolves.toMatch(/sent|delivered/);
    await expect(
      page.getByRole("table", { name: "Verifications, newest first" }).textContent(),
    ).resolves.toContain("verified");
    await screenshot(page, "search-number");
  });

  it("finds a user by id: their numbers and messages", async () => {
    await page.getByRole("link", { name: first.userId }).first().click();
    await page.waitForURL(/\/console\/search\?q=/);
    await expect(page.getByRole("heading", { level: 2 }).first().textContent()).resolves.toContain(
      first.userId,
    );
    await expect(
      page.getByRole("table", { name: "The user's numbers", exact: true }).textContent(),
    ).resolves.toContain(first.number);
    await screenshot(page, "search-user");
    await page.getByLabel("Phone number or user id").fill("+1 not a number");
    await page.getByLabel("Phone number or user id").press("Enter");
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/number/i);
  });

  it("lists the delivery failures", async () => {
    await page.getByRole("link", { name: "Delivery failures" }).click();
    const rows = page.getByRole("table", { name: "Failed and undelivered messages" }).getByRole("row");
    await expect(rows.filter({ hasText: failedId }).textContent()).resolves.toContain(
      "provider refused the number",
    );
    expect(await rows.count()).toBe(2);
    await screenshot(page, "failures");
  });

  it("reads the event log, filtered by type", async () => {
    await page.getByRole("link", { name: "Event log" }).click();
    expect(await page.title()).toBe("Event log · Handset console");
    await page.getByLabel("Type").fill("phone_number.verified");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/type=phone_number.verified/);
    const rows = page.getByRole("table", { name: "Every change, newest first" }).locator("tbody tr");
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain(first.userId);
    await page.getByLabel("Type").fill("");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/\/console\/events\?/);
    expect(await rows.count()).toBeGreaterThan(5);
    await screenshot(page, "events");
  });

  it("revokes a user token after a confirm step: marked revoked, and a request with it refused", async () => {
    expect((await app.call("GET", "/v1/me/phone-numbers", { token: first.token })).status).toBe(200);
    await page.getByRole("link", { name: "Keys and tokens" }).click();
    expect(await page.title()).toBe("Keys and tokens · Handset console");
    await page.getByLabel("User id").fill(first.userId);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/user=/);
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBe(1);
    await screenshot(page, "keys");
    await rows.first().getByRole("link").click();
    await page.getByRole("link", { name: "Revoke…" }).click();
    expect(await page.title()).toMatch(/^Revoke .*\?/);
    await screenshot(page, "key-revoke-confirm");
    await page.getByRole("button", { name: "Revoke user token" }).click();
    await page.waitForURL(/revoked=1/);
    await expect(page.getByRole("status").textContent()).resolves.toContain("Revoked");
    await expect(page.locator("dl.facts").textContent()).resolves.toContain("revoked");
    await screenshot(page, "key-revoked");
    expect((await app.call("GET", "/v1/me/phone-numbers", { token: first.token })).status).toBe(401);
  });

  it("answers the charts' figures as JSON under the same session", async () => {
    const answer = await page.request.get(`${app.url}/console/api/stats?range=30d`);
    expect(answer.status()).toBe(200);
    const body = await answer.json();
    expect(body.range).toBe("30d");
    expect(body.by_country).toEqual([
      { region: "FR", sends: 3, verifications_started: 3, verified: 1, conversion: 1 / 3 },
    ]);
  });

  it("shows and edits the tenant's settings; bad input changes nothing", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    expect(await page.title()).toBe("Tenant settings · Handset console");
    await page.getByLabel("Denied regions").fill("RU, KP");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toContain("regions.denied");
    expect(
      (await app.t.handset.settings.get(systemCaller(app.t.config.defaultTenant))).regions.denied,
    ).toEqual(["RU", "KP"]);
    await page.getByLabel("Denied regions").fill("XX");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("regions.denied");
    expect(
      (await app.t.handset.settings.get(systemCaller(app.t.config.defaultTenant))).regions.denied,
    ).toEqual(["RU", "KP"]);
    await screenshot(page, "settings");
  });

  it("refuses a POST without the session's CSRF token with 403, and changes nothing", async () => {
    const answer = await page.request.post(`${app.url}/console/settings`, {
      form: { regions_denied: "" },
      headers: { origin: app.url },
    });
    expect(answer.status()).toBe(403);
    expect(await answer.text()).toContain("Nothing was changed");
    const foreign = await page.request.post(`${app.url}/console/sign-out`, {
      form: { _csrf: "x" },
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status()).toBe(403);
    expect(
      (await app.t.handset.settings.get(systemCaller(app.t.config.defaultTenant))).regions.denied,
    ).toEqual(["RU", "KP"]);
  });

  it("reads at 390 px wide", async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${app.url}/console/overview`);
    await screenshot(phone, "overview-390px");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it("signs out: the session row is gone and the old cookie no longer works", async () => {
    const before = (await context.cookies()).find((c) => c.name === "handset_console")?.value;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/console\/sign-in$/);
    const rows = await app.t.store.db.selectFrom("console_sessions").select("id").execute();
    expect(rows).toEqual([]);
    const replay = await fetch(`${app.url}/console/overview`, {
      headers: { cookie: `handset_console=${before}` },
      redirect: "manual",
    });
    expect(replay.status).toBe(303);
    expect(replay.headers.get("location")).toBe("/console/sign-in");
  });
});
