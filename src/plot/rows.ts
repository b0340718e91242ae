import { numberOrNull } from "../table/missing.js";

/** A row of a per-area table as the plot builders read it. */
export type PlotRow = Readonly<Record<string, unknown>>;

/** The text of a cell (ids, names, classes); missing cells give "". */
export function cellText(row: PlotRow, key: string): string {
  const v = row[key];
  if (v === null || v === undefined) return "";
  return String(v);
}

/** The number in a cell or null (missing markers, NaN and non-numbers are null). */
export function cellNumber(row: PlotRow, key: string): number | null {
  return numberOrNull(row[key]);
}

/** Throws `fn: column "key" not found` unless the first row has the key (catches typos early). */
export function requireColumn(fn: string, rows: readonly PlotRow[], key: string): void {
  if (rows.length > 0 && !(key in rows[0])) {
    throw new Error(`${fn}: column "${key}" not found (columns: ${Object.keys(rows[0]).join(", ")})`);
  }
}

/** Formats a number the German way for hover texts and notes (decimal comma). */
export function formatGerman(value: number | null, decimals = 2): string {
  if (value === null) return "–";
  return value.toLocaleString("de-DE", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
