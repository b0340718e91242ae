import type { Cell } from "./missing.js";

/** The type of a column: text (keys, names) or number (counts, shares). */
export type ColumnType = "string" | "number";

/** A row of an area table: column name → cell. Keys are strings, never numbers. */
export type AreaRow = Record<string, Cell>;

/**
 * A table with one row per area (or any rectangular table read from CSV/XLSX), as plain rows.
 *
 * - `rows[i][column]` is a number, a string (keys, names) or an explicit `Missing` value keeping its marker.
 * - `rowNumbers[i]` is the spreadsheet row of `rows[i]` in the file (header = row 1), used in every message.
 * - `id` names the area-key column when one was declared; its cells are always strings.
 *
 * Produced by `readCsv`, `parseCsv`, `readXlsx`, `parseXlsx` and `geoJsonTable`; checked by `checkAreaTable`;
 * combined by `joinAreaTables`.
 */
export interface AreaTable {
  /** The file (path or name given for messages). */
  file: string;
  /** The area-key column, if declared. */
  id?: string;
  /** Column names in file order. */
  columns: string[];
  /** The type of each column. */
  columnTypes: Record<string, ColumnType>;
  /** One plain object per data row. */
  rows: AreaRow[];
  /** Spreadsheet row number of each row (same length as `rows`). */
  rowNumbers: number[];
  /** Things the reader did that a reviewer should know (encoding fallback, skipped empty rows, …). */
  warnings: string[];
  /** How the file was read (for audits): format, encoding, separator, decimal mark, sheet, header row. */
  source?: AreaTableSource;
}

/** How a table was read. */
export interface AreaTableSource {
  format: "csv" | "xlsx" | "geojson" | "rows";
  encoding?: string;
  separator?: string;
  decimal?: "," | ".";
  sheet?: string;
  headerRow?: number;
}
