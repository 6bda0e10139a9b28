// Search budgets in headless Chromium, on a built site (SITE_DIR): the bytes fetched for the
// first query (scripts, wasm, index chunks, the shown results) and the time from a keypress to
// the results. Run by `cargo bench --bench build` when Chromium is there, or by hand:
//   SITE_DIR=/path/to/public node bench-search.mjs [query ...]
//
// Each word goes twice into a freshly loaded search page:
// - pasted (one input event): what the first query fetches, and its time;
// - as a person types, one key every TYPING ms: the time from the last keypress to the results
//   for this first word ("cold": its index chunks are fetched as it is typed), then for the next
//   word of the list typed the same way on the same page ("warm": Pagefind is loaded), and what
//   typing the first word fetched in all (each prefix is searched as it is typed).
import { serve, launch } from "./lib.mjs";

const TYPING = 120; // ms between keys: a fast typist, about 100 words a minute
const queries = process.argv.slice(2).length ? process.argv.slice(2) : ["kontorrekvisita", "renhold", "møbler", "avtale"];
const server = await serve();
const browser = await launch();
const results = [];

// Opens the search page in a fresh browser context; counts the bytes of the search itself
// (Pagefind's script, worker, wasm, entry, filter, index and fragment files, and our search.js),
// each with the time its request finished.
async function searchPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
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
  const bytesUntil = (at) => finished.filter((f) => f.at <= at).reduce((sum, f) => sum + f.bytes, 0);
  return { context, page, bytesUntil };
}

// Empties the field, then enters `query` with `enter`; resolves to the ms from the last
// keydown (or the paste) until the results for it are announced.
async function timed(page, query, enter) {
  await page.fill("#sok-q", "");
  await page.waitForTimeout(100);
  await page.evaluate((query) => {
    window.__done = new Promise((resolve) => {
      const status = document.getElementById("sok-melding");
      const onKey = () => { window.__start = performance.now(); };
      document.getElementById("sok-q").addEventListener("keydown", onKey);
      const seen = new MutationObserver(() => {
        if (status.textContent.includes("«" + query + "»")) {
          seen.disconnect();
          document.getElementById("sok-q").removeEventListener("keydown", onKey);
          resolve(performance.now() - window.__start);
        }
      });
      seen.observe(status, { childList: true, characterData: true, subtree: true });
    });
  }, query);
  await enter();
  return page.evaluate(() => window.__done);
}

// A person typing, one key every TYPING ms.
const type = (page, query) => timed(page, query, () => page.keyboard.type(query, { delay: TYPING }));

// A paste: one input event.
const paste = (page, query) =>
  timed(page, query, () =>
    page.evaluate((query) => {
      window.__start = performance.now();
      document.execCommand("insertText", false, query);
    }, query),
  );

try {
  for (const [i, query] of queries.entries()) {
    const pasted = await searchPage();
    const pastedMs = await paste(pasted.page, query);
    const shownAt = Date.now();
    await pasted.page.waitForTimeout(300);
    const firstQueryKB = Math.round(pasted.bytesUntil(shownAt) / 1024);
    await pasted.context.close();

    const typed = await searchPage();
    const typedMs = await type(typed.page, query);
    const typedAt = Date.now();
    await typed.page.waitForTimeout(300);
    const typedKB = Math.round(typed.bytesUntil(typedAt) / 1024);
    const warmMs = await type(typed.page, queries[(i + 1) % queries.length]);
    await typed.context.close();

    results.push({ query, firstQueryKB, pastedMs: Math.round(pastedMs), typedKB, typedMs: Math.round(typedMs), warmMs: Math.round(warmMs) });
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(results));
