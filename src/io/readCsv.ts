import { readFileSync } from "node:fs";
import type { AreaTable } from "../table/areaTable.js";
import { DataError } from "../table/dataError.js";
import { parseCsv, type CsvOptions } from "./parseCsv.js";

/**
 * Reads a CSV file as published by German statistics offices into an `AreaTable` (synchronous).
 *
 * - Separator ";" "," or tab, detected from the header row (`separator` to force one).
 * - Encoding: UTF-8 with or without byte-order mark; bytes that are not valid UTF-8 are read as Windows-1252
 *   (Excel's CSV export) with a warning; `encoding: "utf-8"` turns that into an error (see `decodeText`).
 * - Quoted fields (RFC 4180, via csv-parse), also spanning lines.
 * - Numbers per `parseGermanNumber`: decimal comma, thousands ".", space, U+00A0, U+202F; "-  23" = -23;
 *   "53,40%" = 53.4. `decimal: "auto"` (default) looks for a cell that only one reading allows ("9,7" → comma,
 *   "4.25" → point); none → comma with a warning if a value like "1.675" could be read either way.
 * - Missing markers (`DEFAULT_MISSING_MARKERS`: "", ".", "-", "–", "x", "*", "k.A." …) become `Missing` values
 *   keeping the marker, never 0.
 * - Column types: the `id` column and columns declared `types: { name: "string" }` keep their text ("01100101");
 *   other columns are numbers when all their cells are (see `CellOptions.types`).
 * - Row numbers are spreadsheet rows: the header is row 1 (or `headerRow`), the first data row 2. Empty rows are
 *   skipped with a warning; cells and column names are trimmed.
 *
 * @param path the file path (used as the file name in messages)
 * @param options see `CsvOptions`
 * @returns the table; `table.warnings` lists what a reviewer should know
 * @throws DataError, always prefixed "readCsv: <file>", e.g.:
 * - `die Datei ist nicht lesbar (ENOENT …)`
 * - `the file is empty`; `row 1: the file has a header but no data rows`
 * - `row 1: cannot detect the separator: row 1 "a|b" contains no ";", "," or tab; pass { separator }` (or a tie)
 * - `row 7: broken quote or malformed field: …`; `row 7: broken quote: a quote opened in row 7 is not closed …`
 * - `row 7: 3 fields, expected 4 (the header has 4 columns, separator ";")` — one line per ragged row
 * - `row 1, column "x": duplicate column name (columns 2 and 5)`; `row 1: column 3 has no name but contains data`
 * - `, column "einwohner": column not found (columns: …)` for `id` or `types` naming an absent column
 * - `row 7, column "einwohner": value "12a" is not a number` — for columns declared "number"
 * - `row 7, column "x": mixed decimal marks: …` — `decimal: "auto"` found both kinds
 * - `row 3: invalid UTF-8 (byte 0xE4 at offset 41) …` — only with `encoding: "utf-8"`
 *
 * @example
 * const t = readCsv("data/strukturdaten_2018.csv", { id: "sozialraum_id" });
 * t.rows[0].sozialraum_id; // "010101"
 * t.rows[0].einwohner;     // 2345
 */
export function readCsv(path: string, options: CsvOptions = {}): AreaTable {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataError("readCsv", { file: path, message: `die Datei ist nicht lesbar (${(e as Error).message})` });
  }
  return parseCsv(bytes, { ...options, file: path, fn: "readCsv" });
}
