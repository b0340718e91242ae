import { type InputRow, areaRows } from "./areaRows.js";

/** Options of {@link drillDown}. */
export interface DrillDownOptions {
  /** The parent key column of the rows (e.g. "stadtteil_id"). */
  parent: string;
  /** The parent whose children are wanted (e.g. "0102"). */
  value: string;
}

/**
 * The child areas of one parent, in input order: the rows whose `parent` column equals `value`
 * (e.g. the Sozialräume of Stadtteil "0102", or the Stadtteile of Stadtbezirk "01" in an aggregated table).
 * An unknown parent is an error, so a typo does not silently give an empty table. Rows are not copied or changed.
 *
 * @example
 * drillDown(rows, { parent: "stadtbezirk_id", value: "01" }); // the rows of Stadtbezirk 01
 */
export function drillDown<R extends InputRow>(rows: readonly R[], options: DrillDownOptions): R[] {
  const fn = "drillDown";
  const data = areaRows(fn, rows) as readonly R[];
  if (!options || typeof options.parent !== "string" || typeof options.value !== "string") {
    throw new TypeError(`${fn}: options.parent (Spalte) und options.value (übergeordneter Schlüssel, eine Zeichenkette) sind erforderlich`);
  }
  const out = data.filter((row) => row[options.parent] === options.value);
  if (out.length === 0) {
    const known = [...new Set(data.map((r) => r[options.parent]).filter((v) => typeof v === "string"))] as string[];
    const hint = known.length > 0 ? ` (vorhanden: ${known.slice(0, 10).map((k) => `"${k}"`).join(", ")}${known.length > 10 ? ", …" : ""})` : "";
    throw new RangeError(`${fn}: keine Zeile mit ${options.parent} = "${options.value}"${hint}`);
  }
  return out;
}
