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
 * million areas keep full precision. Throws if the SD is 0 (all values, or all values with positive weight, equal)
 * or undefined.
 *
 * @example
 * meanAndSd([2, 4, 4, 4, 5, 5, 7, 9]); // { mean: 5, sd: 2, n: 8, weightSum: 8 }
 */
export function meanAndSd(values: ArrayLike<number>, options: MeanAndSdOptions = {}): MeanAndSd {
  const fn = options.caller ?? "meanAndSd";
  const meanKind = options.mean ?? "unweighted";
  const sdKind = options.sd ?? "population";
  if (meanKind !== "unweighted" && meanKind !== "weighted") {
    throw new Error(`${fn}: Option "mean" muss "unweighted" oder "weighted" sein, angegeben: ${JSON.stringify(meanKind)}`);
  }
  if (sdKind !== "population" && sdKind !== "sample") {
    throw new Error(`${fn}: Option "sd" muss "population" oder "sample" sein, angegeben: ${JSON.stringify(sdKind)}`);
  }
  const n = values.length;
  if (n === 0) throw new Error(`${fn}: keine Werte`);
  // simple-statistics reads only length and indices, so typed arrays are fine.
  const x = values as unknown as number[];
  let m: number;
  let weightSum = n;
  const w = options.weights;
  if (meanKind === "weighted") {
    if (w === undefined) throw new Error(`${fn}: mean "weighted" braucht die Option "weights"`);
    if (w.length !== n) throw new Error(`${fn}: Option "weights" hat ${w.length} Einträge, values aber ${n}`);
    weightSum = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      if (typeof wi !== "number" || !Number.isFinite(wi) || wi < 0) {
        const where = options.ids !== undefined ? `Gebiet "${options.ids[i]}"` : `Position ${i}`;
        throw new Error(`${fn}: Gewicht ${JSON.stringify(wi)} bei ${where} ist keine endliche nicht-negative Zahl`);
      }
      weightSum += wi;
    }
    if (!(weightSum > 0)) throw new Error(`${fn}: die Gewichte (Option "weights") summieren sich zu 0`);
    m = weightedMean(x, w as unknown as number[]);
  } else {
    if (w !== undefined) throw new Error(`${fn}: Option "weights" angegeben, aber mean ist "unweighted"; mean: "weighted" angeben`);
    m = ssMean(x);
  }
  const divisor = sdKind === "population" ? weightSum : weightSum - 1;
  if (!(divisor > 0)) throw new Error(`${fn}: die Stichproben-Standardabweichung braucht mehr als einen Wert (Gewichtssumme ${weightSum})`);
  // Equal values (among those with positive weight) have SD 0 exactly. Checked directly, because the mean of equal
  // values can differ from them in the last bit (0.1 + 0.1 + 0.1 = 0.30000000000000004), and the tiny SD that
  // leaves would turn every z-value into ±1 instead of the error below.
  let first = NaN;
  let constant = true;
  for (let i = 0; i < n && constant; i++) {
    if (w !== undefined && w[i] === 0) continue;
    if (first !== first) first = x[i];
    else if (x[i] !== first) constant = false;
  }
  if (constant) {
    const what = w === undefined ? `alle ${n} vorhandenen Werte sind ${first}` : `alle Gebiete mit positivem Gewicht haben den Wert ${first}`;
    throw new Error(`${fn}: Standardabweichung ist 0 (${what}); z-Werte sind nicht definiert`);
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
  const sd = Math.sqrt(ss / divisor);
  // Squares of differences below ~1e-154 underflow to 0, above ~1e154 overflow: rescale the data first.
  if (!(sd > 0 && sd < Infinity)) {
    throw new Error(`${fn}: Standardabweichung ${sd} ist in doppelter Genauigkeit nicht berechenbar (Mittelwert ${m}); die Werte umskalieren`);
  }
  return { mean: m, sd, n, weightSum };
}
