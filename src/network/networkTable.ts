import { readCsv } from "../io/readCsv.js";
import type { AreaTable } from "../table/areaTable.js";
import { DataError } from "../table/dataError.js";

/**
 * Reads a network file with `readCsv` (";" separated, no missing markers: an id "-" or "." is an error to report,
 * not a missing value) and checks that the required columns are there. Cells are read back as text with
 * {@link cellText}. Internal helper of {@link readActors} and {@link readCooperations}.
 */
export function readNetworkTable(fn: string, path: string, columns: readonly string[]): AreaTable {
  const table = readCsv(path, { separator: ";", missingMarkers: [] });
  requireColumns(fn, table, columns);
  return table;
}

/** Throws a German DataError naming the file and the missing columns. */
export function requireColumns(fn: string, table: AreaTable, columns: readonly string[]): void {
  const absent = columns.filter((c) => !table.columns.includes(c));
  if (absent.length > 0) {
    throw new DataError(fn, {
      file: table.file,
      row: table.source?.headerRow ?? 1,
      message: `Spalte(n) ${absent.map((c) => `„${c}“`).join(", ")} fehlen (vorhanden: ${table.columns.join(";")})`,
    });
  }
}

/** The text of a cell ("" for an absent or missing cell). */
export function cellText(row: Record<string, unknown>, column: string): string {
  const v = row[column];
  return v === undefined || v === null ? "" : String(v).trim();
}
