import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as aq from "arquero";
import { readCsv } from "../io/readCsv.js";
import { readXlsx } from "../io/readXlsx.js";
import { DEFAULT_MISSING_MARKERS } from "../io/missingMarkers.js";
import { parseGermanNumber } from "../io/parseGermanNumber.js";
import type { AreaTable } from "../table/areaTable.js";
import { Missing, type Cell } from "../table/missing.js";
import { germanReaderProblems, germanReaderWarning } from "./germanReaderProblems.js";
import { quoted, type SourceProblem } from "./sourceProblem.js";
import type { SourceColumnKind, SourceTableConfig } from "./sourcesConfig.js";
import { detectSumRows } from "./detectSumRows.js";
import { listNames, meintenSie } from "./suggest.js";
import { tableName } from "./validateSourcesConfig.js";

/** One row of a source table after reading, filtering and reshaping: an area (and year) with its values. */
export interface SourceRow {
  key: string;
  year: number | null;
  /** Spreadsheet row (long format: the first row of the area and year). */
  row: number;
  values: Record<string, Cell>;
  /** Set when the publisher marks the area invalid (`valid`): the reason. */
  invalid?: string;
}

/** A row kept out of the data because it is not an area (or not in the area list), with the reason in German. */
export interface DroppedRow {
  file: string;
  row: number;
  key: string;
  /** The row's year, if the table has one. */
  year?: number;
  reason: string;
}

/** An area a publisher marked invalid (e.g. Berlin `KOM`), with the publisher's text as the reason. */
export interface InvalidArea {
  file: string;
  row: number;
  key: string;
  column: string;
  reason: string;
}

/** A file read by `loadSources` (provenance). */
export interface SourceFile {
  table: string;
  file: string;
  sheet?: string;
  sha256: string;
  format: string;
  encoding?: string;
  separator?: string;
  headerRow?: number;
  rows: number;
}

/** The result of reading one table (internal to `loadSources`). */
export interface ReadSourceTable {
  name: string;
  file: string;
  /** The key column in the file. */
  keyColumn: string;
  rows: SourceRow[];
  columns: string[];
  kinds: Record<string, SourceColumnKind>;
  /** The column names in the file, for suggestions. */
  fileColumns: string[];
  /** Long format: the spreadsheet row of each value, by `${key}\u0000${year}\u0000${column}` (new name). */
  cellRows: Map<string, number>;
  /** New column name → name in the file (for messages and the share heuristic). */
  origin: Record<string, string>;
  dropped: DroppedRow[];
  invalid: InvalidArea[];
  warnings: string[];
  problems: SourceProblem[];
  provenance?: SourceFile;
}

/**
 * Reads one configured table: the file through the fast readers of `src/io`, then key formatting, row filters,
 * the validity column, year, long → wide (arquero pivot), column selection and renaming, and value checks by
 * kind. Problems are collected, never thrown (the caller reports all at once).
 */
