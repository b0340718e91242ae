import type { Rng } from "../inference/random.js";

/**
 * Small sampling helpers for the synthetic city, all driven by a seeded {@link Rng} so that the same seed gives
 * the same data. Not part of the statistical API: they only need to be plausible, not exact to the last digit.
 */

/** Standard normal draw (Box–Muller, one value per call). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  // 1 - next() is in (0, 1], so the log is finite.
  const u = 1 - rng.next();
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Uniform draw in [a, b). */
export function uniform(rng: Rng, a: number, b: number): number {
  return a + (b - a) * rng.next();
}

/** The logistic function 1 / (1 + e^-x). */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The logit log(p / (1 - p)). */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * Binomial draw Bin(n, p): exact inversion for small n·p, otherwise the normal approximation rounded and clamped
 * to [0, n] (plenty for synthetic counts).
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  let k: number;
  if (n * q < 25) {
    // Inversion: walk the CDF with the recurrence P(k+1) = P(k)·(n−k)/(k+1)·q/(1−q).
    const u = rng.next();
    let prob = Math.pow(1 - q, n);
    let cdf = prob;
    k = 0;
    while (u > cdf && k < n) {
      prob *= ((n - k) / (k + 1)) * (q / (1 - q));
      k++;
      cdf += prob;
    }
  } else {
    k = Math.round(normal(rng, n * q, Math.sqrt(n * q * (1 - q))));
    k = Math.min(n, Math.max(0, k));
  }
  return flip ? n - k : k;
}

/**
 * Splits the integer `total` into parts proportional to `weights` (largest-remainder method): the parts are
 * non-negative integers that sum to `total` exactly. Ties go to the earlier index.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error(`largestRemainder: die Summe von weights muss positiv sein, ist aber ${sum}`);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k].i]++;
  return parts;
}

/** Picks an index with probability proportional to `weights`. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  let u = rng.next() * sum;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** Picks one element uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}
