/**
 * Worker thread of `fastCsvColumnsParallel` (internal): takes chunks through the shared counter, reads each with
 * `parseCsvChunk` from the shared file bytes, and posts it back (`{ k, chunk, packed }`: the number columns
 * transferred, not copied; the text columns packed, see `packCsvChunk`), then `{ done: true }`. A chunk the fast path cannot read is posted as null.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CsvColumnLayout } from "./csvColumnLayout.js";
import { packCsvChunk } from "./packCsvChunk.js";
import { parseCsvChunk } from "./parseCsvChunk.js";

interface Job {
  bytes: Uint8Array;
  layout: CsvColumnLayout;
  /** Chunk k is [k === 0 ? layout.dataStart : ends[k − 1], ends[k]). */
  ends: number[];
  /** control[0]: the next chunk to take. */
  control: Int32Array;
}

const { bytes, layout, ends, control } = workerData as Job;
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
for (;;) {
  const k = Atomics.add(control, 0, 1);
  if (k >= ends.length) break;
  const chunk = parseCsvChunk(buffer, layout, k === 0 ? layout.dataStart : ends[k - 1], ends[k]);
  const transfer = chunk ? chunk.num.flatMap((c) => (c ? [c.buffer as ArrayBuffer] : [])) : [];
  const packed = chunk ? packCsvChunk(chunk) : null;
  parentPort!.postMessage({ k, chunk, packed }, [...transfer, ...(packed ?? []).flatMap((p) => (p ? [p.ends.buffer as ArrayBuffer] : []))]);
  if (chunk === null) break;
}
parentPort!.postMessage({ done: true });
