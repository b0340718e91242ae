import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { Missing, numberOrNull } from "../table/missing.js";

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
 * Formats a number the German way for hover texts, cell texts and notes: decimal comma, "." between thousands
 * (`formatGermanNumber`), no sign on a value that shows as zero ("0,00", never "-0,00"), and the typographic minus
 * "−" that plotly's own axis labels use. A missing value shows as its marker ("." "x" …) or "–"; so do null,
 * NaN and ±Infinity.
 *
 * @example
 * formatGerman(-1.3);          // "−1,30"
 * formatGerman(-0.004);        // "0,00"
 * formatGerman(1234.5, 1);     // "1.234,5"
 * formatGerman(missing("."));  // "."
 * formatGerman(NaN);           // "–"
 */
export function formatGerman(value: number | Missing | null | undefined, decimals = 2): string {
  if (value instanceof Missing) return value.marker !== "" ? value.marker : "–";
  if (typeof value !== "number" || !Number.isFinite(value)) return "–";
  const text = formatGermanNumber(value, { decimals });
  return text.startsWith("-") ? `\u2212${text.slice(1)}` : text;
}
