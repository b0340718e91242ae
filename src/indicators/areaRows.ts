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
  throw new TypeError(`${fn}: erwartet wird eine Liste von Zeilen, eine AreaTable oder eine arquero-Tabelle, angegeben ist ${input === null ? "null" : typeof input}`);
}

/** The string key of a row; numbers are refused because they lose leading zeros ("010101" → 10101). */
export function areaKey(fn: string, row: InputRow, column: string, index: number): string {
  const key = row[column];
  if (typeof key === "string" && key !== "") return key;
  if (key === undefined) throw new RangeError(`${fn}: Zeile ${index + 1} hat keine Spalte "${column}"`);
  throw new TypeError(
    `${fn}: Spalte "${column}" muss in Zeile ${index + 1} eine nicht leere Zeichenkette sein (Gebietsschlüssel behalten führende Nullen), angegeben ist ${JSON.stringify(key) ?? String(key)}`,
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
    if (v < 0) throw new RangeError(`${fn}: Spalte "${column}" hat einen negativen Wert in Gebiet "${area}": ${v}`);
    // v + 0 turns −0 (e.g. a cell "-0") into 0, so no "-0" reaches a rate or a sum.
    return { value: v + 0 };
  }
  if (v instanceof Missing) return zeroMarkers?.includes(v.marker) ? { value: 0 } : { value: null, marker: v.marker };
  if (v === null || v === undefined) return { value: null, marker: "" };
  if (typeof v === "number" && Number.isNaN(v)) return { value: null, marker: "NaN" };
  throw new TypeError(`${fn}: Spalte "${column}" hat in Gebiet "${area}" keine Anzahl: ${JSON.stringify(v) ?? String(v)}`);
}

/** Checks the zeroMarkers option of computeIndicators and aggregateCounts (internal helper). */
export function markerList(fn: string, markers: readonly string[] | undefined): readonly string[] {
  if (markers === undefined) return [];
  if (!Array.isArray(markers) || markers.some((m) => typeof m !== "string")) {
    throw new TypeError(`${fn}: zeroMarkers muss eine Liste von Zeichenketten sein, angegeben ist ${JSON.stringify(markers)}`);
  }
  return markers;
}
