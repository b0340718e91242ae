import ExcelJS from "exceljs";
import type { AreaTable } from "../table/areaTable.js";
import { DataError } from "../table/dataError.js";
import { Missing } from "../table/missing.js";
import { buildAreaTable, type CellOptions, type RawCell } from "./buildAreaTable.js";

/** Options of `readXlsx` and `parseXlsx`. */
export interface XlsxOptions extends CellOptions {
  /** The worksheet: its name, or its 1-based position (default: the first sheet). */
  sheet?: string | number;
  /** The spreadsheet row with the column names (default: detected, see `readXlsx`). */
  headerRow?: number;
  /** The last row to read (default: the last row with data; footnotes are detected, see `readXlsx`). */
  lastRow?: number;
}

/** How many rows the header detection looks at. */
const HEADER_SEARCH_ROWS = 30;

type Worksheet = ExcelJS.Worksheet;
type Cell = ExcelJS.Cell;

/**
 * Parses XLSX bytes into an `AreaTable` (see `readXlsx` for the rules and errors).
 *
 * @param input the workbook bytes
 * @param options `XlsxOptions` plus `file`, the name used in messages (default "<xlsx>")
 * @example
 * const t = await parseXlsx(readFileSync("tabelle.xlsx"), { sheet: "2018", id: "gebiet", file: "tabelle.xlsx" });
 */
export async function parseXlsx(input: Uint8Array | ArrayBuffer, options: XlsxOptions & { file?: string; fn?: string } = {}): Promise<AreaTable> {
  const fn = options.fn ?? "parseXlsx";
  const file = options.file ?? "<xlsx>";
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    // exceljs' typings want its own Buffer interface; a Node Buffer view of the same bytes is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new DataError(fn, { file, message: `keine lesbare XLSX-Arbeitsmappe (${(e as Error).message})` });
  }
  const sheets = workbook.worksheets;
  const listed = sheets.map((s) => JSON.stringify(s.name)).join(", ");
  let ws: Worksheet | undefined;
  if (options.sheet === undefined) ws = sheets[0];
  else if (typeof options.sheet === "number") ws = sheets[options.sheet - 1];
  else ws = sheets.find((s) => s.name === options.sheet);
  if (ws === undefined) {
    const what = options.sheet === undefined ? "die Arbeitsmappe hat keine Blätter" : typeof options.sheet === "number" ? `kein Blatt Nummer ${options.sheet}` : `kein Blatt namens ${JSON.stringify(options.sheet)}`;
    throw new DataError(fn, { file, value: options.sheet, message: `${what} (Blätter: ${listed || "keine"})` });
  }
  const where = `${file} [${ws.name}]`;
  const width = ws.columnCount;
  const lastRow = Math.min(options.lastRow ?? ws.rowCount, ws.rowCount);
  if (width === 0 || lastRow === 0) throw new DataError(fn, { file: where, message: "das Blatt ist leer" });

  const headerRow = options.headerRow ?? detectHeaderRow(ws, width, lastRow, options.id, fn, where);
  const header: RawCell[] = rowCells(ws, headerRow, width);
  // Trailing unnamed columns without data are formatting artefacts.
  let used = width;
  while (used > 0 && (header[used - 1] === null || String(header[used - 1]).trim() === "")) used--;

  // A vertically merged header cell (e.g. "Stadtgebiet" over rows 2–4) marks the rows below it as header rows.
  const idIndex = options.id === undefined ? 0 : Math.max(0, header.findIndex((h) => typeof h === "string" && h.trim() === options.id));
  const headerMaster = ws.getRow(headerRow).getCell(idIndex + 1).master.address;
  let first = headerRow + 1;
  while (first <= lastRow && ws.getRow(first).getCell(idIndex + 1).isMerged && ws.getRow(first).getCell(idIndex + 1).master.address === headerMaster) first++;

  const warnings: string[] = [];
  const records: RawCell[][] = [];
  const rowNumbers: number[] = [];
  const blankRows: number[] = [];
  for (let r = first; r <= lastRow; r++) {
    const cells = rowCells(ws, r, used);
    if (cells.every(isBlank)) blankRows.push(r);
    else {
      records.push(cells);
      rowNumbers.push(r);
    }
  }
  // Footnotes: after an empty row, rows with at most one filled cell ("Quelle: …") are not data.
  if (blankRows.length && options.lastRow === undefined) {
    const gap = blankRows[0];
    const after = rowNumbers.findIndex((r) => r > gap);
    if (after >= 0 && records.slice(after).every((c) => c.filter((x) => !isBlank(x)).length <= 1)) {
      const notes = records.splice(after).map((c) => String(c.find((x) => !isBlank(x))));
      const rows = rowNumbers.splice(after);
      warnings.push(`${fn}: ${where}: Zeilen ${rows[0]}–${rows[rows.length - 1]} als Fußnoten gelesen, nicht als Daten: ${notes.map((t) => JSON.stringify(t.length > 60 ? t.slice(0, 60) + "…" : t)).join(", ")}`);
    }
  }
  const inside = blankRows.filter((r) => rowNumbers.length && r < rowNumbers[rowNumbers.length - 1]);
  if (inside.length) warnings.push(`${fn}: ${where}: ${inside.length} ${inside.length === 1 ? "leere Zeile" : "leere Zeilen"} übersprungen (${inside.slice(0, 5).join(", ")}${inside.length > 5 ? ", …" : ""})`);
  if (records.length === 0) throw new DataError(fn, { file: where, row: headerRow, message: "das Blatt hat eine Kopfzeile, aber keine Datenzeilen" });

  return buildAreaTable(
    { fn, file: where, header: header.slice(0, used), headerRow, records, rowNumbers, warnings, quietEmptyColumns: true, source: { format: "xlsx", sheet: ws.name, headerRow } },
    options,
  );
}

