import type { AreaRow, AreaTable, AreaTableSource, ColumnType } from "../table/areaTable.js";
import { DataError, quoteValue, type DataProblem } from "../table/dataError.js";
import { Missing, type Cell } from "../table/missing.js";
import { DEFAULT_MISSING_MARKERS } from "./missingMarkers.js";
import { decimalEvidence, parseGermanNumber, parseTrimmedNumber, type DecimalMark } from "./parseGermanNumber.js";

/** Options shared by the CSV and XLSX readers for turning cell texts into values. */
export interface CellOptions {
  /** The area-key column: must exist; always read as text (leading zeros kept). */
  id?: string;
  /**
   * Declared column types. "string" keeps the text (keys, names: "01100101" stays "01100101"); "number" requires
   * every cell to be a number or a missing marker (anything else is an error). Undeclared columns are numbers when
   * every non-missing cell is a number and no cell is a digit string with a leading zero ("01"), else text.
   */
  types?: Record<string, ColumnType>;
  /** Decimal mark: "," (German), "." or "auto" (default; see `readCsv`). */
  decimal?: DecimalMark | "auto";
  /** Cell texts read as missing (default `DEFAULT_MISSING_MARKERS`); compared after trimming. */
  missingMarkers?: readonly string[];
  /** Cell texts read as an exact 0 (default none; e.g. ["-"] for Destatis' "nichts vorhanden"). Checked first. */
  zeroMarkers?: readonly string[];
}

/** A raw cell: text, a number (XLSX), an explicit missing value (XLSX error cells) or null (empty). */
export type RawCell = string | number | Missing | null;

/** Input of `buildAreaTable` (internal to the readers). */
export interface RawTable {
  fn: string;
  file: string;
  header: RawCell[];
  headerRow: number;
  records: RawCell[][];
  rowNumbers: number[];
  warnings: string[];
  source: AreaTableSource;
  /** Drop unnamed, entirely empty columns without a warning (XLSX formatting artefacts). */
  quietEmptyColumns?: boolean;
}

const LEADING_ZERO = /^0\d+$/;

/**
 * Turns raw header and cells into an `AreaTable` with the same rules for every format (internal).
 * @throws DataError for duplicate or empty column names, unknown columns in `id`/`types`, mixed decimal marks,
 *   and non-numeric text in a column declared "number" (all problems collected).
 */
