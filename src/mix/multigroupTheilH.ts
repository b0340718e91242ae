import { runMultigroup } from "./runIndex.js";
import type { MixInput, MultigroupOptions, MultigroupResult } from "./types.js";

/**
 * Multigroup information theory index H (Theil 1972; Reardon & Firebaugh 2002, Sociological Methodology 32):
 *
 * H = Σ_i Σ_k t_i p_ik ln(p_ik / P_k) / (T E),  E = Σ_k P_k ln(1 / P_k)
 *
 * (0 · ln 0 = 0; natural logarithms). With two groups it equals {@link theilH}. Same definition as PySAL
 * segregation `MultiInfoTheory`.
 *
 * @example
 * const rows = [{ a: 50, b: 0 }, { a: 0, b: 50 }];
 * multigroupTheilH(rows, { groups: ["a", "b"] }).statistic; // complete separation: 1
 */
export function multigroupTheilH(rows: MixInput, options: MultigroupOptions): MultigroupResult {
  return runMultigroup("multigroupTheilH", rows, options, multigroupTheilHKernel);
}

/** Multigroup H on typed arrays (see {@link multigroupTheilH}). */
export function multigroupTheilHKernel(counts: Float64Array[], t: Float64Array, n: number, groupTotals: number[], T: number): number {
  let E = 0;
  let s = 0;
  for (let k = 0; k < counts.length; k++) {
    const x = counts[k];
    const P = groupTotals[k] / T;
    E -= P * Math.log(P);
    for (let i = 0; i < n; i++) if (x[i] > 0) s += x[i] * Math.log(x[i] / t[i] / P);
  }
  return s / (T * E);
}
