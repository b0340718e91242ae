/**
 * The one table input of the library: every function that reads a table (indicators, classify, mix, the
 * pipeline, the notebook tables) accepts a {@link TableLike} and reads it through {@link tableAccess}.
 *
 * Accepted shapes, recognised in this order:
 * - `"rows"`: plain row objects, one per area (`[{ sozialraum_id: "010101", einwohner: 3604 }, …]`);
 * - `"areaTable"`: an `AreaTable` as `readCsv`/`readXlsx` return it (anything with a `rows` array);
 * - `"columnar"`: a column table, e.g. an arquero table or `columnarTable(…)` (anything with `numRows()` and
 *   `array(name)`; `columnNames()` and `objects()` are used when present);
 * - `"objects"`: anything else with arquero's `objects()`;
 * - `"columns"`: column data, a plain object of equally long arrays or typed arrays (`{ x: [1, 2], y: [3, 4] }`).
 *
 * Columns of a column table are read as they are (no copy); rows are built only when a caller asks for them.
 *
 * @example
 * const t = tableAccess(aq.from([{ id: "a", x: 1 }, { id: "b", x: 2 }]));
 * t?.kind; // "columnar"
 * t?.numRows; // 2
 * Array.from(t!.column("x")); // [1, 2]
 */

/** A row of a table: column name → cell. */
export type TableRow = Readonly<Record<string, unknown>>;

/** Column-oriented data: column name → values in row order (arrays or typed arrays). */
export type ColumnData = Readonly<Record<string, ArrayLike<unknown>>>;

/** A column table as arquero's `ColumnTable` provides it (`columnNames()` and `objects()` are optional). */
export interface ColumnTableLike {
  numRows(): number;
  array(name: string): ArrayLike<unknown>;
  columnNames?(): string[];
  objects?(): readonly object[];
}

/**
 * Anything the library reads as a table: plain rows, an `AreaTable` (its `rows`), an arquero table (or any
 * `numRows()` + `array(name)` column table), anything with `objects()`, or column data.
 */
export type TableLike =
  | readonly TableRow[]
  | { readonly rows: readonly TableRow[] }
  | ColumnTableLike
  | { objects(): readonly object[] }
  | ColumnData;

/** How a table input was recognised. */
export type TableKind = "rows" | "areaTable" | "columnar" | "objects" | "columns";

/** Uniform, lazy access to a table input (see {@link tableAccess}). */
export interface TableAccess {
  readonly kind: TableKind;
  /** Number of rows. */
  readonly numRows: number;
  /** Column names when the input declares them (column table with `columnNames()`, column data); else undefined. */
  readonly names: readonly string[] | undefined;
  /** The row objects when the input is row-oriented ("rows", "areaTable", "objects"), as given; else undefined. */
  readonly rows: readonly TableRow[] | undefined;
  /** Values of a column in row order: a column table's own array (no copy); rows: read into a new array. */
  column(name: string): ArrayLike<unknown>;
  /** Reader of one cell of a column by row index, without copying the column. */
  cell(name: string): (i: number) => unknown;
  /** The rows as objects: row-oriented inputs as given, a column table's `objects()`, otherwise assembled. */
  objects(): readonly TableRow[];
}

type Obj = Record<string, unknown>;

/** Which shape a table input has, or null when it is none of them. */
export function tableKind(input: unknown): TableKind | null {
  if (Array.isArray(input)) return "rows";
  if (input === null || typeof input !== "object") return null;
  const o = input as Obj;
  if (Array.isArray(o.rows)) return "areaTable";
  if (typeof o.numRows === "function" && typeof o.array === "function") return "columnar";
  if (typeof o.objects === "function") return "objects";
  const values = Object.values(o);
  if (values.length > 0 && values.every((v) => Array.isArray(v) || ArrayBuffer.isView(v))) return "columns";
  return null;
}

/** Uniform access to a table input, or null when it is not a table (the caller names the function in its error). */
export function tableAccess(input: TableLike | unknown): TableAccess | null {
  const kind = tableKind(input);
  if (kind === "rows") return rowAccess(kind, input as readonly TableRow[]);
  if (kind === "areaTable") return rowAccess(kind, (input as { rows: readonly TableRow[] }).rows);
  if (kind === "objects") return rowAccess(kind, (input as { objects(): readonly TableRow[] }).objects());
  if (kind === "columnar") return columnarAccess(input as ColumnTableLike);
  if (kind === "columns") return columnDataAccess(input as ColumnData);
  return null;
}

function rowAccess(kind: TableKind, rows: readonly TableRow[]): TableAccess {
  return {
    kind,
    numRows: rows.length,
    names: undefined,
    rows,
    column: (name) => rows.map((r) => r[name]),
    cell: (name) => (i) => rows[i][name],
    objects: () => rows,
  };
}

function columnarAccess(t: ColumnTableLike): TableAccess {
  const names = typeof t.columnNames === "function" ? t.columnNames() : undefined;
  const numRows = t.numRows();
  let objects: readonly TableRow[] | undefined;
  return {
    kind: "columnar",
    numRows,
    names,
    rows: undefined,
    column: (name) => t.array(name),
    cell(name) {
      const values = t.array(name);
      return (i) => values[i];
    },
    objects() {
      if (objects === undefined) {
        objects = typeof t.objects === "function" ? (t.objects() as TableRow[]) : assemble(numRows, names ?? [], (c) => t.array(c));
      }
      return objects;
    },
  };
}

function columnDataAccess(cols: ColumnData): TableAccess {
  const names = Object.keys(cols);
  const numRows = names.length > 0 ? cols[names[0]].length : 0;
  let objects: readonly TableRow[] | undefined;
  return {
    kind: "columns",
    numRows,
    names,
    rows: undefined,
    column: (name) => cols[name],
    cell(name) {
      const values = cols[name];
      return (i) => values[i];
    },
    objects: () => (objects ??= assemble(numRows, names, (c) => cols[c])),
  };
}

/** Row objects from columns (only where a caller needs rows of a column-oriented input). */
function assemble(numRows: number, names: readonly string[], column: (name: string) => ArrayLike<unknown>): TableRow[] {
  const columns = names.map(column);
  const out = new Array<TableRow>(numRows);
  for (let i = 0; i < numRows; i++) {
    const row: Obj = {};
    for (let k = 0; k < names.length; k++) row[names[k]] = columns[k][i];
    out[i] = row;
  }
  return out;
}
