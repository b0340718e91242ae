import { runMultigroup } from "./runIndex.js";
import type { MixInput, MultigroupOptions, MultigroupResult } from "./types.js";

/** Interaction I = Σ_k P_k (1 − P_k) of the city's group shares (Simpson's interaction). */
export function simpsonInteraction(groupTotals: number[], T: number): number {
  let I = 0;
  for (const X of groupTotals) I += (X / T) * (1 - X / T);
  return I;
}

/**
 * Multigroup dissimilarity index (Sakoda 1981, "A generalized index of dissimilarity", Demography 18(2)):
 *
 * D = Σ_i Σ_k t_i |p_ik − P_k| / (2 T I),  I = Σ_k P_k (1 − P_k)
 *
 * With two groups it equals {@link dissimilarity}. Same definition as PySAL segregation `MultiDissim`.
 * Reardon & Firebaugh 2002 ("Measures of multigroup segregation", Sociological Methodology 32) discuss it.
 *
 * @example
 * const rows = [{ jung: 30, alt: 70 }, { jung: 70, alt: 30 }];
 * multigroupDissimilarity(rows, { groups: ["jung", "alt"] }).statistic; // 0.4 (= D of "jung" against the total)
 */
export function multigroupDissimilarity(rows: MixInput, options: MultigroupOptions): MultigroupResult {
  return runMultigroup("multigroupDissimilarity", rows, options, multigroupDissimilarityKernel);
}

/** Multigroup D on typed arrays (see {@link multigroupDissimilarity}). */
export function multigroupDissimilarityKernel(counts: Float64Array[], t: Float64Array, n: number, groupTotals: number[], T: number): number {
  let s = 0;
  for (let k = 0; k < counts.length; k++) {
    const x = counts[k];
    const P = groupTotals[k] / T;
    for (let i = 0; i < n; i++) s += Math.abs(x[i] - t[i] * P);
  }
  return s / (2 * T * simpsonInteraction(groupTotals, T));
}