export async function readSourceTable(t: SourceTableConfig, baseDir: string): Promise<ReadSourceTable> {
  const name = t.name ?? tableName(t.file, t.sheet);
  const file = t.file;
  const out: ReadSourceTable = { name, file, keyColumn: t.key, rows: [], columns: [], kinds: {}, fileColumns: [], cellRows: new Map(), origin: {}, dropped: [], invalid: [], warnings: [], problems: [] };
  const path = resolve(baseDir, t.file);
  const missingMarkers = [...DEFAULT_MISSING_MARKERS, ...(t.missing ?? [])];
  const zeroMarkers = t.zero ?? [];
  let table: AreaTable;
  try {
    const cell = { id: t.key, missingMarkers, zeroMarkers, decimal: t.decimal };
    if (/\.xlsx$/i.test(t.file)) table = await readXlsx(path, { ...cell, sheet: t.sheet, headerRow: t.headerRow });
    else table = readCsv(path, { ...cell, separator: t.separator, encoding: t.encoding, headerRow: t.headerRow });
  } catch (e) {
    const problems = germanReaderProblems(e, file);
    // A missing key column: say which columns exist.
    for (const p of problems) if (p.column === t.key && /nicht gefunden/.test(p.message)) p.message = `die Schlüsselspalte fehlt${keyHint(p.message, t.key)}`;
    out.problems.push(...problems);
    return out;
  }
  out.fileColumns = table.columns;
  const readerWarnings = table.warnings;
  out.provenance = {
    table: name,
    file,
    sheet: table.source?.sheet,
    sha256: createHash("sha256").update(readFileSync(path)).digest("hex"),
    format: table.source?.format ?? "csv",
    encoding: table.source?.encoding,
    separator: table.source?.separator,
    headerRow: table.source?.headerRow,
    rows: table.rows.length,
  };
  const need = (column: string, what: string) => {
    if (table.columns.includes(column)) return true;
    out.problems.push({ file, column, message: `${what} nicht gefunden (vorhanden: ${listNames(table.columns)})${meintenSie(column, table.columns)}` });
    return false;
  };
  const yearColumn = typeof t.year === "object" ? t.year.column : undefined;
  if (yearColumn !== undefined) need(yearColumn, "Jahresspalte");
  const long = t.format === "long";
  const variable = t.variable ?? "variable";
  const value = t.value ?? "value";
  if (long) (need(variable, "Variablenspalte"), need(value, "Wertespalte"));
  if (t.valid) need(t.valid.column, "Gültigkeitsspalte");
  if (out.problems.length) return out;

  // Rows: key format, filters, validity, year.
  const fmt = (raw: string) => (t.keyFormat?.prefix ?? "") + (t.keyFormat?.pad ? raw.padStart(t.keyFormat.pad, "0") : raw);
  const pattern = t.exclude?.pattern !== undefined ? new RegExp(t.exclude.pattern, "u") : undefined;
  const keepKeys = new Set(t.exclude?.keys ?? []);
  const skipRows = new Set(t.exclude?.rows ?? []);
  const kept: Kept[] = [];
  table.rows.forEach((r, i) => {
    const row = table.rowNumbers[i];
    const rawKey = r[t.key];
    if (rawKey instanceof Missing || rawKey === "") {
      out.problems.push({ file, row, column: t.key, message: "der Gebietsschlüssel fehlt" });
      return;
    }
    const key = fmt(String(rawKey));
    let year: number | null = typeof t.year === "number" ? t.year : null;
    if (yearColumn !== undefined) {
      const y = r[yearColumn];
      const n = typeof y === "number" ? y : typeof y === "string" ? Number(y.trim()) : NaN;
      if (!Number.isInteger(n)) {
        out.problems.push({ file, row, column: yearColumn, key, value: y, message: `Jahr ${quoted(y)} ist keine ganze Jahreszahl` });
        return;
      }
      year = n;
    }
    const drop = (reason: string) => out.dropped.push({ file, row, key, reason, ...(year !== null ? { year } : {}) });
    if (skipRows.has(row)) return drop(`Zeile ${row} per Konfiguration ausgeschlossen (exclude.rows)`);
    if (keepKeys.has(key)) return drop("Schlüssel per Konfiguration ausgeschlossen (exclude.keys)");
    if (pattern?.test(key)) return drop(`Schlüssel passt auf das Ausschlussmuster ${JSON.stringify(t.exclude?.pattern)}`);
    let invalid: string | undefined;
    if (t.valid) {
      const v = r[t.valid.column];
      const text = v instanceof Missing ? v.marker : String(v);
      if (!t.valid.values.includes(text)) {
        invalid = text === "" ? `ohne Gültigkeitsangabe in ${t.valid.column}` : text;
        out.invalid.push({ file, row, key, column: t.valid.column, reason: invalid });
      }
    }
    kept.push({ key, year, row, cells: r, invalid });
  });
  unknownExcludedKeys(t, kept, out);
  for (const k of t.exclude?.keys ?? []) {
    const hits = out.dropped.filter((d) => d.key === k);
    const rows = hits.map((d) => d.row);
    if (rows.length > new Set(hits.map((d) => d.year)).size) out.warnings.push(`${file}: exclude.keys ${JSON.stringify(k)} trifft ${rows.length} Zeilen (${rows.join(", ")}); ist eine davon ein Gebiet gleichen Namens? Dann "exclude.rows" verwenden`);
  }
  if (long) reshapeLong(t, kept, variable, value, out);
  else selectWide(t, table, kept, yearColumn, out);
  if (t.exclude?.sums) dropSumRows(out);
  duplicateKeys(out);
  // "als Text gelesen" is the reader's guess; a column taken as a number reports its bad cells itself.
  const asNumber = new Set(Object.entries(out.kinds).filter(([, k]) => k !== "text").map(([c]) => out.origin[c]));
  for (const w of readerWarnings) {
    const m = w.match(/Spalte "(.*)" als Text gelesen/);
    if (!m || !asNumber.has(m[1])) out.warnings.push(germanReaderWarning(w, file));
  }
  return out;
}

