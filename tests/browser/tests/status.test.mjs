// The badges a page corrects in the browser, when the site was built days ago, are the ones a
// build on that day gives: status.js and src/rules/period.rs agree on the same dates, in
// Europe/Oslo, whatever the visitor's time zone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve, launch, SITE_DIR } from "../lib.mjs";

const BIN = process.env.INNKJOP_BIN;
const SOURCE = process.env.SAMPLE_SITE_SOURCE;
let server, browser;

before(async () => {
  if (!BIN || !SOURCE) throw new Error("INNKJOP_BIN and SAMPLE_SITE_SOURCE must be set (run tests/browser/run)");
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The statuses a build on `day` gives, by agreement id. */
function builtOn(day) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "dag-"));
  execFileSync(BIN, ["build", "--today", day, "--output", path.join(out, "public")], { cwd: SOURCE, stdio: "ignore" });
  const rows = JSON.parse(fs.readFileSync(path.join(out, "public/data/rammeavtaler.json"), "utf8"));
  fs.rmSync(out, { recursive: true, force: true });
  return Object.fromEntries(rows.map((r) => [r.id, r.status]));
}

// Just after midnight in Oslo: in Los Angeles it is still the day before.
for (const day of ["2026-12-01", "2027-01-31", "2027-02-01", "2027-03-01", "2027-06-15", "2028-01-01"]) {
  test(`on ${day} the badges in the browser are the build's`, async () => {
    const expected = builtOn(day);
    const context = await browser.newContext({ timezoneId: "America/Los_Angeles" });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${day}T00:30:00+01:00`));
    await page.goto(server.url + "/rammeavtaler/");
    const shown = await page.$$eval("li.card", (cards) =>
      cards.map((c) => {
        const href = c.querySelector("a").getAttribute("href");
        const badge = c.querySelector("span.status");
        const key = (badge.className.match(/status-([a-z_]+)/) || [])[1];
        return [href.split("/").filter(Boolean).pop(), key];
      }),
    );
    await context.close();
    assert.ok(shown.length >= 10, `${shown.length} agreements listed`);
    for (const [id, key] of shown) assert.equal(key, expected[id], `${id} on ${day}`);
  });
}
