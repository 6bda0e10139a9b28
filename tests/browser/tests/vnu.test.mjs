// The Nu HTML Checker on every generated HTML page: zero errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { SITE_DIR, htmlFiles } from "../lib.mjs";

const require = createRequire(import.meta.url);
const VNU = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");

test("every page is valid HTML5", () => {
  const files = htmlFiles().map((f) => path.join(SITE_DIR, f));
  assert.ok(files.length > 50, `only ${files.length} pages`);
  let output = "";
  try {
    execFileSync("java", ["-jar", VNU, "--errors-only", "--format", "gnu", ...files], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    output = (e.stdout || "") + (e.stderr || "");
  }
  assert.equal(output.trim(), "", `vnu found errors:\n${output.split("\n").slice(0, 40).join("\n")}`);
});
