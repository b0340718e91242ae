import type { AreaRow, AreaTable, ColumnType } from "./areaTable.js";
import { DataError, quoteValue, type DataProblem } from "./dataError.js";
import type { Exclusion } from "./exclusion.js";
import { Missing, type Cell } from "./missing.js";

/** Options of `joinAreaTables`. */
export interface JoinAreaTablesOptions {
  /** The key column of the left table (default `left.id`); the joined table's key keeps this name. */
  id?: string;
  /** The key column of the right table (default `right.id`, else `id`). */
  rightId?: string;
  /** Which columns of the right table to take besides its key (default: all). */
  columns?: string[];
}

/** The result of `joinAreaTables`. */
export interface JoinAreaTablesResult {
  name: "joinAreaTables";
  /**
   * Areas present in both tables, in the left table's order, with the columns of both. When no column of the
   * right table is added, the rows are the left table's row objects (read them, do not modify them).
   */
  table: AreaTable;
  /** Number of joined areas. */
  n: number;
  /** Areas present in only one table, with a German reason naming the table they are missing from. */
  excluded: Exclusion[];
  /** One line per direction with missing areas, and hints (e.g. keys that differ only by leading zeros). */
  warnings: string[];
}

/**
 * Joins two area tables by key (inner join) and reports, by key, every area found in only one of them as an
 * `Exclusion` (step "join", German reason "fehlt in <file>") — nothing is dropped silently. Columns present in
 * both tables are taken once if they agree for every joined area.
 *
 * @param left the first table (its row order and key name are kept; not modified)
 * @param right the second table (not modified)
 * @param options see `JoinAreaTablesOptions`
 * @throws DataError, prefixed "joinAreaTables", when a key column is absent or undeclared, when a key is missing
 *   or duplicated in either table (`a.csv row 9, column "id": duplicate key "0101" (also row 4)`), or when a column
 *   of both tables differs (`b.csv row 3, column "EW": value "3420" differs from a.csv row 2 ("3419") for area
 *   "01100101"; choose columns with { columns }`)
 *
 * @example
 * const { table, excluded, warnings } = joinAreaTables(strukturdaten, gebiete, { id: "sozialraum_id" });
 * excluded; // [{ id: "030402", reason: "fehlt in data/gebiete.csv", step: "join", column: "sozialraum_id" }]
 */
