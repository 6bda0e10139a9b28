// The forms at /admin/ of `innkjop serve`, in Chromium, on a copy of the sample site: a
// framework agreement made through the form, an agreement's title changed, saves from
// elsewhere refused, and axe on what the preview adds to the editor's page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import { launch } from "../lib.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BIN = process.env.INNKJOP_BIN;
const SOURCE = process.env.SAMPLE_SITE_SOURCE;
// A folder (relative to the project): the docs' screenshots are taken too.
const SHOTS = process.env.INNKJOP_SKJERMBILDER &&
  path.resolve(new URL("../../..", import.meta.url).pathname, process.env.INNKJOP_SKJERMBILDER);

let site, server, url, browser, context;

before(async () => {
  assert.ok(BIN && SOURCE, "INNKJOP_BIN and SAMPLE_SITE_SOURCE are set by tests/browser/run");
  site = fs.mkdtempSync(path.join(os.tmpdir(), "innkjop-skjema-"));
  fs.cpSync(path.join(SOURCE, "content"), path.join(site, "content"), { recursive: true });
  server = spawn(BIN, ["serve", "--port", "0", "--today", "2026-11-26"], { cwd: site, stdio: ["ignore", "ignore", "pipe"] });
  url = await new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error("the preview did not start:\n" + seen)), 60000);
    server.stderr.on("data", (chunk) => {
      seen += chunk;
      const m = /http:\/\/[0-9.:]+/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
  });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "nb-NO" });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

async function openEditor(hash) {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(url + "/admin/");
  const login = page.getByRole("button", { name: "Logg inn" });
  await page.getByText("Samlinger").or(login).first().waitFor();
  if (await login.isVisible()) await login.click();
  await page.getByText("Samlinger").waitFor();
  if (hash) await page.goto(url + "/admin/" + hash);
  return page;
}

async function pick(page, label, typed, option) {
  await page.getByLabel(label, { exact: true }).fill(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function publish(page) {
  await page.getByRole("button", { name: "Publiser" }).first().click();
  await page.getByText("Publiser nå").click();
}

function waitFor(condition, what) {
  const deadline = Date.now() + 20000;
  return new Promise((resolve, reject) => {
    (function poll() {
      if (condition()) return resolve();
      if (Date.now() > deadline) return reject(new Error("waited in vain: " + what));
      setTimeout(poll, 100);
    })();
  });
}

function check() {
  try {
    execFileSync(BIN, ["check", "--today", "2026-11-26"], { cwd: site, stdio: "pipe" });
    return "";
  } catch (e) {
    return String(e.stderr);
  }
}

test("a framework agreement made through the form is a valid file and a page in the preview", async () => {
  const page = await openEditor("#/collections/rammeavtaler/new");
  await page.getByLabel("Tittel", { exact: true }).fill("Skjemaavtale for kopipapir");
  await pick(page, "Kategori", "Kontor", "Kontor og IT");
  await pick(page, "Leverandører", "Numedal", "Numedal Kontorservice AS");
  await pick(page, "Leverandører", "Lågen", "Lågen IT-drift AS");
  await pick(page, "Kommuner", "Kongsberg", "Kongsberg kommune");
  await pick(page, "Kommuner", "Flesberg", "Flesberg kommune");
  await page.getByLabel("Gyldig fra", { exact: true }).fill("2026-01-01");
  await page.getByLabel("Gyldig til", { exact: true }).fill("2027-12-31");
  await page.getByRole("button", { name: /opsjoner/i }).click();
  await page.getByLabel(/^Til/).fill("2028-12-31");
  await page.getByRole("button", { name: /dokumenter/i }).click();
  await page.getByLabel("Tittel (valgfritt)", { exact: true }).first().fill("Prisliste");
  await page.getByRole("button", { name: "Velg en fil" }).click();
  const upload = path.join(site, "prisliste-kopipapir.csv");
  fs.writeFileSync(upload, "vare;pris\nkopipapir;45\n");
  await page.locator('input[type="file"]').setInputFiles(upload);
  await page.getByText("prisliste-kopipapir.csv").waitFor();
  await page.getByRole("button", { name: "Velg markert" }).click();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "ny-rammeavtale.png") });
  await publish(page);

  const file = path.join(site, "content/rammeavtaler/skjemaavtale-for-kopipapir.md");
  await waitFor(() => fs.existsSync(file), "the new agreement's file");
  const text = fs.readFileSync(file, "utf8");
  for (const line of ["tittel: Skjemaavtale for kopipapir", "kategori: kontor-og-it", "- numedal-kontorservice", "- lagen-it",
    "- kongsberg", "- flesberg", "gyldig_fra: 2026-01-01", "gyldig_til: 2027-12-31", "til: 2028-12-31",
    "fil: dokumenter/prisliste-kopipapir.csv"]) {
    assert.ok(text.includes(line), `${line} is missing from:\n${text}`);
  }
  assert.ok(fs.existsSync(path.join(site, "content/dokumenter/prisliste-kopipapir.csv")), "the document was saved");
  assert.equal(check(), "", "innkjop check passes");

  // The preview rebuilt with it, and the panel says the file has no errors.
  await page.getByText("Ingen feil i rammeavtaler/skjemaavtale-for-kopipapir.md").waitFor();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "lagret.png") });
  const preview = await context.newPage();
  await preview.goto(url + "/rammeavtaler/skjemaavtale-for-kopipapir/");
  assert.equal(await preview.locator("h1").first().textContent(), "Skjemaavtale for kopipapir");
  assert.ok(await preview.getByRole("link", { name: /Prisliste/ }).count(), "the document is linked");
  await preview.close();
  await page.close();
});

