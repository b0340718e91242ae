import { parse } from "csv-parse/sync";
import { DataError } from "../table/dataError.js";

/** The records of a CSV text and the spreadsheet row (1-based line) on which each starts. */
export interface CsvRecords {
  records: string[][];
  /** `rows[k]`: the line on which record k starts (a quoted field spanning lines moves later records down). */
  rows: number[];
}

/**
 * The one CSV tokenizer of the project (internal; `parseCsv`, the supply readers and the index command's fallback
 * read through it). Splits a decoded text (byte-order mark already removed) into records of raw, untrimmed
 * fields: RFC 4180 quotes (a quoted field may hold the separator, `""` and line breaks) via csv-parse; a text
 * without any quote character is plain splitting at line ends, which gives the same records 3–5 times faster.
 * Line ends: "\n" (a "\r" before it dropped), or "\r" when the text has no "\n". An empty line is the record
 * `[""]`, so that callers can count and skip it; rows of other lengths are returned as they are.
 *
 * @param text the decoded file content
 * @param options.separator the field separator
 * @param options.fn, options.file for messages
 * @throws DataError `fn: file row 7: broken quote or malformed field: …`, or `… row 7: broken quote: a quote
 *   opened in row 7 is not closed before the end of the file (line 9)`
 * @example
 * splitCsvRecords('a;b\n1;"x;y"\n', { separator: ";" }); // { records: [["a", "b"], ["1", "x;y"]], rows: [1, 2] }
 */
export function splitCsvRecords(text: string, options: { separator: string; fn?: string; file?: string }): CsvRecords {
  const { separator } = options;
  const fn = options.fn ?? "splitCsvRecords";
  const file = options.file ?? "<csv>";
  let records: string[][];
  const quoted = text.indexOf('"') >= 0;
  if (!quoted) {
    const lines = text.split(text.indexOf("\n") < 0 && text.indexOf("\r") >= 0 ? "\r" : "\n");
    if (lines[lines.length - 1] === "") lines.pop();
    records = new Array(lines.length);
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k];
      records[k] = (l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l).split(separator);
    }
  } else {
    try {
      records = parse(text, { delimiter: separator, relax_column_count: true }) as string[][];
    } catch (e) {
      throw csvError(e, fn, file, text);
    }
  }
  const rows = new Array<number>(records.length);
  let line = 1;
  for (let k = 0; k < records.length; k++) {
    rows[k] = line;
    line++;
    if (quoted) for (const f of records[k]) for (let p = f.indexOf("\n"); p >= 0; p = f.indexOf("\n", p + 1)) line++;
  }
  return { records, rows };
}

function csvError(e: unknown, fn: string, file: string, text: string): Error {
  const err = e as { code?: string; lines?: number; message?: string };
  if (typeof err?.code !== "string" || !err.code.startsWith("CSV_") && err.code !== "INVALID_OPENING_QUOTE") return e as Error;
  const detail = String(err.message ?? "").replace(/ at line \d+/, "");
  if (err.code === "CSV_QUOTE_NOT_CLOSED") {
    const row = openQuoteRow(text);
    return new DataError(fn, { file, row, message: `defektes Anführungszeichen: ein in Zeile ${row} geöffnetes Anführungszeichen wird bis zum Dateiende nicht geschlossen (Textzeile ${err.lines})` });
  }
  return new DataError(fn, { file, row: err.lines, message: `defektes Anführungszeichen oder fehlerhaftes Feld (csv-parse: ${detail})` });
}

/** The row in which the record with an unclosed quote starts (scanning quote state line by line). */
function openQuoteRow(text: string): number {
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line++;
      if (!quoted) recordLine = line;
    }
  }
  return recordLine;
}
