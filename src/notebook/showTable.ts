import { htmlTable, type HtmlTableOptions, type HtmlTableInput } from "./htmlTable.js";
import { tslabDisplay } from "./tslabDisplay.js";

/**
 * Shows rows (or an arquero table) as a German-formatted HTML table in a tslab notebook ({@link htmlTable}:
 * decimal comma, missing markers, at most `limit` rows with a note on the hidden ones).
 *
 * @example
 * import * as sr from "sozialraum";
 * sr.showTable(rows, { limit: 10, caption: "Sozialräume" });
 */
export function showTable(input: HtmlTableInput, options: HtmlTableOptions = {}): void {
  const html = htmlTable(input, options);
  tslabDisplay("showTable").html(html);
}
