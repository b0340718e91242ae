import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * A kernel that computes block `block` of a job from `data` and writes its results into `data`'s output arrays.
 * It runs in worker threads from its source text, so it must be self-contained: it may call only itself and the
 * `helpers` given with it (functions declared in the same file, never imported ones), and use only its arguments.
 * A block's result must depend on nothing but `data` and the block index (e.g. a generator seeded from
 * (seed, block)), so that the result is the same for any number of threads.
 */
export type BlockKernel = (data: Record<string, unknown>, block: number) => void;

/** Options of {@link runBlocks}. */
export interface RunBlocksOptions {
  /** The kernel and the helper functions it calls (all declared in the kernel's own file). */
  kernel: BlockKernel;
  helpers?: Function[];
  /** Typed arrays (inputs and outputs) and numbers the kernel reads; outputs are written in place. */
  data: Record<string, ArrayLike<number> | number>;
  /** Number of blocks 0..blocks−1. */
  blocks: number;
  /** Threads including this one (1: no worker). */
  threads: number;
}

/** Default upper bound of `threads`: more threads than this rarely pay for their start-up and memory. */
export const MAX_DEFAULT_THREADS = 8;

/**
 * The `threads` option of the permutation tests: a whole number ≥ 1, by default the available cores
 * (`os.availableParallelism()`, at most 8) for jobs of at least `minWork` units and 1 below (a worker's start
 * costs more than small jobs take). An explicit `threads` is used as given.
 *
 * @example
 * resolveThreads("localMoran", options.threads, n * permutations); // e.g. 2
 */
export function resolveThreads(fn: string, threads: number | undefined, work: number, minWork = 2_000_000): number {
  if (threads === undefined) return work >= minWork ? Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_THREADS)) : 1;
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`${fn}: Option "threads" muss eine ganze Zahl ≥ 1 sein, angegeben: ${String(threads)}`);
  return threads;
}

/**
 * Runs `kernel` on blocks 0..blocks−1, on this thread and `threads − 1` worker threads, and returns when every
 * block is done — synchronously: this thread takes blocks too and then waits with `Atomics.wait` (allowed in
 * Node's main thread). Blocks are handed out one at a time through a shared counter, so a busy core takes fewer.
 * Inputs and outputs live in SharedArrayBuffers (copied in and out here), so nothing is serialised per block.
 * Typed arrays that already live in a SharedArrayBuffer are used in place, without copies; since a late worker
 * may still write its (identical) values into them after the return, do not reuse them for another job.
 *
 * Workers are started once (inline: `new Worker(source, { eval: true })` with the kernel's source text, so the
 * same code runs from dist and under vitest/tsx), kept for later calls and unref'd (they never keep the process
 * alive). Because a block's result depends only on its index, this thread can always compute a block itself: if
 * the workers make no progress for a while (not started yet, machine overloaded, crashed), it computes the
 * blocks not yet finished — a worker finishing later writes the same bytes. Returns how many blocks the workers
 * computed (for tests).
 *
 * @example
 * runBlocks({ kernel: lisaBlock, helpers: [rngSeed, rngNext], data: { z, offsets, out }, blocks: 40, threads: 2 });
 */
export function runBlocks(options: RunBlocksOptions): { byWorkers: number } {
  return startBlocks(options).finish();
}

/**
 * {@link runBlocks} in two steps, so that this thread can do other work while the workers compute: `startBlocks`
 * hands the job to the workers and returns at once; `finish()` then takes the blocks not yet claimed on this
 * thread, waits for the rest and returns as `runBlocks` does. Results are the same as `runBlocks`' (a block's
 * result depends only on its index). With `threads` 1 (or one block), `finish()` computes every block here.
 * Only arrays already in a SharedArrayBuffer may be read before `finish()` returns; until then the outputs are
 * being written.
 *
 * @example
 * const job = startBlocks({ kernel: formatNumberBlock, data: next, blocks: 32, threads: 2 });
 * writeLines(current); // meanwhile the worker prints the next round's numbers
 * job.finish();
 */
