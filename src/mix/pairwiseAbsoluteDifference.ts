/**
 * Σ_i Σ_j w_i w_j |v_i − v_j| over all ordered pairs, in O(n) after an O(n) radix sort, instead of the O(n²)
 * double loop.
 *
 * In ascending order of v, with C_j = Σ_{i<j} w_i and D_j = Σ_{i<j} w_i v_i, the sum is 2 Σ_j w_j (v_j C_j − D_j)
 * (tied values contribute 0, as they should). Used by the Gini indices (Massey & Denton 1988; Reardon &
 * Firebaugh 2002), which PySAL computes with the double loop; the two agree to rounding.
 *
 * @example
 * pairwiseAbsoluteDifference(new Float64Array([0, 1]), new Float64Array([1, 2]), 2); // 2·1·2·|0−1| = 4
 */
export function pairwiseAbsoluteDifference(values: Float64Array, weights: Float64Array, n: number): number {
  const order = argsortNonNegative(values, n);
  let below = 0; // C_j
  let belowValue = 0; // D_j
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    const w = weights[i];
    const v = values[i];
    sum += w * (v * below - belowValue);
    below += w;
    belowValue += w * v;
  }
  return 2 * sum;
}

/**
 * Indices of the first n values in ascending order, for values ≥ 0 (shares): an LSD radix sort on the IEEE-754
 * bit patterns, which order like the numbers for non-negative doubles (six passes of at most 11 bits, keys carried
 * along so every pass reads sequentially; passes whose digit is the same everywhere are skipped). Exact, O(n).
 */
export function argsortNonNegative(values: Float64Array, n: number): Uint32Array {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  // word order of a double in memory (little-endian: [low, high])
  const probe = new Uint32Array(new Float64Array([1]).buffer);
  const hiWord = probe[1] === 0x3ff00000 ? 1 : 0;
  let order = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let order2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (!(values[i] >= 0)) throw new Error(`argsortNonNegative: Wert ${values[i]} an Position ${i} ist keine nicht negative Zahl`);
    order[i] = i;
    lo[i] = words[2 * i + 1 - hiWord];
    hi[i] = words[2 * i + hiWord];
  }
  const count = new Uint32Array(2048);
  const passes: Array<[boolean, number, number]> = [
    [false, 0, 11],
    [false, 11, 11],
    [false, 22, 10],
    [true, 0, 11],
    [true, 11, 11],
    [true, 22, 10],
  ];
  for (const [useHi, shift, width] of passes) {
    if (!radixPass(useHi ? hi : lo, shift, (1 << width) - 1, n, count, order, lo, hi, order2, lo2, hi2)) continue;
    let t = order;
    order = order2;
    order2 = t;
    t = lo;
    lo = lo2;
    lo2 = t;
    t = hi;
    hi = hi2;
    hi2 = t;
  }
  return order;
}

/** One stable counting-sort pass on the digit (key >>> shift) & mask; false (and nothing moved) if the digit is the same everywhere. */
function radixPass(
  key: Uint32Array,
  shift: number,
  mask: number,
  n: number,
  count: Uint32Array,
  order: Uint32Array,
  lo: Uint32Array,
  hi: Uint32Array,
  order2: Uint32Array,
  lo2: Uint32Array,
  hi2: Uint32Array,
): boolean {
  count.fill(0);
  for (let r = 0; r < n; r++) count[(key[r] >>> shift) & mask]++;
  for (let d = 0; d <= mask; d++) {
    if (count[d] !== 0) {
      if (count[d] === n) return false;
      break;
    }
  }
  let start = 0;
  for (let d = 0; d <= mask; d++) {
    const c = count[d];
    count[d] = start;
    start += c;
  }
  for (let r = 0; r < n; r++) {
    const to = count[(key[r] >>> shift) & mask]++;
    order2[to] = order[r];
    lo2[to] = lo[r];
    hi2[to] = hi[r];
  }
  return true;
}
