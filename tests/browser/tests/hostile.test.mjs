// Hostile content never runs: markup in titles, summaries and bodies, script addresses in
// Markdown links and images, in documents and in every address key, attributes on headings.
// Not on the page, not in search; and the pages' Content-Security-Policy stops a script that
// would get in anyway.
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

const PAGES = [
  "/",
  "/rammeavtaler/",
  "/rammeavtaler/fiendtlig/",
  "/kommuner/flesberg/",
  "/kurs/fiendtlig-kurs/",
  "/leverandorer/fiendtlig-leverandor/",
  "/fiendtlig-side/",
  "/data/",
  "/tidslinje/",
];

/** Loads a page, moves the mouse, tabs through every focusable element; what ran, and what
 *  on the page could run: links or images to other schemes, event attributes, autofocus. */
async function visit(p, wait) {
  const page = await browser.newPage();
  const violations = [];
  page.on("console", (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  await page.goto(url + p);
  if (wait) await page.waitForSelector(wait);
  await page.mouse.move(200, 300);
  for (let i = 0; i < 60; i++) await page.keyboard.press("Tab");
  await page.waitForTimeout(200);
  const found = await page.evaluate(() => {
    const live = [];
    const allowed = ["http:", "https:", "mailto:", "tel:"];
    for (const el of document.querySelectorAll("a[href], area[href], img[src], iframe, embed, object, form[action]")) {
      const address = el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? "";
      const protocol = new URL(address, location.href).protocol;
      if (!allowed.includes(protocol) && !(el.tagName === "LINK")) live.push(`${el.tagName} ${address}`);
    }
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || a.name === "autofocus") live.push(`${el.tagName} ${a.name}`);
      }
    }
    return { pwned: window.__pwned, live, text: document.querySelector("main")?.textContent ?? "" };
  });
  await page.close();
  return { ...found, violations };
}

test("no page runs the hostile content or offers it as a live address or handler", async () => {
  for (const p of PAGES) {
    const { pwned, live } = await visit(p);
    assert.equal(pwned, undefined, p);
    assert.deepEqual(live, [], p);
  }
});

test("the agreement page shows markup and refused addresses as text", async () => {
  const { text } = await visit("/rammeavtaler/fiendtlig/");
  assert.match(text, /<img src=x onerror=/);
  assert.match(text, /Klikk \(javascript:window\.__pwned=8\)/);
  assert.match(text, /Skript som dokument \(javascript:window\.__pwned=23\)/);
});

test("a course, a supplier and the footer show refused addresses as text, not links", async () => {
  assert.match((await visit("/kurs/fiendtlig-kurs/")).text, /javascript:window\.__pwned=30/);
  assert.match((await visit("/leverandorer/fiendtlig-leverandor/")).text, /vbscript:msgbox\(1\)/);
});

test("search results show the markup as text and run none of it", async () => {
  const { pwned, live, text } = await visit("/sok/?q=fiendtlig", "#sok-resultater .result");
  assert.equal(pwned, undefined);
  assert.deepEqual(live, []);
  assert.match(text, /Fiendtlig <img/);
});

test("every page carries a Content-Security-Policy that stops an inline script, and breaks nothing", async () => {
  const page = await browser.newPage();
  const violations = [];
  page.on("console", (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  await page.goto(url + "/sok/?q=fiendtlig");
  await page.waitForSelector("#sok-resultater .result");
  assert.deepEqual(violations, [], "search runs under the policy");
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.appendChild(s);
    return window.__inline;
  });
  assert.equal(ran, undefined, "an inline script is refused");
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(policy, /script-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  await page.close();
});
