import { isolationKernel } from "./isolation.js";
import { runSingleGroup } from "./runIndex.js";
import type { MixInput, SingleGroupOptions, SingleGroupResult } from "./types.js";

/**
 * Correlation ratio η² (Bell 1954; White 1986): the isolation index adjusted for the group's city share, i.e.
 * the share of the variance of group membership that lies between areas.
 *
 * η² = (xPx − P) / (1 − P)
 *
 * Massey & Denton 1988; same definition as PySAL segregation `CorrelationR`. 0 = even, 1 = complete separation.
 *
 * @example
 * const rows = [{ sgb2: 10, ew: 100 }, { sgb2: 30, ew: 100 }];
 * correlationRatio(rows, { group: "sgb2", total: "ew" }).statistic; // (0.25 − 0.2) / 0.8 = 0.0625
 */
export function correlationRatio(rows: MixInput, options: SingleGroupOptions): SingleGroupResult {
  return runSingleGroup("correlationRatio", rows, options, correlationRatioKernel);
}

/** η² on typed arrays (see {@link correlationRatio}). */
export function correlationRatioKernel(x: Float64Array, t: Float64Array, n: number, X: number, T: number): number {
  const P = X / T;
  return (isolationKernel(x, t, n, X) - P) / (1 - P);
}
