// axe-core, WCAG 2.1 A and AA rules, on one page of every page type at 1280 and 375 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import fs from "node:fs";
import { serve, launch, PAGE_TYPES } from "../lib.mjs";

const require = createRequire(import.meta.url);
// Evaluated through the browser's debugging protocol, which the pages' Content-Security-Policy
// (no inline scripts) does not cover; a <script> tag with axe in it would be refused.
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [1280, 375]) {
  for (const [kind, path] of Object.entries(PAGE_TYPES)) {
    test(`axe: ${kind} at ${width} px has no violations`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(server.url + path);
      if (kind === "sok") await page.waitForSelector("#sok-resultater .result");
      await page.evaluate(AXE);
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
      );
      const violations = result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`,
      );
      assert.deepEqual(violations, []);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(scroll <= 0, `horizontal scrolling of ${scroll} px`);
      await page.close();
    });
  }
}

test("the page stays usable at 320 px without horizontal scrolling", async () => {
  for (const path of ["/", "/rammeavtaler/medisinsk-forbruksmateriell/", "/leverandorer/"]) {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(server.url + path);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(scroll <= 0, `${path}: horizontal scrolling of ${scroll} px`);
    await page.close();
  }
});
