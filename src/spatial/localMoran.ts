import { resolveThreads } from "../inference/parallel.js";
import { benjaminiHochberg } from "./benjaminiHochberg.js";
import { conditionalPermutationP } from "./lisaPermutations.js";
import { normalPValue } from "./normalTail.js";
import { deviations, permutationOptions, prepareWeights, valuesFor, type WeightsTransformOption } from "./prepare.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Quadrant of the Moran scatter plot: own value high/low (H/L) against the mean, then the neighbours' lag. */
export type LisaQuadrant = "HH" | "LL" | "HL" | "LH";
/**
 * LISA cluster: the quadrant of a significant area, else "nicht signifikant"; "ohne Nachbarn" for an island (an
 * area without neighbours, which has no local test).
 */
export type LisaCluster = LisaQuadrant | "nicht signifikant" | "ohne Nachbarn";

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
   * How the conditional permutations are drawn (default "independent"): fresh draws for every area and
   * permutation. "pooled" draws a pool of random neighbour sets once (at least 64 × `permutations` rows when
   * memory allows, a prime number of them) and gives every area R distinct rows of it, at a random offset and
   * stride: each area's test is still an exact Monte Carlo test with R independent random sets, but two areas
   * share about R²/pool rows (≈ 1.5 %), so their p-values are slightly dependent — esda's crand is the extreme case
   * of one pool of R rows shared by all. About two and a half times faster (the draws are shared, the work per
   * area is arithmetic); for very many areas.
   */
  sampling?: "independent" | "pooled";
  /**
   * Variance in the denominator of I_i: "n" (default) m2 = Σz²/n as Anselin (1995), spdep `localmoran`
   * (`mlvar = TRUE`) and GeoDa; "n-1": Σz²/(n − 1) as PySAL esda `Moran_Local` (I_i smaller by (n − 1)/n).
   */
  denominator?: "n" | "n-1";
  /**
   * Threads for the permutations (default: the available cores, `os.availableParallelism()`, at most 8, for
   * n · permutations ≥ 2 000 000, else 1). 1 runs here without a worker. The result is the same for every value:
   * each area draws from its own generator (seed, area index).
   */
  threads?: number;
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
  /**
   * E[I_i] and Var[I_i] under conditional randomisation (Sokal, Oden & Thomson 1998; spdep `conditional = TRUE`);
   * both 0 for an island.
   */
  expected: number;
  variance: number;
  /** (I_i − E[I_i]) / √Var[I_i]; null for an island (variance 0). */
  z: number | null;
  /** Normal p-value of `z` for `alternative`; null for an island. */
  pNormal: number | null;
  /** Pseudo p-value of the conditional permutation test; null without permutations and for an island. */
  pSim: number | null;
  /**
   * Benjamini–Hochberg adjusted p-value (of pSim, or of pNormal without permutations), over the areas with
   * neighbours (islands are no tests: null, as R's `p.adjust` leaves NA out).
   */
  pAdjusted: number | null;
  /** Number of neighbours. */
  neighbours: number;
  /** Quadrant of the Moran scatter plot; null for an island (it has no neighbours' lag). */
  quadrant: LisaQuadrant | null;
  /** p (pAdjusted with `fdr`) ≤ alpha; never for an island. */
  significant: boolean;
  cluster: LisaCluster;
}

