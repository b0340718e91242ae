import { directionOf } from "./direction.js";
import { presentValues } from "./presentValues.js";
import { missingWarning, type StandardizeCommonOptions, type StandardizedBase } from "./result.js";
import { tiedRanks, type TieMethod } from "../stats/tiedRanks.js";

export type { TieMethod } from "../stats/tiedRanks.js";

/** Options of {@link rank}. */
export interface RankOptions extends StandardizeCommonOptions {
  /** Tie rule, default "min" (competition ranking "1, 2, 2, 4" as in league tables). */
  method?: TieMethod;
}

/** Result of {@link rank}. */
export interface RankResult extends StandardizedBase {
  name: "rank";
  method: TieMethod;
}

/**
 * Ranks areas so that **rank 1 is the most disadvantaged** area: the highest value when direction = 1 (the
 * default), the lowest when direction = −1. Values tie only when exactly equal.
 *
 * Tie methods (for the values 9, 7, 7, 5 with direction 1):
 * - "min" (default): 1, 2, 2, 4 — a tied group gets its best position (R `rank(-x, ties.method = "min")`);
 * - "max": 1, 3, 3, 4 — its worst position (R `ties.method = "max"`);
 * - "average": 1, 2.5, 2.5, 4 — the mean of the positions (R's default `"average"`);
 * - "dense": 1, 2, 2, 3 — consecutive ranks without gaps (data.table `frank(ties.method = "dense")`).
 *
 * Missing values get rank `null` and take no position.
 *
 * @example
 * rank([5, 9, 7, 7]).values;                          // [4, 1, 2, 2]
 * rank([5, 9, 7, 7], { method: "average" }).values;   // [4, 1, 2.5, 2.5]
 * rank([5, 9, 7, 7], { method: "dense" }).values;     // [3, 1, 2, 2]
 * rank([5, 9, 7, 7], { direction: -1 }).values;       // [1, 4, 2, 2]
 */
export function rank(values: ArrayLike<unknown>, options: RankOptions = {}): RankResult {
  const fn = "rank";
  const direction = directionOf(fn, options.direction);
  const method = options.method ?? "min";
  if (method !== "min" && method !== "average" && method !== "dense" && method !== "max") {
    throw new Error(`${fn}: Option "method" muss "min", "average", "dense" oder "max" sein, angegeben: ${JSON.stringify(method)}`);
  }
  const pv = presentValues(fn, values, options.ids, options.column);
  const out = new Array<number | null>(values.length).fill(null);
  const ranks = tiedRanks(pv.all, pv.present, direction, method);
  for (let k = 0; k < pv.present.length; k++) out[pv.present[k]] = ranks[k];
  return {
    name: fn,
    values: out,
    n: pv.present.length,
    direction,
    method,
    missing: pv.missing,
    excluded: pv.excluded,
    warnings: missingWarning(fn, pv.missing.length, values.length),
  };
}
