#!/usr/bin/env node
// Notebooks are committed WITHOUT outputs. This strips outputs, execution counts and volatile metadata from
// notebooks/*.ipynb (or the files given) in place, writing them as nbformat does (sorted keys, 1-space indent);
// with --check it changes nothing and exits 1 if any notebook still has outputs or execution counts
// (the test suite runs the same check, test/notebook/notebooks.test.ts).
//   node scripts/clean-notebooks.mjs [--check] [file.ipynb …]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The notebook without outputs: same JSON layout as Jupyter writes (1-space indent, trailing newline). */
export function cleanNotebook(nb) {
  const cells = nb.cells.map((cell) => {
    const metadata = { ...cell.metadata };
    delete metadata.execution;
    delete metadata.collapsed;
    delete metadata.scrolled;
    return cell.cell_type === "code" ? { ...cell, execution_count: null, metadata, outputs: [] } : { ...cell, metadata };
  });
  const metadata = { ...nb.metadata };
  delete metadata.widgets;
  return { ...nb, cells, metadata };
}

/** Keys sorted recursively, as nbformat writes notebooks (json.dumps(sort_keys=True, indent=1)). */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}

/** True when a code cell carries outputs or an execution count. */
export function hasOutputs(nb) {
  return nb.cells.some((c) => c.cell_type === "code" && ((c.outputs ?? []).length > 0 || c.execution_count != null));
}

/** Cleans (or with --check, checks) the notebooks named on the command line or all of notebooks/. */
function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const files = args.filter((a) => a !== "--check");
  const targets = files.length
    ? files
    : readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort().map((f) => join(root, "notebooks", f));

  let dirty = 0;
  for (const file of targets) {
    const text = readFileSync(file, "utf8");
    const nb = JSON.parse(text);
    if (check) {
      if (hasOutputs(nb)) {
        dirty++;
        console.error(`${relative(process.cwd(), file)}: has outputs or execution counts (run: node scripts/clean-notebooks.mjs)`);
      }
      continue;
    }
    const cleaned = JSON.stringify(sortKeys(cleanNotebook(nb)), null, 1) + "\n";
    if (cleaned !== text) {
      writeFileSync(file, cleaned);
      console.log(`cleaned ${relative(process.cwd(), file)}`);
    }
  }
  if (check && dirty > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
