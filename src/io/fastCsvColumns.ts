import { isUtf8 } from "node:buffer";
import { DEFAULT_MISSING_MARKERS } from "./missingMarkers.js";
import { BOTH, classifyNumberText, ENGLISH, GERMAN, NONE, NOT_A_NUMBER, NOT_PLAIN, scanCsvNumber, scanned } from "./scanCsvNumber.js";

/** Columns read by {@link fastCsvColumns}: text columns as strings, number columns as Float64Array (NaN = empty). */
export type CsvColumns = Record<string, string[] | Float64Array>;

const QUOTE = 34;
const CHUNK_BYTES = 4 << 20;
const MARKERS = new Set(DEFAULT_MISSING_MARKERS);

/**
 * The fast path of `readCsvColumns` (internal): the full reader's (`parseCsv`) data for the selected columns, or
 * null whenever that is not certain (the caller then uses the full reader). One pass over a latin1 view of the
 * bytes (one char per byte, no decoding, no per-row strings); numbers are parsed in the same pass
 * ({@link scanCsvNumber}: decimal point or comma, thousands separators); a text cell with bytes ≥ 0x80 is decoded
 * as UTF-8, and a text cell equal to the previous one of its column reuses that string.
 *
 * What the full reader does, and the fast path with it or by falling back (null):
 * - encoding: invalid UTF-8 is read as Windows-1252 (→ null; so is UTF-16, whose byte-order mark is not UTF-8),
 *   a byte-order mark is dropped (two → null);
 * - lines: split at "\n" (a "\r" before it dropped), or at "\r" when the file has no "\n" (→ null); empty lines
 *   skipped; a row of blank cells is skipped with a note (→ null: its id is empty);
 * - quotes: a field that starts with '"' runs to the next single '"' ("" inside is one '"'), which must end the
 *   field; a quoted line break, a quote elsewhere, a "\r" not before "\n" or line ends of two kinds (→ null);
 * - separator: the most frequent of ";", "," and tab outside quotes in the first line; none or a tie (→ null);
 * - header: names trimmed; an empty or repeated name is a note or an error (→ null);
 * - text cells: trimmed; an empty one is a missing value (→ null);
 * - number cells: trimmed; missing markers ("." "-" "NA" …) keep their marker (→ null), an empty cell is missing
 *   (NaN here, the same exclusion reason); anything not a number is an error (→ null);
 * - decimal mark: the first cell of a column not declared text that only one mark reads decides ("4.22594" ".",
 *   "9,7" or "1.234.567" ","); a cell only the other mark reads is an error (→ null); no such cell: "," with a
 *   note if a cell reads both ways ("1.675"; → null). Unused columns count, as in the full reader; a cell read
 *   both ways before the mark is known is stored with the German reading and corrected once it is.
 *
 * @param bytes the file content
 * @param strings the text columns (the first is the id)
 * @param numbers the number columns
 * @param chunkBytes the size of the latin1 views (whole lines; default 4 MiB): the text of the whole file is never
 *   held at once, only the bytes and one view
 */
