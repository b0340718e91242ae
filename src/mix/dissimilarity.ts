import { runSingleGroup } from "./runIndex.js";
import type { MixInput, SingleGroupOptions, SingleGroupResult } from "./types.js";

/**
 * Index of dissimilarity D (Duncan & Duncan 1955): the share of the group (or, equally, of everyone else) that
 * would have to move to another area for every area to have the city's composition.
 *
 * D = Σ_i t_i |p_i − P| / (2 T P (1 − P)),  p_i = x_i / t_i,  P = X / T
 *
 * (x_i group count, t_i total of area i, X and T city totals). 0 = even, 1 = complete separation. Same definition
 * as PySAL segregation `Dissim` (Massey & Denton 1988, "The dimensions of residential segregation", Social Forces
 * 67(2), 281–315). Areas with total 0 are listed in `excluded` (they contribute nothing).
 *
 * @example
 * const rows = [{ id: "01", sgb2: 10, ew: 100 }, { id: "02", sgb2: 30, ew: 100 }];
 * dissimilarity(rows, { group: "sgb2", total: "ew", id: "id" }).statistic; // (100·0.1 + 100·0.1) / (2·200·0.2·0.8) = 0.3125
 */
export function dissimilarity(rows: MixInput, options: SingleGroupOptions): SingleGroupResult {
  return runSingleGroup("dissimilarity", rows, options, dissimilarityKernel);
}

/** D on typed arrays (see {@link dissimilarity}). */
export function dissimilarityKernel(x: Float64Array, t: Float64Array, n: number, X: number, T: number): number {
  const P = X / T;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(x[i] - t[i] * P); // t_i |p_i − P|
  return s / (2 * T * P * (1 - P));
}