export function joinAreaTables(left: AreaTable, right: AreaTable, options: JoinAreaTablesOptions = {}): JoinAreaTablesResult {
  const leftId = options.id ?? left.id;
  const rightId = options.rightId ?? right.id ?? options.id;
  const problems: DataProblem[] = [];
  if (leftId === undefined) problems.push({ file: left.file, message: "keine Schlüsselspalte (Option { id } angeben oder die Tabelle mit { id } einlesen)" });
  else if (!left.columns.includes(leftId)) problems.push({ file: left.file, column: leftId, message: "Schlüsselspalte nicht gefunden" });
  if (rightId === undefined) problems.push({ file: right.file, message: "keine Schlüsselspalte (Option { rightId } angeben oder die Tabelle mit { id } einlesen)" });
  else if (!right.columns.includes(rightId)) problems.push({ file: right.file, column: rightId, message: "Schlüsselspalte nicht gefunden" });
  const take = options.columns ?? right.columns.filter((c) => c !== rightId);
  for (const c of take) if (!right.columns.includes(c)) problems.push({ file: right.file, column: c, message: "Spalte nicht gefunden" });
  if (problems.length) throw new DataError("joinAreaTables", problems);

  const leftIndex = indexKeys(left, leftId as string, problems);
  const rightIndex = indexKeys(right, rightId as string, problems);
  if (problems.length) throw new DataError("joinAreaTables", problems);

  const shared = take.filter((c) => left.columns.includes(c) && c !== leftId);
  const added = take.filter((c) => !left.columns.includes(c) && c !== leftId);
  const rows: AreaRow[] = [];
  const rowNumbers: number[] = [];
  const excluded: Exclusion[] = [];
  left.rows.forEach((r, i) => {
    const key = String(r[leftId as string]);
    const j = rightIndex.get(key);
    if (j === undefined) {
      excluded.push({ id: key, reason: `fehlt in ${right.file}`, step: "join", column: leftId });
      return;
    }
    const other = right.rows[j];
    for (const c of shared) {
      if (!sameCell(r[c], other[c])) {
        problems.push({
          file: right.file,
          row: right.rowNumbers[j],
          column: c,
          value: other[c],
          message: `Wert ${quoteValue(other[c])} weicht von ${left.file} Zeile ${left.rowNumbers[i]} (${quoteValue(r[c])}) für Gebiet ${quoteValue(key)} ab; Spalten mit { columns } auswählen`,
        });
      }
    }
    // Without added columns a copy would equal the row: the joined table shares it with `left` (no copy per area).
    if (added.length === 0) {
      rows.push(r);
      rowNumbers.push(left.rowNumbers[i]);
      return;
    }
    const row = copyRow(r, left.columns);
    for (const c of added) row[c] = other[c];
    rows.push(row);
    rowNumbers.push(left.rowNumbers[i]);
  });
  if (problems.length) throw new DataError("joinAreaTables", problems);
  const leftOnly = excluded.length;
  right.rows.forEach((r) => {
    const key = String(r[rightId as string]);
    if (!leftIndex.has(key)) excluded.push({ id: key, reason: `fehlt in ${left.file}`, step: "join", column: leftId });
  });

  const warnings: string[] = [];
  const list = (ex: Exclusion[]) => ex.slice(0, 10).map((e) => JSON.stringify(e.id)).join(", ") + (ex.length > 10 ? ", …" : "");
  if (leftOnly) warnings.push(`joinAreaTables: ${leftOnly} ${leftOnly === 1 ? "Gebiet" : "Gebiete"} aus ${left.file} ${leftOnly === 1 ? "fehlt" : "fehlen"} in ${right.file}: ${list(excluded.slice(0, leftOnly))}`);
  const rightOnly = excluded.length - leftOnly;
  if (rightOnly) warnings.push(`joinAreaTables: ${rightOnly} ${rightOnly === 1 ? "Gebiet" : "Gebiete"} aus ${right.file} ${rightOnly === 1 ? "fehlt" : "fehlen"} in ${left.file}: ${list(excluded.slice(leftOnly))}`);
  if (rows.length === 0 && leftIndex.size && rightIndex.size) {
    const strip = (k: string) => k.replace(/^0+(?=.)/, "");
    const stripped = new Set([...rightIndex.keys()].map(strip));
    if ([...leftIndex.keys()].some((k) => stripped.has(strip(k)))) {
      warnings.push(`joinAreaTables: kein Schlüssel stimmt überein, nach Entfernen führender Nullen aber schon — wurde eine Schlüsselspalte als Zahl eingelesen?`);
    }
  }

  const columnTypes: Record<string, ColumnType> = { ...left.columnTypes };
  for (const c of added) columnTypes[c] = right.columnTypes[c] ?? "string";
  const table: AreaTable = {
    file: `${left.file} + ${right.file}`,
    id: leftId,
    columns: [...left.columns, ...added],
    columnTypes,
    rows,
    rowNumbers,
    warnings: [...left.warnings, ...right.warnings],
    source: { format: "rows" },
  };
  return { name: "joinAreaTables", table, n: rows.length, excluded, warnings };
}

/** A copy of the row's declared columns: a loop over the columns is 4× faster than a spread of a parsed row. */
function copyRow(r: AreaRow, columns: readonly string[]): AreaRow {
  const row: AreaRow = {};
  for (const c of columns) {
    const v = r[c];
    if (v !== undefined) row[c] = v;
  }
  return row;
}

function indexKeys(t: AreaTable, id: string, problems: DataProblem[]): Map<string, number> {
  const index = new Map<string, number>();
  t.rows.forEach((r, i) => {
    const v = r[id];
    if (v instanceof Missing || v === undefined || v === null || v === "") {
      problems.push({ file: t.file, row: t.rowNumbers[i], column: id, value: v, message: "der Gebietsschlüssel fehlt" });
      return;
    }
    const key = String(v);
    const before = index.get(key);
    if (before !== undefined) problems.push({ file: t.file, row: t.rowNumbers[i], column: id, value: key, message: `doppelter Schlüssel ${quoteValue(key)} (auch Zeile ${t.rowNumbers[before]})` });
    else index.set(key, i);
  });
  return index;
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a instanceof Missing || b instanceof Missing) return a instanceof Missing && b instanceof Missing && a.marker === b.marker;
  return a === b;
}
