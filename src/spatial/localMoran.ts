import { createRng, type Rng } from "../inference/random.js";
import { permutationInference } from "../inference/permutation.js";
import { benjaminiHochberg } from "./benjaminiHochberg.js";
import { normalPValue } from "./normalTail.js";
import { deviations, permutationOptions, prepareWeights, valuesFor, type WeightsTransformOption } from "./prepare.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Quadrant of the Moran scatter plot: own value high/low (H/L) against the mean, then the neighbours' lag. */
export type LisaQuadrant = "HH" | "LL" | "HL" | "LH";
/** LISA cluster: the quadrant of a significant area, else "nicht signifikant". */
export type LisaCluster = LisaQuadrant | "nicht signifikant";

/** Options of {@link localMoran}. */
export interface LocalMoranOptions {
  /** Conditional permutations per area (default 999; 0: significance from the normal approximation). */
  permutations?: number;
  /** Seed (default 12345): same input and seed → same result. */
  seed?: number;
  /** Weights transformation: "R" row-standardised (default), "B" binary, "none" as given. */
  transform?: WeightsTransformOption;
  /** Tail of the p-values (default "folded": the tail the observed I_i lies in, as esda and GeoDa). */
  alternative?: "folded" | "greater" | "less" | "two-sided";
  /** Significance level of the cluster labels (default 0.05). */
  alpha?: number;
  /** Use Benjamini–Hochberg adjusted p-values (`pAdjusted`) for the labels (default false). */
  fdr?: boolean;
  /**
   * Variance in the denominator of I_i: "n" (default) m2 = Σz²/n as Anselin (1995), spdep `localmoran`
   * (`mlvar = TRUE`) and GeoDa; "n-1": Σz²/(n − 1) as PySAL esda `Moran_Local` (I_i smaller by (n − 1)/n).
   */
  denominator?: "n" | "n-1";
}

/** One area of {@link localMoran}. */
export interface LocalMoranArea {
  id: string;
  /** The input value. */
  value: number;
  /** (x_i − mean) / sd, sd with denominator n (the x axis of the Moran scatter plot). */
  standardized: number;
  /** Spatial lag of the standardised values (the y axis of the Moran scatter plot). */
  lag: number;
  /** Local Moran's I_i. */
  Ii: number;
  /** E[I_i] and Var[I_i] under conditional randomisation (Sokal, Oden & Thomson 1998; spdep `conditional = TRUE`). */
  expected: number;
  variance: number;
  /** (I_i − E[I_i]) / √Var[I_i]; null for an island (variance 0). */
  z: number | null;
  /** Normal p-value of `z` for `alternative`; null for an island. */
  pNormal: number | null;
  /** Pseudo p-value of the conditional permutation test; null without permutations. */
  pSim: number | null;
  /** Benjamini–Hochberg adjusted p-value (of pSim, or of pNormal without permutations). */
  pAdjusted: number | null;
  /** Number of neighbours. */
  neighbours: number;
  quadrant: LisaQuadrant;
  /** p (pAdjusted with `fdr`) ≤ alpha. */
  significant: boolean;
  cluster: LisaCluster;
}

/**
 * Local Moran's I, LISA (Anselin 1995):
 *
 *   I_i = (z_i / m2) · Σ_j w_ij z_j,   z = x − mean(x),   m2 = Σ_k z_k² / n   (or / (n − 1), see `denominator`)
 *
 * With row-standardised weights, mean(I_i) = global Moran's I — the reason for the default denominator n
 * (Anselin's LISA property, spdep's and GeoDa's default); esda's values are these times (n − 1)/n.
 *
 * Significance by conditional permutation: for each area i and each of the R permutations, k_i values are
 * drawn without replacement from the n − 1 other areas (i keeps its value) and put at the places of its
 * neighbours; the pseudo p-value (M + 1)/(R + 1) comes from `permutationInference` (default folded tail). Draws
 * are independent per area and permutation (not one shared permutation matrix as esda's crand); see
 * `conditionalPermutationP` for how they are drawn fast. Quadrants: H/L by z_i > 0 and lag > 0 (esda, spdep's
 * "pysal" quadrants), before any significance filter; `cluster` shows the quadrant only for significant
 * areas. With `fdr`, significance uses Benjamini–Hochberg adjusted p-values (controls the expected share of
 * false "clusters" among all flagged areas at alpha; without it, about alpha · n areas are flagged by chance).
 *
 * Results follow `weights.ids` (one entry per area; values in that order). I_i, E[I_i], Var[I_i] equal R spdep
 * `localmoran(x, listw)` (tests).
 *
 * @example
 * const lisa = localMoran(values, rowStandardize(contiguityWeights(geojson, { idProperty: "sozialraum_id" })), { seed: 1 });
 * lisa.filter((a) => a.cluster === "HH").map((a) => a.id); // hot spots
 */
