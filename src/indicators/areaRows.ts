import { Missing } from "../table/missing.js";
import { tableAccess, type TableLike, type TableRow } from "../table/tableLike.js";

/** A row of an area table: column name → cell (alias of `TableRow`). */
export type InputRow = TableRow;

/**
 * What the indicator functions read. Alias of the library's one table input `TableLike` (kept for existing code):
 * plain rows, an `AreaTable` (its `rows`), an arquero table, a column table or column data.
 */
export type RowsInput = TableLike;

/**
 * Any table input as plain rows (internal helper): row inputs as given, an arquero table via `objects()`, other
 * column-oriented inputs assembled into rows.
 */
export function areaRows(fn: string, input: RowsInput | unknown): readonly InputRow[] {
  const access = tableAccess(input);
  if (access) return access.objects();
  throw new TypeError(`${fn}: expected an array of rows, an AreaTable or an arquero table, got ${input === null ? "null" : typeof input}`);
}

/** The string key of a row; numbers are refused because they lose leading zeros ("010101" → 10101). */
export function areaKey(fn: string, row: InputRow, column: string, index: number): string {
  const key = row[column];
  if (typeof key === "string" && key !== "") return key;
  if (key === undefined) throw new RangeError(`${fn}: row ${index} has no column "${column}"`);
  throw new TypeError(
    `${fn}: column "${column}" of row ${index} must be a non-empty string (area keys keep leading zeros), got ${JSON.stringify(key) ?? String(key)}`,
  );
}

/** A count read from a cell: a number, or the marker of a missing cell. */
export type CountCell = { value: number; marker?: undefined } | { value: null; marker: string };

/**
 * Reads one count cell (internal helper): finite numbers ≥ 0 pass; `Missing`, null, undefined and NaN are
 * missing (keeping the marker) unless the marker is one of `zeroMarkers` (then 0); anything else (text,
 * negative, infinite) is an error naming area and column.
 */
export function readCount(fn: string, row: InputRow, column: string, area: string, zeroMarkers?: readonly string[]): CountCell {
  const v = row[column];
  if (typeof v === "number" && Number.isFinite(v)) {
    if (v < 0) throw new RangeError(`${fn}: negative count ${v} in column "${column}" of area "${area}"`);
    // v + 0 turns −0 (e.g. a cell "-0") into 0, so no "-0" reaches a rate or a sum.
    return { value: v + 0 };
  }
  if (v instanceof Missing) return zeroMarkers?.includes(v.marker) ? { value: 0 } : { value: null, marker: v.marker };
  if (v === null || v === undefined) return { value: null, marker: "" };
  if (typeof v === "number" && Number.isNaN(v)) return { value: null, marker: "NaN" };
  throw new TypeError(`${fn}: column "${column}" of area "${area}" is not a count: ${JSON.stringify(v) ?? String(v)}`);
}

/** German number formatting for reasons and labels ("1.234,5"). */
export function formatGerman(value: number): string {
  return GERMAN.format(value);
}

// One formatter for all calls: toLocaleString builds a new one each time and is ~100× slower.
const GERMAN = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });

/** Checks the zeroMarkers option of computeIndicators and aggregateCounts (internal helper). */
export function markerList(fn: string, markers: readonly string[] | undefined): readonly string[] {
  if (markers === undefined) return [];
  if (!Array.isArray(markers) || markers.some((m) => typeof m !== "string")) {
    throw new TypeError(`${fn}: zeroMarkers must be an array of strings, got ${JSON.stringify(markers)}`);
  }
  return markers;
}
