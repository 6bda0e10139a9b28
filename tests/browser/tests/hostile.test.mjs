// Hostile text in titles, summaries and bodies never runs: not on the page, not in search.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { launch } from "../lib.mjs";

const ROOT = process.env.HOSTILE_SITE_DIR;
let server, url, browser;

before(async () => {
  if (!ROOT || !fs.existsSync(path.join(ROOT, "index.html"))) {
    throw new Error("HOSTILE_SITE_DIR must point to the built hostile site (run tests/browser/run)");
  }
  server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(ROOT, p.endsWith("/") ? p + "index.html" : p);
    if (!file.startsWith(ROOT)) return res.writeHead(403).end();
    fs.readFile(file, (err, data) => {
      if (err) return res.writeHead(404).end();
      const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
      res.writeHead(200, { "content-type": type }).end(data);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function pwned(path, wait) {
  const page = await browser.newPage();
  await page.goto(url + path);
  if (wait) await page.waitForSelector(wait);
  await page.mouse.move(200, 300);
  await page.waitForTimeout(300);
  const value = await page.evaluate(() => window.__pwned);
  const text = await page.textContent("main");
  await page.close();
  return { value, text };
}

test("the agreement page shows the markup as text and runs none of it", async () => {
  const { value, text } = await pwned("/rammeavtaler/fiendtlig/");
  assert.equal(value, undefined);
  assert.match(text, /<img src=x onerror=/);
});

test("the lists show the markup as text and run none of it", async () => {
  for (const p of ["/", "/rammeavtaler/", "/kommuner/flesberg/", "/data/", "/tidslinje/"]) {
    const { value } = await pwned(p);
    assert.equal(value, undefined, p);
  }
});

test("search results show the markup as text and run none of it", async () => {
  const { value, text } = await pwned("/sok/?q=fiendtlig", "#sok-resultater .result");
  assert.equal(value, undefined);
  assert.match(text, /Fiendtlig <img/);
});
