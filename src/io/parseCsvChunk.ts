import { isUtf8 } from "node:buffer";
import { cellString, type CsvColumnLayout } from "./csvColumnLayout.js";
import { DEFAULT_MISSING_MARKERS } from "./missingMarkers.js";
import { BOTH, classifyNumberText, ENGLISH, NONE, NOT_A_NUMBER, NOT_PLAIN, scanCsvNumber, scanned } from "./scanCsvNumber.js";

const QUOTE = 34;
const MARKERS = new Set(DEFAULT_MISSING_MARKERS);

/** The decimal mark before any cell decided it (see {@link CsvChunk}). */
export const UNDECIDED = -2;

/**
 * The data lines of one chunk of a CSV file, read by {@link parseCsvChunk} (internal). Typed arrays and strings
 * only, so that a worker thread can post it.
 */
export interface CsvChunk {
  /** Data rows in the chunk. */
  rows: number;
  /** Per slot: the number column (NaN = empty cell) or null. */
  num: (Float64Array | null)[];
  /** Per slot: the text column or null. */
  str: (string[] | null)[];
  /** The decimal mark as the evidence kind the chunk's first decisive cell showed: UNDECIDED, GERMAN or ENGLISH. */
  mark: number;
  /** Whether a cell (used or not) read both ways ("1.675"). */
  bothSeen: boolean;
  /**
   * Number cells read both ways before the chunk's mark was decided (all of them if it never was), as (slot, row)
   * pairs and their English readings: stored with the German reading, corrected if the file's mark is ".".
   */
  pendingCells: number[];
  pendingAlt: number[];
}

/**
 * Reads the data lines in bytes [from, to) of a CSV file (internal; `fastCsvColumns` splits the file into such
 * chunks, possibly read on several threads). `from` must be the start of a line and `to` the end of the file or
 * just after a "\n": every line is read on its own, so the chunks together give exactly what one pass over the
 * file gives, once their decimal marks are merged. Returns null where the full reader has to read the file (see
 * `fastCsvColumns` for the cases): invalid UTF-8, quoted line breaks, quotes inside cells, ragged rows, empty
 * text cells, missing markers, text in number cells, mixed decimal marks, "\r" not before "\n", …
 *
 * One latin1 view of the chunk (one char per byte, no decoding, no per-row strings); numbers are parsed in the
 * same pass (`scanCsvNumber`); a text cell with bytes ≥ 0x80 is decoded as UTF-8, and a text cell equal to the
 * previous one of its column reuses that string.
 *
 * @example
 * const layout = csvColumnLayout(bytes, ["id"], ["a"])!;
 * parseCsvChunk(bytes, layout, layout.dataStart, bytes.length)?.rows;
 */
export function parseCsvChunk(buffer: Buffer, layout: CsvColumnLayout, from: number, to: number): CsvChunk | null {
  const { d, role, fieldType, slots, hasQuotes } = layout;
  if (!isUtf8(buffer.subarray(from, to))) return null; // the full reader reads the file as Windows-1252
  const rows = countRows(buffer, from, to, hasQuotes, layout.headerCr);
  if (rows < 0) return null;
  const num = slots.map((s) => (s.numeric ? new Float64Array(rows) : null));
  const str = slots.map((s) => (s.numeric ? null : new Array<string>(rows)));
  const chunk: CsvChunk = { rows, num, str, mark: UNDECIDED, bothSeen: false, pendingCells: [], pendingAlt: [] };
  if (rows === 0) return chunk;
  const delimiter = String.fromCharCode(d);
  const lastRaw = slots.map((): string | null => null); // previous raw cell per text column …
  const lastValue = slots.map(() => ""); // … and its trimmed string
  const nFields = role.length;
  const NO_COLUMN = new Float64Array(0);
  const numByField = Array.from(role, (slot) => (slot >= 0 ? num[slot] ?? NO_COLUMN : NO_COLUMN));
  let mark = UNDECIDED;
  const text = buffer.toString("latin1", from, to);
  let nextQuote = hasQuotes ? nextQuoteFrom(text, 0) : Infinity;
  const len = text.length;
  let r = 0;
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
          const s = cellString(buffer, text, from, ca, ce, escaped);
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
            chunk.bothSeen = true;
            if (mark === UNDECIDED) {
              chunk.pendingCells.push(slot, r);
              chunk.pendingAlt.push(scanned.alt);
            } else if (mark === ENGLISH) v = scanned.alt;
          } else {
            if (mark !== UNDECIDED) return null; // mixed decimal marks: the full reader's error
            mark = decide(kind, chunk);
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
              const s = cellString(buffer, text, from, ca, ce, false);
              kind = MARKERS.has(s) ? NONE : (classifyNumberText(s), scanned.kind);
              if (kind === NOT_A_NUMBER) kind = NONE; // text in an unused column: no evidence
            }
            if (kind === BOTH) chunk.bothSeen = true;
            else if (kind !== NONE && kind !== mark) {
              if (mark !== UNDECIDED) return null;
              mark = decide(kind, chunk);
            }
          }
        } else {
          const sc = str[slot]!;
          const prev = lastRaw[slot];
          if (prev !== null && !escaped && ce - ca === prev.length && text.startsWith(prev, ca)) {
            sc[r] = lastValue[slot];
          } else {
            const value = cellString(buffer, text, from, ca, ce, escaped);
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
  chunk.mark = mark;
  return chunk;
}

/** The first cell only one mark reads decides it; with ".", the cells waiting get their English reading. */
function decide(kind: number, chunk: CsvChunk): number {
  const { pendingCells, pendingAlt, num } = chunk;
  if (kind === ENGLISH) for (let k = 0; k < pendingAlt.length; k++) num[pendingCells[2 * k]]![pendingCells[2 * k + 1]] = pendingAlt[k];
  pendingCells.length = pendingAlt.length = 0;
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
 * Data lines (not empty, not a lone "\r") in [from, to) (Buffer.indexOf per line: faster than a loop over the
 * bytes). With quotes, -1 unless every "\r" stands before a "\n" and every line ends as the header does: the full
 * reader then tokenizes with csv-parse, which takes the first line end it meets as the record delimiter.
 */
function countRows(buffer: Buffer, from: number, to: number, quotes: boolean, headerCr: boolean): number {
  const view = buffer.subarray(from, to); // searches stop at the chunk's end
  const n = view.length;
  let rows = 0;
  let lines = 0;
  for (let p = 0; p < n; ) {
    let e = view.indexOf(0x0a, p);
    if (e === -1) e = n;
    else lines++;
    if (e > p && !(e === p + 1 && view[p] === 13)) rows++;
    p = e + 1;
  }
  if (!quotes) return rows;
  let crs = 0;
  for (let i = view.indexOf(13); i !== -1; i = view.indexOf(13, i + 1)) {
    if (view[i + 1] !== 10) return -1;
    crs++;
  }
  return (crs === 0 && !headerCr) || (crs === lines && headerCr) ? rows : -1;
}
