import { createRng, type Rng } from "../inference/random.js";
import { checkMatrix, type NumericMatrix } from "./numericMatrix.js";

/** Options of {@link kMeans}. */
export interface KMeansOptions {
  /** Number of clusters (1 ≤ k ≤ rows). */
  k: number;
  /** Seed of the k-means++ starts (default 1). */
  seed?: number;
  /**
   * Number of random starts; the best is kept (default 300: on Berlin MSS 2021, k = 8, 100 starts reached R's
   * `nstart = 100` optimum for 3 of 5 seeds, 300 starts for all 5).
   */
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
 * Method: per start, greedy k-means++ seeding (Arthur & Vassilvitskii 2007), Lloyd iterations until no row changes
 * cluster, then Hartigan–Wong-style single-row transfers: row i moves from A to B when
 * n_B/(n_B+1)·‖x_i − x̄_B‖² < n_A/(n_A−1)·‖x_i − x̄_A‖² (the exact change of W), repeated until no move helps.
 * The result is a local optimum in R's Hartigan–Wong sense; with the default 300 starts W is at most R's
 * `kmeans(x, k, nstart = 100)` on the reference data (seeded set, Berlin MSS 2021 with k = 2…8). Ties keep the first best start (deterministic).
 * Source: Hartigan & Wong, Appl. Statist. 28 (1979) 100–108; R `stats::kmeans`.
 *
 * @example
 * kMeans([[0], [1], [10], [11]], { k: 2, seed: 1 }).cluster; // [1, 1, 2, 2]
 */
export function kMeans(matrix: NumericMatrix, options: KMeansOptions): KMeansResult {
  const x = checkMatrix("kMeans", matrix, 1);
  const { k } = options;
  const starts = options.starts ?? 300;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(k) || k < 1 || k > x.length) throw new Error(`kMeans: k muss eine ganze Zahl von 1 bis ${x.length} sein, angegeben ist ${k}`);
  if (!Number.isInteger(starts) || starts < 1) throw new Error(`kMeans: starts muss eine ganze Zahl ≥ 1 sein, angegeben ist ${starts}`);
  const rng = createRng(seed);
  let best: { assign: Int32Array; w: number } | null = null;
  for (let s = 0; s < starts; s++) {
    const assign = refine(x, k, seedPlusPlus(x, k, rng));
    const w = withinSS(x, assign, k).reduce((a, b) => a + b, 0);
    if (best === null || w < best.w) best = { assign, w };
  }
  return summarise(x, k, (best as { assign: Int32Array }).assign, starts, seed);
}

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007; as scikit-learn): first centre uniform; each next centre is the
 * best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ squared distance to the nearest centre, "best" meaning the
 * smallest resulting potential Σ min-distance².
 */
function seedPlusPlus(x: number[][], k: number, rng: Rng): Int32Array {
  const n = x.length;
  const centres = [x[rng.int(n)]];
  let d2 = x.map((r) => sq(r, centres[0]));
  const trials = 2 + Math.floor(Math.log(k));
  while (centres.length < k) {
    const total = d2.reduce((a, b) => a + b, 0);
    let best: { pick: number; d2: number[]; potential: number } | null = null;
    for (let t = 0; t < trials; t++) {
      const pick = total > 0 ? drawProportional(d2, rng.next() * total) : rng.int(n);
      const next = x.map((r, i) => Math.min(d2[i], sq(r, x[pick])));
      const potential = next.reduce((a, b) => a + b, 0);
      if (best === null || potential < best.potential) best = { pick, d2: next, potential };
    }
    const chosen = best as { pick: number; d2: number[] };
    centres.push(x[chosen.pick]);
    d2 = chosen.d2;
  }
  return Int32Array.from(x, (r) => nearest(r, centres));
}

/** Index i with Σ_{j<i} w_j ≤ u < Σ_{j≤i} w_j, skipping zero weights. */
function drawProportional(w: readonly number[], u: number): number {
  let i = 0;
  while (i < w.length - 1 && (u >= w[i] || w[i] === 0)) { u -= w[i]; i++; }
  return i;
}

/** Lloyd iterations, then single-row transfers, until stable (flat arrays: this is the inner loop). */
function refine(x: number[][], k: number, assign: Int32Array): Int32Array {
  const n = x.length;
  const p = x[0].length;
  const v = Float64Array.from(x.flat());
  const sum = new Float64Array(k * p);
  const size = new Int32Array(k);
  const recompute = (): void => {
    sum.fill(0);
    size.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assign[i];
      size[c]++;
      for (let j = 0; j < p; j++) sum[c * p + j] += v[i * p + j];
    }
  };
  // squared distance of row i to the mean of cluster c
  const d2 = (i: number, c: number): number => {
    let s = 0;
    for (let j = 0; j < p; j++) {
      const d = v[i * p + j] - sum[c * p + j] / size[c];
      s += d * d;
    }
    return s;
  };
  for (let it = 0; it < 100; it++) {
    recompute();
    const frozen = Int32Array.from(size);
    const means = Float64Array.from(sum, (s, idx) => s / Math.max(frozen[Math.floor(idx / p)], 1));
    let changed = false;
    for (let i = 0; i < n; i++) {
      const a = assign[i];
      let best = a;
      let bd = Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < p && s < bd; j++) {
          const d = v[i * p + j] - means[c * p + j];
          s += d * d;
        }
        if (s < bd || (c === a && s <= bd)) { bd = s; best = c; }
      }
      if (best !== a && size[a] > 1) { size[a]--; size[best]++; assign[i] = best; changed = true; }
    }
    if (!changed) break;
  }
  for (let pass = 0; pass < 1000; pass++) {
    recompute();
    let moved = false;
    for (let i = 0; i < n; i++) {
      const a = assign[i];
      if (size[a] <= 1) continue;
      const costA = (size[a] / (size[a] - 1)) * d2(i, a);
      let bestB = -1;
      let bestCost = costA;
      for (let c = 0; c < k; c++) {
        if (c === a) continue;
        const cost = (size[c] / (size[c] + 1)) * d2(i, c);
        if (cost < bestCost * (1 - 1e-12)) { bestCost = cost; bestB = c; }
      }
      if (bestB < 0) continue;
      for (let j = 0; j < p; j++) { sum[a * p + j] -= v[i * p + j]; sum[bestB * p + j] += v[i * p + j]; }
      size[a]--; size[bestB]++;
      assign[i] = bestB;
      moved = true;
    }
    if (!moved) break;
  }
  return assign;
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
