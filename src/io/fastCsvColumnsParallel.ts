import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { csvColumnLayout } from "./csvColumnLayout.js";
import { asBuffer, CHUNK_BYTES, csvChunkEnds, mergeCsvChunks, type CsvColumns } from "./fastCsvColumns.js";
import { unpackCsvChunk, type PackedText } from "./packCsvChunk.js";
import { parseCsvChunk, type CsvChunk } from "./parseCsvChunk.js";

/** Options of {@link fastCsvColumnsParallel}. */
export interface FastCsvColumnsParallelOptions {
  /** 1: this thread only; 2 (default): this thread and one worker thread. */
  threads?: number;
  /** Chunk size (whole lines), default 4 MiB. */
  chunkBytes?: number;
  /** Smaller files are read on this thread only (default 8 MiB: a worker's start costs more). */
  minParallelBytes?: number;
  /** For tests: this thread reads at most this many chunks while the worker runs (default: no limit). */
  maxChunksHere?: number;
  /** Filled in: how many chunks the worker read (for tests). */
  stats?: { byWorker: number };
}

const MIN_PARALLEL_BYTES = 8 << 20;

/**
 * `fastCsvColumns` on two threads (internal; the `sozialraum index` command): the same chunks of whole lines,
 * read by this thread and one worker thread, which take the next chunk from a shared counter (a busy core takes
 * fewer), then joined in file order by `mergeCsvChunks` — so the result is the same as `fastCsvColumns`' for any
 * number of threads and any share of chunks. The worker reads the bytes in place when they live in a
 * SharedArrayBuffer (see {@link readFileShared}); other bytes are copied into one first.
 *
 * This thread never waits for the worker to start: if it has taken every chunk by then, the worker is stopped.
 * If the worker fails, this thread reads the chunks it had taken. From TypeScript sources (tests, tsx) there is
 * no compiled worker file, and this thread reads every chunk.
 *
 * @param bytes the file content
 * @param strings the text columns (the first is the id)
 * @param numbers the number columns
 * @returns the columns, or null where the full reader has to read the file
 * @example
 * const cols = await fastCsvColumnsParallel(await readFileShared("areas.csv"), ["PLR_ID"], ["S1", "S2"]);
 */
export async function fastCsvColumnsParallel(
  bytes: Uint8Array,
  strings: readonly string[],
  numbers: readonly string[],
  options: FastCsvColumnsParallelOptions = {},
): Promise<CsvColumns | null> {
  const threads = options.threads ?? 2;
  const buffer = asBuffer(bytes);
  const layout = csvColumnLayout(buffer, strings, numbers);
  if (layout === null) return null;
  const ends = csvChunkEnds(buffer, layout.dataStart, options.chunkBytes ?? CHUNK_BYTES);
  const chunks = new Array<CsvChunk | null | undefined>(ends.length).fill(undefined); // no holes: `includes` below
  const control = new Int32Array(new SharedArrayBuffer(4));
  const parallel = threads > 1 && ends.length > 1 && buffer.length >= (options.minParallelBytes ?? MIN_PARALLEL_BYTES) && WORKER_URL !== null;
  const worker = parallel ? startWorker(shared(bytes), layout, ends, control, chunks) : null;
  let failed = false;
  let here = 0;
  while (!worker || here < (options.maxChunksHere ?? Infinity)) {
    const k = Atomics.add(control, 0, 1);
    if (k >= ends.length) break;
    const chunk = parseCsvChunk(buffer, layout, k === 0 ? layout.dataStart : ends[k - 1], ends[k]);
    chunks[k] = chunk;
    here++;
    if (chunk === null) {
      failed = true;
      Atomics.store(control, 0, ends.length); // the worker takes no more
      break;
    }
  }
  if (worker) {
    if (failed || !chunks.includes(undefined)) void worker.stop();
    else await worker.finished;
  }
  if (options.stats) options.stats.byWorker = chunks.filter((c) => c !== undefined).length - here;
  if (failed || chunks.includes(null)) return null;
  // Chunks the worker took but did not deliver (it failed): read here.
  for (let k = 0; k < ends.length; k++) {
    if (chunks[k] === undefined) {
      chunks[k] = parseCsvChunk(buffer, layout, k === 0 ? layout.dataStart : ends[k - 1], ends[k]);
      if (chunks[k] === null) return null;
    }
  }
  return mergeCsvChunks(layout, chunks as CsvChunk[]);
}

/**
 * Reads a file into a SharedArrayBuffer (internal), so that {@link fastCsvColumnsParallel}'s worker reads it
 * without a copy (a pipe, or a file whose size is not known, is read as usual and copied).
 *
 * @example
 * const bytes = readFileShared("areas.csv"); // Uint8Array over a SharedArrayBuffer
 */
export function readFileShared(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const stat = fstatSync(fd);
    // A pipe, a device or a file of /proc: its size is not known beforehand.
    if (!stat.isFile() || stat.size === 0) return shared(readFileSync(fd));
    const size = stat.size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    for (let done = 0; done < size; ) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) return bytes.subarray(0, done); // the file shrank meanwhile
      done += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The compiled worker next to this file, or null when running from TypeScript sources. */
const WORKER_URL = import.meta.url.endsWith(".js") ? new URL("./fastCsvChunkWorker.js", import.meta.url) : null;

function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

/** Starts the worker; its chunks land in `chunks`; `finished` resolves when it is done, failed or exited. */
function startWorker(
  bytes: Uint8Array,
  layout: ReturnType<typeof csvColumnLayout>,
  ends: number[],
  control: Int32Array,
  chunks: (CsvChunk | null | undefined)[],
): { finished: Promise<void>; stop: () => Promise<number> } {
  const worker = new Worker(WORKER_URL!, { workerData: { bytes, layout, ends, control } });
  worker.unref();
  const finished = new Promise<void>((resolve) => {
    worker.on("message", (m: { k?: number; chunk?: CsvChunk | null; packed?: PackedText | null; done?: boolean }) => {
      if (m.done) return resolve();
      if (m.chunk && m.packed) unpackCsvChunk(m.chunk, m.packed);
      chunks[m.k!] = m.chunk!;
    });
    worker.on("error", () => resolve());
    worker.on("exit", () => resolve());
  });
  return { finished, stop: () => worker.terminate() };
}
