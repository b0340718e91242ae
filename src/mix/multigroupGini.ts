import { simpsonInteraction } from "./multigroupDissimilarity.js";
import { pairwiseAbsoluteDifference } from "./pairwiseAbsoluteDifference.js";
import { runMultigroup } from "./runIndex.js";
import type { MixInput, MultigroupOptions, MultigroupResult } from "./types.js";

/**
 * Multigroup Gini index (Reardon & Firebaugh 2002, "Measures of multigroup segregation", Sociological
 * Methodology 32, 33–67):
 *
 * G = Σ_k Σ_i Σ_j t_i t_j |p_ik − p_jk| / (2 T² I),  I = Σ_k P_k (1 − P_k)
 *
 * Same definition as PySAL segregation `MultiGini`, computed in O(K n log n).
 *
 * @example
 * const rows = [{ jung: 30, alt: 70 }, { jung: 70, alt: 30 }];
 * multigroupGini(rows, { groups: ["jung", "alt"] }).statistic; // 2 groups · 2·100·100·0.4 / (2·200²·0.5) = 0.4
 */
export function multigroupGini(rows: MixInput, options: MultigroupOptions): MultigroupResult {
  return runMultigroup("multigroupGini", rows, options, multigroupGiniKernel);
}

/** Multigroup Gini on typed arrays (see {@link multigroupGini}). */
export function multigroupGiniKernel(counts: Float64Array[], t: Float64Array, n: number, groupTotals: number[], T: number): number {
  const p = new Float64Array(n);
  let s = 0;
  for (const x of counts) {
    for (let i = 0; i < n; i++) p[i] = x[i] / t[i];
    s += pairwiseAbsoluteDifference(p, t, n);
  }
  return s / (2 * T * T * simpsonInteraction(groupTotals, T));
}
