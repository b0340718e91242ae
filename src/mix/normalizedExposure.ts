import { runMultigroup } from "./runIndex.js";
import type { MixInput, MultigroupOptions, MultigroupResult } from "./types.js";

/**
 * Multigroup normalised exposure index P (James 1986; Reardon & Firebaugh 2002, Sociological Methodology 32):
 * how much the groups' exposure to their own group exceeds what an even distribution gives, normalised.
 *
 * P = Σ_i Σ_k t_i (p_ik − P_k)² / (1 − P_k) / T
 *
 * With two groups it equals the correlation ratio η². Same definition as PySAL segregation `MultiNormExposure`.
 *
 * @example
 * const rows = [{ jung: 30, alt: 70 }, { jung: 70, alt: 30 }];
 * normalizedExposure(rows, { groups: ["jung", "alt"] }).statistic; // 2 · 200 · 0.04 / 0.5 / 200 = 0.16
 */
export function normalizedExposure(rows: MixInput, options: MultigroupOptions): MultigroupResult {
  return runMultigroup("normalizedExposure", rows, options, normalizedExposureKernel);
}

/** Normalised exposure on typed arrays (see {@link normalizedExposure}). */
export function normalizedExposureKernel(counts: Float64Array[], t: Float64Array, n: number, groupTotals: number[], T: number): number {
  let s = 0;
  for (let k = 0; k < counts.length; k++) {
    const x = counts[k];
    const P = groupTotals[k] / T;
    let sk = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i] / t[i] - P;
      sk += t[i] * d * d;
    }
    s += sk / (1 - P);
  }
  return s / T;
}
