import { isUtf8 } from "node:buffer";

const QUOTE = 34;

/**
 * What the fast column reader needs to know about a CSV file before reading its data lines (internal; see
 * `fastCsvColumns`): plain numbers and typed arrays only, so that it can be posted to a worker thread.
 */
export interface CsvColumnLayout {
  /** First byte after a byte-order mark. */
  start: number;
  /** First byte of the first data line (after the header's "\n"). */
  dataStart: number;
  /** The separator's char code. */
  d: number;
  /** Whether the file has a '"' after the byte-order mark. */
  hasQuotes: boolean;
  /** Whether the header line ends with "\r\n". */
  headerCr: boolean;
  /** Per field of a line: -1 unused, else the slot of the selected column. */
  role: Int32Array;
  /** Per field: 0 unused, 1 number, 2 text. */
  fieldType: Int8Array;
  /** The selected columns in slot order (text columns first). */
  slots: { name: string; numeric: boolean }[];
}

/**
 * The layout of a CSV file for the fast column reader (internal), or null whenever the full reader (`parseCsv`)
 * has to read the file: a second byte-order mark, no line feed, a header that is not UTF-8, a separator the header does not decide (the
 * most frequent of ";", "," and tab outside quotes; none or a tie), a header quote the fast path does not read,
 * fewer than two names, an empty or repeated name, a selected column missing, or a column both text and number.
 *
 * @example
 * csvColumnLayout(Buffer.from("id;a\n1;2\n"), ["id"], ["a"])?.slots; // [{ name: "id", numeric: false }, { name: "a", numeric: true }]
 */
export function csvColumnLayout(buffer: Buffer, strings: readonly string[], numbers: readonly string[]): CsvColumnLayout | null {
  const bom = (k: number) => buffer.length >= k + 3 && buffer[k] === 0xef && buffer[k + 1] === 0xbb && buffer[k + 2] === 0xbf;
  const start = bom(0) ? 3 : 0;
  if (bom(start)) return null;
  const nl = buffer.indexOf(0x0a /* \n */, start);
  if (nl === -1) return null;
  if (!isUtf8(buffer.subarray(0, nl))) return null; // the full reader reads it as Windows-1252
  const headerEnd = nl - start;
  const header = buffer.toString("latin1", start, nl);
  const delimiter = separatorOf(header, headerEnd);
  if (delimiter === null) return null;
  const d = delimiter.charCodeAt(0);
  const names = headerNames(buffer, header, start, headerEnd, d);
  if (names === null || names.length < 2 || names.includes("") || new Set(names).size !== names.length) return null;
  // A column that is both text and number: the full reader takes it as a number (and refuses that for the id).
  if (strings.some((s) => numbers.includes(s))) return null;
  const role = new Int32Array(names.length).fill(-1);
  const slots: { name: string; numeric: boolean }[] = [];
  for (const [want, numeric] of [...strings.map((s) => [s, false] as const), ...numbers.map((s) => [s, true] as const)]) {
    if (slots.some((s) => s.name === want)) continue;
    const k = names.indexOf(want);
    if (k === -1) return null; // the full reader reports the missing column
    role[k] = slots.length;
    slots.push({ name: want, numeric });
  }
  const fieldType = new Int8Array(names.length);
  for (let f = 0; f < names.length; f++) fieldType[f] = role[f] < 0 ? 0 : slots[role[f]].numeric ? 1 : 2;
  return {
    start,
    dataStart: nl + 1,
    d,
    hasQuotes: buffer.indexOf(QUOTE, start) !== -1,
    headerCr: nl > start && buffer[nl - 1] === 13,
    role,
    fieldType,
    slots,
  };
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

/**
 * The trimmed text of [a, e) of a latin1 view starting at byte `start`, decoded as UTF-8 if it has bytes ≥ 0x80;
 * `""` → `"` if escaped (internal).
 */
export function cellString(buffer: Buffer, text: string, start: number, a: number, e: number, escaped: boolean): string {
  if (escaped) return buffer.toString("utf8", start + a, start + e).replace(/""/g, '"').trim();
  for (let i = a; i < e; i++) if (text.charCodeAt(i) > 127) return buffer.toString("utf8", start + a, start + e).trim();
  // ASCII: String.prototype.trim removes only characters ≤ 32 here.
  return e > a && (text.charCodeAt(a) <= 32 || text.charCodeAt(e - 1) <= 32) ? text.slice(a, e).trim() : text.slice(a, e);
}
