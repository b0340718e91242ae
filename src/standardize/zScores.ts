import { directionOf } from "./direction.js";
import { meanAndSd } from "./meanAndSd.js";
import { idsAt, presentValues } from "./presentValues.js";
import { missingWarning, type StandardizeCommonOptions, type StandardizedBase } from "./result.js";

/** Options of {@link zScores}. */
export interface ZScoresOptions extends StandardizeCommonOptions {
  /** "unweighted" (default): every area counts once; "weighted": areas weighted by `weights` (e.g. Einwohner). */
  mean?: "unweighted" | "weighted";
  /** "population" (default, divisor n or Σw): as Berlin MSS; "sample" (divisor n − 1 or Σw − 1): as R `sd()`/`scale()`. */
  sd?: "population" | "sample";
  /** Non-negative weights in input order; required with `mean: "weighted"`. */
  weights?: ArrayLike<number>;
}

/** Result of {@link zScores}: the z values and every parameter needed to recompute them. */
export interface ZScoresResult extends StandardizedBase {
  name: "zScores";
  /** The mean subtracted (of the raw values, before the direction is applied). */
  mean: number;
  /** The standard deviation divided by. */
  sd: number;
  meanKind: "unweighted" | "weighted";
  sdKind: "population" | "sample";
  /** Sum of the weights of the present values (equals n when unweighted). */
  weightSum: number;
}

/**
 * z-scores: how many standard deviations each area lies above the mean, oriented so that high means more
 * disadvantage.
 *
 *     z_i = d · (x_i − m) / s
 *
 * with direction d ∈ {1, −1}, and over the n present values
 * - unweighted: m = Σx / n, s² = Σ(x − m)² / n ("population") or / (n − 1) ("sample");
 * - weighted:   m = Σwx / Σw, s² = Σw(x − m)² / Σw ("population") or / (Σw − 1) ("sample", frequency weights
 *   as in SPSS and R Hmisc `wtd.var`).
 *
 * Berlin's Monitoring Soziale Stadtentwicklung uses the unweighted mean and the population SD (MSS 2021
 * Indikatorenheft p. 41); R's `scale()` uses the sample SD. Missing values (null, NaN, {@link Missing}) stay
 * missing, are left out of m and s, and are reported in `missing`/`excluded`. Sums use compensated
 * (Kahan–Babuška) summation from simple-statistics.
 *
 * @example
 * zScores([2, 4, 4, 4, 5, 5, 7, 9]).values; // [-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2] (mean 5, population sd 2)
 * zScores([1, 2, 3], { sd: "sample" }).values; // [-1, 0, 1]
 * zScores([10, 20], { direction: -1 }).values; // [1, -1]
 */
export function zScores(values: ArrayLike<unknown>, options: ZScoresOptions = {}): ZScoresResult {
  const fn = "zScores";
  const meanKind = options.mean ?? "unweighted";
  const sdKind = options.sd ?? "population";
  const direction = directionOf(fn, options.direction);
  const pv = presentValues(fn, values, options.ids, options.column);
  const n = pv.values.length;
  if (n === 0) throw new Error(`${fn}: keine vorhandenen Werte (alle ${values.length} fehlen)`);
  let weights: number[] | undefined;
  if (options.weights !== undefined) {
    if (options.weights.length !== values.length) {
      throw new Error(`${fn}: Option "weights" hat ${options.weights.length} Einträge, values aber ${values.length}`);
    }
    weights = Array.from(pv.present, (i) => options.weights![i]);
  }
  const presentIds = options.ids !== undefined ? idsAt(options.ids, pv.present) : undefined;
  const { mean: m, sd, weightSum } = meanAndSd(pv.values, { mean: meanKind, sd: sdKind, weights, caller: fn, ids: presentIds });

  const out = new Array<number | null>(values.length);
  const all = pv.all;
  for (let i = 0; i < all.length; i++) {
    const x = all[i];
    out[i] = x === x ? (direction * (x - m)) / sd : null;
  }
  return {
    name: fn,
    values: out,
    n,
    direction,
    mean: m,
    sd,
    meanKind,
    sdKind,
    weightSum,
    missing: pv.missing,
    excluded: pv.excluded,
    warnings: missingWarning(fn, pv.missing.length, values.length),
  };
}
