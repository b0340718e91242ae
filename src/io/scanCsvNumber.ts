import { parseTrimmedNumber } from "./parseGermanNumber.js";

/**
 * What {@link scanCsvNumber} and {@link classifyNumberText} found (internal; one shared object so that the hot loop
 * allocates nothing):
 * - `end`: the position after the last character read;
 * - `kind`: NOT_PLAIN (the fast scanner cannot read it: blanks, exponent, "%", …), NONE (no "." or ",": the same
 *   number with either decimal mark), GERMAN (only a decimal comma reads it: "9,7", "1.234.567"), ENGLISH (only a
 *   decimal point: "4.22594", "1,234,567"), BOTH ("1.675", "1,675": 1–3 digits, one separator, three digits), or
 *   NOT_A_NUMBER (neither mark reads it);
 * - the returned value is the German reading, `alt` the English one (they differ only for BOTH).
 */
export const scanned = { end: 0, kind: 0, alt: 0 };

export const NOT_PLAIN = -1;
export const NONE = 0;
export const GERMAN = 1;
export const ENGLISH = 2;
export const BOTH = 3;
export const NOT_A_NUMBER = 4;

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Scans a number cell of a CSV line (internal, for the fast column reader): from `a` up to the separator (char code
 * `d`) or `end`, the shapes `[+-]digits`, `[+-]digits(Sddd)*` and `[+-]digits(Sddd)*Tdigits` with S and T the two
 * marks "." and ",". Sets `scanned.end` and `scanned.kind` (see {@link scanned}); returns the German reading.
 *
 * The value is exactly the one `parseTrimmedNumber` gives: with at most 15 significant and 22 decimal digits the
 * mantissa m < 2^53 and 10^k are exact doubles, so m / 10^k is correctly rounded (IEEE division rounds once), as
 * is the string-to-number conversion the full reader uses. Anything longer is NOT_PLAIN (the caller then parses
 * the cell text with `parseTrimmedNumber`). "-0" gives 0, as in the full reader.
 *
 * @example
 * scanCsvNumber("1.234,5;x", 0, 9, 59); // 1234.5, scanned.kind === GERMAN, scanned.end === 7
 */
export function scanCsvNumber(text: string, a: number, end: number, d: number): number {
  let i = a;
  let c = i < end ? text.charCodeAt(i) : d;
  let neg = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let significant = 0;
  let run = 0; // digits since the last separator
  let firstRun = -1; // digits before the first separator
  let x = 0; // the first separator's char code
  let t = 0; // a second, different separator (only as the last one)
  let groups = 0; // separators of kind x
  let allThree = true; // every run between two separators has three digits
  scanned.kind = NOT_PLAIN;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (m !== 0 || c !== 48) {
        if (significant === 15) return (scanned.end = i), NaN;
        significant++;
      }
      m = m * 10 + (c - 48);
      run++;
    } else if (c === d) {
      break;
    } else if ((c === 46 || c === 44) && t === 0) {
      if (x === 0) {
        x = c;
        firstRun = run;
      } else if (run !== 3) allThree = false;
      if (c === x) groups++;
      else t = c;
      run = 0;
    } else {
      return (scanned.end = i), NaN;
    }
  }
  scanned.end = i;
  let v: number;
  let alt: number;
  let kind: number;
  if (x === 0) {
    if (run === 0) return NaN; // "", "-": no digits
    v = alt = m;
    kind = NONE;
  } else if (firstRun === 0 || firstRun > 3 && (groups > 1 || t !== 0)) {
    return NaN; // ".5", "1234.567.890": not this scanner's shapes
  } else if (t !== 0) {
    // Thousands groups of x, then the decimal mark t.
    if (!allThree || run === 0 || run > 22) return NaN;
    v = alt = m / POW10[run];
    kind = t === 44 ? GERMAN : ENGLISH;
  } else if (groups === 1) {
    if (run === 0 || run > 22) return NaN;
    if (firstRun <= 3 && run === 3) {
      // "1.675": thousands for one mark, three decimals for the other.
      const asDecimal = m / 1000;
      v = x === 44 ? asDecimal : m;
      alt = x === 44 ? m : asDecimal;
      kind = BOTH;
    } else {
      v = alt = m / POW10[run];
      kind = x === 44 ? GERMAN : ENGLISH;
    }
  } else {
    // Two or more separators of one kind: thousands groups only ("1.234.567").
    if (!allThree || run !== 3) return NaN;
    v = alt = m;
    kind = x === 46 ? GERMAN : ENGLISH;
  }
  scanned.kind = kind;
  scanned.alt = (neg ? -alt : alt) + 0;
  return (neg ? -v : v) + 0;
}

/**
 * The same classification for a trimmed cell text the scanner could not read (internal): the German reading is
 * returned and the English one left in `scanned.alt`, both by the full reader's `parseTrimmedNumber`. A text
 * without "." or "," is NONE (it is no evidence for a decimal mark, as in the full reader).
 */
export function classifyNumberText(s: string): number {
  const de = parseTrimmedNumber(s, 44);
  const en = parseTrimmedNumber(s, 46);
  const isDe = de === de;
  const isEn = en === en;
  scanned.alt = en;
  if (!isDe && !isEn) scanned.kind = NOT_A_NUMBER;
  else if (s.indexOf(",") < 0 && s.indexOf(".") < 0) scanned.kind = NONE;
  else scanned.kind = isDe && isEn ? BOTH : isDe ? GERMAN : ENGLISH;
  return de;
}
