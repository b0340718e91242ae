import { mean as ssMean, weightedMean } from "simple-statistics";

/** Options of {@link meanAndSd}. */
export interface MeanAndSdOptions {
  /** "unweighted" (default) or "weighted" (needs `weights`). */
  mean?: "unweighted" | "weighted";
  /** "population" (default, divisor n or Σw) or "sample" (n − 1 or Σw − 1). */
  sd?: "population" | "sample";
  /** Non-negative weights, same length as the values. */
  weights?: ArrayLike<number>;
  /** Names the caller in error messages (default "meanAndSd"). */
  caller?: string;
  /** Area ids for error messages. */
  ids?: ArrayLike<string>;
}

/** The location and scale {@link zScores} uses. */
export interface MeanAndSd {
  mean: number;
  sd: number;
  n: number;
  /** Σw over the values (n when unweighted). */
  weightSum: number;
}

/**
 * Mean and standard deviation of complete values (no missing), as used by `zScores`:
 *
 *     unweighted: m = Σx / n,      s² = Σ(x − m)² / n   (population)  or / (n − 1)  (sample)
 *     weighted:   m = Σwx / Σw,    s² = Σw(x − m)² / Σw (population)  or / (Σw − 1) (sample, frequency weights)
 *
 * The means come from simple-statistics (Kahan–Babuška summation), the sum of squares is compensated too, so a
 * million areas keep full precision. Throws if the SD is 0 or undefined.
 *
 * @example
 * meanAndSd([2, 4, 4, 4, 5, 5, 7, 9]); // { mean: 5, sd: 2, n: 8, weightSum: 8 }
 */
export function meanAndSd(values: ArrayLike<number>, options: MeanAndSdOptions = {}): MeanAndSd {
  const fn = options.caller ?? "meanAndSd";
  const meanKind = options.mean ?? "unweighted";
  const sdKind = options.sd ?? "population";
  if (meanKind !== "unweighted" && meanKind !== "weighted") {
    throw new Error(`${fn}: mean must be "unweighted" or "weighted", got ${JSON.stringify(meanKind)}`);
  }
  if (sdKind !== "population" && sdKind !== "sample") {
    throw new Error(`${fn}: sd must be "population" or "sample", got ${JSON.stringify(sdKind)}`);
  }
  const n = values.length;
  if (n === 0) throw new Error(`${fn}: no values`);
  // simple-statistics reads only length and indices, so typed arrays are fine.
  const x = values as unknown as number[];
  let m: number;
  let weightSum = n;
  const w = options.weights;
  if (meanKind === "weighted") {
    if (w === undefined) throw new Error(`${fn}: mean "weighted" needs the weights option`);
    if (w.length !== n) throw new Error(`${fn}: weights has length ${w.length} but values has length ${n}`);
    weightSum = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      if (typeof wi !== "number" || !Number.isFinite(wi) || wi < 0) {
        const where = options.ids !== undefined ? `area "${options.ids[i]}"` : `position ${i}`;
        throw new Error(`${fn}: weight ${JSON.stringify(wi)} at ${where} is not a finite non-negative number`);
      }
      weightSum += wi;
    }
    if (!(weightSum > 0)) throw new Error(`${fn}: the weights sum to 0`);
    m = weightedMean(x, w as unknown as number[]);
  } else {
    if (w !== undefined) throw new Error(`${fn}: weights given but mean is "unweighted"; pass mean: "weighted"`);
    m = ssMean(x);
  }
  // Σ w (x − m)², Neumaier-compensated.
  let ss = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    const t = w === undefined ? d * d : w[i] * d * d;
    const s2 = ss + t;
    c += Math.abs(ss) >= Math.abs(t) ? ss - s2 + t : t - s2 + ss;
    ss = s2;
  }
  ss += c;
  const divisor = sdKind === "population" ? weightSum : weightSum - 1;
  if (!(divisor > 0)) throw new Error(`${fn}: sample standard deviation needs more than one value (weight sum ${weightSum})`);
  const sd = Math.sqrt(ss / divisor);
  if (!(sd > 0)) throw new Error(`${fn}: standard deviation is 0 (all ${n} present values equal ${x[0]}); z-scores are undefined`);
  return { mean: m, sd, n, weightSum };
}