test("every other kind can be made through its form, and check passes", async () => {
  const kinds = [
    ["planlagte-innkjop", "Skjemainnkjøp av kaffe", async (page) => {
      await pick(page, "Kategori", "Kontor", "Kontor og IT");
      await pick(page, "Kommuner", "Alle", "Alle kommunene i samarbeidet");
      await pick(page, "Status", "Plan", "Planlagt");
    }],
    ["kurs", "Skjemakurs i innkjøp", async (page) => {
      await page.getByLabel("Start", { exact: true }).fill("2027-01-20T09:00");
      await page.getByLabel("Digitalt (valgfritt)", { exact: true }).fill("https://mote.example.no/innkjop");
    }],
    ["etiske-krav", "Skjemakrav om sirkularitet", async (page) => {
      await pick(page, "Område", "Miljø", "Miljø");
    }],
    ["sider", "Skjemasiden", async () => {}],
  ];
  for (const [collection, title, fill] of kinds) {
    const page = await openEditor(`#/collections/${collection}/new`);
    await page.getByLabel("Tittel", { exact: true }).fill(title);
    await fill(page);
    await publish(page);
    const slug = title.toLowerCase().replace(/ø/g, "o").replace(/å/g, "a").replace(/æ/g, "ae").replace(/ /g, "-");
    const file = path.join(site, "content", collection, slug + ".md");
    await waitFor(() => fs.existsSync(file), file);
    assert.ok(fs.readFileSync(file, "utf8").includes("tittel: " + title), file);
    await page.close();
  }
  assert.equal(check(), "", "innkjop check passes");
});

test("changing an agreement's title changes that line of the file only", async () => {
  const file = path.join(site, "content/rammeavtaler/kontorrekvisita.md");
  const before = fs.readFileSync(file, "utf8");
  const page = await openEditor("#/collections/rammeavtaler/entries/kontorrekvisita");
  const title = page.getByLabel("Tittel", { exact: true });
  await assert.doesNotReject(title.waitFor());
  assert.equal(await title.inputValue(), "Kontorrekvisita og papir");
  await title.fill("Kontorrekvisita, papir og toner");
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "endre-rammeavtale.png") });
  await publish(page);
  await waitFor(() => fs.readFileSync(file, "utf8") !== before, "the save");
  const after = fs.readFileSync(file, "utf8");
  assert.equal(after, before.replace("tittel: Kontorrekvisita og papir\n", "tittel: Kontorrekvisita, papir og toner\n"));
  await page.close();
});

test("a page on another site cannot save, nor a path with .. or outside content/", async () => {
  // A page on another origin posts to the preview's API, as an attacker's page would.
  const other = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!DOCTYPE html><title>Annen side</title><p>Annen side</p>");
  });
  await new Promise((r) => other.listen(0, "127.0.0.1", r));
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${other.address().port}/`);
  const body = (p) => JSON.stringify({ action: "persistEntry", params: { branch: "main", assets: [],
    dataFiles: [{ slug: "x", path: p, raw: "---\ntittel: Inntrenger\n---\n" }],
    options: { commitMessage: "x", useWorkflow: false, status: "" } } });
  const status = await page.evaluate(async ({ api, body }) => {
    const answers = [];
    for (const type of ["text/plain", "application/json"]) {
      try {
        const r = await fetch(api, { method: "POST", mode: "no-cors", headers: { "Content-Type": type }, body });
        answers.push(r.type);
      } catch (e) {
        answers.push("refused");
      }
    }
    return answers;
  }, { api: url + "/admin/api/v1", body: body("content/rammeavtaler/inntrenger.md") });
  assert.equal(status.length, 2);
  assert.ok(!fs.existsSync(path.join(site, "content/rammeavtaler/inntrenger.md")), "a foreign page wrote a file");
  await page.close();
  other.close();

  // The preview's own page, asking for paths it must not write.
  const outside = path.join(os.tmpdir(), `innkjop-utenfor-${process.pid}.md`);
  const own = await openEditor();
  for (const p of ["content/../utenfor.md", "content/rammeavtaler/../../utenfor.md", outside, "utenfor.md"]) {
    const answer = await own.evaluate(async (body) => {
      const r = await fetch("/admin/api/v1", { method: "POST", headers: { "Content-Type": "application/json" }, body });
      return [r.status, await r.text()];
    }, body(p));
    assert.equal(answer[0], 403, `${p}: ${answer[1]}`);
  }
  assert.ok(!fs.existsSync(path.join(site, "utenfor.md")) && !fs.existsSync(outside));
  await own.close();
});

test("axe: the panel the preview adds to the editor has no violations", async () => {
  const page = await openEditor("#/collections/leverandorer/entries/leverandorer");
  await page.locator("#innkjop-sjekk").getByText("Fila har kommentarer").waitFor();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "leverandorer.png") });
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run({ include: ["#innkjop-sjekk"] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), []);
  await page.close();
});