export function buildAreaTable(raw: RawTable, options: CellOptions): AreaTable {
  const { fn, file } = raw;
  const warnings = [...raw.warnings];
  const width = raw.header.length;
  const n = raw.records.length;

  // Column names: trimmed, unique, non-empty (an unnamed column with no data is dropped).
  const names: string[] = [];
  const keep: number[] = [];
  const seen = new Map<string, number>();
  const problems: DataProblem[] = [];
  for (let j = 0; j < width; j++) {
    const h = raw.header[j];
    const name = h === null || h instanceof Missing ? "" : String(h).trim();
    if (name === "") {
      if (raw.records.every((r) => isBlank(r[j]))) {
        if (!raw.quietEmptyColumns) warnings.push(`${fn}: ${file}: leere Spalte ${j + 1} ohne Namen übersprungen`);
        continue;
      }
      problems.push({ file, row: raw.headerRow, message: `Spalte ${j + 1} hat keinen Namen, enthält aber Daten` });
      continue;
    }
    const before = seen.get(name);
    if (before !== undefined) {
      problems.push({ file, row: raw.headerRow, column: name, message: `doppelter Spaltenname (Spalten ${before + 1} und ${j + 1})` });
      continue;
    }
    seen.set(name, j);
    names.push(name);
    keep.push(j);
  }
  if (problems.length) throw new DataError(fn, problems);

  const types = { ...(options.types ?? {}) };
  if (options.id !== undefined) {
    if (types[options.id] === "number") {
      throw new DataError(fn, { file, column: options.id, message: `die Schlüsselspalte ist immer Text; sie kann nicht als "number" deklariert werden` });
    }
    types[options.id] = "string";
  }
  for (const column of Object.keys(types)) {
    if (!seen.has(column)) {
      const which = column === options.id ? "Schlüsselspalte" : "Spalte";
      problems.push({ file, column, message: `${which} nicht gefunden (Spalten: ${names.map((c) => JSON.stringify(c)).join(", ")})` });
    }
  }
  if (problems.length) throw new DataError(fn, problems);

  const zero = new Set(options.zeroMarkers ?? []);
  const markers = new Set(options.missingMarkers ?? DEFAULT_MISSING_MARKERS);
  const auto = options.decimal === undefined || options.decimal === "auto";
  const evidence = auto ? detectDecimal(raw, names, keep, types, markers, zero, warnings) : null;
  const decimal: DecimalMark = evidence !== null ? evidence.decimal : auto ? "," : (options.decimal as DecimalMark);
  const mark = decimal === "," ? 44 : 46;
  const other = decimal === "," ? 46 : 44;

  // One pass over the cells, row by row: numbers for every column not declared "string". A column not declared
  // at all turns into text afterwards if a cell is not a number or is a digit string with a leading zero.
  const width2 = names.length;
  const declared = names.map((name) => types[name]);
  const numeric = declared.map((t) => t !== "string");
  const numbers = new Array<number>(width2).fill(0);
  const texts = new Array<number>(width2).fill(0);
  const firstText = new Array<number>(width2).fill(-1);
  const leadingZero = new Array<boolean>(width2).fill(false);
  const rows: AreaRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const record = raw.records[i];
    const row: AreaRow = {};
    for (let c = 0; c < width2; c++) {
      const cell = record[keep[c]];
      if (!numeric[c]) {
        row[names[c]] = textCell(cell);
        continue;
      }
      let v: Cell;
      if (cell === null || cell === undefined) v = markers.has("") ? new Missing("") : NaN;
      else if (typeof cell === "number") v = markers.has(String(cell)) ? new Missing(String(cell)) : cell;
      else if (cell instanceof Missing) v = cell;
      else {
        const s = cell.trim();
        if (zero.has(s)) v = 0;
        else if (markers.has(s)) v = new Missing(s);
        else {
          v = parseTrimmedNumber(s, mark);
          if (Number.isNaN(v)) {
            if (evidence !== null && !Number.isNaN(parseTrimmedNumber(s, other))) {
              throw mixedDecimals(raw, evidence.example, { i, name: names[c], s }, decimal);
            }
          } else if (declared[c] === undefined && s.charCodeAt(0) === 48 && LEADING_ZERO.test(s)) leadingZero[c] = true;
        }
      }
      if (typeof v === "number") {
        if (v !== v) {
          texts[c]++;
          if (firstText[c] < 0) firstText[c] = i;
          if (declared[c] === "number") {
            problems.push({ file, row: raw.rowNumbers[i], column: names[c], value: cell, message: `Wert ${quoteValue(shown(cell))} ist keine Zahl` });
          }
        } else numbers[c]++;
      }
      row[names[c]] = v;
    }
    rows[i] = row;
  }
  if (problems.length) throw new DataError(fn, problems);

  const columnTypes: Record<string, ColumnType> = {};
  for (let c = 0; c < width2; c++) {
    const name = names[c];
    let type: ColumnType = numeric[c] ? "number" : "string";
    if (declared[c] === undefined && (texts[c] > 0 || leadingZero[c])) {
      type = "string";
      if (texts[c] > 0 && numbers[c] >= texts[c]) {
        const i = firstText[c];
        warnings.push(
          `${fn}: ${file}: Spalte ${JSON.stringify(name)} als Text gelesen: ${numbers[c]} Zellen sind Zahlen, aber Wert ` +
            `${quoteValue(shown(raw.records[i][keep[c]]))} in Zeile ${raw.rowNumbers[i]} nicht (mit types: { ${JSON.stringify(name)}: "number" } wird daraus ein Fehler)`,
        );
      }
      for (let i = 0; i < n; i++) rows[i][name] = textCell(raw.records[i][keep[c]]);
    }
    columnTypes[name] = type;
  }

  const table: AreaTable = {
    file,
    columns: names,
    columnTypes,
    rows,
    rowNumbers: raw.rowNumbers.slice(),
    warnings,
    source: { ...raw.source, decimal },
  };
  if (options.id !== undefined) table.id = options.id;
  return table;
}

