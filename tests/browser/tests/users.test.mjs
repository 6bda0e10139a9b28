// The tasks of the site's users, at 1280 px and on a 390 px phone: the open tender first in
// view, filters that keep what they name without JavaScript, a subscription address that can
// be copied, the notice on an agreement that no longer applies, a feed that reads as a page,
// labels that are never broken inside a word.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, SITE_DIR } from "../lib.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const WIDTHS = [
  [1280, 900],
  [390, 844],
];

async function open(path, [width, height], javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(server.url + path);
  return { page, context };
}

/** Whether the element's top is inside the first screenful. */
async function inFirstView(page, selector) {
  return page.$eval(selector, (el) => el.getBoundingClientRect().top < window.innerHeight);
}

for (const size of WIDTHS) {
  test(`an open tender is the first thing in view on the tender list at ${size[0]} px`, async () => {
    const { page, context } = await open("/planlagte-innkjop/", size);
    const first = "#s-ute + ul .card";
    assert.ok(await page.$(first), "the sample has a tender out now");
    assert.ok(await inFirstView(page, first), "the first open tender is above the fold");
    await context.close();
  });

  test(`a filter keeps only what it names, without JavaScript, at ${size[0]} px`, async () => {
    const { page, context } = await open("/planlagte-innkjop/", size, false);
    await page.click('a[href$="/planlagte-innkjop/status/kunngjort/"]');
    await page.waitForURL(/status\/kunngjort\/$/);
    const badges = await page.$$eval("main .card .status", (els) => els.map((e) => e.textContent.trim()));
    assert.ok(badges.length > 0);
    assert.deepEqual([...new Set(badges)], ["Kunngjort"]);
    await context.close();
  });

  test(`a municipality's page opens with what is in force there, at ${size[0]} px`, async () => {
    const { page, context } = await open("/kommuner/flesberg/", size, false);
    assert.ok(await inFirstView(page, "#s-avtaler"), "the agreements in force start in the first view");
    const ended = await page.$eval("main details > summary", (s) => s.textContent);
    assert.match(ended, /^Utløpte og avsluttede \(\d+\)$/);
    assert.equal(await page.$eval("main details", (d) => d.open), false, "the ended ones are folded");
    await page.click('a[href$="/kommuner/flesberg/status/aktiv/"]');
    const badges = await page.$$eval("main .card .status", (els) => els.map((e) => e.textContent.trim()));
    assert.ok(badges.length > 0);
    assert.deepEqual([...new Set(badges)], ["Aktiv"]);
    await context.close();
  });
}

test("the calendar address can be copied and opened as a subscription", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  await page.goto(server.url + "/planlagte-innkjop/varsler/");
  const field = page.locator("#adresse-kalender");
  const address = await field.inputValue();
  assert.match(address, /^https?:\/\/.+\/kalender\.ics$/);
  assert.equal(await field.getAttribute("readonly"), "");
  await field.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+C");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
  const webcal = await page.getAttribute('a[href^="webcal://"]', "href");
  assert.equal(webcal, address.replace(/^https?:/, "webcal:"));
  await context.close();
});

test("an agreement that no longer applies says so before anything else", async () => {
  const dir = path.join(SITE_DIR, "rammeavtaler");
  const ended = fs
    .readdirSync(dir)
    .sort()
    // Filter pages (status/, avrop/) are folders of pages, not an agreement's page.
    .filter((d) => fs.existsSync(path.join(dir, d, "index.html")))
    .find((d) => fs.readFileSync(path.join(dir, d, "index.html"), "utf8").includes("notice-ended"));
  assert.ok(ended, "the sample has an agreement that has ended");
  for (const size of WIDTHS) {
    const { page, context } = await open(`/rammeavtaler/${ended}/`, size);
    const notice = page.locator(".notice-ended");
    assert.match(await notice.innerText(), /^Avtalen gjelder ikke lenger\./);
    assert.ok(await inFirstView(page, ".notice-ended"));
    assert.equal(await page.locator("dt", { hasText: "Gjelder nå til" }).count(), 0);
    await context.close();
  }
});

test("a feed opened in the browser reads as a page", async () => {
  const { page, context } = await open("/planlagte-innkjop/atom.xml", WIDTHS[0]);
  const shown = await page.evaluate(() => {
    const entry = document.getElementsByTagName("entry")[0];
    const feed = document.documentElement;
    return {
      entry: entry && getComputedStyle(entry).display,
      note: getComputedStyle(feed, "::before").content,
      hidden: getComputedStyle(document.getElementsByTagName("id")[0]).display,
    };
  });
  assert.equal(shown.entry, "block");
  assert.match(shown.note, /nyhetsstrøm/);
  assert.equal(shown.hidden, "none");
  await context.close();
});

test("a supplier's labels are never broken inside a word at 1280 px", async () => {
  const dir = path.join(SITE_DIR, "leverandorer");
  const first = fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort()[0];
  const { page, context } = await open(`/leverandorer/${first}/`, WIDTHS[0]);
  const lines = await page.$$eval(".facts-wide dt", (dts) =>
    dts.map((dt) => {
      const range = document.createRange();
      range.selectNodeContents(dt);
      return [dt.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
    }),
  );
  assert.ok(lines.length > 0);
  for (const [label, count] of lines) assert.equal(count, 1, `"${label}" wraps`);
  await context.close();
});

test("search forgives everyday words and shows each result's period, deadline or supplier", async () => {
  const { page, context } = await open("/sok/?q=vask", WIDTHS[0]);
  await page.waitForSelector("#sok-resultater .result");
  assert.match(await page.textContent("#sok-melding"), /for «renhold» \(du skrev «vask»\)/);
  const titles = await page.$$eval("#sok-resultater .result-title", (els) => els.map((e) => e.textContent));
  assert.ok(titles.some((t) => /renhold/i.test(t)), titles.join(" | "));
  const metas = await page.$$eval("#sok-resultater .card-meta", (els) => els.map((e) => e.textContent));
  assert.ok(metas.some((m) => /Rammeavtale · .+–.+ · \S/.test(m)), "an agreement shows its period and supplier");
  // The status filter groups its values by kind: no course status among the agreements'.
  const groups = await page.$$eval("#filter-status optgroup", (gs) =>
    gs.map((g) => [g.label, [...g.querySelectorAll("option")].map((o) => o.getAttribute("data-label"))]),
  );
  assert.deepEqual(groups.map((g) => g[0]), ["Rammeavtaler", "Planlagte innkjøp", "Kurs"]);
  assert.ok(!groups[0][1].includes("Holdt"));
  await context.close();
});

test("on a phone the search filters fold away so the first result is in view", async () => {
  const { page, context } = await open("/sok/?q=kommune", WIDTHS[1]);
  await page.waitForSelector("#sok-resultater .result");
  assert.equal(await page.$eval(".filter-fold", (d) => d.open), false);
  assert.ok(await inFirstView(page, "#sok-resultater .result"), "the first result is above the fold");
  await page.click(".filter-fold > summary");
  assert.ok(await page.isVisible("#filter-kommune"), "one tap shows the filters");
  await context.close();
});
