import { runSingleGroup } from "./runIndex.js";
import type { MixInput, SingleGroupOptions, SingleGroupResult } from "./types.js";

/** Binary entropy −p ln p − (1−p) ln(1−p), with 0 ln 0 = 0. */
export function binaryEntropy(p: number): number {
  let e = 0;
  if (p > 0) e -= p * Math.log(p);
  if (p < 1) e -= (1 - p) * Math.log(1 - p);
  return e;
}

/**
 * Theil's entropy index H (information theory index): how much less diverse the areas are, on average, than
 * the city as a whole.
 *
 * H = Σ_i t_i (E − E_i) / (E T),  E = P ln(1/P) + (1−P) ln(1/(1−P)),  E_i the same with p_i
 *
 * Theil & Finizza 1971; Massey & Denton 1988. Natural logarithms, as PySAL segregation `Entropy`.
 * 0 = every area as mixed as the city, 1 = every area holds only one group.
 *
 * @example
 * const rows = [{ sgb2: 0, ew: 100 }, { sgb2: 100, ew: 100 }];
 * theilH(rows, { group: "sgb2", total: "ew" }).statistic; // complete separation: 1
 */
export function theilH(rows: MixInput, options: SingleGroupOptions): SingleGroupResult {
  return runSingleGroup("theilH", rows, options, theilHKernel);
}

/** Theil's H on typed arrays (see {@link theilH}). */
export function theilHKernel(x: Float64Array, t: Float64Array, n: number, X: number, T: number): number {
  const E = binaryEntropy(X / T);
  let s = 0;
  for (let i = 0; i < n; i++) s += t[i] * (E - binaryEntropy(x[i] / t[i]));
  return s / (E * T);
}
