/**
 * Post-processing and check of one notebook HTML rendering (see notebooks/README.md, "HTML renderings"):
 * stable figure ids, a static PNG after every plotly figure (inside `<noscript>`), the PNGs in
 * `<name>-abbildungen/`, then the final file is opened offline again (with and without JavaScript) and checked.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { NotebookBrowser, PageReport } from "./notebookBrowser.js";
import { PNG_SCALE } from "./notebookBrowser.js";
import { PLOTLY_FILE, ensurePlotlyFile, externalPlotly, usesPlotlyFile } from "./sharedPlotly.js";
import { figureIds, imageSrc, insertStaticFigures, removeStaticFigures, stableFigureIds, type StaticFigure } from "./staticFigures.js";

/** Options of {@link processNotebookHtml}. */
export interface NotebookHtmlOptions {
  /** Only check the file as it is (no id changes, no images written). */
  checkOnly?: boolean;
}

/** Outcome for one HTML file. */
export interface NotebookHtmlResult {
  /** Notebook name (file name without .html). */
  name: string;
  /** Number of plotly figures in the page. */
  figures: number;
  /** PNG files written (absolute paths, in figure order). */
  images: string[];
  /** Everything that is wrong, each message starting with the notebook name (empty when the file passed). */
  problems: string[];
}

/** The folder for a rendering's PNGs: `output/notebooks/01-daten.html` → `output/notebooks/01-daten-abbildungen`. */
export function imageDir(file: string): string {
  return join(dirname(file), `${basename(file, ".html")}-abbildungen`);
}

/** The PNG file name of the k-th figure (1-based) of a notebook. */
export function imageName(k: number): string {
  return `abbildung-${k}.png`;
}

/**
 * Makes the HTML rendering `file` self-explaining without JavaScript and checks it:
 * 1. renames kernel-session figure ids to `sozialraum-fig-<k>` ({@link stableFigureIds}), replaces an inlined
 *    plotly.js bundle by `<script src="plotly.min.js">` and writes that file beside the page ({@link externalPlotly});
 * 2. opens the page offline with JavaScript, waits for every figure and renders each to PNG (`Plotly.toImage`,
 *    layout size or 900 × 500 CSS pixels, 2 PNG pixels per CSS pixel);
 * 3. writes the PNGs to `<name>-abbildungen/abbildung-<k>.png` and inserts after each figure div a `<noscript>`
 *    image that references its PNG;
 * 4. checks: with JavaScript every figure is drawn, no request beyond local files is attempted, no console error
 *    (in step 2, on the page that is written apart from the inert `<noscript>` elements; with `checkOnly`, on
 *    the file as it is); with JavaScript off every figure's image decodes at the expected size.
 * Same input, same bytes (on one machine; PNG rasters depend on the installed fonts).
 */
export async function processNotebookHtml(browser: NotebookBrowser, file: string, options: NotebookHtmlOptions = {}): Promise<NotebookHtmlResult> {
  const name = basename(file, ".html");
  const result: NotebookHtmlResult = { name, figures: 0, images: [], problems: [] };
  const fail = (message: string) => result.problems.push(`${name}: ${message}`);
  let html = readFileSync(file, "utf8");
  let ids: string[];
  try {
    if (!options.checkOnly) {
      const stable = removeStaticFigures(externalPlotly(stableFigureIds(html)));
      if (stable !== html) writeFileSync(file, (html = stable));
      if (usesPlotlyFile(html)) ensurePlotlyFile(dirname(file));
    } else if (usesPlotlyFile(html) && !existsSync(join(dirname(file), PLOTLY_FILE))) {
      fail(`loads ${PLOTLY_FILE}, which is missing beside the page`);
      return result;
    }
    ids = figureIds(html, `${name}.html`);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
    return result;
  }
  result.figures = ids.length;
  const label = (i: number, title: string) => `Abbildung ${i + 1}${title ? ` „${title}“` : ""} (div ${ids[i]})`;

  // With JavaScript: every figure drawn, no request, no console error (and, unless only checking, the PNGs).
  const page = await browser.open(file, ids, { images: !options.checkOnly });
  pageProblems(page, label, fail);
  if (result.problems.length > 0) return result;
  if (!options.checkOnly) {
    const folder = basename(imageDir(file));
    const pngs = page.figures.map((f) => page.images.get(f.id) as Buffer);
    const statics: StaticFigure[] = page.figures.map((f, i) => ({
      id: f.id,
      src: imageSrc(folder, imageName(i + 1)),
      alt: f.title || `Abbildung ${i + 1}`,
      width: f.width,
      height: f.height,
    }));
    const written = insertStaticFigures(html, statics);
    // The written file is the checked page plus <noscript> elements, which a browser with JavaScript parses as
    // text and never shows; so the check above holds for it (`--check-only` opens the written file again).
    if (removeStaticFigures(written) !== html) throw new Error(`processNotebookHtml: inserting the static images changed other parts of ${name}.html`);
    result.images = writeImages(file, pngs);
    writeFileSync(file, written);
  }

  // Without JavaScript: every figure's static image is there and decodes at full size.
  const shown = await browser.openWithoutScripts(file);
  ids.forEach((id, i) => {
    const img = shown.filter((s) => s.figureId === id);
    const f = page.figures[i];
    const title = f.title;
    if (img.length !== 1) return fail(`${label(i, title)}: ${img.length} static images (<noscript class="sr-static-figure">), expected 1`);
    const want = { width: Math.floor(f.width * PNG_SCALE), height: Math.floor(f.height * PNG_SCALE) };
    if (img[0].width !== want.width || img[0].height !== want.height) {
      fail(`${label(i, title)}: static image is ${img[0].width}×${img[0].height} pixels without JavaScript, expected ${want.width}×${want.height}`);
    }
  });
  const extra = shown.filter((s) => !ids.includes(s.figureId));
  for (const s of extra) fail(`static image for "${s.figureId}", which is not a figure of the page`);
  return result;
}

function pageProblems(report: PageReport, label: (i: number, title: string) => string, fail: (m: string) => void): void {
  report.figures.forEach((f, i) => {
    for (const p of f.problems) fail(`${label(i, f.title)}: ${p}`);
  });
  for (const id of report.unexpected) fail(`plotly figure in div "${id}" is not a known figure div (class sr-figure or a Plotly.newPlot(document.getElementById(…)) target)`);
  for (const url of [...new Set(report.blockedRequests)]) fail(`tried to load ${url} (blocked: notebook HTML must work offline)`);
  for (const e of report.consoleErrors) fail(`console error: ${e}`);
}

/** Writes the PNGs (removing those of an earlier run first) and returns their paths. */
function writeImages(file: string, figures: readonly Buffer[]): string[] {
  const dir = imageDir(file);
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) if (/^abbildung-\d+\.png$/.test(f)) rmSync(join(dir, f));
  }
  if (figures.length === 0) {
    if (existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
    return [];
  }
  mkdirSync(dir, { recursive: true });
  return figures.map((f, i) => {
    const path = join(dir, imageName(i + 1));
    writeFileSync(path, f);
    return path;
  });
}
