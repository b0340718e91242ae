import type { AreaRow } from "../table/areaTable.js";
import { fastCsvColumns, type CsvColumns } from "./fastCsvColumns.js";
import { fastCsvColumnsParallel } from "./fastCsvColumnsParallel.js";
import { parseCsv } from "./parseCsv.js";

export type { CsvColumns } from "./fastCsvColumns.js";

/** Options of {@link readCsvColumns}. */
export interface ReadCsvColumnsOptions {
  /** File name for messages. */
  file: string;
  /** Text columns; the first is the id column. */
  text: readonly string[];
  /** Number columns. */
  numbers: readonly string[];
  /** "auto" (default): the fast path where it gives the full reader's data; "full": always `parseCsv`. */
  reader?: "auto" | "full";
  /** Function name in messages (default "readCsvColumns"). */
  fn?: string;
}

/** What {@link readCsvColumns} read. */
export interface CsvColumnsRead {
  /** Columns (fast path: strings and Float64Array, NaN for an empty number cell) or the full reader's rows. */
  data: CsvColumns | AreaRow[];
  reader: "fast" | "full";
  /** The full reader's notes (encoding fallback, skipped empty rows, …); the fast path has none. */
  warnings: string[];
}

/**
 * Reads selected columns of a CSV file from its bytes, for large tables (the `sozialraum index` command): text
 * columns as strings, number columns as `Float64Array`. Both the plain format (",", decimal point) and the German
 * one (";", decimal comma, thousands dots, UTF-8 with byte-order mark, CRLF, quoted fields) take a fast path that
 * parses the needed cells byte by byte without splitting rows into strings (see `fastCsvColumns`). Whenever the
 * result could differ from the full reader's (`parseCsv`: Windows-1252 or UTF-16, old-Mac line ends, missing
 * markers, text in a number column, ragged rows, blank rows, quoted line breaks, mixed or undetectable decimal
 * marks, duplicate headers, …), the file is read by `parseCsv` instead, which gives its usual data, notes and
 * row-numbered errors. Declared types: `text` columns "string", `numbers` "number".
 *
 * The one difference left: the full reader notes columns not selected that it reads as text although most cells
 * are numbers ("column … read as text"); the fast path never looks at those cells' values, only at their decimal
 * marks, and has no such note.
 *
 * @param bytes the file content
 * @param options see {@link ReadCsvColumnsOptions}
 * @throws DataError as `parseCsv` (prefixed with `options.fn`)
 * @example
 * const { data, reader } = readCsvColumns(readFileSync("mss.csv"), { file: "mss.csv", text: ["PLR_ID"], numbers: ["S1", "S3"] });
 * // reader === "fast"; data.S1 is a Float64Array
 */
export function readCsvColumns(bytes: Uint8Array, options: ReadCsvColumnsOptions): CsvColumnsRead {
  if ((options.reader ?? "auto") === "auto") {
    const fast = fastCsvColumns(bytes, options.text, options.numbers);
    if (fast) return { data: fast, reader: "fast", warnings: [] };
  }
  return fullReader(bytes, options);
}

/**
 * {@link readCsvColumns} with the fast path on two threads (`fastCsvColumnsParallel`; internal, for the
 * `sozialraum index` command): the same result. Bytes in a SharedArrayBuffer (`readFileShared`) are read by the
 * worker in place.
 *
 * @example
 * const { data } = await readCsvColumnsParallel(readFileShared("mss.csv"), { file: "mss.csv", text: ["PLR_ID"], numbers: ["S1"] });
 */
export async function readCsvColumnsParallel(bytes: Uint8Array, options: ReadCsvColumnsOptions & { threads?: number }): Promise<CsvColumnsRead> {
  if ((options.reader ?? "auto") === "auto") {
    const fast = await fastCsvColumnsParallel(bytes, options.text, options.numbers, { threads: options.threads });
    if (fast) return { data: fast, reader: "fast", warnings: [] };
  }
  return fullReader(bytes, options);
}

function fullReader(bytes: Uint8Array, options: ReadCsvColumnsOptions): CsvColumnsRead {
  const { file, text, numbers } = options;
  const types: Record<string, "string" | "number"> = {};
  for (const c of text) types[c] = "string";
  for (const c of numbers) types[c] = "number";
  // The decoders refuse views of shared memory.
  const own = bytes.buffer instanceof SharedArrayBuffer ? Uint8Array.from(bytes) : bytes;
  const table = parseCsv(own, { id: text[0], types, file, fn: options.fn ?? "readCsvColumns" });
  return { data: table.rows, reader: "full", warnings: table.warnings };
}
