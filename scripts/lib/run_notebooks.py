"""Executes notebooks headless, several at a time, one kernel per notebook (run by scripts/run-notebooks.sh).

    /usr/bin/python3 scripts/lib/run_notebooks.py --kernel tslab --out output/notebooks [--jobs 2]
        [--timeout 1800] [--post CMD …] notebooks/01-daten.ipynb …

One Python process (nbclient, asyncio): at most --jobs notebooks run at once, each in its own kernel started once,
with the notebook's folder as working directory (as `jupyter nbconvert --execute`). For each notebook that runs
without error it writes output/notebooks/<name>.ipynb and <name>.html (nbconvert's HTML exporter, "lab" template,
as `jupyter nbconvert --to html`). The plotly.js bundle that `sr.showFigure` inlines into the first figure of a
kernel session (~5 MB) is replaced in both by `<script src="plotly.min.js"></script>`; scripts/notebook-html.ts
writes that file once into output/notebooks/.

A failing cell (error, timeout, dead kernel) stops that notebook (no --allow-errors): the partial notebook with the
error output goes to <name>.failed.ipynb, and the notebook, the cell number and the cell's error are printed.

--post CMD (the rest of the arguments): a post-processor started once at the beginning; the path of each HTML
rendering is written to its stdin as soon as the rendering exists, so the browser work overlaps with the kernels.

Exit code 0 when every notebook ran and the post-processor succeeded, else 1 (one summary line per problem).
"""
import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

# What src/render/figureHtml.ts plotlyScriptTags() emits around the bundle (the bundle escapes "</script").
BUNDLE_START = "<script>/* plotly.js (MIT), inlined for offline use */\n"
BUNDLE_END = "</script>\n"
EXTERNAL_PLOTLY = '<script src="plotly.min.js"></script>\n'


def log(message):
    print(f"[run-notebooks] {message}", flush=True)


def external_plotly(html):
    """The HTML with every inlined plotly.js bundle replaced by a reference to the shared plotly.min.js."""
    out = []
    at = 0
    while True:
        start = html.find(BUNDLE_START, at)
        if start < 0:
            break
        end = html.find(BUNDLE_END, start + len(BUNDLE_START))
        if end < 0:
            raise ValueError("inlined plotly.js bundle without its closing </script>")
        out.append(html[at:start])
        out.append(EXTERNAL_PLOTLY)
        at = end + len(BUNDLE_END)
    out.append(html[at:])
    return "".join(out)


