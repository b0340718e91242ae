import type { DecimalMark } from "./parseGermanNumber.js";

/** Options of {@link formatGermanNumber}. */
export interface GermanNumberOptions {
  /** Fixed number of decimals, trailing zeros kept ("1,50"); rounded like `Number.prototype.toFixed`. */
  decimals?: number;
  /**
   * At most this many decimals, trailing zeros dropped ("1,5", "2"); rounded like `toFixed` (half away from zero on
   * the exact binary value), as `Intl.NumberFormat("de-DE", { maximumFractionDigits })` does. Ignored with `decimals`.
   */
  maxDecimals?: number;
  /** The thousands separator: "." (default), " ", "\u00A0", "\u202F" or "" for none. */
  thousands?: string;
  /** The decimal mark, "," (default) or "."; with "." the default thousands separator is ",". */
  decimal?: DecimalMark;
  /**
   * The sign put before a value that shows as negative, zero or positive after rounding. Default
   * `{ minus: "-", zero: "", plus: "" }`; plotly's axes use the typographic minus "\u2212"; a change reads
   * `{ minus: "−", zero: "±", plus: "+" }`.
   */
  sign?: { minus?: string; zero?: string; plus?: string };
  /** Text for null, undefined, NaN and ±Infinity (for example "–" or ""); without it they are an error. */
  missing?: string;
}

/**
 * Formats a number the German way: decimal comma, "." between groups of three digits. The one number formatter of
 * the package: reports, workbook notes, figures and messages all use it.
 * `parseGermanNumber(formatGermanNumber(x)) === x` for every finite `x` when neither `decimals` nor `maxDecimals` is
 * given (the shortest representation that reads back exactly, as `String(x)`; very large or small numbers keep an
 * exponent, "1e+21"). A value that rounds to zero never shows a minus ("0,00", not "-0,00").
 *
 * @param value a finite number; null, undefined or a non-finite number only with `options.missing`
 * @param options see {@link GermanNumberOptions}
 * @throws RangeError if `value` is not a finite number and `options.missing` is not given
 *
 * @example
 * formatGermanNumber(1675.5);                       // "1.675,5"
 * formatGermanNumber(0.534, { decimals: 1 });       // "0,5"
 * formatGermanNumber(2.5, { decimals: 2 });         // "2,50"
 * formatGermanNumber(1234.5678, { maxDecimals: 2 });// "1.234,57"
 * formatGermanNumber(-1.3, { decimals: 2, sign: { minus: "\u2212" } }); // "−1,30"
 * formatGermanNumber(0.25, { sign: { minus: "−", zero: "±", plus: "+" } }); // "+0,25"
 * formatGermanNumber(null, { missing: "–" });       // "–"
 * formatGermanNumber(1788994, { thousands: " " });  // "1 788 994"
 */
export function formatGermanNumber(value: number, options?: GermanNumberOptions): string;
export function formatGermanNumber(value: number | null | undefined, options: GermanNumberOptions & { missing: string }): string;
export function formatGermanNumber(value: number | null | undefined, options: GermanNumberOptions = {}): string {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    if (options.missing !== undefined) return options.missing;
    throw new RangeError(`formatGermanNumber: Wert ${value} ist keine endliche Zahl`);
  }
  const decimal = options.decimal ?? ",";
  const thousands = options.thousands ?? (decimal === "," ? "." : ",");
  let text = digits(value, options);
  let exponent = "";
  const e = text.indexOf("e");
  if (e >= 0) {
    exponent = text.slice(e);
    text = text.slice(0, e);
  }
  const negative = text.startsWith("-");
  if (negative) text = text.slice(1);
  // The sign follows the shown value: −0, or −0.004 with 2 decimals, is "0" / "0,00", not "-0,00".
  const shown = /[1-9]/.test(text) ? (negative ? "minus" : "plus") : "zero";
  const sign = options.sign?.[shown] ?? (shown === "minus" ? "-" : "");
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

/** The digits with "." as decimal mark: fixed, at most `maxDecimals` (trailing zeros dropped) or shortest. */
function digits(value: number, options: GermanNumberOptions): string {
  if (options.decimals !== undefined) return value.toFixed(options.decimals);
  if (options.maxDecimals === undefined) return String(value);
  const fixed = value.toFixed(options.maxDecimals);
  return fixed.includes(".") && !fixed.includes("e") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/**
 * The `sign` option of {@link formatGermanNumber} for a change or shift: "+0,5", "−0,5", "±0".
 *
 * @example
 * formatGermanNumber(-0.5, { sign: CHANGE_SIGN }); // "−0,5"
 */
export const CHANGE_SIGN = { minus: "\u2212", zero: "\u00b1", plus: "+" } as const;
