// Without JavaScript every page type still shows its content and navigation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, PAGE_TYPES } from "../lib.mjs";

let server, browser, context;
before(async () => {
  server = await serve();
  browser = await launch();
  context = await browser.newContext({ javaScriptEnabled: false });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [kind, path] of Object.entries(PAGE_TYPES)) {
  test(`without JavaScript: ${kind} shows content and navigation`, async () => {
    const page = await context.newPage();
    await page.goto(server.url + path);
    assert.ok((await page.textContent("h1")).trim().length > 0, "a heading");
    assert.ok((await page.textContent("main")).trim().length > 40, "content in main");
    assert.equal(await page.isVisible("nav.main-nav a[href='/rammeavtaler/']"), true, "the main menu");
    await page.close();
  });
}

test("without JavaScript the search page says so and links to the lists", async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/sok/?q=renhold`);
  assert.match(await page.textContent("main"), /Søket trenger JavaScript/);
  assert.equal(await page.isVisible("main a[href='/rammeavtaler/']"), true);
  await page.close();
});

test("without JavaScript the filter links of the agreement list work", async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/rammeavtaler/`);
  await page.click(".filters a[href='/rammeavtaler/status/utloper_snart/']");
  await page.waitForURL(/status\/utloper_snart\/$/);
  const badges = await page.$$eval("main .cards .status", (s) => s.map((b) => b.textContent));
  assert.ok(badges.length > 0 && badges.every((b) => b === "Utløper snart"));
  await page.close();
});
