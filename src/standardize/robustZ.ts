import { median, medianAbsoluteDeviation } from "simple-statistics";
import { directionOf } from "./direction.js";
import { presentValues } from "./presentValues.js";
import { missingWarning, type StandardizeCommonOptions, type StandardizedBase } from "./result.js";

/** The factor that makes the MAD a consistent estimator of σ for normal data (1 / Φ⁻¹(3/4)), as R `mad()`. */
export const MAD_CONSTANT = 1.4826;

/** Options of {@link robustZ}. */
export interface RobustZOptions extends StandardizeCommonOptions {
  /** Scale factor for the MAD; default {@link MAD_CONSTANT} = 1.4826 (R's default). Use 1 for the raw MAD. */
  constant?: number;
}

/** Result of {@link robustZ}. */
export interface RobustZResult extends StandardizedBase {
  name: "robustZ";
  /** Median of the present raw values. */
  median: number;
  /** Raw median absolute deviation, median(|x − median|). */
  rawMad: number;
  /** The scale divided by: constant · rawMad (what R's `mad()` returns). */
  mad: number;
  constant: number;
}

/**
 * Robust z-scores: like z-scores, but centred on the median and scaled by the median absolute deviation, so
 * that a few extreme areas do not shrink everybody else's values.
 *
 *     z_i = d · (x_i − median(x)) / (1.4826 · median(|x − median(x)|))
 *
 * The factor 1.4826 ≈ 1/Φ⁻¹(0.75) makes the scaled MAD equal σ for normally distributed data (Hampel 1974;
 * R `stats::mad`, constant = 1.4826). Medians of an even count average the two middle values (as R).
 * Missing values stay missing and are left out. If more than half of the values are equal the MAD is 0 and
 * the function throws (use {@link zScores} instead).
 *
 * @example
 * const r = robustZ([1, 2, 3, 4, 100]);
 * r.median;  // 3
 * r.mad;     // 1.4826
 * r.values;  // [-1.349..., -0.674..., 0, 0.674..., 65.425...]
 */
export function robustZ(values: ArrayLike<unknown>, options: RobustZOptions = {}): RobustZResult {
  const fn = "robustZ";
  const direction = directionOf(fn, options.direction);
  const constant = options.constant ?? MAD_CONSTANT;
  if (typeof constant !== "number" || !(constant > 0) || !Number.isFinite(constant)) {
    throw new Error(`${fn}: Option "constant" muss eine positive Zahl sein, angegeben: ${JSON.stringify(constant)}`);
  }
  const pv = presentValues(fn, values, options.ids, options.column);
  const n = pv.values.length;
  if (n === 0) throw new Error(`${fn}: keine vorhandenen Werte (alle ${values.length} fehlen)`);
  const med = median(pv.values);
  const rawMad = medianAbsoluteDeviation(pv.values);
  const mad = constant * rawMad;
  if (!(mad > 0)) {
    throw new Error(`${fn}: mittlere absolute Abweichung vom Median (MAD) ist 0 (mehr als die Hälfte der ${n} Werte ist ${med}); zScores verwenden`);
  }
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < pv.all.length; i++) {
    const x = pv.all[i];
    out[i] = x === x ? (direction * (x - med)) / mad : null;
  }
  return {
    name: fn,
    values: out,
    n,
    direction,
    median: med,
    rawMad,
    mad,
    constant,
    missing: pv.missing,
    excluded: pv.excluded,
    warnings: missingWarning(fn, pv.missing.length, values.length),
  };
}
