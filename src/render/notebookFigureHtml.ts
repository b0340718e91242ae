import type { Figure } from "../plot/figure.js";
import { figureDiv, figureDrawScript, plotlyScriptTags } from "./figureHtml.js";

let plotlyIncluded = false;
let counter = 0;

/** Options of {@link notebookFigureHtml}. */
export interface NotebookFigureOptions {
  /** Force (true) or suppress (false) the plotly bundle; default: only in the first output of the kernel. */
  includePlotly?: boolean;
}

/**
 * HTML for one notebook cell output (tslab `display.html(...)`): the figure's div and script, preceded by the
 * inlined plotly bundle in the first figure of the kernel session only (a notebook then carries plotly once,
 * ~5 MB, and later outputs reuse `window.Plotly`). Later outputs wait until `window.Plotly` exists, so the
 * order in which a front end evaluates the cells does not matter. Works offline (see `figuresToHtml`).
 * Call {@link resetNotebookPlotly} when the front end was reloaded (e.g. after "Clear all outputs").
 *
 * @example
 * import * as tslab from "tslab";
 * tslab.display.html(notebookFigureHtml(rankingBarFigure(rows, { value: "index" })));
 */
export function notebookFigureHtml(figure: Figure, options: NotebookFigureOptions = {}): string {
  const include = options.includePlotly ?? !plotlyIncluded;
  if (include) plotlyIncluded = true;
  counter += 1;
  const id = `sozialraum-fig-${process.pid}-${counter}`;
  // Defer the draw until plotly is there (polls up to 30 s; the bundle is inline in an earlier output).
  const script =
    `<script>(function(){var n=0;(function wait(){if(window.Plotly){${figureDrawScript(figure, id)}}` +
    `else if(n++<600){setTimeout(wait,50);}})();})();</script>`;
  return `${include ? plotlyScriptTags() : ""}${figureDiv({ id })}\n${script}\n`;
}

/** Forgets that plotly was sent, so the next {@link notebookFigureHtml} includes the bundle again. */
export function resetNotebookPlotly(): void {
  plotlyIncluded = false;
}
