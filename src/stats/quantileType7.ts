/**
 * Quantile of sorted values by R's default rule (Hyndman & Fan 1996, type 7): h = (n − 1)p, linear
 * interpolation between the order statistics ⌊h⌋ and ⌈h⌉. Chosen so that a reviewer gets the same interval
 * with `quantile(x, p)` in R.
 *
 * @example
 * quantileType7([1, 2, 3, 4], 0.05); // 1.15
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