export function fastCsvColumns(
  bytes: Uint8Array,
  strings: readonly string[],
  numbers: readonly string[],
  chunkBytes = CHUNK_BYTES,
): CsvColumns | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = (k: number) => buffer.length >= k + 3 && buffer[k] === 0xef && buffer[k + 1] === 0xbb && buffer[k + 2] === 0xbf;
  const start = bom(0) ? 3 : 0;
  if (bom(start)) return null;
  if (buffer.indexOf(0x0a /* \n */, start) === -1) return null;
  if (!isUtf8(buffer)) return null;
  const hasQuotes = buffer.indexOf(QUOTE, start) !== -1;
  const headerEnd = buffer.indexOf(0x0a, start) - start;
  const header = buffer.toString("latin1", start, start + headerEnd);
  const delimiter = separatorOf(header, headerEnd);
  if (delimiter === null) return null;
  const d = delimiter.charCodeAt(0);
  const names = headerNames(buffer, header, start, headerEnd, d);
  if (names === null || names.length < 2 || names.includes("") || new Set(names).size !== names.length) return null;
  // A column that is both text and number: the full reader takes it as a number (and refuses that for the id).
  if (strings.some((s) => numbers.includes(s))) return null;
  const role = new Int32Array(names.length).fill(-1); // -1 unused, ≥0 slot
  const slots: { name: string; numeric: boolean }[] = [];
  for (const [want, numeric] of [...strings.map((s) => [s, false] as const), ...numbers.map((s) => [s, true] as const)]) {
    if (slots.some((s) => s.name === want)) continue;
    const k = names.indexOf(want);
    if (k === -1) return null; // the full reader reports the missing column
    role[k] = slots.length;
    slots.push({ name: want, numeric });
  }
  const rows = countRows(buffer, start + headerEnd + 1, hasQuotes);
  if (rows <= 0) return null; // no data rows: the full reader's error; -1: line ends the fast path does not read
  const numCols = slots.map((s) => (s.numeric ? new Float64Array(rows) : null));
  const strCols = slots.map((s) => (s.numeric ? null : new Array<string>(rows)));
  const lastRaw = slots.map((): string | null => null); // previous raw cell per text column …
  const lastValue = slots.map(() => ""); // … and its trimmed string
  const nFields = names.length;
  // Per field: 0 unused, 1 number, 2 text (no lookups through the slots in the loop).
  const fieldType = new Int8Array(nFields);
  for (let f = 0; f < nFields; f++) fieldType[f] = role[f] < 0 ? 0 : slots[role[f]].numeric ? 1 : 2;
  const NO_COLUMN = new Float64Array(0);
  const numByField = Array.from(role, (slot) => (slot >= 0 ? numCols[slot] ?? NO_COLUMN : NO_COLUMN));
  // The decimal mark as the evidence kind that decided it: UNDECIDED, GERMAN (",") or ENGLISH ("."). Cells read
  // both ways before it is decided wait in `pending` (their German reading is stored, the English one kept).
  let mark = UNDECIDED;
  let bothSeen = false;
  const pending: Pending = { cells: [], alt: [] };
  let r = 0;
  // Views of whole lines, chunkBytes long: positions below are offsets in the view, `base` its first byte.
  for (let base = start + headerEnd + 1; base < buffer.length; ) {
    let viewEnd = Math.min(base + chunkBytes, buffer.length);
    if (viewEnd < buffer.length) {
      const nl = buffer.indexOf(0x0a, viewEnd - 1);
      viewEnd = nl === -1 ? buffer.length : nl + 1;
    }
    const text = buffer.toString("latin1", base, viewEnd);
    lastRaw.fill(null);
    let nextQuote = hasQuotes ? nextQuoteFrom(text, 0) : Infinity;
    const len = text.length;
    let p = 0;
    while (p < len) {
      let lineEnd = text.indexOf("\n", p);
      if (lineEnd === -1) lineEnd = len;
      let end = lineEnd;
      if (end > p && text.charCodeAt(end - 1) === 13) end--;
      if (end === p) {
        p = lineEnd + 1;
        continue;
      }
      let a = p;
      for (let f = 0; f < nFields; f++) {
        const slot = role[f];
        const type = fieldType[f];
        // The cell's content [ca, ce) and its end e (the separator or the line end).
        let ca = a;
        let ce = -1;
        let e = -1;
        let escaped = false;
        if (nextQuote < a) nextQuote = nextQuoteFrom(text, a);
        if (nextQuote === a) {
          let q = a + 1;
          for (;;) {
            q = text.indexOf('"', q);
            if (q === -1 || q >= end) return null; // a quoted line break, or never closed
            if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
              escaped = true;
              q += 2;
              continue;
            }
            break;
          }
          ca = a + 1;
          ce = q;
          e = q + 1;
          if (e < end && text.charCodeAt(e) !== d) return null; // text after the closing quote
          nextQuote = nextQuoteFrom(text, e);
        }
        if (type === 1) {
          let v: number;
          let kind: number;
          if (ce < 0) {
            v = scanCsvNumber(text, a, end, d);
            kind = scanned.kind;
            e = scanned.end;
            if (kind === NOT_PLAIN) {
              e = cellEnd(text, a, end, delimiter);
              ce = e;
            }
          } else {
            v = escaped ? NaN : scanCsvNumber(text, ca, ce, -1);
            kind = escaped || scanned.end !== ce ? NOT_PLAIN : scanned.kind;
          }
          if (kind === NOT_PLAIN) {
            if (nextQuote < e && ce === e) return null; // a quote inside an unquoted cell
            const s = cellString(buffer, text, base, ca, ce, escaped);
            if (s === "") {
              v = NaN;
              kind = NONE;
            } else {
              if (MARKERS.has(s)) return null; // the full reader keeps the marker
              v = classifyNumberText(s);
              kind = scanned.kind;
              if (kind === NOT_A_NUMBER) return null;
            }
          }
          if (kind !== NONE && kind !== mark) {
            if (kind === BOTH) {
              bothSeen = true;
              if (mark === UNDECIDED) {
                pending.cells.push(slot, r);
                pending.alt.push(scanned.alt);
              } else if (mark === ENGLISH) v = scanned.alt;
            } else {
              if (mark !== UNDECIDED) return null; // mixed decimal marks: the full reader's error
              mark = decide(kind, pending, numCols);
            }
          }
          if (kind === ENGLISH) v = scanned.alt;
          numByField[f][r] = v;
        } else {
          if (ce < 0) {
            e = cellEnd(text, a, end, delimiter);
            ce = e;
            if (nextQuote < e) return null; // a quote inside an unquoted cell
          }
          if (type === 0) {
            // An unused column: only its decimal marks matter (missing markers such as "." or "k.A." are no evidence).
            if (!escaped && hasMark(text, ca, ce)) {
              scanCsvNumber(text, ca, ce, -1);
              let kind = scanned.end === ce ? scanned.kind : NOT_PLAIN;
              if (kind === NOT_PLAIN) {
                const s = cellString(buffer, text, base, ca, ce, false);
                kind = MARKERS.has(s) ? NONE : (classifyNumberText(s), scanned.kind);
              if (kind === NOT_A_NUMBER) kind = NONE; // text in an unused column: no evidence
              }
              if (kind === BOTH) bothSeen = true;
            else if (kind !== NONE && kind !== mark) {
              if (mark !== UNDECIDED) return null;
              mark = decide(kind, pending, numCols);
            }
            }
          } else {
            const sc = strCols[slot]!;
            const prev = lastRaw[slot];
            if (prev !== null && !escaped && ce - ca === prev.length && text.startsWith(prev, ca)) {
              sc[r] = lastValue[slot];
            } else {
              const value = cellString(buffer, text, base, ca, ce, escaped);
              if (value === "") return null; // missing for the full reader (or a row of blank cells)
              lastRaw[slot] = escaped ? null : text.slice(ca, ce);
              lastValue[slot] = value;
              sc[r] = value;
            }
          }
        }
        if (f < nFields - 1) {
          if (e === end) return null; // too few cells: the full reader names the row
          a = e + 1;
        } else if (e !== end) {
          return null; // too many cells
        }
      }
      r++;
      p = lineEnd + 1;
    }
    base = viewEnd;
  }
  if (mark === UNDECIDED && bothSeen) return null; // the full reader reads "1.675" as 1675, with a note
  const out: CsvColumns = {};
  slots.forEach((s, k) => (out[s.name] = (numCols[k] ?? strCols[k])!));
  return out;
}

