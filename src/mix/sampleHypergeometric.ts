import { gammaln } from "simple-statistics";
import type { Rng } from "../inference/random.js";

function logChoose(a: number, b: number): number {
  return gammaln(a + 1) - gammaln(b + 1) - gammaln(a - b + 1);
}

/**
 * Draws one value from the hypergeometric distribution: the number of marked items among `draws` items drawn
 * without replacement from `population` items of which `marked` are marked. Exact inversion from the mode:
 * the probabilities are walked outward from the mode m = ⌊(draws+1)(marked+1)/(population+2)⌋, alternately
 * upward and downward, by the ratio recurrence
 * P(k+1)/P(k) = (marked−k)(draws−k) / ((k+1)(population−marked−draws+k+1)); any fixed order of the cells gives an
 * exact sample, starting at the mode makes the expected number of steps O(sd) (Kachitvichyanukul & Schmeiser
 * 1985, "Computer generation of hypergeometric random variates", J. Stat. Comput. Simul. 22, discuss this family).
 * P(m) comes from log-gamma (simple-statistics `gammaln`), accurate to ~1e-12 relative for populations up to
 * ~10⁷ — ample for a Monte Carlo draw. Random labelling (multivariate hypergeometric) in
 * {@link segregationPermutationTest} draws with the same algorithm, written out in its block kernels
 * (nullKernels.ts, which a test checks against this function).
 *
 * @example
 * const rng = createRng(1);
 * sampleHypergeometric(rng, 1000, 150, 100); // around 15
 */
export function sampleHypergeometric(rng: Rng, population: number, marked: number, draws: number): number {
  if (!Number.isInteger(population) || population < 0) throw new Error(`sampleHypergeometric: population muss eine nicht negative ganze Zahl sein, angegeben ist ${population}`);
  if (!Number.isInteger(marked) || marked < 0 || marked > population) {
    throw new Error(`sampleHypergeometric: marked muss eine ganze Zahl in [0, ${population}] sein, angegeben ist ${marked}`);
  }
  if (!Number.isInteger(draws) || draws < 0 || draws > population) {
    throw new Error(`sampleHypergeometric: draws muss eine ganze Zahl in [0, ${population}] sein, angegeben ist ${draws}`);
  }
  const unmarked = population - marked;
  const lo = Math.max(0, draws - unmarked);
  const hi = Math.min(draws, marked);
  if (lo === hi) return lo;
  const m = Math.min(hi, Math.max(lo, Math.floor(((draws + 1) * (marked + 1)) / (population + 2))));
  const pm = Math.exp(logChoose(marked, m) + logChoose(unmarked, draws - m) - logChoose(population, draws));
  const u = rng.next();
  let cum = pm;
  if (u < cum) return m;
  let up = m;
  let pUp = pm;
  let down = m;
  let pDown = pm;
  for (;;) {
    const canUp = up < hi;
    const canDown = down > lo;
    if (!canUp && !canDown) return m; // round-off left u just above the computed total: the mode is the safe answer
    if (canUp) {
      pUp *= ((marked - up) * (draws - up)) / ((up + 1) * (unmarked - draws + up + 1));
      up++;
      cum += pUp;
      if (u < cum) return up;
    }
    if (canDown) {
      pDown *= (down * (unmarked - draws + down)) / ((marked - down + 1) * (draws - down + 1));
      down--;
      cum += pDown;
      if (u < cum) return down;
    }
  }
}
