import { tableAccess, type TableLike } from "../table/tableLike.js";
import type { PlotRow } from "./rows.js";

/**
 * The rows a plot builder draws from any table input (`TableLike`): plain rows as given (no copy), an
 * `AreaTable`'s rows, an arquero table's `objects()`, column data assembled into rows. Anything else is passed on
 * unchanged, so the builder's own checks report it as before.
 *
 * @example
 * plotRows(aq.from([{ id: "010101", z: 1.2 }])); // [{ id: "010101", z: 1.2 }]
 */
export function plotRows(input: TableLike | readonly PlotRow[]): readonly PlotRow[] {
  return tableAccess(input)?.objects() ?? (input as readonly PlotRow[]);
}
