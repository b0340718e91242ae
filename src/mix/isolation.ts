import { runSingleGroup } from "./runIndex.js";
import type { MixInput, SingleGroupOptions, SingleGroupResult } from "./types.js";

/**
 * Isolation index xPx (Lieberson 1981; Massey & Denton 1988): the share of the group among the neighbours of an
 * average member of the group (the probability that someone they meet in their area also belongs to it).
 *
 * xPx = Σ_i (x_i / X) (x_i / t_i)
 *
 * Same definition as PySAL segregation `Isolation`. Not margin-free: it rises with the group's city share P,
 * so compare it with P (see {@link correlationRatio}).
 *
 * @example
 * const rows = [{ sgb2: 10, ew: 100 }, { sgb2: 30, ew: 100 }];
 * isolation(rows, { group: "sgb2", total: "ew" }).statistic; // 10/40·0.1 + 30/40·0.3 = 0.25
 */
export function isolation(rows: MixInput, options: SingleGroupOptions): SingleGroupResult {
  return runSingleGroup("isolation", rows, options, isolationKernel);
}

/** xPx on typed arrays (see {@link isolation}). */
export function isolationKernel(x: Float64Array, t: Float64Array, n: number, X: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] / X) * (x[i] / t[i]);
  return s;
}
