// GitHub's own toolkit (@actions/core) writes the annotations for ormlint's JSON findings:
// what ormlint --format=github prints must be the same bytes.
// node github_annotations.mjs <node_modules> <findings.json> <root>
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join, relative } from "node:path";

const [modules, findingsFile, root] = process.argv.slice(2);
const core = await import(pathToFileURL(join(modules, "@actions", "core", "lib", "core.js")).href);
const report = JSON.parse(readFileSync(findingsFile, "utf8"));
for (const f of report.findings) {
  const notes = f.notes.map((n) => `\n${relative(root, n.file)}:${n.line}:${n.column}: note: ${n.message}`).join("");
  const properties = { title: f.check, file: relative(root, f.file), startLine: f.line, startColumn: f.column };
  (f.severity === "error" ? core.error : core.warning)(f.message + notes, properties);
}
