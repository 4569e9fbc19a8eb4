import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/harness.js";

/** Debian's Chromium: Playwright's own browser downloads cannot be fetched here. */
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = resolve(import.meta.dirname, "../../test-output/dev-inbox");

if (!existsSync(CHROMIUM)) {
  console.warn(`${CHROMIUM} is missing: the development inbox's browser test is skipped`);
}

describe.skipIf(!existsSync(CHROMIUM))("the development inbox in a real browser", () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ runDispatcher: false });
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows a message as it is delivered, without a reload, at 390 px, with nothing refused by its policy", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    let loads = 0;
    page.on("load", () => {
      loads += 1;
    });

    await page.goto(`${base}/dev/inbox`);
    await page.getByText("Live: new messages appear here", { exact: false }).waitFor();
    expect(await page.locator("#empty").count()).toBe(1);

    await t.inbox?.send({
      id: "msg_browser_1",
      tenantId: "default",
      to: "+447400123456",
      body: "Your Handset code is 482913. <b>not bold</b>",
      code: "482913",
      verificationId: "vf_browser_1",
      createdAt: t.clock.now(),
      encoding: "gsm7",
      segments: 1,
    });
    const row = page.locator('tr[data-id="msg_browser_1"]');
    await row.waitFor();
    expect(await row.locator(".code span").textContent()).toBe("482913");
    expect(await row.locator('td[data-label="Message"]').textContent()).toContain("<b>not bold</b>");
    expect(await page.locator("#empty").count()).toBe(0);
    expect(loads).toBe(1);

    // Nothing wider than the phone: the table turns into one card per message.
    // A string, evaluated in the page: the test is compiled without the DOM's types.
    const width = await page.evaluate("document.documentElement.scrollWidth");
    expect(width).toBeLessThanOrEqual(390);

    await row.getByRole("button", { name: "Copy" }).click();
    await row.getByRole("button", { name: "Copied" }).waitFor();

    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, "inbox-390.png");
    await page.screenshot({ path, fullPage: true });
    console.log(`screenshot: ${path}`);

    await page.getByRole("button", { name: "Clear the inbox" }).click();
    await page.locator("#empty").waitFor();
    expect(t.inbox?.list()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("titles the API docs page Handset API, and its examples are realistic", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/docs`, { waitUntil: "domcontentloaded" });
    expect(await page.title()).toBe("Handset API");
    // The docs page renders a response example from the schema, as a reader sees it.
    const operation = page.locator('[id$="-getUser"]').first();
    await operation.locator(".opblock-summary").click({ timeout: 30_000 });
    const example = await operation.locator(".responses-wrapper .microlight").first().textContent();
    expect(example).toContain('"created_at": "2026-12-01T17:04:00.000Z"');
    expect(example).not.toMatch(/2929|9007199254740991/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "docs-get-user.png"), fullPage: false });
    await page.close();
  }, 60_000);
});
