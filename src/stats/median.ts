/**
 * Median of values sorted ascending: the middle value, or the mean of the two middle values for an even count,
 * (x₍ₙ/₂₎ + x₍ₙ/₂₊₁₎) / 2. NaN for no values. Takes sorted input like {@link quantileType7}, so a caller that
 * needs several quantiles sorts once.
 *
 * @example
 * median([1, 2, 3, 10]);    // 2.5
 * median([-4, 0.5, 7]);     // 0.5
 */
export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