export function localMoran(values: ArrayLike<number>, weights: SpatialWeights, options: LocalMoranOptions = {}): LocalMoranArea[] {
  const fn = "localMoran";
  const w = prepareWeights(fn, weights, options.transform);
  const x = valuesFor(fn, values, w);
  const { permutations, seed } = permutationOptions(fn, options);
  const alternative = options.alternative ?? "folded";
  if (!["folded", "greater", "less", "two-sided"].includes(alternative)) {
    throw new Error(`${fn}: alternative must be "folded", "greater", "less" or "two-sided", got "${String(alternative)}"`);
  }
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha must be between 0 and 1, got ${String(alpha)}`);
  const denominator = options.denominator ?? "n";
  if (denominator !== "n" && denominator !== "n-1") throw new Error(`${fn}: denominator must be "n" or "n-1", got "${String(denominator)}"`);
  const n = w.n;
  if (n < 3) throw new Error(`${fn}: needs at least 3 areas, got ${n}`);
  const { offsets, indices, values: wv } = w;

  const z = deviations(x);
  let sumSq = 0;
  for (let i = 0; i < n; i++) sumSq += z[i] * z[i];
  if (!(sumSq > 0)) throw new Error(`${fn}: all ${n} values are equal; local Moran's I is undefined`);
  const m2 = sumSq / n;
  const s2 = denominator === "n" ? m2 : sumSq / (n - 1);
  const sd = Math.sqrt(m2);
  const factor = m2 / s2; // 1, or (n − 1)/n for esda's convention

  const Ii = new Float64Array(n);
  const lagZ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lag = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) lag += wv[p] * z[indices[p]];
    lagZ[i] = lag;
    Ii[i] = (z[i] / s2) * lag;
  }

  const pSim = permutations > 0 ? conditionalPermutationP(z, w, Ii, s2, permutations, createRng(seed), alternative) : null;

  const rows: LocalMoranArea[] = new Array(n);
  const pForFdr: number[] = [];
  for (let i = 0; i < n; i++) {
    let wi = 0;
    let wi2 = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      wi += wv[p];
      wi2 += wv[p] * wv[p];
    }
    const zi2 = z[i] * z[i];
    // spdep localmoran(conditional = TRUE), scaled by `factor` for the (n − 1) convention.
    const expected = (-(zi2 * wi) / ((n - 1) * m2)) * factor;
    const variance = (z[i] / m2) ** 2 * (n / (n - 2)) * (wi2 - (wi * wi) / (n - 1)) * (m2 - zi2 / (n - 1)) * factor * factor;
    const zScore = variance > 0 ? (Ii[i] - expected) / Math.sqrt(variance) : null;
    const pNormal = zScore === null ? null : normalPValue(zScore, alternative);
    const quadrant: LisaQuadrant = z[i] > 0 ? (lagZ[i] > 0 ? "HH" : "HL") : lagZ[i] > 0 ? "LH" : "LL";
    const p = pSim ? pSim[i] : pNormal;
    pForFdr.push(p ?? 1);
    rows[i] = {
      id: w.ids[i],
      value: x[i],
      standardized: z[i] / sd,
      lag: lagZ[i] / sd,
      Ii: Ii[i],
      expected,
      variance,
      z: zScore,
      pNormal,
      pSim: pSim ? pSim[i] : null,
      pAdjusted: null,
      neighbours: offsets[i + 1] - offsets[i],
      quadrant,
      significant: false,
      cluster: "nicht signifikant",
    };
  }
  const adjusted = benjaminiHochberg(pForFdr);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const p = pSim ? pSim[i] : row.pNormal;
    row.pAdjusted = p === null ? null : adjusted[i];
    const decisive = options.fdr ? row.pAdjusted : p;
    row.significant = decisive !== null && decisive <= alpha;
    row.cluster = row.significant ? row.quadrant : "nicht signifikant";
  }
  return rows;
}

