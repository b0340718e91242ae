import type { AreaRow, AreaTable, ColumnType } from "./areaTable.js";
import { DataError } from "./dataError.js";
import { Missing, type Cell } from "./missing.js";

/**
 * Wraps plain rows (e.g. built in code or from arquero's `objects()`) as an `AreaTable`, so that
 * `checkAreaTable` and `joinAreaTables` can be used on them. Rows are copied, not mutated: the key becomes a string
 * (a number key is an error — its leading zeros may be lost already), `null`/`undefined`/NaN become `missing("")`,
 * other values are kept. Columns are the union of the rows' keys in first-seen order; a column is "number" when
 * all its present values are numbers. Row numbers count as in a spreadsheet with a header: 2, 3, …
 *
 * @param rows plain objects
 * @param options.id the key column (required)
 * @param options.file a name for messages (default "<rows>")
 * @throws DataError `areaTableFromRows: <rows> row 3, column "id": the key 101 is a number; keys must be text
 *   (leading zeros)`
 *
 * @example
 * const t = areaTableFromRows([{ id: "01", n: 3 }, { id: "02", n: null }], { id: "id" });
 * t.rows[1].n; // Missing("")
 */
export function areaTableFromRows(rows: readonly Record<string, unknown>[], options: { id: string; file?: string }): AreaTable {
  const file = options.file ?? "<rows>";
  const id = options.id;
  const columns: string[] = [id];
  const seen = new Set(columns);
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), columns.push(k));
  const out: AreaRow[] = rows.map((r, i) => {
    const row: AreaRow = {};
    for (const c of columns) {
      const v = r[c];
      if (c === id && typeof v === "number") {
        throw new DataError("areaTableFromRows", { file, row: i + 2, column: id, value: v, message: `der Schlüssel ${v} ist eine Zahl; Schlüssel müssen Text sein (führende Nullen)` });
      }
      row[c] = toCell(v);
    }
    return row;
  });
  const columnTypes: Record<string, ColumnType> = {};
  for (const c of columns) {
    columnTypes[c] = c !== id && out.every((r) => typeof r[c] === "number" || r[c] instanceof Missing) ? "number" : "string";
  }
  return { file, id, columns, columnTypes, rows: out, rowNumbers: rows.map((_, i) => i + 2), warnings: [], source: { format: "rows" } };
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return new Missing("");
  if (v instanceof Missing || typeof v === "number" || typeof v === "string") return v;
  return String(v);
}