/**
 * The header row: the first of the first 30 rows in which at least half of the columns (and at least two) hold
 * texts, no cell holds a number, the texts are all different (so merged group titles are not taken), and which
 * contains the `id` column name if one is given.
 */
function detectHeaderRow(ws: Worksheet, width: number, lastRow: number, id: string | undefined, fn: string, file: string): number {
  const need = Math.max(2, Math.ceil(width / 2));
  for (let r = 1; r <= Math.min(lastRow, HEADER_SEARCH_ROWS); r++) {
    const cells = rowCells(ws, r, width).filter((c) => !isBlank(c));
    if (cells.length < need || cells.some((c) => typeof c !== "string")) continue;
    const texts = cells.map((c) => String(c).trim());
    if (new Set(texts).size !== texts.length) continue;
    if (id !== undefined && !texts.includes(id)) continue;
    return r;
  }
  throw new DataError(fn, {
    file,
    message:
      `Kopfzeile in den ersten ${HEADER_SEARCH_ROWS} Zeilen nicht gefunden (gesucht: eine Zeile mit verschiedenen Texten in mindestens der Hälfte der Spalten` +
      `${id === undefined ? "" : `, darunter ${JSON.stringify(id)}`}); die Option { headerRow } angeben`,
  });
}

function rowCells(ws: Worksheet, r: number, width: number): RawCell[] {
  const row = ws.getRow(r);
  const out: RawCell[] = new Array(width);
  for (let c = 1; c <= width; c++) out[c - 1] = rawCell(row.getCell(c));
  return out;
}

function isBlank(cell: RawCell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

const ZERO_PADDED = /^0+$/;

/**
 * A cell's value as the CSV reader would see it: numbers stay numbers (zero-padded to their "00000000" number
 * format as text, so keys stored as numbers keep their leading zeros), rich text and hyperlinks become their
 * text, formulas their cached result, dates an ISO date, error values (#DIV/0!, #NV) a missing value.
 */
function rawCell(cell: Cell): RawCell {
  return fromValue(cell.value, cell.numFmt);
}

function fromValue(v: ExcelJS.CellValue, numFmt: string | undefined): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (numFmt && ZERO_PADDED.test(numFmt) && Number.isInteger(v) && v >= 0) return String(v).padStart(numFmt.length, "0");
    return v;
  }
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if ("error" in v) return new Missing(String(v.error));
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) return fromValue((v as ExcelJS.CellFormulaValue).result ?? null, numFmt);
  if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  return String(v);
}
