import type { Figure } from "../plot/figure.js";
import { notebookFigureHtml, type NotebookFigureOptions } from "../render/notebookFigureHtml.js";
import { tslabDisplay } from "./tslabDisplay.js";

/**
 * Shows a plotly figure (plain `{data, layout}`) in a tslab notebook. The plotly.js bundle is inlined once per
 * kernel session (with the first figure), so the notebook and its HTML export work offline; see
 * `notebookFigureHtml` in src/render. After "Restart & Clear Output" the kernel is new and sends it again.
 *
 * @example
 * import * as sr from "sozialraum";
 * sr.showFigure({ data: [{ type: "bar", x: ["A", "B"], y: [3, 5] }], layout: { title: { text: "Einwohner" } } });
 */
export function showFigure(figure: Figure, options: NotebookFigureOptions = {}): void {
  const html = notebookFigureHtml(figure, options);
  tslabDisplay("showFigure").html(html);
}
