import { readSingleGroup, singleGroupResult } from "./runIndex.js";
import type { MixInput, SingleGroupOptions, SingleGroupResult } from "./types.js";

/** Options of {@link atkinson}. */
export interface AtkinsonOptions extends SingleGroupOptions {
  /** Shape parameter b in (0, 1): how much weight areas with a high (b > 0.5) or low (b < 0.5) group share get. Default 0.5. */
  b?: number;
}

/** Result of {@link atkinson}: a single-group result with the `b` used. */
export interface AtkinsonResult extends SingleGroupResult {
  b: number;
}

/**
 * Atkinson index (Atkinson 1970, applied to segregation by Massey & Denton 1988):
 *
 * A = 1 − P/(1−P) · | Σ_i (1 − p_i)^(1−b) p_i^b t_i / (P T) |^(1/(1−b))
 *
 * With b = 0.5 both over- and under-representation of the group weigh equally. Same definition as PySAL
 * segregation `Atkinson` (default b = 0.5).
 *
 * @example
 * const rows = [{ sgb2: 0, ew: 100 }, { sgb2: 100, ew: 100 }];
 * atkinson(rows, { group: "sgb2", total: "ew", b: 0.5 }).statistic; // complete separation: 1
 */
export function atkinson(rows: MixInput, options: AtkinsonOptions): AtkinsonResult {
  const b = options?.b ?? 0.5;
  if (typeof b !== "number" || !(b > 0 && b < 1)) throw new Error(`atkinson: b muss echt zwischen 0 und 1 liegen, angegeben ist ${String(b)}`);
  const data = readSingleGroup("atkinson", rows, options);
  const statistic = atkinsonKernel(data.counts[0], data.totals, data.n, data.groupTotals[0], data.populationTotal, b);
  return { ...singleGroupResult("atkinson", data, options, statistic), b };
}

/** Atkinson's A on typed arrays (see {@link atkinson}). */
export function atkinsonKernel(x: Float64Array, t: Float64Array, n: number, X: number, T: number, b = 0.5): number {
  const P = X / T;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const p = x[i] / t[i];
    s += (1 - p) ** (1 - b) * p ** b * t[i];
  }
  return 1 - (P / (1 - P)) * Math.abs(s / (P * T)) ** (1 / (1 - b));
}
