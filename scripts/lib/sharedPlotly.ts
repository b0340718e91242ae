/**
 * One plotly.js for all notebook HTML renderings. `sr.showFigure` inlines the bundle (~5 MB) into the first figure
 * output of a kernel session, so a live notebook works offline; in output/notebooks/ that would be ~5 MB per
 * rendering and again per executed notebook. The renderings instead load `plotly.min.js` from beside them (a local
 * file, so they still work offline; scripts/lib/run_notebooks.py makes the same replacement in the executed
 * notebooks), and {@link ensurePlotlyFile} writes that file once.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { plotlyBundlePath } from "../../src/render/plotlyBundle.js";

/** File name of the shared bundle, beside the renderings. */
export const PLOTLY_FILE = "plotly.min.js";
/** How `plotlyScriptTags` (src/render/figureHtml.ts) starts and ends the inlined bundle (which escapes `</script`). */
const BUNDLE_START = "<script>/* plotly.js (MIT), inlined for offline use */\n";
const BUNDLE_END = "</script>\n";
/** What replaces it: a classic (blocking) script, so the German locale script after it still finds `Plotly`. */
export const PLOTLY_REFERENCE = `<script src="${PLOTLY_FILE}"></script>\n`;

/**
 * The HTML with every inlined plotly.js bundle replaced by {@link PLOTLY_REFERENCE}. Idempotent; other scripts
 * (offline geo assets, locale, figure draw calls) are untouched.
 *
 * @example
 * externalPlotly(`<script>/* plotly.js (MIT), inlined for offline use *\/\n…\n</script>\n<div …>`)
 * // '<script src="plotly.min.js"></script>\n<div …>'
 */
export function externalPlotly(html: string): string {
  let out = "";
  let at = 0;
  for (let start = html.indexOf(BUNDLE_START); start >= 0; start = html.indexOf(BUNDLE_START, at)) {
    const end = html.indexOf(BUNDLE_END, start + BUNDLE_START.length);
    if (end < 0) throw new Error("externalPlotly: inlined plotly.js bundle without its closing </script>");
    out += html.slice(at, start) + PLOTLY_REFERENCE;
    at = end + BUNDLE_END.length;
  }
  return out + html.slice(at);
}

/** True when the page loads the shared bundle. */
export function usesPlotlyFile(html: string): boolean {
  return html.includes(PLOTLY_REFERENCE);
}

/**
 * Writes the project's plotly.js bundle (plotly.js-dist-min) to `<dir>/plotly.min.js` unless that file already has
 * the same bytes; returns its path.
 */
export function ensurePlotlyFile(dir: string): string {
  const target = join(dir, PLOTLY_FILE);
  const source = readFileSync(plotlyBundlePath());
  if (!existsSync(target) || !readFileSync(target).equals(source)) writeFileSync(target, source);
  return target;
}