/**
 * Pseudo p-values of the conditional permutation test, one per area. For area i with k neighbours: in each
 * permutation draw k distinct areas from the n − 1 others, I_i* = (z_i/s2) Σ_t w_it z_draw(t).
 *
 * Speed (this is the hot loop of LISA): candidate indices are drawn in blocks into a typed array, from the
 * seeded generator's 53-bit uniforms as ⌊u·(n − 1)⌋ — two per uniform while n − 1 ≤ 65 536, the second from the
 * fractional part u·(n − 1) − ⌊u·(n − 1)⌋, which keeps ≥ 37 random bits (non-uniformity < 2^−21). Indices ≥ i
 * are shifted up by one without a branch (so i itself is never drawn), and a draw already taken in the same
 * permutation is replaced by a fresh one (stamp array): sampling without replacement. For k > (n − 1)/2 a
 * partial Fisher–Yates shuffle over the others is used instead.
 */
function conditionalPermutationP(
  z: Float64Array,
  w: SpatialWeights,
  Ii: Float64Array,
  s2: number,
  permutations: number,
  rng: Rng,
  alternative: "folded" | "greater" | "less" | "two-sided",
): Float64Array {
  const { n, offsets, values: wv } = w;
  const others = n - 1;
  const twoPerUniform = others <= 65536;
  const out = new Float64Array(n);
  const sims = new Float64Array(permutations);
  const blockSize = 65536;
  const block = new Int32Array(blockSize + 1);
  const stamp = new Int32Array(n);
  let stampValue = 0;
  // Pool for partial Fisher–Yates when k is large: a permutation of 0..n−1 and where each index sits.
  let pool: Int32Array | null = null;
  let where: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const k = offsets[i + 1] - start;
    const coef = z[i] / s2;
    if (k === 0 || coef === 0) {
      out[i] = 1; // every simulated I_i equals the observed one (0)
      continue;
    }
    const below = i - 1;
    if (2 * k <= others) {
      const perBlock = Math.max(1, Math.floor(blockSize / k));
      for (let r0 = 0; r0 < permutations; r0 += perBlock) {
        const r1 = Math.min(permutations, r0 + perBlock);
        const m = (r1 - r0) * k;
        if (twoPerUniform) {
          for (let q = 0; q < m; q += 2) {
            const x = rng.next() * others;
            const a = x | 0; // ⌊x⌋ (x < 2^31)
            const b = ((x - a) * others) | 0;
            block[q] = a + ((below - a) >>> 31); // a ≥ i → a + 1
            block[q + 1] = b + ((below - b) >>> 31);
          }
        } else {
          for (let q = 0; q < m; q++) {
            const a = (rng.next() * others) | 0;
            block[q] = a + ((below - a) >>> 31);
          }
        }
        for (let r = r0, base = 0; r < r1; r++, base += k) {
          stampValue++;
          let lag = 0;
          for (let t = 0; t < k; t++) {
            let j = block[base + t];
            if (stamp[j] === stampValue) j = redraw(rng, stamp, stampValue, others, below);
            stamp[j] = stampValue;
            lag += wv[start + t] * z[j];
          }
          sims[r] = coef * lag;
        }
      }
    } else {
      // Partial Fisher–Yates over the n − 1 others (i parked at the end of the pool).
      if (!pool || !where) {
        pool = new Int32Array(n);
        where = new Int32Array(n);
        for (let a = 0; a < n; a++) pool[a] = where[a] = a;
      }
      swap(pool, where, where[i], n - 1);
      for (let r = 0; r < permutations; r++) {
        let lag = 0;
        for (let t = 0; t < k; t++) {
          swap(pool, where, t, t + Math.floor(rng.next() * (others - t)));
          lag += wv[start + t] * z[pool[t]];
        }
        sims[r] = coef * lag;
      }
    }
    out[i] = permutationInference(Ii[i], sims, { alternative }).pSim;
  }
  return out;
}

/** A fresh index for a draw that repeated one of the same permutation (rare; kept out of the hot loop). */
function redraw(rng: Rng, stamp: Int32Array, stampValue: number, others: number, below: number): number {
  for (;;) {
    const a = Math.floor(rng.next() * others);
    const j = a + ((below - a) >>> 31);
    if (stamp[j] !== stampValue) return j;
  }
}

function swap(pool: Int32Array, where: Int32Array, a: number, b: number): void {
  const va = pool[a];
  const vb = pool[b];
  pool[a] = vb;
  pool[b] = va;
  where[vb] = a;
  where[va] = b;
}