/** A cell of a text column: trimmed text, or `missing("")` when empty. */
function textCell(cell: RawCell | undefined): Cell {
  if (cell === null || cell === undefined) return new Missing("");
  if (cell instanceof Missing) return cell;
  const s = String(cell).trim();
  return s === "" ? new Missing("") : s;
}

function shown(cell: RawCell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

interface Example {
  i: number;
  name: string;
  s: string;
}

/**
 * Rule for `decimal: "auto"`: a text cell (of a column not declared "string") that only one reading allows is
 * evidence: "9,7", "1.675,5", "53,40%" for the decimal comma; "4.22594", "-0.25" for the decimal point. The first
 * such cell (row by row) decides; a later cell readable only the other way is an error (mixed decimal marks,
 * raised while parsing). No evidence at all means "," (German), with a warning if some value ("1.675") would read
 * differently with ".".
 */
function detectDecimal(
  raw: RawTable,
  names: string[],
  keep: number[],
  types: Record<string, ColumnType>,
  markers: Set<string>,
  zero: Set<string>,
  warnings: string[],
): { decimal: DecimalMark; example: Example } | null {
  const columns = keep.filter((_, c) => types[names[c]] !== "string");
  const nameOf = new Map(keep.map((j, c) => [j, names[c]]));
  let ambiguous: Example | null = null;
  for (let i = 0; i < raw.records.length; i++) {
    const record = raw.records[i];
    for (const j of columns) {
      const cell = record[j];
      if (typeof cell !== "string" || (cell.indexOf(",") < 0 && cell.indexOf(".") < 0)) continue;
      const s = cell.trim();
      if (markers.has(s) || zero.has(s)) continue;
      const e = decimalEvidence(s);
      if (e === 1 || e === 2) return { decimal: e === 1 ? "," : ".", example: { i, name: nameOf.get(j) as string, s } };
      if (e === 3 && ambiguous === null) ambiguous = { i, name: nameOf.get(j) as string, s };
    }
  }
  if (ambiguous !== null) {
    warnings.push(
      `${raw.fn}: ${raw.file}: Dezimaltrennzeichen nicht erkennbar; mit Dezimalkomma gelesen: ${at(raw, ambiguous)} = ${parseGermanNumber(ambiguous.s)}; falls das falsch ist, die Option { decimal: "." } angeben`,
    );
  }
  return null;
}

function at(raw: RawTable, x: Example): string {
  return `${JSON.stringify(x.s)} (Zeile ${raw.rowNumbers[x.i]}, Spalte ${JSON.stringify(x.name)})`;
}

function mixedDecimals(raw: RawTable, first: Example, later: Example, decimal: DecimalMark): DataError {
  const kind = (d: DecimalMark) => (d === "," ? "ein Dezimalkomma" : "einen Dezimalpunkt");
  return new DataError(raw.fn, {
    file: raw.file,
    row: raw.rowNumbers[later.i],
    column: later.name,
    value: later.s,
    message: `gemischte Dezimaltrennzeichen: ${at(raw, first)} hat ${kind(decimal)}, ${at(raw, later)} ${kind(decimal === "," ? "." : ",")}; die Option { decimal: "," } oder { decimal: "." } angeben`,
  });
}