function keyHint(message: string, key: string): string {
  const m = message.match(/vorhanden: (.*)\)$/s);
  if (!m) return "";
  const names = [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]);
  return ` (vorhanden: ${listNames(names)})${meintenSie(key, names)}`;
}

/** Keys named in exclude.keys that occur nowhere: probably a typo. */
function unknownExcludedKeys(t: SourceTableConfig, kept: Array<{ key: string }>, out: ReadSourceTable): void {
  const seen = new Set([...kept.map((k) => k.key), ...out.dropped.map((d) => d.key), ...out.invalid.map((d) => d.key)]);
  for (const k of t.exclude?.keys ?? []) {
    if (!seen.has(k)) out.problems.push({ file: t.file, column: t.key, value: k, message: `exclude.keys: Schlüssel ${quoted(k)} kommt nicht vor${meintenSie(k, [...seen])}` });
  }
}

/** The columns to take: file name → [new name, kind]. */
function selection(t: SourceTableConfig, available: string[], out: ReadSourceTable, what: string): Array<[string, string, SourceColumnKind | undefined]> {
  if (!t.columns) return available.map((c) => [c, c, undefined]);
  const list: Array<[string, string, SourceColumnKind | undefined]> = [];
  for (const [c, spec] of Object.entries(t.columns)) {
    if (!available.includes(c)) {
      out.problems.push({ file: t.file, column: c, message: `${what} nicht gefunden (vorhanden: ${listNames(available)})${meintenSie(c, available)}` });
      continue;
    }
    list.push(typeof spec === "string" ? [c, spec, undefined] : [c, spec.name ?? c, spec.kind]);
  }
  return list;
}

function selectWide(t: SourceTableConfig, table: AreaTable, kept: Kept[], yearColumn: string | undefined, out: ReadSourceTable): void {
  const skip = new Set([t.key, yearColumn, t.valid?.column].filter((x): x is string => x !== undefined));
  const available = table.columns.filter((c) => !skip.has(c));
  const sel = selection(t, available, out, "Spalte");
  for (const [from, to, kind] of sel) {
    out.columns.push(to);
    out.origin[to] = from;
    const cells = kept.map((k) => k.cells[from]);
    out.kinds[to] = kind ?? (table.columnTypes[from] === "number" || cells.every((c) => c instanceof Missing || typeof c === "number") ? "number" : inferText(cells));
  }
  for (const k of kept) {
    const values: Record<string, Cell> = {};
    for (const [from, to] of sel) values[to] = convert(k.cells[from], out.kinds[to], t, { row: k.row, key: k.key, column: from }, out);
    out.rows.push({ key: k.key, year: k.year, row: k.row, values, ...(k.invalid !== undefined ? { invalid: k.invalid } : {}) });
  }
}

/** A data row that passed the filters. */
interface Kept {
  key: string;
  year: number | null;
  row: number;
  cells: Record<string, Cell>;
  invalid?: string;
}

/** A text column whose present cells mostly read as numbers is a number column (its "12a" cells are errors). */
function inferText(cells: Cell[]): SourceColumnKind {
  const present = cells.filter((c) => !(c instanceof Missing));
  const numeric = present.filter((c) => typeof c === "number" || !Number.isNaN(parseGermanNumber(String(c))));
  return present.length > 0 && numeric.length * 2 > present.length ? "number" : "text";
}

