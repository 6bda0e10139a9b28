// Shared helpers: serve the built site on 127.0.0.1 and launch Debian's Chromium.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

export const SITE_DIR = process.env.SITE_DIR;
if (!SITE_DIR || !fs.existsSync(path.join(SITE_DIR, "index.html"))) {
  throw new Error("SITE_DIR must point to a built site (run tests/browser/run)");
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".pdf": "application/pdf",
  ".svg": "image/svg+xml",
};

// Text is sent gzip-compressed when the browser asks for it, as static hosts do (nginx,
// Apache, GitHub Pages, Netlify). Pagefind's index files are gzip files already and go as is.
const COMPRESSED = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".csv", ".svg"]);

/** Serves SITE_DIR like a plain static web server; resolves to { url, close }. */
export function serve() {
  const root = path.resolve(SITE_DIR);
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(root, p);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (p.endsWith("/")) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "content-type": TYPES[".html"] });
        res.end(fs.readFileSync(path.join(root, "404.html")));
        return;
      }
      const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream" };
      if (COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        headers["content-encoding"] = "gzip";
        headers["vary"] = "accept-encoding";
        data = zlib.gzipSync(data);
      }
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Launches headless Chromium; a missing browser fails with a clear message. */
export async function launch() {
  const executablePath = "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    throw new Error("Chromium is missing at /usr/bin/chromium: install it with `apt-get install chromium`");
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** One page of every page type, as paths. */
export const PAGE_TYPES = {
  forside: "/",
  rammeavtaler: "/rammeavtaler/",
  "rammeavtaler-status": "/rammeavtaler/status/utloper_snart/",
  rammeavtale: "/rammeavtaler/medisinsk-forbruksmateriell/",
  "planlagte-innkjop": "/planlagte-innkjop/",
  "planlagt-innkjop": "/planlagte-innkjop/mobiltelefoni-og-datakommunikasjon/",
  "planlagte-innkjop-filter": "/planlagte-innkjop/status/kunngjort/",
  varsler: "/planlagte-innkjop/varsler/",
  kurs: "/kurs/",
  "ett-kurs": "/kurs/" + firstChild("kurs") + "/",
  "etiske-krav": "/etiske-krav/",
  "etisk-krav": "/etiske-krav/antikorrupsjon/",
  kommuner: "/kommuner/",
  kommune: "/kommuner/flesberg/",
  "kommune-filter": "/kommuner/flesberg/status/aktiv/",
  kategorier: "/kategorier/",
  kategori: "/kategorier/renhold/",
  leverandorer: "/leverandorer/",
  leverandor: "/leverandorer/" + firstChild("leverandorer") + "/",
  side: "/om-samarbeidet/",
  // A common word: more than ten results, so "Vis flere treff" is on the page too.
  sok: "/sok/?q=kommune",
  tidslinje: "/tidslinje/",
  data: "/data/",
  404: "/finnes-ikke/",
};

function firstChild(section) {
  return fs
    .readdirSync(path.join(SITE_DIR, section), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()[0];
}

/** Every HTML file of the site, relative paths. */
export function htmlFiles(dir = SITE_DIR, prefix = "") {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path.join(dir, entry.name), rel));
    else if (entry.name.endsWith(".html")) out.push(rel);
  }
  return out.sort();
}
