import { pairwiseAbsoluteDifference } from "./pairwiseAbsoluteDifference.js";
import { runSingleGroup } from "./runIndex.js";
import type { MixInput, SingleGroupOptions, SingleGroupResult } from "./types.js";

/**
 * Gini segregation index: the mean absolute difference of the areas' group shares, weighted by population,
 * relative to its maximum.
 *
 * G = Σ_i Σ_j t_i t_j |p_i − p_j| / (2 T² P (1 − P)),  p_i = x_i / t_i,  P = X / T
 *
 * Massey & Denton 1988 (Social Forces 67(2), 281–315); the same definition as PySAL segregation `Gini`, computed
 * in O(n log n) by sorting the shares instead of PySAL's double loop.
 *
 * @example
 * const rows = [{ sgb2: 10, ew: 100 }, { sgb2: 30, ew: 100 }];
 * gini(rows, { group: "sgb2", total: "ew" }).statistic; // 2·100·100·0.2 / (2·200²·0.16) = 0.3125
 */
export function gini(rows: MixInput, options: SingleGroupOptions): SingleGroupResult {
  return runSingleGroup("gini", rows, options, giniKernel);
}

/** Gini on typed arrays (see {@link gini}). */
export function giniKernel(x: Float64Array, t: Float64Array, n: number, X: number, T: number): number {
  const P = X / T;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = x[i] / t[i];
  return pairwiseAbsoluteDifference(p, t, n) / (2 * T * T * P * (1 - P));
}
