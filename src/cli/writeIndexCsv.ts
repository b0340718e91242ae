import { closeSync, openSync, writeSync } from "node:fs";
import type { CompositeColumns } from "../classify/compositeIndex.js";
import { resolveThreads, startBlocks } from "../inference/parallel.js";
import { quoteCsvField } from "../io/quoteCsvField.js";

/** Bytes per formatted number: `String(x)` of a double has at most 24 characters ("-1.2345678901234567e-308"). */
const SLOT = 32;
/** Valid rows formatted per round: bounds the memory for the formatted numbers (2 · SLOT bytes a row). */
const ROUND_ROWS = 1 << 18;
const BLOCKS_PER_ROUND = 32;
const OUT_BYTES = 1 << 20;
/** Numbers to print (2 per valid row) from which both cores print them (below, a worker's start costs more). */
export const INDEX_WRITER_MIN_WORK = 200_000;

/**
 * Writes the output of `sozialraum index` (internal): the header `id,sum,index,class` and one line per valid area
 * in input order, `quoteCsvField(id) + "," + sum + "," + index + "," + quoteCsvField(class)`, with the numbers as
 * JavaScript prints them (`String(x)`: the shortest decimal that reads back as the same double).
 *
 * Why not one string per line: number printing is most of the cost, so the numbers of a round of rows are printed
 * on both cores (`startBlocks`, a block of rows per task; same bytes on any thread), and lines are assembled as bytes
 * in one preallocated buffer that is written whenever it is nearly full (no per-line strings, bounded memory).
 * The worker prints the next round's numbers while this thread assembles the lines of the current one (this thread
 * then prints what is left of the next round), so neither core waits for the other between rounds.
 *
 * @param file the output file (created or replaced)
 * @param c the composite index columns
 * @param threads threads for printing numbers (default: both cores for large tables, see `resolveThreads`)
 * @returns the number of lines written after the header
 * @example
 * writeIndexCsv("status.csv", compositeIndex(rows, options).columns); // e.g. 536
 */
export function writeIndexCsv(file: string, c: CompositeColumns, threads?: number): number {
  const n = c.id.length;
  const validRows = new Int32Array(n);
  let nValid = 0;
  for (let i = 0; i < n; i++) if (c.valid[i] === 1) validRows[nValid++] = i;
  const useThreads = resolveThreads("index", threads, 2 * nValid, INDEX_WRITER_MIN_WORK);
  const roundRows = Math.min(ROUND_ROWS, Math.max(nValid, 1));
  const out = Buffer.allocUnsafe(OUT_BYTES);
  const classBytes = new Map<string, Buffer>();
  const fd = openSync(file, "w");
  try {
    let o = out.write("id,sum,index,class\n", 0, "latin1");
    let round = nValid > 0 ? startRound(c, validRows, 0, Math.min(roundRows, nValid), useThreads) : null;
    while (round) {
      round.job.finish();
      const { start, rows, text, lengths } = round;
      // The next round's numbers are printed by the worker while this thread writes the lines of this one.
      round = start + rows < nValid ? startRound(c, validRows, start + rows, Math.min(roundRows, nValid - start - rows), useThreads) : null;
      for (let r = 0; r < rows; r++) {
        const i = validRows[start + r];
        const id = quoteCsvField(c.id[i], ",");
        const label = c.class[i] ?? "";
        let cls = classBytes.get(label);
        if (!cls) classBytes.set(label, (cls = Buffer.from(quoteCsvField(label, ","), "utf8")));
        // At most 3 bytes per UTF-16 unit of the id, two numbers, the class and 4 separators.
        const bound = 3 * id.length + 2 * SLOT + cls.length + 4;
        if (o + bound > out.length) {
          writeAll(fd, out, o);
          o = 0;
        }
        if (bound > out.length) writeSync(fd, id); // an id longer than the buffer (never in practice)
        else o = writeText(out, o, id);
        out[o++] = 44;
        for (let k = 2 * r; k < 2 * r + 2; k++) {
          const at = k * SLOT;
          const len = lengths[k];
          for (let b = 0; b < len; b++) out[o + b] = text[at + b];
          o += len;
          out[o++] = 44;
        }
        for (let b = 0; b < cls.length; b++) out[o + b] = cls[b];
        o += cls.length;
        out[o++] = 10;
      }
    }
    writeAll(fd, out, o);
  } finally {
    closeSync(fd);
  }
  return nValid;
}

/**
 * Starts printing the numbers of valid rows [start, start + rows) (`startBlocks`: a worker begins at once, this
 * thread joins in `job.finish()`). Fresh arrays per round: on threads they live in shared memory and are used in
 * place, and the round before may still be being written.
 */
function startRound(c: CompositeColumns, validRows: Int32Array, start: number, rows: number, threads: number) {
  const shared = threads > 1;
  const alloc = <T>(Ctor: new (b: ArrayBuffer | SharedArrayBuffer) => T, bytes: number): T => new Ctor(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const values = alloc(Float64Array, 16 * rows);
  const text = alloc(Uint8Array, 2 * rows * SLOT);
  const lengths = alloc(Uint8Array, 2 * rows);
  for (let r = 0; r < rows; r++) {
    const i = validRows[start + r];
    values[2 * r] = c.sum[i];
    values[2 * r + 1] = c.index[i];
  }
  const perBlock = Math.ceil((2 * rows) / BLOCKS_PER_ROUND);
  const data = { values, text, lengths, perBlock };
  const job = startBlocks({ kernel: formatNumberBlock, data, blocks: Math.ceil((2 * rows) / perBlock), threads });
  return { start, rows, text, lengths, job };
}

/** Writes `text` as UTF-8 at `o`; returns the end (ASCII byte by byte: cheaper than `Buffer.write` for short ids). */
function writeText(out: Buffer, o: number, text: string): number {
  for (let j = 0; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    if (ch > 127) return o - j + out.write(text, o - j, "utf8");
    out[o++] = ch;
  }
  return o;
}

function writeAll(fd: number, buf: Buffer, length: number): void {
  for (let done = 0; done < length; ) done += writeSync(fd, buf, done, length - done);
}

/**
 * Block `block` of the numbers to print (runs in worker threads, so self-contained): `String(values[k])` as
 * ASCII bytes at `text[k · 32 …]`, its length in `lengths[k]`, for k in the block's `perBlock` positions.
 */
export function formatNumberBlock(data: Record<string, unknown>, block: number): void {
  const values = data.values as Float64Array;
  const text = data.text as Uint8Array;
  const lengths = data.lengths as Uint8Array;
  const per = data.perBlock as number;
  const end = Math.min(values.length, (block + 1) * per);
  for (let k = block * per; k < end; k++) {
    const s = String(values[k]);
    const at = k * 32;
    for (let j = 0; j < s.length; j++) text[at + j] = s.charCodeAt(j);
    lengths[k] = s.length;
  }
}
