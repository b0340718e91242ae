import { directionOf } from "./direction.js";
import { presentValues } from "./presentValues.js";
import { missingWarning, type StandardizeCommonOptions, type StandardizedBase } from "./result.js";

/** Options of {@link minMax}. */
export type MinMaxOptions = StandardizeCommonOptions;

/** Result of {@link minMax}. */
export interface MinMaxResult extends StandardizedBase {
  name: "minMax";
  /** Smallest and largest present raw value. */
  min: number;
  max: number;
}

/**
 * Min–max scaling to [0, 1], oriented so that 1 is the most disadvantaged area.
 *
 *     d =  1:  y_i = (x_i − min) / (max − min)
 *     d = −1:  y_i = (max − x_i) / (max − min)
 *
 * Missing values stay missing and are left out of min and max. Throws if all present values are equal.
 *
 * @example
 * minMax([2, 4, 6]).values;                  // [0, 0.5, 1]
 * minMax([2, 4, 6], { direction: -1 }).values; // [1, 0.5, 0]
 */
export function minMax(values: ArrayLike<unknown>, options: MinMaxOptions = {}): MinMaxResult {
  const fn = "minMax";
  const direction = directionOf(fn, options.direction);
  const pv = presentValues(fn, values, options.ids, options.column);
  const n = pv.values.length;
  if (n === 0) throw new Error(`${fn}: keine vorhandenen Werte (alle ${values.length} fehlen)`);
  let min = Infinity;
  let max = -Infinity;
  for (const x of pv.values) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const range = max - min;
  if (!(range > 0)) throw new Error(`${fn}: alle ${n} vorhandenen Werte sind ${min}; die Spannweite ist 0`);
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < pv.all.length; i++) {
    const x = pv.all[i];
    out[i] = x === x ? (direction === 1 ? (x - min) / range : (max - x) / range) : null;
  }
  return {
    name: fn,
    values: out,
    n,
    direction,
    min,
    max,
    missing: pv.missing,
    excluded: pv.excluded,
    warnings: missingWarning(fn, pv.missing.length, values.length),
  };
}
