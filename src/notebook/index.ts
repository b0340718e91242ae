/**
 * Display helpers for Jupyter notebooks with the tslab kernel (see notebooks/README.md).
 * @module
 */
export { htmlTable } from "./htmlTable.js";
export type { HtmlTableColumn, HtmlTableOptions, HtmlTableInput } from "./htmlTable.js";
export { showTable } from "./showTable.js";
export { showFigure } from "./showFigure.js";
export { showHtml, showMarkdown } from "./showHtml.js";
export { tslabDisplay } from "./tslabDisplay.js";
export type { NotebookDisplay } from "./tslabDisplay.js";
