import { readFile } from "node:fs/promises";
import type { AreaTable } from "../table/areaTable.js";
import { DataError } from "../table/dataError.js";
import { parseXlsx, type XlsxOptions } from "./parseXlsx.js";

/**
 * Reads one worksheet of an XLSX workbook into an `AreaTable` (asynchronous, via exceljs), with the same cell
 * rules as `readCsv`, so that the XLSX and the CSV of the same data give the same values.
 *
 * - Sheet: `sheet` (name or 1-based position), default the first.
 * - Header row: `headerRow`, or detected: the first of the first 30 rows in which at least half of the columns
 *   hold different texts and no numbers (and which contains `id` if given); title rows above it are skipped. If
 *   the header's id cell (or first cell) is merged downwards (e.g. "Stadtgebiet" over rows 2–4), the rows it
 *   covers are header rows too (descriptions, units), and data starts below them.
 * - Cells: numbers stay numbers (Excel stores full precision; a CSV export may carry rounded values); text cells
 *   go through the CSV rules (German numbers, missing markers); error cells (#DIV/0!) become missing values;
 *   formulas give their cached result; numbers formatted "00000000" become zero-padded text (keys).
 * - Rows: spreadsheet row numbers as shown by Excel. Empty rows are skipped with a warning; rows after an empty
 *   row with at most one filled cell are footnotes ("Quelle: …"), left out with a warning listing them.
 *
 * @param path the file path (used in messages as `path [sheet]`)
 * @param options see `XlsxOptions` and `CellOptions`
 * @throws DataError, prefixed "readXlsx: <file> [<sheet>]", e.g.:
 * - `die Datei ist nicht lesbar (ENOENT …)`; `not a readable XLSX workbook (…)`
 * - `no sheet named "2019" (sheets: "2017", "2018")`; `no sheet number 3 (…)`; `the sheet is empty`
 * - `cannot find the header row in the first 30 rows (…); pass { headerRow }`
 * - `row 4: the sheet has a header but no data rows`
 * - and the column and cell errors of `readCsv` (duplicate column names, column not found, value is not a number,
 *   mixed decimal marks).
 *
 * @example
 * const t = await readXlsx("Daten_fuer_die_Stadtteilprofile_2014.xlsx", { id: "Stadtgebiet" });
 * t.source.headerRow; // 3 (rows 1–2 are a title and group headings, row 4 holds descriptions)
 */
export async function readXlsx(path: string, options: XlsxOptions = {}): Promise<AreaTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new DataError("readXlsx", { file: path, message: `die Datei ist nicht lesbar (${(e as Error).message})` });
  }
  return parseXlsx(bytes, { ...options, file: path, fn: "readXlsx" });
}