const UNDECIDED = -2;

/** Cells read both ways ("1.675") before the decimal mark was decided: (slot, row) pairs and English readings. */
interface Pending {
  cells: number[];
  alt: number[];
}

/** The first cell only one mark reads decides it; with ".", the cells waiting get their English reading. */
function decide(kind: number, pending: Pending, numCols: (Float64Array | null)[]): number {
  if (kind === ENGLISH) for (let k = 0; k < pending.alt.length; k++) numCols[pending.cells[2 * k]]![pending.cells[2 * k + 1]] = pending.alt[k];
  pending.cells.length = pending.alt.length = 0;
  return kind;
}

function nextQuoteFrom(text: string, from: number): number {
  const q = text.indexOf('"', from);
  return q === -1 ? Infinity : q;
}

/** End of an unquoted cell: the next separator before `end`, or `end`. */
function cellEnd(text: string, a: number, end: number, delimiter: string): number {
  const e = text.indexOf(delimiter, a);
  return e === -1 || e > end ? end : e;
}

function hasMark(text: string, a: number, e: number): boolean {
  for (let i = a; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 46) return true;
  }
  return false;
}

/**
 * Data lines (not empty, not a lone "\r") from byte `from` on (Buffer.indexOf per line: faster than a loop over
 * the bytes). With quotes, -1 unless every "\r" stands before a "\n" and all lines end alike: the full reader
 * then tokenizes with csv-parse, which takes the first line end it meets as the record delimiter.
 */
