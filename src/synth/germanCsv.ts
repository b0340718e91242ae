import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { Missing } from "../table/missing.js";

/**
 * Writes rows as a CSV the way German statistics offices publish: ";" between fields, decimal comma, no thousands
 * separator, UTF-8, "\n" line ends, a header line. Missing cells are written as their marker ("." "-" or empty);
 * fields containing ";", '"' or a line break are quoted (RFC 4180 style).
 *
 * @example
 * germanCsv(["id", "lon"], [{ id: "010101", lon: 7.01 }]); // "id;lon\n010101;7,01\n"
 */
export function germanCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const field = (v: unknown): string => {
    let s: string;
    if (v instanceof Missing) s = v.marker;
    else if (typeof v === "number") s = formatGermanNumber(v, { thousands: "" });
    else if (v === null || v === undefined) s = "";
    else s = String(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.join(";"), ...rows.map((r) => columns.map((c) => field(r[c])).join(";"))];
  return lines.join("\n") + "\n";
}
