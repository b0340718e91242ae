import { Missing } from "../table/missing.js";
import { formatGermanNumber } from "./formatGermanNumber.js";
import { quoteCsvField } from "./quoteCsvField.js";

/**
 * One field of a CSV written the way German statistics offices publish (";" between fields): a number with a
 * decimal comma and no thousands separator ({@link formatGermanNumber}), a `Missing` cell as its marker ("." "-"
 * or empty), null/undefined as an empty field, anything else as text. A field holding ";", '"' or a line break
 * is quoted, with '"' doubled (RFC 4180, {@link quoteCsvField}), so that `parseCsv` reads it back unchanged.
 *
 * @param value the cell
 * @throws RangeError for a number that is not finite (NaN has no place in a published table; write a `Missing`)
 * @example
 * germanCsvField(1675.5);      // "1675,5"
 * germanCsvField(missing("."));  // "."
 * germanCsvField('Nord; "Alt"'); // "\"Nord; \"\"Alt\"\"\""
 */
export function germanCsvField(value: unknown): string {
  let text: string;
  if (value instanceof Missing) text = value.marker;
  else if (typeof value === "number") text = formatGermanNumber(value, { thousands: "" });
  else if (value === null || value === undefined) text = "";
  else text = String(value);
  return quoteCsvField(text);
}
