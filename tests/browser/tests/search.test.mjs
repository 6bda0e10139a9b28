// Search over the sample site: the expected first result for each query, filters, no hits.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch } from "../lib.mjs";

let server, browser, page;
before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function search(query) {
  await page.goto(`${server.url}/sok/?${query}`);
  await page.waitForFunction(() => /treff/.test(document.getElementById("sok-melding").textContent), null, { timeout: 10000 });
  return page.evaluate(() => ({
    status: document.getElementById("sok-melding").textContent,
    results: [...document.querySelectorAll("#sok-resultater .result")].map((li) => ({
      href: li.querySelector("a").getAttribute("href"),
      title: li.querySelector("a").textContent,
      text: li.textContent,
    })),
  }));
}

const FIRST = [
  ["q=kontorrekvisita", "/rammeavtaler/kontorrekvisita/", "a product word"],
  ["q=m%C3%B8bler", "/rammeavtaler/kontormobler/", "a word with ø"],
  ["q=m%C3%B8blene", "/rammeavtaler/kontormobler/", "an inflected form (møblene finds møbler)"],
  ["q=avtalene", "/rammeavtaler/tolketjenester-regional/", "an inflected form (the page says avtale and avtalen, never avtalene)"],
  ["q=avtaler%20om%20renhold", "/rammeavtaler/renhold-formalsbygg/", "a phrase"],
  ["q=br%C3%B8yting", "/rammeavtaler/broyting-og-stroing/", "a word with ø in a title"],
  ["q=Numedal%20Kontorservice", "/leverandorer/numedal-kontorservice/", "a supplier name"],
  ["q=bedriftshelsetjeneste", "/rammeavtaler/bedriftshelsetjeneste/", "an agreement before its re-tender"],
  ["q=korrupsjon", "/etiske-krav/antikorrupsjon/", "an ethical requirement"],
  ["q=faktura", "/fakturering/", "a free page"],
  ["q=l%C3%B8nns-%20og%20arbeidsvilk%C3%A5r", "/etiske-krav/lonns-og-arbeidsvilkar/", "words with å"],
  ["q=kontorrekvisita&kommune=flesberg", "/rammeavtaler/kontorrekvisita/", "a municipality filter keeps `alle` agreements"],
];

for (const [query, first, why] of FIRST) {
  test(`${decodeURIComponent(query)} finds ${first} first (${why})`, async () => {
    const { results } = await search(query);
    assert.ok(results.length > 0, "no results");
    assert.equal(results[0].href, first);
  });
}

test("a municipality filter drops agreements for other municipalities", async () => {
  const all = await search("q=vikartjenester");
  assert.ok(all.results.some((r) => r.href === "/rammeavtaler/vikartjenester-helse/"));
  const flesberg = await search("q=vikartjenester&kommune=flesberg");
  assert.ok(!flesberg.results.some((r) => r.href === "/rammeavtaler/vikartjenester-helse/"));
});

test("results show the summary and the status in words", async () => {
  const { results } = await search("q=kontorrekvisita");
  assert.match(results[0].text, /Aktiv/);
  assert.match(results[0].text, /Rammeavtale/);
  assert.match(results[0].text, /kopipapir/);
});

test("a query with no hits says so and offers the lists", async () => {
  const { status, results } = await search("q=xyzzyq");
  assert.equal(results.length, 0);
  assert.match(status, /Ingen treff for «xyzzyq»/);
  assert.equal(await page.isVisible("#sok-ingen a[href='/rammeavtaler/']"), true);
});

test("filters show counts and the query stays in the URL as one types", async () => {
  await search("q=renhold");
  // The counts follow the results (they need every filter of the index).
  await page.waitForFunction(() => /\(\d+\)/.test(document.querySelector("#filter-kommune option[value='flesberg']").textContent));
  const option = await page.textContent("#filter-kommune option[value='flesberg']");
  assert.match(option, /Flesberg.*\(\d+\)/);
  await page.fill("#sok-q", "møbler");
  await page.waitForFunction(() => /møbler/.test(document.getElementById("sok-melding").textContent));
  assert.match(page.url(), /\?q=m%C3%B8bler$/);
  await page.selectOption("#filter-type", "rammeavtale");
  await page.waitForFunction(() => location.search.includes("type=rammeavtale"));
  // The list follows once the filtered search has answered.
  await page.waitForFunction(() => {
    const hrefs = [...document.querySelectorAll("#sok-resultater .result a")].map((a) => a.getAttribute("href"));
    return hrefs.length > 0 && hrefs.every((h) => h.startsWith("/rammeavtaler/"));
  });
});

test("the result count is announced politely", async () => {
  await search("q=renhold");
  assert.equal(await page.getAttribute("#sok-melding", "aria-live"), "polite");
});

test("the first ten results show at once; more follow on request, with focus on the first new one", async () => {
  const { status, results } = await search("q=kommune");
  const total = Number(status.match(/^(\d+) treff/)?.[1]);
  assert.ok(total > 10, `a common word has more than ten hits (${status})`);
  assert.equal(results.length, 10);
  assert.match(status, /viser de 10 beste først/);
  await page.click("#sok-flere");
  await page.waitForFunction(() => document.querySelectorAll("#sok-resultater .result").length > 10);
  const focused = await page.evaluate(() => document.activeElement.closest(".result") === document.querySelectorAll("#sok-resultater .result")[10]);
  assert.ok(focused, "focus moves to the eleventh result");
});

test("the index comes in parts, and the search page merges every one of them", async () => {
  const parts = await (await fetch(`${server.url}/pagefind/deler.json`)).json();
  assert.ok(parts.deler.length >= 2, "the sample site's index is split in parts");
  assert.equal(parts.deler[0].mappe, "pagefind/");
  let pages = 0;
  for (const part of parts.deler) {
    const entry = await (await fetch(`${server.url}/${part.mappe}pagefind-entry.json`)).json();
    const count = entry.languages.nb.page_count;
    assert.ok(count > 0, `${part.mappe} holds pages`);
    pages += count;
  }
  // The counts by type on the empty search page come from the merged index: they add up to every part's pages.
  await page.goto(`${server.url}/sok/`);
  // The counts load when a filter is first used (or after the first results).
  await page.waitForFunction(() => /Skriv et søkeord/.test(document.getElementById("sok-melding").textContent));
  await page.focus("#filter-type");
  await page.waitForFunction(() => /\(\d+\)/.test(document.querySelector("#filter-type option[value='rammeavtale']").textContent));
  const counted = await page.evaluate(() =>
    [...document.querySelectorAll("#filter-type option[value]")]
      .map((o) => Number(o.textContent.match(/\((\d+)\)/)?.[1] ?? 0))
      .reduce((a, b) => a + b, 0),
  );
  assert.equal(counted, pages);
});
