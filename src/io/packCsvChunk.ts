import type { CsvChunk } from "./parseCsvChunk.js";

/**
 * The text columns of a chunk as one string each and the end of every cell in it (internal); a cell equal to the
 * one before has no text of its own and its end stored as `~end` (negative).
 */
export type PackedText = ({ text: string; ends: Int32Array } | null)[];

/**
 * The text columns of a chunk packed for posting between threads (internal): posting an array of strings
 * serialises every string, and the receiving thread spends more time reading them back than reading the chunk
 * itself; one joined string per column and an Int32Array of cell ends post at memory speed. The chunk's `str`
 * is emptied; {@link unpackCsvChunk} restores it.
 *
 * @example
 * const packed = packCsvChunk(chunk); // post { chunk, packed }, then on the other thread:
 * unpackCsvChunk(chunk, packed);
 */
export function packCsvChunk(chunk: CsvChunk): PackedText {
  return chunk.str.map((col, k) => {
    if (col === null) return null;
    const ends = new Int32Array(col.length);
    const parts: string[] = [];
    let at = 0;
    for (let r = 0; r < col.length; r++) {
      const cell = col[r];
      // A cell equal to the one before is not sent again: its end is stored as ~end (negative).
      if (r > 0 && cell === col[r - 1]) ends[r] = ~at;
      else {
        parts.push(cell);
        ends[r] = at += cell.length;
      }
    }
    chunk.str[k] = null;
    return { text: parts.join(""), ends };
  });
}

/**
 * Restores the text columns packed by {@link packCsvChunk} (internal). A cell equal to the one before reuses its
 * string, as the reader does (a column of a few repeated values holds a few strings, not one per row), without
 * comparing text: {@link packCsvChunk} marked it.
 */
export function unpackCsvChunk(chunk: CsvChunk, packed: PackedText): void {
  packed.forEach((p, k) => {
    if (p === null) return;
    const { text, ends } = p;
    const col = new Array<string>(ends.length);
    let prev = "";
    let a = 0;
    for (let r = 0; r < ends.length; r++) {
      const e = ends[r];
      if (e < 0) col[r] = prev;
      else {
        col[r] = prev = text.slice(a, e);
        a = e;
      }
    }
    chunk.str[k] = col;
  });
}