/** Long format → wide with arquero: one row per key (and year), one column per variable. */
function reshapeLong(t: SourceTableConfig, kept: Kept[], variable: string, value: string, out: ReadSourceTable): void {
  const first = new Map<string, number>();
  const records = [];
  for (const k of kept) {
    const v = String(k.cells[variable] instanceof Missing ? "" : k.cells[variable]).trim();
    const id = `${k.key}\u0000${k.year}\u0000${v}`;
    const before = first.get(id);
    if (before !== undefined) {
      out.problems.push({ file: t.file, row: k.row, column: variable, key: k.key, value: v, message: `Variable ${quoted(v)} für dieses Gebiet${k.year !== null ? ` und Jahr ${k.year}` : ""} doppelt (auch Zeile ${before})` });
      continue;
    }
    first.set(id, k.row);
    records.push({ __key: k.key, __year: k.year, __row: k.row, __var: v, __value: k.cells[value] });
  }
  const variables = [...new Set(records.map((r) => r.__var))];
  const sel = selection(t, variables, out, "Variable");
  if (records.length === 0) return;
  // The first spreadsheet row of each area (and year) is the row named in messages.
  const firstRow = new Map<string, number>();
  const cellRow = new Map<string, number>();
  for (const r of records) {
    cellRow.set(`${r.__key}\u0000${r.__year}\u0000${r.__var}`, r.__row);
    const id = `${r.__key}\u0000${r.__year}`;
    if (!firstRow.has(id)) firstRow.set(id, r.__row);
  }
  const wide = aq.from(records).groupby("__key", "__year").pivot("__var", "__value");
  const rows = (wide.objects() as Array<Record<string, unknown>>)
    .map((o) => ({ o, row: firstRow.get(`${o.__key}\u0000${o.__year}`) as number }))
    .sort((a, b) => a.row - b.row);
  for (const [from, to, kind] of sel) {
    out.columns.push(to);
    out.origin[to] = from;
    const cells = records.filter((r) => r.__var === from).map((r) => r.__value);
    out.kinds[to] = kind ?? (cells.every((c) => c instanceof Missing || typeof c === "number") ? "number" : inferText(cells));
  }
  for (const { o, row } of rows) {
    const key = o.__key as string;
    const values: Record<string, Cell> = {};
    for (const [from, to] of sel) {
      const c = o[from];
      const at = cellRow.get(`${key}\u0000${o.__year}\u0000${from}`);
      if (at !== undefined) out.cellRows.set(`${key}\u0000${o.__year}\u0000${to}`, at);
      values[to] = c === undefined ? new Missing("") : convert(c as Cell, out.kinds[to], t, { row: at ?? row, key, column: from }, out);
    }
    out.rows.push({ key, year: o.__year as number | null, row, values });
  }
}

/** Checks and converts one cell by the column's kind; problems name file, row, column, area and value. */
function convert(c: Cell, kind: SourceColumnKind, t: SourceTableConfig, at: { row: number; key: string; column: string }, out: ReadSourceTable): Cell {
  if (c instanceof Missing || kind === "text") return c;
  let n: number;
  if (typeof c === "number") n = c;
  else {
    const text = c.trim();
    if ((t.zero ?? []).includes(text)) return 0;
    if ([...DEFAULT_MISSING_MARKERS, ...(t.missing ?? [])].includes(text)) return new Missing(text);
    n = parseGermanNumber(text, { decimal: t.decimal ?? "," });
    if (Number.isNaN(n) && t.decimal === undefined) n = parseGermanNumber(text, { decimal: "." });
    if (Number.isNaN(n)) {
      out.problems.push({ file: t.file, ...at, value: c, message: `Wert ${quoted(c)} ist keine Zahl` });
      return new Missing(text);
    }
  }
  if (kind === "count") {
    if (n < 0) out.problems.push({ file: t.file, ...at, value: c, message: `Anzahl ${quoted(c)} ist negativ` });
    else if (!Number.isInteger(n)) out.problems.push({ file: t.file, ...at, value: c, message: `Anzahl ${quoted(c)} ist keine ganze Zahl (ein Anteil? dann "kind": "share")` });
  }
  return n;
}

function duplicateKeys(out: ReadSourceTable): void {
  const first = new Map<string, number>();
  for (const r of out.rows) {
    const id = `${r.key}\u0000${r.year}`;
    const before = first.get(id);
    if (before !== undefined) {
      out.problems.push({ file: out.file, row: r.row, key: r.key, message: `Gebiet ${quoted(r.key)}${r.year !== null ? ` für ${r.year}` : ""} doppelt (auch Zeile ${before})` });
    } else first.set(id, r.row);
  }
}

/** exclude.sums: rows that are sums of a run of other rows (per year) become dropped rows. */
function dropSumRows(out: ReadSourceTable): void {
  const years = [...new Set(out.rows.map((r) => r.year))];
  const drop = new Set<SourceRow>();
  for (const y of years) {
    const group = out.rows.filter((r) => r.year === y);
    for (const s of detectSumRows(group.map((r) => r.values), out.columns)) {
      const r = group[s.index];
      drop.add(r);
      out.dropped.push({ file: out.file, row: r.row, key: r.key, reason: `Summenzeile: Summe der Zeilen ${group[s.from].row}–${group[s.to].row} (${s.columns} Spalten verglichen, ${s.exact} genau gleich)` });
    }
  }
  if (drop.size) out.rows = out.rows.filter((r) => !drop.has(r));
}
