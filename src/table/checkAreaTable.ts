import type { AreaTable } from "./areaTable.js";
import { DataError, quoteValue, type DataProblem } from "./dataError.js";
import { Missing } from "./missing.js";

/** A share that must not exceed its base, e.g. `{ numerator: "sgb2_unter_15", denominator: "ew_0_14" }`. */
export interface RatioDeclaration {
  numerator: string;
  denominator: string;
}

/** Options of `checkAreaTable`. */
export interface CheckAreaTableOptions {
  /** The area-key column (default `table.id`). */
  id?: string;
  /** Count columns: each value a non-negative whole number (or missing). */
  counts?: string[];
  /** Numerator/denominator pairs: where both are numbers, numerator ≤ denominator. */
  ratios?: RatioDeclaration[];
}

/** The result of `checkAreaTable` when the table passes. */
export interface AreaTableCheck {
  name: "checkAreaTable";
  /** Number of rows checked. */
  n: number;
  /** Number of individual cell checks done. */
  checks: number;
  /** Notes, e.g. how many ratio checks were skipped because a value is missing. */
  warnings: string[];
}

/**
 * Checks an area table before analysis and reports EVERY problem at once (one `DataError` listing them all, each
 * with file, spreadsheet row, column and value):
 * - the key column exists; every key is present (not missing) and unique;
 * - every declared column exists;
 * - counts are numbers (not text), non-negative and whole (missing values are allowed: suppressed cells);
 * - for each ratio, numerator ≤ denominator wherever both are numbers.
 *
 * @param table the table (not modified)
 * @param options see `CheckAreaTableOptions`
 * @returns `{ name, n, checks, warnings }` when there is no problem
 * @throws DataError, prefixed "checkAreaTable", e.g.:
 * - `data/x.csv, Spalte "einwohner": Spalte nicht gefunden (Spalten: …)`; `data/x.csv: keine Schlüsselspalte (Option { id } angeben …)`
 * - `data/x.csv Zeile 9, Spalte "sozialraum_id": doppelter Schlüssel "010101" (auch Zeile 4)`
 * - `data/x.csv Zeile 9, Spalte "sozialraum_id": der Gebietsschlüssel fehlt`
 * - `data/x.csv Zeile 7, Spalte "einwohner": Wert "-3" ist negativ`
 * - `data/x.csv Zeile 7, Spalte "einwohner": Wert "2.5" ist keine ganze Zahl`
 * - `data/x.csv Zeile 7, Spalte "einwohner": Wert "12a" ist keine Zahl`
 * - `data/x.csv Zeile 7, Spalte "ew_0_5": Wert "12" ist größer als sein Nenner "einwohner" (10)`
 *
 * @example
 * checkAreaTable(readCsv("data/strukturdaten_2018.csv", { id: "sozialraum_id" }), {
 *   counts: ["einwohner", "sgb2_unter_15"],
 *   ratios: [{ numerator: "sgb2_personen", denominator: "einwohner" }],
 * });
 */
export function checkAreaTable(table: AreaTable, options: CheckAreaTableOptions = {}): AreaTableCheck {
  const { file } = table;
  const problems: DataProblem[] = [];
  const warnings: string[] = [];
  const present = new Set(table.columns);
  const listed = table.columns.map((c) => JSON.stringify(c)).join(", ");
  const exists = (column: string) => {
    if (present.has(column)) return true;
    problems.push({ file, column, message: `Spalte nicht gefunden (Spalten: ${listed})` });
    return false;
  };
  const id = options.id ?? table.id;
  let checks = 0;
  const row = (i: number) => table.rowNumbers[i] ?? i + 2;

  if (id === undefined) problems.push({ file, message: "keine Schlüsselspalte (Option { id } angeben oder die Tabelle mit { id } einlesen)" });
  else if (exists(id)) {
    const first = new Map<string, number>();
    table.rows.forEach((r, i) => {
      checks++;
      const v = r[id];
      if (v instanceof Missing || v === undefined || v === null || v === "") {
        problems.push({ file, row: row(i), column: id, value: v, message: "der Gebietsschlüssel fehlt" });
        return;
      }
      const key = String(v);
      const before = first.get(key);
      if (before !== undefined) problems.push({ file, row: row(i), column: id, value: key, message: `doppelter Schlüssel ${quoteValue(key)} (auch Zeile ${row(before)})` });
      else first.set(key, i);
    });
  }

  for (const column of options.counts ?? []) {
    if (!exists(column)) continue;
    table.rows.forEach((r, i) => {
      checks++;
      const v = r[column];
      if (v instanceof Missing || v === undefined || v === null) return;
      const problem =
        typeof v !== "number" || Number.isNaN(v) ? "ist keine Zahl" : v < 0 ? "ist negativ" : !Number.isInteger(v) ? "ist keine ganze Zahl" : null;
      if (problem !== null) problems.push({ file, row: row(i), column, value: v, message: `Wert ${quoteValue(v)} ${problem}` });
    });
  }

  for (const { numerator, denominator } of options.ratios ?? []) {
    const ok = exists(numerator);
    if (!exists(denominator) || !ok) continue;
    let skipped = 0;
    table.rows.forEach((r, i) => {
      const a = r[numerator];
      const b = r[denominator];
      if (typeof a !== "number" || typeof b !== "number" || Number.isNaN(a) || Number.isNaN(b)) {
        skipped++;
        return;
      }
      checks++;
      if (a > b) problems.push({ file, row: row(i), column: numerator, value: a, message: `Wert ${quoteValue(a)} ist größer als sein Nenner ${JSON.stringify(denominator)} (${b})` });
    });
    if (skipped) warnings.push(`checkAreaTable: ${file}: ${numerator} ≤ ${denominator} in ${skipped} ${skipped === 1 ? "Zeile" : "Zeilen"} nicht geprüft (ein Wert fehlt oder ist keine Zahl)`);
  }

  if (problems.length) throw new DataError("checkAreaTable", problems);
  return { name: "checkAreaTable", n: table.rows.length, checks, warnings };
}
