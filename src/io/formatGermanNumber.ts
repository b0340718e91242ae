import type { DecimalMark } from "./parseGermanNumber.js";

/**
 * Formats a number the German way: decimal comma, "." between groups of three digits.
 * `parseGermanNumber(formatGermanNumber(x)) === x` for every finite `x` when `decimals` is not given (the shortest
 * representation that reads back exactly, as `String(x)`; very large or small numbers keep an exponent, "1e+21").
 *
 * @param value a finite number
 * @param options.decimals fixed number of decimals (rounded like `Number.prototype.toFixed`)
 * @param options.thousands the thousands separator: "." (default), " ", "\u00A0", "\u202F" or "" for none
 * @param options.decimal the decimal mark, "," (default) or "."; with "." the default thousands separator is ","
 * @throws RangeError if `value` is not finite
 *
 * @example
 * formatGermanNumber(1675.5);                   // "1.675,5"
 * formatGermanNumber(0.534, { decimals: 1 });   // "0,5"
 * formatGermanNumber(-23, { thousands: " " });  // "-23"
 * formatGermanNumber(1788994, { thousands: " " }); // "1 788 994"
 */
export function formatGermanNumber(
  value: number,
  options: { decimals?: number; thousands?: string; decimal?: DecimalMark } = {},
): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatGermanNumber: Wert ${value} ist keine endliche Zahl`);
  const decimal = options.decimal ?? ",";
  const thousands = options.thousands ?? (decimal === "," ? "." : ",");
  let text = options.decimals === undefined ? String(value) : value.toFixed(options.decimals);
  let exponent = "";
  const e = text.indexOf("e");
  if (e >= 0) {
    exponent = text.slice(e);
    text = text.slice(0, e);
  }
  // No sign on a result that shows zero: −0, or −0.004 with 2 decimals, is "0" / "0,00", not "-0,00".
  const sign = text.startsWith("-") && /[1-9]/.test(text) ? "-" : "";
  if (text.startsWith("-")) text = text.slice(1);
  const dot = text.indexOf(".");
  const integer = dot >= 0 ? text.slice(0, dot) : text;
  const fraction = dot >= 0 ? text.slice(dot + 1) : "";
  let grouped = integer;
  if (thousands !== "" && integer.length > 3) {
    const parts: string[] = [];
    for (let end = integer.length; end > 0; end -= 3) parts.unshift(integer.slice(Math.max(0, end - 3), end));
    grouped = parts.join(thousands);
  }
  return sign + grouped + (fraction ? decimal + fraction : "") + exponent;
}
