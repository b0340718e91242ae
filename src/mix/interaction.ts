import { runSingleGroup } from "./runIndex.js";
import type { MixInput, SingleGroupOptions, SingleGroupResult } from "./types.js";

/**
 * Interaction index xPy (Lieberson 1981; Massey & Denton 1988): the share of everyone else among the neighbours
 * of an average member of the group.
 *
 * xPy = Σ_i (x_i / X) ((t_i − x_i) / t_i)   (= 1 − xPx for one group against the rest)
 *
 * Same definition as PySAL segregation `Interaction`.
 *
 * @example
 * const rows = [{ sgb2: 10, ew: 100 }, { sgb2: 30, ew: 100 }];
 * interaction(rows, { group: "sgb2", total: "ew" }).statistic; // 10/40·0.9 + 30/40·0.7 = 0.75
 */
export function interaction(rows: MixInput, options: SingleGroupOptions): SingleGroupResult {
  return runSingleGroup("interaction", rows, options, interactionKernel);
}

/** xPy on typed arrays (see {@link interaction}). */
export function interactionKernel(x: Float64Array, t: Float64Array, n: number, X: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] / X) * ((t[i] - x[i]) / t[i]);
  return s;
}