export function startBlocks(options: RunBlocksOptions): { finish: () => { byWorkers: number } } {
  const { kernel, helpers = [], data, blocks, threads } = options;
  if (threads <= 1 || blocks <= 1) {
    return {
      finish() {
        for (let b = 0; b < blocks; b++) kernel(data, b);
        return { byWorkers: 0 };
      },
    };
  }
  const shared: Record<string, ArrayLike<number> | number> = {};
  for (const [key, value] of Object.entries(data)) shared[key] = typeof value === "number" || isShared(value) ? value : toShared(value);
  const control = new Int32Array(new SharedArrayBuffer(12)); // next block, blocks done, a worker failed
  const done = new Int32Array(new SharedArrayBuffer(4 * blocks));
  const source = kernelSource(kernel, helpers);
  const workers = pool(Math.min(threads, blocks) - 1);
  for (const w of workers) w.postMessage({ source, name: kernel.name, data: shared, blocks, control, done });
  return {
    finish() {
      let here = 0;
      for (;;) {
        const b = Atomics.add(control, 0, 1);
        if (b >= blocks) break;
        kernel(shared, b);
        Atomics.store(done, b, 1);
        Atomics.add(control, 1, 1);
        here++;
      }
      here += waitForWorkers(kernel, shared, blocks, control, done);
      for (const [key, value] of Object.entries(data)) {
        if (typeof value !== "number" && ArrayBuffer.isView(value) && shared[key] !== value) (value as unknown as Float64Array).set(shared[key] as Float64Array);
      }
      return { byWorkers: blocks - here };
    },
  };
}

/**
 * Starts the worker threads that {@link runBlocks} with `threads` threads will use, without waiting for them: a
 * worker takes tens of milliseconds to start, which a caller can hide behind work of its own on this thread (e.g.
 * `sozialraum index` while it computes the index, before the numbers are printed on both cores).
 *
 * @example
 * warmWorkers(2); // later: runBlocks({ ..., threads: 2 }) finds its worker ready
 */
export function warmWorkers(threads: number): void {
  pool(Math.max(0, threads - 1));
}

/**
 * Waits for blocks claimed by workers; computes them here after 2 s without progress or when a worker failed
 * (then a kernel error is thrown here, with its message). Returns the number of blocks computed here.
 */
function waitForWorkers(kernel: BlockKernel, shared: Record<string, unknown>, blocks: number, control: Int32Array, done: Int32Array): number {
  for (;;) {
    const finished = Atomics.load(control, 1);
    if (finished >= blocks) return 0;
    if (Atomics.load(control, 2) === 0 && Atomics.wait(control, 1, finished, 2000) !== "timed-out") continue;
    if (Atomics.load(control, 1) !== finished && Atomics.load(control, 2) === 0) continue;
    let here = 0;
    for (let b = 0; b < blocks; b++) {
      if (Atomics.load(done, b) === 0) {
        kernel(shared, b);
        here++;
      }
    }
    return here;
  }
}

function isShared(a: ArrayLike<number>): boolean {
  return ArrayBuffer.isView(a) && a.buffer instanceof SharedArrayBuffer;
}

function toShared(a: ArrayLike<number>): ArrayLike<number> {
  if (!ArrayBuffer.isView(a)) throw new Error(`runBlocks: Datenfelder müssen typisierte Arrays sein (Float64Array …), angegeben: ${Array.isArray(a) ? "Array" : typeof a}`);
  const typed = a as unknown as Float64Array;
  const Ctor = typed.constructor as Float64ArrayConstructor;
  const copy = new Ctor(new SharedArrayBuffer(typed.byteLength));
  copy.set(typed);
  return copy;
}

/**
 * The kernel and its helpers as one script. `__name` is the helper esbuild (vitest, tsx) inserts to keep function
 * names; in dist it is unused. Exported for tests: `new Function(source + "return name;")()` is what a worker runs.
 */
export function kernelSource(kernel: Function, helpers: Function[]): string {
  return ["var __name = (f) => f;", ...helpers.map(String), String(kernel)].join("\n");
}

const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const kernels = new Map();
parentPort.on("message", (job) => {
  const { control, done, blocks, data } = job;
  try {
    let kernel = kernels.get(job.source);
    if (!kernel) {
      kernel = new Function(job.source + "\\nreturn " + job.name + ";")();
      kernels.set(job.source, kernel);
    }
    for (;;) {
      const b = Atomics.add(control, 0, 1);
      if (b >= blocks) break;
      kernel(data, b);
      Atomics.store(done, b, 1);
      Atomics.add(control, 1, 1);
      Atomics.notify(control, 1);
    }
  } catch (e) {
    Atomics.store(control, 2, 1);
    Atomics.notify(control, 1);
  }
});
`;

const workers: Worker[] = [];

/** `count` started workers (kept between calls; a worker that fails is replaced next time). */
function pool(count: number): Worker[] {
  while (workers.length < count) {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.unref();
    w.on("error", () => {
      const at = workers.indexOf(w);
      if (at >= 0) workers.splice(at, 1);
    });
    workers.push(w);
  }
  return workers.slice(0, count);
}
