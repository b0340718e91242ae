import { createRng, type Rng } from "../inference/random.js";
import { checkMatrix, type NumericMatrix } from "./numericMatrix.js";

/** Options of {@link kMeans}. */
export interface KMeansOptions {
  /** Number of clusters (1 ≤ k ≤ rows). */
  k: number;
  /** Seed of the k-means++ starts (default 1). */
  seed?: number;
  /** Number of random starts; the best is kept (default 100, as `nstart = 100` in R). */
  starts?: number;
}

/** Result of {@link kMeans}. */
export interface KMeansResult {
  /** Cluster 1…k per row in input order; numbered by first appearance among the rows. */
  cluster: number[];
  /** `centers[c - 1]`: mean of cluster c. */
  centers: number[][];
  /** Within-cluster sum of squares per cluster. */
  withinSS: number[];
  /** Σ withinSS (R `tot.withinss`). */
  totalWithinSS: number;
  size: number[];
  starts: number;
  seed: number;
}

/**
 * k-means clustering: the partition into k groups with the smallest total within-cluster sum of squares
 * W = Σ_c Σ_{i∈c} ‖x_i − x̄_c‖², searched from many seeded starts.
 *
 * Method: per start, k-means++ seeding (Arthur & Vassilvitskii 2007), Lloyd iterations until no row changes
 * cluster, then Hartigan–Wong-style single-row transfers: row i moves from A to B when
 * n_B/(n_B+1)·‖x_i − x̄_B‖² < n_A/(n_A−1)·‖x_i − x̄_A‖² (the exact change of W), repeated until no move helps.
 * The result is a local optimum in R's Hartigan–Wong sense; with the default 100 starts W is at most R's
 * `kmeans(x, k, nstart = 100)` on the reference data. Ties keep the first best start (deterministic).
 * Source: Hartigan & Wong, Appl. Statist. 28 (1979) 100–108; R `stats::kmeans`.
 *
 * @example
 * kMeans([[0], [1], [10], [11]], { k: 2, seed: 1 }).cluster; // [1, 1, 2, 2]
 */
export function kMeans(matrix: NumericMatrix, options: KMeansOptions): KMeansResult {
  const x = checkMatrix("kMeans", matrix, 1);
  const { k } = options;
  const starts = options.starts ?? 100;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(k) || k < 1 || k > x.length) throw new Error(`kMeans: k must be a whole number from 1 to ${x.length}, got ${k}`);
  if (!Number.isInteger(starts) || starts < 1) throw new Error(`kMeans: starts must be a whole number ≥ 1, got ${starts}`);
  const rng = createRng(seed);
  let best: { assign: Int32Array; w: number } | null = null;
  for (let s = 0; s < starts; s++) {
    const assign = refine(x, k, seedPlusPlus(x, k, rng));
    const w = withinSS(x, assign, k).reduce((a, b) => a + b, 0);
    if (best === null || w < best.w) best = { assign, w };
  }
  return summarise(x, k, (best as { assign: Int32Array }).assign, starts, seed);
}

/** k-means++: first centre uniform, then each next one with probability ∝ squared distance to the nearest centre. */
function seedPlusPlus(x: number[][], k: number, rng: Rng): Int32Array {
  const n = x.length;
  const centres = [x[rng.int(n)]];
  const d2 = x.map((r) => sq(r, centres[0]));
  while (centres.length < k) {
    const total = d2.reduce((a, b) => a + b, 0);
    let pick = 0;
    if (total > 0) {
      let u = rng.next() * total;
      while (pick < n - 1 && (u >= d2[pick] || d2[pick] === 0)) { u -= d2[pick]; pick++; }
    } else pick = rng.int(n);
    centres.push(x[pick]);
    x.forEach((r, i) => { d2[i] = Math.min(d2[i], sq(r, x[pick])); });
  }
  return Int32Array.from(x, (r) => nearest(r, centres));
}

/** Lloyd iterations, then single-row transfers, until stable. */
function refine(x: number[][], k: number, assign: Int32Array): Int32Array {
  for (let it = 0; it < 100; it++) {
    const c = centres(x, assign, k);
    let changed = false;
    x.forEach((r, i) => {
      const to = nearest(r, c.mean, assign[i]);
      if (to !== assign[i] && c.size[assign[i]] > 1) { c.size[assign[i]]--; c.size[to]++; assign[i] = to; changed = true; }
    });
    if (!changed) break;
  }
  for (let pass = 0; pass < 1000; pass++) if (!transferPass(x, k, assign)) break;
  return assign;
}

function transferPass(x: number[][], k: number, assign: Int32Array): boolean {
  const { sum, size } = centres(x, assign, k);
  let moved = false;
  x.forEach((r, i) => {
    const a = assign[i];
    if (size[a] <= 1) return;
    const costA = (size[a] / (size[a] - 1)) * sqMean(r, sum[a], size[a]);
    let bestB = -1;
    let bestCost = costA;
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const cost = (size[b] / (size[b] + 1)) * sqMean(r, sum[b], size[b]);
      if (cost < bestCost * (1 - 1e-12)) { bestCost = cost; bestB = b; }
    }
    if (bestB < 0) return;
    for (let j = 0; j < r.length; j++) { sum[a][j] -= r[j]; sum[bestB][j] += r[j]; }
    size[a]--; size[bestB]++;
    assign[i] = bestB;
    moved = true;
  });
  return moved;
}

function centres(x: number[][], assign: Int32Array, k: number): { sum: number[][]; size: number[]; mean: number[][] } {
  const p = x[0].length;
  const sum = Array.from({ length: k }, () => new Array<number>(p).fill(0));
  const size = new Array<number>(k).fill(0);
  x.forEach((r, i) => { size[assign[i]]++; r.forEach((v, j) => { sum[assign[i]][j] += v; }); });
  return { sum, size, mean: sum.map((s, c) => s.map((v) => v / Math.max(size[c], 1))) };
}

function withinSS(x: number[][], assign: Int32Array, k: number): number[] {
  const { mean } = centres(x, assign, k);
  const w = new Array<number>(k).fill(0);
  x.forEach((r, i) => { w[assign[i]] += sq(r, mean[assign[i]]); });
  return w;
}

function summarise(x: number[][], k: number, assign: Int32Array, starts: number, seed: number): KMeansResult {
  const relabel = new Map<number, number>();
  assign.forEach((a) => { if (!relabel.has(a)) relabel.set(a, relabel.size); });
  const mapped = Int32Array.from(assign, (a) => relabel.get(a) as number);
  const { mean, size } = centres(x, mapped, k);
  const w = withinSS(x, mapped, k);
  return {
    cluster: Array.from(mapped, (a) => a + 1),
    centers: mean,
    withinSS: w,
    totalWithinSS: w.reduce((a, b) => a + b, 0),
    size,
    starts,
    seed,
  };
}

function nearest(r: readonly number[], cs: readonly (readonly number[])[], current = -1): number {
  let best = current >= 0 ? current : 0;
  let bd = sq(r, cs[best]);
  cs.forEach((c, i) => { const d = sq(r, c); if (d < bd) { bd = d; best = i; } });
  return best;
}

function sq(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return s;
}

function sqMean(r: readonly number[], sum: readonly number[], size: number): number {
  let s = 0;
  for (let j = 0; j < r.length; j++) s += (r[j] - sum[j] / size) ** 2;
  return s;
}