/**
 * Local Moran's I, LISA (Anselin 1995):
 *
 *   I_i = (z_i / m2) · Σ_j w_ij z_j,   z = x − mean(x),   m2 = Σ_k z_k² / n   (or / (n − 1), see `denominator`)
 *
 * Two conventions exist, (n − 1)/n apart: R spdep `localmoran` divides by m2 = Σz²/n (its default
 * `mlvar = TRUE`; `mlvar = FALSE` gives Σz²/(n − 1)), PySAL esda `Moran_Local` computes
 * I_i = (n − 1)·z_i·lag_i / Σz², i.e. divides by Σz²/(n − 1). The default here is m2 = Σz²/n: it is Anselin's
 * (1995) definition, spdep's and GeoDa's default, and with row-standardised weights the mean of the I_i is then
 * exactly the global Moran's I (Anselin's LISA property). `denominator: "n-1"` reproduces esda; z-scores and
 * p-values do not depend on the choice.
 *
 * Significance by conditional permutation: for each area i and each of the R permutations, k_i values are
 * drawn without replacement from the n − 1 other areas (i keeps its value) and put at the places of its
 * neighbours; the pseudo p-value (M + 1)/(R + 1) is counted as `permutationInference` does (default folded tail).
 * By default the draws are independent per area and permutation (esda's crand instead shares one set of R draws
 * among all areas); `sampling: "pooled"` is a faster middle way (see the option). Area i draws from its own
 * generator `createRng(streamSeed(seed, i))`, so the areas run on `threads` cores (worker threads, the call stays
 * synchronous) and the result is the same to the byte for any number of threads. Quadrants: H/L by z_i > 0 and lag > 0 (esda, spdep's
 * "pysal" quadrants), before any significance filter; `cluster` shows the quadrant only for significant
 * areas. With `fdr`, significance uses Benjamini–Hochberg adjusted p-values (controls the expected share of
 * false "clusters" among all flagged areas at alpha; without it, about alpha · n areas are flagged by chance).
 * An island (no neighbours) has I_i = 0, E = Var = 0 and no test: quadrant, z and p-values null, never
 * significant, cluster "ohne Nachbarn" (spdep gives NaN z and p, and an island's lag of 0 would put it in a
 * misleading quadrant).
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
    throw new Error(`${fn}: alternative muss "folded", "greater", "less" oder "two-sided" sein, angegeben ist "${String(alternative)}"`);
  }
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha muss zwischen 0 und 1 liegen, angegeben ist ${String(alpha)}`);
  const sampling = options.sampling ?? "independent";
  if (sampling !== "independent" && sampling !== "pooled") {
    throw new Error(`${fn}: sampling muss "independent" oder "pooled" sein, angegeben ist "${String(sampling)}"`);
  }
  const denominator = options.denominator ?? "n";
  if (denominator !== "n" && denominator !== "n-1") throw new Error(`${fn}: denominator muss "n" oder "n-1" sein, angegeben ist "${String(denominator)}"`);
  const n = w.n;
  if (n < 3) throw new Error(`${fn}: braucht mindestens 3 Gebiete, angegeben sind ${n}`);
  const { offsets, indices, values: wv } = w;

  const z = deviations(x);
  let sumSq = 0;
  for (let i = 0; i < n; i++) sumSq += z[i] * z[i];
  if (!(sumSq > 0)) throw new Error(`${fn}: alle ${n} Werte sind gleich; das lokale Moran's I ist nicht definiert`);
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

  const threads = resolveThreads(fn, options.threads, n * permutations);
  const pSim =
    permutations > 0 ? conditionalPermutationP(z, w, Ii, s2, { permutations, seed, alternative, pooled: sampling === "pooled", threads }) : null;

  const rows: LocalMoranArea[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const island = offsets[i + 1] === offsets[i];
    let wi = 0;
    let wi2 = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      wi += wv[p];
      wi2 += wv[p] * wv[p];
    }
    const zi2 = z[i] * z[i];
    // spdep localmoran(conditional = TRUE), scaled by `factor` for the (n − 1) convention.
    const expected = (-(zi2 * wi) / ((n - 1) * m2)) * factor + 0; // + 0: no −0 for an island or z_i = 0
    const variance = (z[i] / m2) ** 2 * (n / (n - 2)) * (wi2 - (wi * wi) / (n - 1)) * (m2 - zi2 / (n - 1)) * factor * factor;
    const zScore = variance > 0 ? (Ii[i] - expected) / Math.sqrt(variance) : null;
    const pNormal = zScore === null ? null : normalPValue(zScore, alternative);
    const quadrant: LisaQuadrant | null = island ? null : z[i] > 0 ? (lagZ[i] > 0 ? "HH" : "HL") : lagZ[i] > 0 ? "LH" : "LL";
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
      pSim: pSim && !island ? pSim[i] : null,
      pAdjusted: null,
      neighbours: offsets[i + 1] - offsets[i],
      quadrant,
      significant: false,
      cluster: island ? "ohne Nachbarn" : "nicht signifikant",
    };
  }
  // Benjamini–Hochberg over the areas that have a test (not the islands).
  const tested = rows.flatMap((row, i) => (row.quadrant === null ? [] : [i]));
  const pOf = (i: number) => (pSim ? rows[i].pSim : rows[i].pNormal) ?? 1;
  const adjusted = benjaminiHochberg(tested.map(pOf));
  tested.forEach((i, k) => {
    const row = rows[i];
    const p = pSim ? row.pSim : row.pNormal;
    row.pAdjusted = p === null ? null : adjusted[k];
    const decisive = options.fdr ? row.pAdjusted : p;
    row.significant = decisive !== null && decisive <= alpha;
    if (row.significant) row.cluster = row.quadrant as LisaQuadrant;
  });
  return rows;
}
