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

/** Throws `fn: Spalte "key" nicht gefunden` unless the first row has the key (catches typos early). */
export function requireColumn(fn: string, rows: readonly PlotRow[], key: string): void {
  if (rows.length > 0 && !(key in rows[0])) {
    throw new Error(`${fn}: Spalte "${key}" nicht gefunden (Spalten: ${Object.keys(rows[0]).join(", ")})`);
  }
}

/**
 * The `formatGermanNumber` options of hover texts, cell texts and notes in figures: the typographic minus "−"
 * that plotly's own axis labels use, and "–" for null, NaN and ±Infinity. A value that rounds to zero shows no sign.
 *
 * @example
 * formatGermanNumber(-1.3, { ...FIGURE_NUMBER, decimals: 2 });   // "−1,30"
 * formatGermanNumber(null, { ...FIGURE_NUMBER, decimals: 2 });   // "–"
 */
export const FIGURE_NUMBER = { sign: { minus: "\u2212" }, missing: "–" } as const;