function countRows(buffer: Buffer, from: number, quotes: boolean): number {
  let rows = 0;
  let lines = 0;
  for (let p = from; p < buffer.length; ) {
    let e = buffer.indexOf(0x0a, p);
    if (e === -1) e = buffer.length;
    else lines++;
    if (e > p && !(e === p + 1 && buffer[p] === 13)) rows++;
    p = e + 1;
  }
  if (!quotes) return rows;
  let crs = 0;
  for (let i = buffer.indexOf(13, from); i !== -1; i = buffer.indexOf(13, i + 1)) {
    if (buffer[i + 1] !== 10) return -1;
    crs++;
  }
  const headerCr = buffer[from - 2] === 13;
  return (crs === 0 && !headerCr) || (crs === lines && headerCr) ? rows : -1;
}

/** The full reader's separator: the most frequent of ";", "," and tab outside quotes in the header line. */
function separatorOf(text: string, headerEnd: number): ";" | "," | "\t" | null {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < headerEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 59) counts[0]++;
    else if (c === 44) counts[1]++;
    else if (c === 9) counts[2]++;
  }
  const max = Math.max(...counts);
  if (max === 0 || counts.filter((c) => c === max).length > 1) return null;
  return ([";", ",", "\t"] as const)[counts.indexOf(max)];
}

/** The trimmed column names of the header line, or null for a quote the fast path does not read. */
function headerNames(buffer: Buffer, text: string, start: number, headerEnd: number, d: number): string[] | null {
  let end = headerEnd;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  const names: string[] = [];
  let a = 0;
  for (;;) {
    let e: number;
    if (text.charCodeAt(a) === QUOTE && a < end) {
      const q = text.indexOf('"', a + 1);
      if (q === -1 || q >= end || (q + 1 < end && text.charCodeAt(q + 1) !== d)) return null;
      names.push(cellString(buffer, text, start, a + 1, q, false));
      e = q + 1;
    } else {
      e = a;
      while (e < end && text.charCodeAt(e) !== d) e++;
      if (text.slice(a, e).includes('"')) return null;
      names.push(cellString(buffer, text, start, a, e, false));
    }
    if (e >= end) return names;
    a = e + 1;
  }
}

/** The trimmed text of [a, e) of the latin1 view, decoded as UTF-8 if it has bytes ≥ 0x80; `""` → `"` if escaped. */
function cellString(buffer: Buffer, text: string, start: number, a: number, e: number, escaped: boolean): string {
  if (escaped) return buffer.toString("utf8", start + a, start + e).replace(/""/g, '"').trim();
  for (let i = a; i < e; i++) if (text.charCodeAt(i) > 127) return buffer.toString("utf8", start + a, start + e).trim();
  // ASCII: String.prototype.trim removes only characters ≤ 32 here.
  return e > a && (text.charCodeAt(a) <= 32 || text.charCodeAt(e - 1) <= 32) ? text.slice(a, e).trim() : text.slice(a, e);
}
