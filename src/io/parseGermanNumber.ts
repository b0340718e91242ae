/** The decimal mark of a file: "," (German, the default) or "." (English, e.g. database exports). */
export type DecimalMark = "," | ".";

const PLAIN_INTEGER = /^-?\d{1,15}$/;
/**
 * Parses a number written the way German statistics offices publish it. Returns `NaN` when the text is not a
 * number (the caller decides whether that is an error or a text cell).
 *
 * Rules (decimal mark ","; with `{ decimal: "." }` the roles of "," and "." swap):
 * - Surrounding white space is ignored, including the no-break spaces U+00A0 and U+202F.
 * - Thousands separators: ".", space, U+00A0 or U+202F (also U+2009, U+2007), one kind per number, between groups of three
 *   digits: "1.675" → 1675, " 1 675" → 1675, "1 788 994" → 1788994. So "1.67" or "16.5" is NOT a German number
 *   (NaN): a dot followed by other than three digits means the file uses a decimal point.
 * - Decimal comma: "9,7" → 9.7, "1.675,25" → 1675.25, ",5" → 0.5; an exponent is allowed: "1,5E-3" → 0.0015.
 * - Sign: "-", "+" or the minus sign U+2212, which may be followed by spaces: "-  23" → -23 (Hamburg's
 *   Stadtteilprofile right-align numbers after the sign). A dash alone ("-", "–") is not a number: readers treat
 *   it as a missing marker (see `DEFAULT_MISSING_MARKERS`).
 * - Percent: a trailing "%" (with or without a space) is dropped and the value stays in percent points:
 *   "53,40%" → 53.4 (not 0.534), like the "Anteil … in %" columns published without the sign.
 *
 * @param text the cell text
 * @param options.decimal the decimal mark, "," (default) or "."
 * @returns the number, or NaN if `text` is not a number in that format
 *
 * @example
 * parseGermanNumber(" 1 675");  // 1675
 * parseGermanNumber("9,7");     // 9.7
 * parseGermanNumber("-  23");   // -23
 * parseGermanNumber("53,40%");  // 53.4
 * parseGermanNumber("1.675");   // 1675
 * parseGermanNumber("1.675", { decimal: "." }); // 1.675
 * parseGermanNumber("16.5");    // NaN
 */
export function parseGermanNumber(text: string, options: { decimal?: DecimalMark } = {}): number {
  return parseTrimmedNumber(text.trim(), (options.decimal ?? ",") === "," ? COMMA : POINT);
}

const COMMA = 44; // ","
const POINT = 46; // "."

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

/**
 * The parser behind `parseGermanNumber` for already trimmed text (internal; a hand-written scanner because the
 * readers call it for every cell). `decimal` is the char code of the decimal mark (44 "," or 46 ".").
 */
export function parseTrimmedNumber(t: string, decimal: number): number {
  // "+ 0" turns −0 ("-0", "-0,0") into 0: a count or share of zero has no sign.
  if (PLAIN_INTEGER.test(t)) return +t + 0;
  const n = t.length;
  let i = 0;
  let c = t.charCodeAt(0);
  let sign = "";
  if (c === 45 || c === 0x2212 || c === 43) {
    if (c !== 43) sign = "-";
    i++;
    while (i < n && isSpace(t.charCodeAt(i))) i++;
  }
  // integer part: plain digits, or 1–3 digits then groups of exactly three after one kind of separator
  let digits = "";
  let start = i;
  while (i < n && (c = t.charCodeAt(i)) >= 48 && c <= 57) i++;
  const first = i - start;
  if (first > 0) {
    digits = t.slice(start, i);
    if (first <= 3 && i < n) {
      const sep = t.charCodeAt(i);
      const thousands = sep !== decimal && (sep === 46 || sep === 44 || isSpace(sep));
      if (thousands) {
        while (i < n && t.charCodeAt(i) === sep) {
          const g = i + 1;
          let k = g;
          while (k < n && (c = t.charCodeAt(k)) >= 48 && c <= 57) k++;
          if (k === g) break; // "45 %": a space not followed by digits ends the number
          if (k - g !== 3) return NaN;
          digits += t.slice(g, k);
          i = k;
        }
      }
    }
  }
  // decimal part
  let fraction = "";
  if (i < n && t.charCodeAt(i) === decimal) {
    start = ++i;
    while (i < n && (c = t.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === start) return NaN;
    fraction = t.slice(start, i);
  }
  if (digits === "" && fraction === "") return NaN;
  // exponent
  let exponent = "";
  if (i < n && ((c = t.charCodeAt(i)) === 101 || c === 69)) {
    start = ++i;
    if (i < n && ((c = t.charCodeAt(i)) === 43 || c === 45)) i++;
    const d = i;
    while (i < n && (c = t.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === d) return NaN;
    exponent = "e" + t.slice(start, i);
  }
  // percent sign
  if (i < n) {
    while (i < n && isSpace(t.charCodeAt(i))) i++;
    if (i !== n - 1 || t.charCodeAt(i) !== 37) return NaN;
  }
  return +(sign + (digits === "" ? "0" : digits) + (fraction === "" ? "" : "." + fraction) + exponent) + 0;
}

/**
 * Which decimal mark a trimmed number text is evidence for (internal, used by the readers' `decimal: "auto"`):
 * 0 not a number, 1 only the German reading, 2 only the English reading, 3 both (e.g. "12", "1.675", "1 675").
 */
export function decimalEvidence(text: string): 0 | 1 | 2 | 3 {
  const isDe = !Number.isNaN(parseTrimmedNumber(text, COMMA));
  const isEn = !Number.isNaN(parseTrimmedNumber(text, POINT));
  return ((isDe ? 1 : 0) + (isEn ? 2 : 0)) as 0 | 1 | 2 | 3;
}
