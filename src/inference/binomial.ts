import { gammaln } from "simple-statistics";
import type { Rng } from "./random.js";

/**
 * Draws one value from Binomial(n, p), exactly, by inversion from the mode.
 *
 * The probabilities are walked outward from the mode m = ⌊(n+1)p⌋, alternately upward and downward, each step
 * using the recurrence P(k+1) = P(k) · (n−k)/(k+1) · p/(1−p); a uniform u picks the first cell where the
 * cumulative sum exceeds it. Any fixed order of the cells gives an exact sample; starting at the mode makes the
 * expected number of steps O(√(np(1−p))) (Kachitvichyanukul & Schmeiser 1988, "Binomial random variate
 * generation", CACM 31(2), discuss the inversion family). Used for the seeded Monte Carlo of small-area rates.
 *
 * @example
 * const rng = createRng(1);
 * sampleBinomial(rng, 200, 0.15); // e.g. 31
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`sampleBinomial: n muss eine nicht-negative ganze Zahl sein, angegeben: ${n}`);
  if (!(p >= 0 && p <= 1)) throw new Error(`sampleBinomial: p muss in [0, 1] liegen, angegeben: ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const q = 1 - p;
  const m = Math.min(n, Math.floor((n + 1) * p));
  const logPm = gammaln(n + 1) - gammaln(m + 1) - gammaln(n - m + 1) + m * Math.log(p) + (n - m) * Math.log(q);
  const pm = Math.exp(logPm);
  const ratio = p / q;
  const u = rng.next();
  let cum = pm;
  if (u < cum) return m;
  let up = m, pUp = pm, down = m, pDown = pm;
  for (;;) {
    const canUp = up < n, canDown = down > 0;
    if (!canUp && !canDown) return m; // numerical round-off left u just above the total: the mode is the safe answer
    if (canUp) {
      pUp *= ((n - up) / (up + 1)) * ratio;
      up++;
      cum += pUp;
      if (u < cum) return up;
    }
    if (canDown) {
      pDown *= (down / (n - down + 1)) / ratio;
      down--;
      cum += pDown;
      if (u < cum) return down;
    }
  }
}
