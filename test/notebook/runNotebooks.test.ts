/**
 * scripts/lib/run_notebooks.py (the runner of `npm run notebooks`, Debian's Python with nbclient): its replacement
 * of the inlined plotly bundle must be the same as externalPlotly's, and a failure line must carry tslab's error.
 * Needs /usr/bin/python3 with nbclient and nbconvert (npm run setup); skipped with a message without them.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { externalPlotly } from "../../scripts/lib/sharedPlotly.js";
import { rankingBarFigure } from "../../src/plot/rankingBarFigure.js";
import { notebookFigureHtml, resetNotebookPlotly } from "../../src/render/notebookFigureHtml.js";

const lib = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "lib");
const python = "/usr/bin/python3";
const hasJupyter = spawnSync(python, ["-c", "import nbclient, nbconvert, nbformat"]).status === 0;
if (!hasJupyter) console.warn("run_notebooks.py: /usr/bin/python3 with nbclient/nbconvert not found; tests skipped (npm run setup)");

/** Runs `code` with run_notebooks imported as r; stdin in, stdout out. */
function py(code: string, input: string): string {
  const r = spawnSync(python, ["-c", `import sys; sys.path.insert(0, ${JSON.stringify(lib)}); import run_notebooks as r\n${code}`], {
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe.skipIf(!hasJupyter)("run_notebooks.py", () => {
  const rows = [
    { id: "010101", name: "Küppersteg-Nord", index: 1.25 },
    { id: "020101", name: "Bürrig-Mitte", index: 2.75 },
  ];
  const fig = rankingBarFigure(rows, { id: "id", label: "name", value: "index" });

  it("replaces the inlined plotly bundle exactly as externalPlotly does, in every HTML output of a notebook", () => {
    resetNotebookPlotly();
    const outputs = [notebookFigureHtml(fig), notebookFigureHtml(fig)];
    const page = outputs.join("<p>zwischen</p>\n");
    expect(py("sys.stdout.write(r.external_plotly(sys.stdin.read()))", page)).toBe(externalPlotly(page));

    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: outputs.map((html, i) => ({
        cell_type: "code",
        execution_count: i + 1,
        metadata: {},
        source: "sr.showFigure(fig)",
        outputs: [{ output_type: "display_data", metadata: {}, data: { "text/html": html, "text/plain": "" } }],
      })),
    };
    const stripped = JSON.parse(py("import json, nbformat\nnb = nbformat.reads(sys.stdin.read(), as_version=4)\nr.strip_bundles(nb)\nprint(nbformat.writes(nb))", JSON.stringify(nb)));
    // nbformat writes multi-line strings as lists of lines.
    const html = (c: { outputs: { data: Record<string, string | string[]> }[] }) => [c.outputs[0].data["text/html"]].flat().join("");
    expect(stripped.cells.map(html)).toEqual(outputs.map(externalPlotly));
    expect(JSON.stringify(stripped)).not.toContain("inlined for offline use");
  });

  it("names tslab's error in the failure line: compile error, thrown error, else nbclient's message", () => {
    const summary = (report: string) => py("print(r.cell_summary(sys.stdin.read(), RuntimeError('Kernel died\\nbeim Start')), end='')", report);
    expect(summary("1:7 - Type 'string' is not assignable to type 'number'.")).toBe("1:7 - Type 'string' is not assignable to type 'number'.");
    expect(summary('evalmachine.<anonymous>:2\nthrow new Error("Zelle kaputt");\n^\n\nError: Zelle kaputt\n    at x')).toBe("Error: Zelle kaputt");
    expect(summary("")).toBe("RuntimeError: beim Start");
  });
});
