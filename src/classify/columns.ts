import { tableAccess, tableKind, type ColumnData, type TableAccess, type TableLike, type TableRow } from "../table/tableLike.js";

/** A row of an area table: column name → cell (alias of `TableRow`). */
export type Row = TableRow;

/** Column-oriented data: column name → values in area order (arrays or typed arrays); defined in src/table. */
export type { ColumnData };

/**
 * What the classify functions read. Alias of the library's one table input `TableLike` (kept for existing
 * code): plain rows, an `AreaTable`, an arquero table, a column table or column data.
 */
export type TableInput = TableLike;

/** Uniform access to rows, column data or an arquero table (internal). */
export interface ColumnAccess {
  length: number;
  has(column: string): boolean;
  column(column: string): ArrayLike<unknown>;
  /** The row as an object (rows input: the row itself; otherwise assembled on demand). */
  row(i: number): Row;
}

export function columnAccess(fn: string, data: TableInput): ColumnAccess {
  const kind = tableKind(data);
  if (kind === "rows" || kind === "areaTable" || kind === "objects") {
    const rows = (tableAccess(data)?.rows ?? []) as readonly Row[];
    const cache = new Map<string, unknown[]>();
    return {
      length: rows.length,
      has: (c) => rows.length === 0 || rows.some((r) => r != null && c in r),
      column(c) {
        let col = cache.get(c);
        if (!col) {
          col = rows.map((r, i) => {
            if (r == null || typeof r !== "object") throw new Error(`${fn}: Zeile ${i + 1} ist kein Objekt, angegeben: ${r === null ? "null" : typeof r}`);
            return r[c];
          });
          cache.set(c, col);
        }
        return col;
      },
      row: (i) => rows[i],
    };
  }
  if (kind === "columnar") {
    const t = tableAccess(data) as TableAccess;
    const names = t.names;
    const access: ColumnAccess = {
      length: t.numRows,
      has: (c) => (names ? names.includes(c) : true),
      column: (c) => t.column(c),
      row: (i) => Object.fromEntries((names ?? []).map((c) => [c, t.column(c)[i]])),
    };
    return access;
  }
  if (data != null && typeof data === "object") {
    const cols = data as ColumnData;
    const names = Object.keys(cols);
    const length = names.length ? cols[names[0]].length : 0;
    for (const c of names) {
      if (cols[c] == null || cols[c].length !== length) {
        throw new Error(`${fn}: Spalte "${c}" hat ${cols[c]?.length} Einträge, Spalte "${names[0]}" aber ${length}`);
      }
    }
    return {
      length,
      has: (c) => Object.prototype.hasOwnProperty.call(cols, c),
      column: (c) => cols[c],
      row: (i) => Object.fromEntries(names.map((c) => [c, cols[c][i]])),
    };
  }
  throw new Error(`${fn}: Daten müssen eine Liste von Zeilen, ein Objekt aus Spalten oder eine arquero-Tabelle sein, angegeben: ${data === null ? "null" : typeof data}`);
}

/** The column, or an error naming the column and the columns that exist. */
export function requireColumn(fn: string, access: ColumnAccess, column: string, role: string): ArrayLike<unknown> {
  if (!access.has(column)) throw new Error(`${fn}: Spalte "${column}" (${role}) nicht gefunden`);
  return access.column(column);
}
