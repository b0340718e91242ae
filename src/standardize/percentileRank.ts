import { directionOf } from "./direction.js";
import { presentValues } from "./presentValues.js";
import { tiedRanks } from "../stats/tiedRanks.js";
import { missingWarning, type StandardizeCommonOptions, type StandardizedBase } from "./result.js";

/** Options of {@link percentileRank}. */
export type PercentileRankOptions = StandardizeCommonOptions;

/** Result of {@link percentileRank}. */
export interface PercentileRankResult extends StandardizedBase {
  name: "percentileRank";
  /** Always "average": tied areas share the mean of their positions. */
  ties: "average";
}

/**
 * Percentile rank in (0, 100): the share of areas that are less disadvantaged, counting tied areas half
 * ("mid-rank" definition).
 *
 *     PR_i = 100 · (B_i + E_i / 2) / n = 100 · (r_i − 0.5) / n
 *
 * where B_i is the number of present values strictly below d·x_i, E_i the number equal to it (including the
 * area itself) and r_i its ascending rank with ties averaged (R: `100 * (rank(d * x) - 0.5) / n`; SciPy
 * `percentileofscore(kind = "mean")`). So the most disadvantaged of 10 distinct areas gets 95, the least 5.
 * Missing values stay missing and are not counted in n.
 *
 * @example
 * percentileRank([10, 20, 20, 40]).values; // [12.5, 50, 50, 87.5]
 */
export function percentileRank(values: ArrayLike<unknown>, options: PercentileRankOptions = {}): PercentileRankResult {
  const fn = "percentileRank";
  const direction = directionOf(fn, options.direction);
  const pv = presentValues(fn, values, options.ids, options.column);
  const n = pv.present.length;
  if (n === 0) throw new Error(`${fn}: keine vorhandenen Werte (alle ${values.length} fehlen)`);
  // Descending average ranks (1 = most disadvantaged) → ascending rank r = n + 1 − descending rank.
  const desc = tiedRanks(pv.all, pv.present, direction, "average");
  const out = new Array<number | null>(values.length).fill(null);
  for (let k = 0; k < n; k++) out[pv.present[k]] = (100 * (n + 1 - desc[k] - 0.5)) / n;
  return {
    name: fn,
    values: out,
    n,
    direction,
    ties: "average",
    missing: pv.missing,
    excluded: pv.excluded,
    warnings: missingWarning(fn, pv.missing.length, values.length),
  };
}
