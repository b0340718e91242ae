import type { AreaTable } from "../table/areaTable.js";
import { DataError, type DataProblem } from "../table/dataError.js";
import { buildAreaTable, type CellOptions, type RawCell } from "./buildAreaTable.js";
import { decodeText, type TextEncodingOption } from "./decodeText.js";
import { splitCsvRecords } from "./splitCsvRecords.js";

/** Options of `readCsv` and `parseCsv`. */
export interface CsvOptions extends CellOptions {
  /** Field separator: ";", ",", "\t" or "auto" (default: the most frequent of the three in the header row). */
  separator?: ";" | "," | "\t" | "auto";
  /** Text encoding of bytes (default "auto": UTF-8, else Windows-1252 with a warning; see `decodeText`). */
  encoding?: TextEncodingOption;
  /** The row with the column names (default 1); earlier rows (titles) are skipped. */
  headerRow?: number;
  /**
   * `false` for a file WITHOUT a header row: columns are named "V1", "V2", … (as R's read.csv) unless
   * `columnNames` are given, and `headerRow` is the first data row. Default true.
   */
  header?: boolean;
  /** Column names for a file without a header row (implies `header: false`); one per field. */
  columnNames?: string[];
}

const CANDIDATES = [";", ",", "\t"] as const;

/**
 * Parses CSV text or bytes into an `AreaTable` (see `readCsv` for the rules and errors).
 *
 * @param input the file content: a string, or bytes (decoded per `options.encoding`)
 * @param options `CsvOptions` plus `file`, the name used in messages (default "<csv>")
 * @example
 * const t = parseCsv("gebiet;einwohner\n0101;1.675\n0102;.\n", { id: "gebiet", file: "demo.csv" });
 * t.rows; // [{ gebiet: "0101", einwohner: 1675 }, { gebiet: "0102", einwohner: Missing(".") }]
 */