def strip_bundles(nb):
    """Replaces the inlined plotly bundle in every HTML output of the notebook (in place)."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            html = data.get("text/html")
            if isinstance(html, list):
                html = "".join(html)
            if isinstance(html, str) and BUNDLE_START in html:
                data["text/html"] = external_plotly(html)


def cell_report(nb, index):
    """Error text of the failing cell: its error output and stderr (tslab prints compile errors there)."""
    cell = nb.cells[index]
    lines = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            lines.append(f"{output.get('ename', '')}: {output.get('evalue', '')}")
            lines.extend(output.get("traceback", []))
        elif output.get("output_type") == "stream" and output.get("name") == "stderr":
            text = output.get("text", "")
            lines.append("".join(text) if isinstance(text, list) else text)
    return "\n".join(line.rstrip("\n") for line in lines)


def cell_summary(report, error):
    """One line for the failure message: tslab's error line (e.g. "Error: …", "1:7 - Type …"), else nbclient's."""
    lines = [line.strip() for line in report.splitlines() if line.strip()]
    for line in lines:
        if re.match(r"^[A-Za-z]*(Error|Exception)\b.*:", line) or re.match(r"^\d+:\d+ - ", line):
            return line
    if lines:
        return lines[0]
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[-1] if text else ''}"


DURATIONS_FILE = ".durations.json"


def notebook_name(path):
    return os.path.splitext(os.path.basename(path))[0]


def read_durations(out):
    try:
        with open(os.path.join(out, DURATIONS_FILE), encoding="utf-8") as f:
            data = json.load(f)
        return {k: float(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError, TypeError):
        return {}


def write_durations(out, durations):
    with open(os.path.join(out, DURATIONS_FILE), "w", encoding="utf-8") as f:
        json.dump({k: round(v, 1) for k, v in sorted(durations.items())}, f, indent=1)
        f.write("\n")


class Run:
    def __init__(self, args):
        self.args = args
        self.failed = []
        self.durations = {}
        self.post = None
        self.exporter = HTMLExporter()

    def start_post(self):
        if self.args.post:
            self.post = subprocess.Popen(self.args.post, stdin=subprocess.PIPE, text=True)

    def send_to_post(self, html_path):
        if self.post and self.post.poll() is None:
            try:
                self.post.stdin.write(html_path + "\n")
                self.post.stdin.flush()
            except BrokenPipeError:
                pass  # the post-processor stopped; its exit code fails the run

    async def notebook(self, path, slots):
        async with slots:
            name = notebook_name(path)
            out = self.args.out
            started = time.monotonic()
            log(f"executing {path}")
            nb = nbformat.read(path, as_version=4)
            current = {"index": None}

            def on_cell_start(cell, cell_index):
                current["index"] = cell_index

            client = NotebookClient(
                nb,
                kernel_name=self.args.kernel,
                timeout=self.args.timeout,
                startup_timeout=120,
                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
                on_cell_start=on_cell_start,
            )
            try:
                await client.async_execute()
            except Exception as error:  # noqa: BLE001 - a failing cell (CellExecutionError, CellTimeoutError, DeadKernelError)
                # or a kernel that does not start (NoSuchKernel, RuntimeError): this notebook fails, named; the others go on.
                self.fail(path, name, nb, current["index"], error)
                return
            strip_bundles(nb)
            # Executed copy and HTML rendering, as `nbconvert --to notebook` and `--to html` write them.
            nbformat.write(nb, os.path.join(out, f"{name}.ipynb"))
            html, _ = self.exporter.from_notebook_node(nb, resources={"metadata": {"name": name, "path": out}})
            html_path = os.path.join(out, f"{name}.html")
            with open(html_path, "w", encoding="utf-8") as f:
                f.write(html)
            self.durations[name] = time.monotonic() - started
            log(f"ok: {path} ({time.monotonic() - started:.0f} s) -> {os.path.relpath(html_path[:-5])}.ipynb, {name}.html")
            self.send_to_post(os.path.abspath(html_path))

    def fail(self, path, name, nb, index, error):
        self.failed.append(path)
        strip_bundles(nb)
        failed_path = os.path.join(self.args.out, f"{name}.failed.ipynb")
        nbformat.write(nb, failed_path)
        where = "before the first cell (kernel start)" if index is None else f"cell {index + 1}"
        report = cell_report(nb, index) if index is not None else ""
        log(f"FAILED: {path}, {where}: {cell_summary(report, error)}")
        if report:
            print(f"--- {name}, cell {index + 1} ---\n{report}", file=sys.stderr, flush=True)
        log(f"partial run with the error output: {os.path.relpath(failed_path)}")

    async def all(self):
        slots = asyncio.Semaphore(self.args.jobs)
        # Longest first (durations of the previous run; unknown ones first), so no long notebook starts last
        # while the other workers sit idle. The semaphore admits the tasks in this order.
        known = read_durations(self.args.out)
        order = sorted(self.args.notebooks, key=lambda p: -known.get(notebook_name(p), float("inf")))
        await asyncio.gather(*(self.notebook(p, slots) for p in order))
        write_durations(self.args.out, {**known, **self.durations})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=int, default=1800)
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--post", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    os.makedirs(args.out, exist_ok=True)

    started = time.monotonic()
    run = Run(args)
    run.start_post()
    try:
        asyncio.run(run.all())
    finally:
        post_failed = False
        if run.post:
            try:
                run.post.stdin.close()
            except BrokenPipeError:
                pass
            post_failed = run.post.wait() != 0
    problems = []
    n = len(args.notebooks)
    if run.failed:
        failed = [p for p in args.notebooks if p in run.failed]
        problems.append(f"{len(failed)} of {n} notebook(s) failed: {' '.join(failed)}")
    if post_failed:
        problems.append("HTML renderings failed the offline check (problems above: notebook, figure, cause)")
    seconds = time.monotonic() - started
    if problems:
        print(f"[run-notebooks] error: {'; '.join(problems)} ({seconds:.0f} s)", file=sys.stderr)
        return 1
    checked = "; their HTML renderings draw every figure offline" if args.post else ""
    log(f"all {n} notebook(s) ran without errors{checked} ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
