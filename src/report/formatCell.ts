import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { Missing } from "../table/missing.js";

/**
 * A table cell as German display text: numbers with decimal comma and thousands dot (fixed `decimals` when
 * given), missing values show their marker (".", "-", …) or "–", booleans "ja"/"nein", arrays joined by ", ".
 *
 * @example
 * formatCell(1234.5, 1);     // "1.234,5"
 * formatCell(missing("."));  // "."
 * formatCell(null);          // "–"
 */
export function formatCell(value: unknown, decimals?: number): string {
  if (value instanceof Missing) return value.marker === "" ? "–" : value.marker;
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "–";
    return formatGermanNumber(value, decimals === undefined ? {} : { decimals });
  }
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (Array.isArray(value)) return value.map((v) => formatCell(v, decimals)).join(", ");
  return String(value);
}
