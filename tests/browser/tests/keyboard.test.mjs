// Keyboard alone: from the top of a page to the search field, type, tab to a result, open it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch } from "../lib.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, tag: el.tagName, href: el.getAttribute("href"), text: el.textContent.trim() };
  });
}

test("the first Tab reaches the skip link, and it moves focus to the content", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/rammeavtaler/`);
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).href, "#innhold");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => location.hash), "#innhold");
  await page.close();
});

test("search by keyboard: header field, type, Enter, tab to a result, open it", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  let f;
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    f = await focused(page);
    if (f.id === "topp-sok") break;
  }
  assert.equal(f.id, "topp-sok", "the header search field is reachable by Tab");
  await page.keyboard.type("kontorrekvisita");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/sok\/\?q=kontorrekvisita/);
  await page.waitForSelector("#sok-resultater .result a");
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    f = await focused(page);
    if (f.href && f.href.startsWith("/rammeavtaler/")) break;
  }
  assert.equal(f.href, "/rammeavtaler/kontorrekvisita/", "a result is reachable by Tab");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/rammeavtaler\/kontorrekvisita\/$/);
  assert.match(await page.textContent("h1"), /Kontorrekvisita/);
  await page.close();
});

test("typing in the search page keeps focus in the field", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/sok/`);
  await page.focus("#sok-q");
  await page.keyboard.type("renhold", { delay: 20 });
  await page.waitForSelector("#sok-resultater .result");
  assert.equal((await focused(page)).id, "sok-q");
  await page.close();
});

test("a result keeps focus when the filter counts load after the results", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/sok/?q=kontorrekvisita`);
  await page.waitForSelector("#sok-resultater .result a");
  await page.focus("#sok-resultater .result a");
  const first = (await focused(page)).href;
  // The counts load a second after the results stand.
  await page.waitForFunction(() => /\(\d+\)/.test(document.querySelector("#sok select option:nth-child(2)").textContent));
  assert.equal((await focused(page)).href, first, "focus stays on the result");
  await page.keyboard.press("Tab");
  assert.notEqual((await focused(page)).tag, "BODY", "Tab goes on from the result");
  await page.close();
});
