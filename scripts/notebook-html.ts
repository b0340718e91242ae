/**
 * Static figures and offline check for notebook HTML renderings (run by scripts/run-notebooks.sh after nbconvert):
 *
 *   tsx scripts/notebook-html.ts [--check-only] [--timeout <ms>] output/notebooks/01-daten.html …
 *   tsx scripts/notebook-html.ts --stdin   (one file path per line, each processed as soon as it arrives)
 *
 * For each file: stable figure ids, a `<noscript>` PNG after every plotly figure, PNGs in `<name>-abbildungen/`,
 * checked offline in headless Chromium: every figure drawn (maps with their paths), no network request, no console
 * error; without JavaScript every figure's image must show. `--check-only` changes nothing and checks the files as
 * they are (also with JavaScript). One browser for all files. `--stdin` is how scripts/lib/run_notebooks.py
 * hands over each rendering while the other notebooks are still executing. Exit code 1 with one line per problem, each naming
 * the notebook and the figure.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { openNotebookBrowser } from "./lib/notebookBrowser.js";
import { processNotebookHtml } from "./lib/notebookHtml.js";

const log = (m: string) => console.log(`[notebook-html] ${m}`);

async function main(argv: string[]): Promise<number> {
  let checkOnly = false;
  let stdin = false;
  let timeout = 60_000;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--check-only") checkOnly = true;
    else if (a === "--stdin") stdin = true;
    else if (a === "--timeout") timeout = Number(argv[++i]);
    else if (a.startsWith("--")) throw new Error(`unknown option ${a} (known: --check-only, --stdin, --timeout <ms>)`);
    else files.push(resolve(a));
  }
  if (files.length === 0 && !stdin) throw new Error("no HTML files given (or --stdin)");
  if (!(Number.isFinite(timeout) && timeout > 0)) throw new Error(`--timeout must be a positive number of milliseconds`);
  for (const f of files) if (!existsSync(f)) throw new Error(`file not found: ${f}`);

  const started = Date.now();
  const browser = await openNotebookBrowser({ timeout });
  const problems: string[] = [];
  let count = 0;
  try {
    for await (const file of stdin ? stdinPaths() : files) {
      if (!existsSync(file)) throw new Error(`file not found: ${file}`);
      count += 1;
      const t = Date.now();
      const r = await processNotebookHtml(browser, file, { checkOnly });
      problems.push(...r.problems);
      const what = checkOnly ? `${r.figures} figure(s) checked` : `${r.figures} figure(s) drawn, ${r.images.length} PNG(s)`;
      log(`${r.problems.length === 0 ? "ok" : "FAILED"}: ${r.name} (${what}, ${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await browser.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    console.error(problems.map((p) => `[notebook-html] error: ${p}`).join("\n"));
    console.error(`[notebook-html] ${problems.length} problem(s) in the HTML renderings (${seconds} s)`);
    return 1;
  }
  log(`all ${count} HTML rendering(s) open offline with every figure drawn (${seconds} s)`);
  return 0;
}

/** Absolute paths, one per non-empty line of stdin, as they arrive. */
async function* stdinPaths(): AsyncGenerator<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) yield resolve(line.trim());
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[notebook-html] error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
