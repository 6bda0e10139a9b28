// Search budgets in headless Chromium: the bytes fetched for the first query (scripts, wasm,
// index chunks) and the time from a keypress to the results, on a built site (SITE_DIR).
// Run by `cargo bench --bench build` when Chromium is there, or by hand:
//   SITE_DIR=/path/to/public node bench-search.mjs [query ...]
import { serve, launch } from "./lib.mjs";

const queries = process.argv.slice(2).length ? process.argv.slice(2) : ["kontorrekvisita", "renhold", "møbler", "avtale"];
const server = await serve();
const browser = await launch();
const results = [];
try {
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Bytes of the search itself: Pagefind's script, worker, wasm, entry, filters, index and
    // fragment chunks, and our search.js (requests of the page and of its worker).
    // Each finished request with the time it finished: what counts is what the browser had
    // fetched when the results showed (the filter counts load after them).
    const finished = [];
    context.on("requestfinished", async (request) => {
      const at = Date.now();
      const url = request.url();
      if (url.includes("/pagefind/") || url.endsWith("/assets/search.js")) {
        const sizes = await request.sizes().catch(() => null);
        if (sizes) finished.push({ at, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
      }
    });
    await page.goto(`${server.url}/sok/`);
    await page.waitForFunction(() => /Skriv et søkeord/.test(document.getElementById("sok-melding").textContent));
    await page.focus("#sok-q");
    await page.evaluate((query) => {
      window.__done = new Promise((resolve) => {
        const list = document.getElementById("sok-resultater");
        const status = document.getElementById("sok-melding");
        document.getElementById("sok-q").addEventListener("keydown", () => { window.__start = performance.now(); });
        new MutationObserver(() => {
          if (status.textContent.includes("«" + query + "»")) resolve(performance.now() - window.__start);
        }).observe(status, { childList: true, characterData: true, subtree: true });
        void list;
      });
    }, query);
    await page.keyboard.type(query, { delay: 0 });
    const firstResult = await page.evaluate(() => window.__done);
    const shownAt = Date.now();
    await page.waitForTimeout(300);
    const firstQueryBytes = finished.filter((f) => f.at <= shownAt).reduce((sum, f) => sum + f.bytes, 0);
    // A second query, index warm: keypress to results.
    await page.fill("#sok-q", "");
    await page.evaluate((part) => {
      window.__done2 = new Promise((resolve) => {
        const status = document.getElementById("sok-melding");
        document.getElementById("sok-q").addEventListener("keydown", () => { window.__start2 = performance.now(); });
        new MutationObserver(() => {
          if (status.textContent.includes("«" + part + "»")) resolve(performance.now() - window.__start2);
        }).observe(status, { childList: true, characterData: true, subtree: true });
      });
    }, query.slice(0, 4));
    await page.keyboard.type(query.slice(0, 4), { delay: 0 });
    const warm = await page.evaluate(() => window.__done2);
    results.push({ query, firstQueryKB: Math.round(firstQueryBytes / 1024), firstResultMs: Math.round(firstResult), warmMs: Math.round(warm) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(results));
