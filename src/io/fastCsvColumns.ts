import { csvColumnLayout, type CsvColumnLayout } from "./csvColumnLayout.js";
import { parseCsvChunk, UNDECIDED, type CsvChunk } from "./parseCsvChunk.js";
import { ENGLISH } from "./scanCsvNumber.js";

/** Columns read by {@link fastCsvColumns}: text columns as strings, number columns as Float64Array (NaN = empty). */
export type CsvColumns = Record<string, string[] | Float64Array>;

/** Default chunk size of the fast column reader. */
export const CHUNK_BYTES = 4 << 20;

/**
 * The fast path of `readCsvColumns` (internal): the full reader's (`parseCsv`) data for the selected columns, or
 * null whenever that is not certain (the caller then uses the full reader). The header is read by
 * `csvColumnLayout`; the data lines are cut into chunks of whole lines (`csvChunkEnds`), each read on its own by
 * `parseCsvChunk` (one pass over a latin1 view: numbers parsed in the same pass, no per-row strings), and the
 * chunks are joined by {@link mergeCsvChunks}, which also decides the decimal mark of the whole file. The chunks
 * may be read on several threads (`fastCsvColumnsParallel`): the result is the same for any cut.
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
 * @param chunkBytes the size of the chunks (whole lines; default 4 MiB): the text of the whole file is never held
 *   at once, only the bytes, one latin1 view and the chunks' columns
 */
export function fastCsvColumns(
  bytes: Uint8Array,
  strings: readonly string[],
  numbers: readonly string[],
  chunkBytes = CHUNK_BYTES,
): CsvColumns | null {
  const buffer = asBuffer(bytes);
  const layout = csvColumnLayout(buffer, strings, numbers);
  if (layout === null) return null;
  const chunks: CsvChunk[] = [];
  let from = layout.dataStart;
  for (const to of csvChunkEnds(buffer, from, chunkBytes)) {
    const chunk = parseCsvChunk(buffer, layout, from, to);
    if (chunk === null) return null;
    chunks.push(chunk);
    from = to;
  }
  return mergeCsvChunks(layout, chunks);
}

/** A Buffer over the same memory (internal). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Where the chunks of the data lines from byte `from` on end (internal): about every `chunkBytes`, each just after
 * a "\n" (or at the end of the file), so that every chunk holds whole lines. At least one chunk.
 *
 * @example
 * csvChunkEnds(Buffer.from("a\nbb\nc"), 0, 2); // [2, 5, 6]
 */
export function csvChunkEnds(buffer: Buffer, from: number, chunkBytes: number): number[] {
  const ends: number[] = [];
  let base = from;
  do {
    let end = Math.min(base + Math.max(1, chunkBytes), buffer.length);
    if (end < buffer.length) {
      const nl = buffer.indexOf(0x0a, end - 1);
      end = nl === -1 ? buffer.length : nl + 1;
    }
    ends.push(end);
    base = end;
  } while (base < buffer.length);
  return ends;
}

/**
 * Joins the chunks of a file, in file order, into its columns (internal), or null where the full reader has to
 * read the file: no data rows, decimal marks that differ between chunks, or no decimal mark at all although a
 * cell reads both ways ("1.675": the full reader reads it as 1675, with a note). The file's decimal mark is the
 * first decided one; with ".", the cells read both ways in chunks that decided nothing get their English reading
 * (a chunk that decided corrected its own cells).
 *
 * @example
 * mergeCsvChunks(layout, [parseCsvChunk(bytes, layout, layout.dataStart, bytes.length)!]);
 */
export function mergeCsvChunks(layout: CsvColumnLayout, chunks: readonly CsvChunk[]): CsvColumns | null {
  let mark = UNDECIDED;
  let bothSeen = false;
  let rows = 0;
  for (const c of chunks) {
    if (c.mark !== UNDECIDED) {
      if (mark !== UNDECIDED && c.mark !== mark) return null; // mixed decimal marks: the full reader's error
      mark = c.mark;
    }
    bothSeen ||= c.bothSeen;
    rows += c.rows;
  }
  if (rows === 0) return null; // no data rows: the full reader's error
  if (mark === UNDECIDED && bothSeen) return null;
  const out: CsvColumns = {};
  layout.slots.forEach((s, k) => {
    if (s.numeric) {
      const col = chunks.length === 1 ? chunks[0].num[k]! : new Float64Array(rows);
      let r = 0;
      for (const c of chunks) {
        const part = c.num[k]!;
        if (col !== part) col.set(part, r);
        if (mark === ENGLISH && c.mark === UNDECIDED) {
          for (let j = 0; j < c.pendingAlt.length; j++) if (c.pendingCells[2 * j] === k) col[r + c.pendingCells[2 * j + 1]] = c.pendingAlt[j];
        }
        r += c.rows;
      }
      out[s.name] = col;
    } else {
      out[s.name] = chunks.length === 1 ? chunks[0].str[k]! : ([] as string[]).concat(...chunks.map((c) => c.str[k]!));
    }
  });
  return out;
}
