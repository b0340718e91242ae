import { createRng } from "../inference/random.js";
import { runBlocks } from "../inference/parallel.js";
import { KERNEL_HELPERS, lisaPermutationBlock } from "./permutationKernels.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Areas per block of work: from n alone (4 … 128, about 64 blocks); each area has its own generator anyway. */
function areasPerBlock(n: number): number {
  return Math.min(128, Math.max(4, Math.ceil(n / 64)));
}
const ALTERNATIVES = { folded: 0, greater: 1, less: 2, "two-sided": 3 } as const;

/**
 * Pseudo p-values of LISA's conditional permutation test, one per area (see `lisaPermutationBlock` for the
 * draws). Area i draws from its own generator `createRng(streamSeed(seed, i))`, so the p-values are the same for
 * any number of `threads` (blocks of areas run on this thread and on worker threads, see `runBlocks`). With
 * `pooled`, the pool of neighbour sets is drawn once here from `createRng(seed)` and shared by all areas.
 *
 * @example
 * const pSim = conditionalPermutationP(z, w, Ii, s2, { permutations: 999, seed: 1, alternative: "folded", pooled: false, threads: 2 });
 */
export function conditionalPermutationP(
  z: Float64Array,
  w: SpatialWeights,
  Ii: Float64Array,
  s2: number,
  options: { permutations: number; seed: number; alternative: keyof typeof ALTERNATIVES; pooled: boolean; threads: number },
): Float64Array {
  const { n, offsets, values } = w;
  const pool = options.pooled ? neighbourSetPool(offsets, n, options.permutations, options.seed) : null;
  const out = new Float64Array(n);
  const blockSize = areasPerBlock(n);
  runBlocks({
    kernel: lisaPermutationBlock,
    helpers: KERNEL_HELPERS,
    data: {
      z,
      offsets,
      weights: values,
      Ii,
      out,
      n,
      s2,
      permutations: options.permutations,
      seed: options.seed,
      alternative: ALTERNATIVES[options.alternative],
      blockSize,
      poolSets: pool ? pool.sets : new Uint16Array(0),
      poolRows: pool ? pool.rows : 0,
      poolWidth: pool ? pool.width : 0,
    },
    blocks: Math.ceil(n / blockSize),
    threads: options.threads,
  });
  return out;
}

/**
 * The pool of "pooled" sampling: `rows` (a prime > R) random ordered sets of `width` distinct indices in
 * 0..n−2 (width = the largest cardinality k with 2k ≤ n − 1), drawn without replacement within each row
 * (a Uint16Array up to n − 1 = 65 536, else an Int32Array).
 */
function neighbourSetPool(offsets: Int32Array, n: number, permutations: number, seed: number) {
  const rng = createRng(seed);
  const others = n - 1;
  let width = 0;
  for (let i = 0; i < n; i++) {
    const k = offsets[i + 1] - offsets[i];
    if (2 * k <= others) width = Math.max(width, k);
  }
  width = Math.max(width, 1);
  const target = Math.max(permutations + 1, Math.min(64 * permutations, Math.floor(8_388_608 / width)));
  let rows = target;
  while (!isPrime(rows)) rows++;
  // 2 bytes per index when they fit: half the memory traffic of the kernel's row reads (the pool is ~1–2 MB).
  const sets = others <= 65536 ? new Uint16Array(rows * width) : new Int32Array(rows * width);
  const stamp = new Uint8Array(others);
  let value = 0;
  for (let r = 0; r < rows; r++) {
    if (++value === 256) {
      stamp.fill(0);
      value = 1;
    }
    for (let t = 0; t < width; t++) {
      let a = Math.floor(rng.next() * others);
      while (stamp[a] === value) a = Math.floor(rng.next() * others);
      stamp[a] = value;
      sets[r * width + t] = a;
    }
  }
  return { sets, rows, width };
}

function isPrime(m: number): boolean {
  if (m < 2) return false;
  for (let d = 2; d * d <= m; d++) if (m % d === 0) return false;
  return true;
}
