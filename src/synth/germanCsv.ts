import { germanCsvField } from "../io/germanCsvField.js";

/**
 * Writes rows as a CSV the way German statistics offices publish: ";" between fields, decimal comma, no thousands
 * separator, UTF-8, "\n" line ends, a header line. Missing cells are written as their marker ("." "-" or empty);
 * fields containing ";", '"' or a line break are quoted (RFC 4180 style).
 *
 * @example
 * germanCsv(["id", "lon"], [{ id: "010101", lon: 7.01 }]); // "id;lon\n010101;7,01\n"
 */
export function germanCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const lines = [columns.map(germanCsvField).join(";"), ...rows.map((r) => columns.map((c) => germanCsvField(r[c])).join(";"))];
  return lines.join("\n") + "\n";
}