export function parseCsv(input: string | Uint8Array, options: CsvOptions & { file?: string; fn?: string } = {}): AreaTable {
  const fn = options.fn ?? "parseCsv";
  const file = options.file ?? "<csv>";
  let text: string;
  const warnings: string[] = [];
  let encoding = "utf-8";
  if (typeof input === "string") text = input;
  else {
    const decoded = decodeText(input, { encoding: options.encoding, file, fn });
    text = decoded.text;
    encoding = decoded.encoding;
    warnings.push(...decoded.warnings);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new DataError(fn, { file, message: "die Datei ist leer" });

  const headerRow = options.headerRow ?? 1;
  if (!Number.isInteger(headerRow) || headerRow < 1) throw new DataError(fn, { file, value: headerRow, message: `headerRow muss eine ganze Zahl ≥ 1 sein, ist aber ${headerRow}` });
  const separator = !options.separator || options.separator === "auto" ? detectSeparator(text, headerRow, fn, file) : options.separator;

  // Empty lines come back as [""]; starts[k] is the spreadsheet row on which record k starts.
  const { records, rows: starts } = splitCsvRecords(text, { separator, fn, file });
  const lastLine = records.length === 0 ? 0 : starts[records.length - 1] + records[records.length - 1].reduce((n, f) => n + f.split("\n").length - 1, 0);
  let first = 0;
  while (first < records.length && (starts[first] < headerRow || (records[first].length === 1 && records[first][0] === ""))) first++;
  let header: RawCell[];
  let dataStart: number;
  let headerLine: number;
  const noHeader = options.columnNames !== undefined || options.header === false;
  if (noHeader) {
    dataStart = first;
    headerLine = headerRow;
    if (first >= records.length) throw new DataError(fn, { file, row: headerRow, message: `keine Datenzeilen ab Zeile ${headerRow}` });
    const fields = records[first].length;
    if (options.columnNames && options.columnNames.length !== fields) {
      throw new DataError(fn, { file, row: starts[first], message: `columnNames hat ${options.columnNames.length} Namen, die Zeile aber ${fields} Felder` });
    }
    header = options.columnNames ? options.columnNames.slice() : Array.from({ length: fields }, (_, j) => `V${j + 1}`);
  } else {
    if (first >= records.length) throw new DataError(fn, { file, row: headerRow, message: `keine Kopfzeile (die Datei hat ${lastLine} Zeilen)` });
    header = records[first];
    headerLine = starts[first];
    dataStart = first + 1;
  }
  const width = header.length;
  const data: RawCell[][] = [];
  const rowNumbers: number[] = [];
  const problems: DataProblem[] = [];
  let blank = 0;
  for (let k = dataStart; k < records.length; k++) {
    const r = records[k];
    if (r.length === 1 && r[0] === "" && width !== 1) continue; // an empty line
    if (r.length !== width) {
      if (r.every((f) => f.trim() === "")) {
        blank++;
        continue;
      }
      const other = CANDIDATES.filter((c) => c !== separator && r.join("").includes(c));
      problems.push({
        file,
        row: starts[k],
        message:
          `${r.length} ${r.length === 1 ? "Feld" : "Felder"}, erwartet ${width} (${noHeader ? "wie die erste Zeile" : `die Kopfzeile hat ${width} Spalten`}, Trennzeichen ${JSON.stringify(separator)})` +
          (other.length ? `; die Zeile enthält ${other.map((c) => JSON.stringify(c)).join(" und ")}: uneinheitliches Trennzeichen?` : ""),
      });
      continue;
    }
    if (r.every((f) => f.trim() === "")) {
      blank++;
      continue;
    }
    data.push(r);
    rowNumbers.push(starts[k]);
  }
  if (problems.length) throw new DataError(fn, problems);
  if (blank) warnings.push(`${fn}: ${file}: ${blank} ${blank === 1 ? "leere Zeile" : "leere Zeilen"} übersprungen`);
  if (data.length === 0) throw new DataError(fn, { file, row: headerLine, message: "die Datei hat eine Kopfzeile, aber keine Datenzeilen" });

  return buildAreaTable(
    {
      fn,
      file,
      header,
      headerRow: headerLine,
      records: data,
      rowNumbers,
      warnings,
      source: { format: "csv", encoding, separator, headerRow: noHeader ? undefined : headerLine },
    },
    options,
  );
}

/**
 * The separator is the most frequent of ";", "," and tab outside quotes in the header row (the `headerRow`-th
 * non-empty line). None found, or a tie, is an error.
 */
function detectSeparator(text: string, headerRow: number, fn: string, file: string): ";" | "," | "\t" {
  let start = 0;
  for (let line = 1; line < headerRow && start >= 0; line++) {
    const nl = text.indexOf("\n", start);
    start = nl < 0 ? -1 : nl + 1;
  }
  if (start < 0) throw new DataError(fn, { file, row: headerRow, message: `keine Zeile ${headerRow} (die Datei ist kürzer)` });
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  const line = text.slice(start, end);
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted) {
      const k = ch === ";" ? 0 : ch === "," ? 1 : ch === "\t" ? 2 : -1;
      if (k >= 0) counts[k]++;
    }
  }
  const max = Math.max(...counts);
  const shown = JSON.stringify(line.length > 60 ? line.slice(0, 60) + "…" : line);
  if (max === 0) {
    throw new DataError(fn, {
      file,
      row: headerRow,
      value: line,
      message: `Trennzeichen nicht erkennbar: Zeile ${headerRow} ${shown} enthält kein ";", "," oder Tabulator; die Option { separator } angeben`,
    });
  }
  const best = [0, 1, 2].filter((k) => counts[k] === max);
  if (best.length > 1) {
    throw new DataError(fn, {
      file,
      row: headerRow,
      value: line,
      message: `Trennzeichen nicht erkennbar: Zeile ${headerRow} ${shown} enthält gleich viele ${best.map((k) => JSON.stringify(CANDIDATES[k])).join(" wie ")}; die Option { separator } angeben`,
    });
  }
  return CANDIDATES[best[0]];
}
