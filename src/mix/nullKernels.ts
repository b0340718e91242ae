/**
 * Block kernels of the segregation permutation test, the bias-corrected D and compareSegregation, run by `runBlocks` on this thread
 * and in worker threads from their source text. Rules for this file: no imported function is called inside these
 * functions (they call only each other and `segregationStatistic`, a wrapper generated per index in
 * `segregationKernelPlan.ts`), and block r (= simulated data set r) draws only from the stream
 * `createRng(streamSeed(seed, r))` — so a result never depends on the number of threads.
 *
 * The samplers are those of `simulateNull`, `sampleHypergeometric` and `sampleBinomial` (exact inversion from the
 * mode, the same draw order); only log n! is computed here (table below 1024, Stirling series above), so that the
 * code is self-contained. A test checks the simulated counts against `simulateNull` on the same stream.
 */

/** The index statistic of the simulated counts (generated per index; see `segregationKernelPlan.ts`). */
declare function segregationStatistic(counts: Float64Array, t: Float64Array, n: number, K: number, groupTotals: Float64Array, T: number, extra: number): number;

/** A generator stream: xoroshiro128+ state (pure-rand layout), a buffer of uniforms and a position in it. */
export interface NullStream {
  state: Int32Array;
  buf: Float64Array;
  pos: number;
  /** log k! for k < logFactorials.length. */
  logFactorials: Float64Array;
}

/** A stream seeded as `createRng(streamSeed(seed, index))` (streamSeed, then splitmix32 as createRng). */
export function nullStream(seed: number, index: number): NullStream {
  const state = new Int32Array(4);
  let h = (seed + Math.imul(index, 0x9e3779b1)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  let a = h ^ (h >>> 16);
  for (let k = 0; k < 4; k++) {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    state[k] = t ^ (t >>> 15);
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  const logFactorials = new Float64Array(1024);
  for (let k = 2; k < 1024; k++) logFactorials[k] = logFactorials[k - 1] + Math.log(k);
  return { state, buf: new Float64Array(256), pos: 256, logFactorials };
}

/** The next uniform in [0, 1) with 53 random bits (as `Rng.next()`), refilling the buffer in batches. */
export function nullNext(s: NullStream): number {
  if (s.pos === s.buf.length) {
    const st = s.state;
    const buf = s.buf;
    let s01 = st[0];
    let s00 = st[1];
    let s11 = st[2];
    let s10 = st[3];
    for (let q = 0; q < buf.length; q++) {
      let out = (s00 + s10) >>> 6;
      let a0 = s10 ^ s00;
      let a1 = s11 ^ s01;
      let t00 = s00;
      let t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const hi = out;
      out = (s00 + s10) >>> 5;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = s00;
      t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      buf[q] = (hi * 134217728 + out) * 1.1102230246251565e-16;
    }
    st[0] = s01;
    st[1] = s00;
    st[2] = s11;
    st[3] = s10;
    s.pos = 0;
  }
  return s.buf[s.pos++];
}

/** log k! : exact sums below the table's end, Stirling's series (error < 1e-17 relative there) above. */
export function nullLogFactorial(s: NullStream, k: number): number {
  if (k < s.logFactorials.length) return s.logFactorials[k];
  const x = k + 1;
  const r = 1 / (x * x);
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + (1 / x) * (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r / 1680)));
}

/** Hypergeometric draw (as `sampleHypergeometric`): marked items among `draws` drawn from `population`. */
export function nullHypergeometric(s: NullStream, population: number, marked: number, draws: number): number {
  const unmarked = population - marked;
  const lo = Math.max(0, draws - unmarked);
  const hi = Math.min(draws, marked);
  if (lo === hi) return lo;
  const m = Math.min(hi, Math.max(lo, Math.floor(((draws + 1) * (marked + 1)) / (population + 2))));
  const logPm =
    nullLogFactorial(s, marked) - nullLogFactorial(s, m) - nullLogFactorial(s, marked - m) +
    nullLogFactorial(s, unmarked) - nullLogFactorial(s, draws - m) - nullLogFactorial(s, unmarked - draws + m) -
    nullLogFactorial(s, population) + nullLogFactorial(s, draws) + nullLogFactorial(s, population - draws);
  const pm = Math.exp(logPm);
  const u = nullNext(s);
  let cum = pm;
  if (u < cum) return m;
  let up = m;
  let pUp = pm;
  let down = m;
  let pDown = pm;
  for (;;) {
    const canUp = up < hi;
    const canDown = down > lo;
    if (!canUp && !canDown) return m;
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

/** Binomial(n, p) draw (as `sampleBinomial`). */
export function nullBinomial(s: NullStream, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const q = 1 - p;
  const m = Math.min(n, Math.floor((n + 1) * p));
  const pm = Math.exp(nullLogFactorial(s, n) - nullLogFactorial(s, m) - nullLogFactorial(s, n - m) + m * Math.log(p) + (n - m) * Math.log(q));
  const ratio = p / q;
  const u = nullNext(s);
  let cum = pm;
  if (u < cum) return m;
  let up = m;
  let pUp = pm;
  let down = m;
  let pDown = pm;
  for (;;) {
    const canUp = up < n;
    const canDown = down > 0;
    if (!canUp && !canDown) return m;
    if (canUp) {
      pUp *= ((n - up) / (up + 1)) * ratio;
      up++;
      cum += pUp;
      if (u < cum) return up;
    }
    if (canDown) {
      pDown *= down / (n - down + 1) / ratio;
      down--;
      cum += pDown;
      if (u < cum) return down;
    }
  }
}

/**
 * Simulated counts (group k of area i at out[k·n + i]) under null model 0 random labelling, 1 systematic,
 * 2 evenness, as `simulateNull` (same draws in the same order). `parts` has the same layout; `totals` are the
 * area totals, `groupTotals` the groups' city totals.
 */
export function nullSimulate(s: NullStream, parts: Float64Array, totals: Float64Array, groupTotals: Float64Array, n: number, K: number, model: number, out: Float64Array): void {
  out.fill(0);
  if (model === 0) {
    const remaining = Float64Array.from(groupTotals);
    for (let i = 0; i < n; i++) {
      let draws = totals[i];
      let urn = 0;
      for (let k = 0; k < K; k++) urn += remaining[k];
      for (let k = 0; k < K - 1 && draws > 0; k++) {
        const x = nullHypergeometric(s, urn, remaining[k], draws);
        out[k * n + i] = x;
        urn -= remaining[k];
        remaining[k] -= x;
        draws -= x;
      }
      out[(K - 1) * n + i] = draws;
      remaining[K - 1] -= draws;
    }
  } else if (model === 1) {
    let T = 0;
    for (let i = 0; i < n; i++) T += totals[i];
    for (let k = 0; k < K; k++) {
      let left = groupTotals[k];
      let massLeft = T;
      for (let i = 0; i < n - 1 && left > 0; i++) {
        const x = nullBinomial(s, left, Math.min(1, totals[i] / massLeft));
        out[k * n + i] = x;
        left -= x;
        massLeft -= totals[i];
      }
      out[k * n + n - 1] += left;
    }
  } else {
    let T = 0;
    for (let k = 0; k < K; k++) T += groupTotals[k];
    for (let i = 0; i < n; i++) {
      let left = totals[i];
      let massLeft = 1;
      for (let k = 0; k < K - 1 && left > 0; k++) {
        const p = groupTotals[k] / T;
        const x = nullBinomial(s, left, Math.min(1, p / massLeft));
        out[k * n + i] = x;
        left -= x;
        massLeft -= p;
      }
      out[(K - 1) * n + i] = left;
    }
  }
}

/**
 * Simulated data set `block` of the permutation test: simulates it from stream (seed, block) and writes the
 * index into sims[block] — or NaN when the index would need the checks of the table path (a simulated area with
 * no one in it, a group with no one in the city, a single group that is everyone); the caller then recomputes
 * that data set on the table path, from the same stream, to get its exact result or message.
 */
export function segregationBlock(data: Record<string, unknown>, block: number): void {
  const parts = data.parts as Float64Array;
  const totals = data.totals as Float64Array;
  const groupTotals = data.groupTotals as Float64Array;
  const n = data.n as number;
  const K = data.K as number;
  const sims = data.sims as Float64Array;
  const s = nullStream(data.seed as number, block);
  const out = new Float64Array(n * K);
  nullSimulate(s, parts, totals, groupTotals, n, K, data.model as number, out);
  const t = new Float64Array(n);
  const simTotals = new Float64Array(K);
  let T = 0;
  for (let k = 0; k < K; k++) {
    let g = 0;
    for (let i = 0; i < n; i++) {
      const v = out[k * n + i];
      t[i] += v;
      g += v;
    }
    simTotals[k] = g;
    T += g;
  }
  let clean = true;
  for (let k = 0; k < K; k++) if (simTotals[k] === 0) clean = false;
  if (data.single === 1 && simTotals[0] === T) clean = false;
  for (let i = 0; i < n && clean; i++) if (t[i] === 0) clean = false;
  sims[block] = clean ? segregationStatistic(out, t, n, K, simTotals, T, data.extra as number) : NaN;
}

/** Multinomial(size, weights / Σ weights) by sequential binomials, as `biasCorrectedDissimilarity` draws. */
export function nullMultinomial(s: NullStream, size: number, weights: Float64Array, n: number, out: Float64Array, at: number): void {
  let massLeft = 0;
  for (let i = 0; i < n; i++) massLeft += weights[i];
  let left = size;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (i === n - 1) out[at + i] = left;
    else if (left === 0 || w === 0) out[at + i] = 0;
    else {
      const x = nullBinomial(s, left, Math.min(1, w / massLeft));
      out[at + i] = x;
      left -= x;
    }
    massLeft -= w;
  }
}

/**
 * Bootstrap replication `block` of the bias-corrected D: the group (size X, weights x) and everyone else (size
 * T − X, weights other) redrawn over the areas from stream (seed, block); writes D of the replication to
 * sims[block] (areas drawn empty contribute 0, as in the index's kernel).
 */
export function biasCorrectionBlock(data: Record<string, unknown>, block: number): void {
  const x = data.x as Float64Array;
  const other = data.other as Float64Array;
  const n = data.n as number;
  const X = data.X as number;
  const T = data.T as number;
  const s = nullStream(data.seed as number, block);
  const sim = new Float64Array(2 * n);
  nullMultinomial(s, X, x, n, sim, 0);
  nullMultinomial(s, T - X, other, n, sim, n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = sim[i] + sim[n + i];
  const groupTotals = new Float64Array([X, T - X]);
  (data.sims as Float64Array)[block] = segregationStatistic(sim, t, n, 2, groupTotals, T, 0);
}

// ---- compareSegregation: simulated data set r splits the pooled areas of both data sets ----

/**
 * The pooled areas (0 … N−1: the first data set's na areas, then the second's) that form simulated data set r:
 * `first` gets na of them, `second` the rest. approach 0 ("random-label"): a Fisher–Yates shuffle of the pooled
 * areas, split after na. approach 1 ("paired"): each matched pair (pairs[2m], pairs[2m + 1]) swaps its years with
 * probability ½, in pair order; unmatched areas keep their year.
 */
export function comparisonSelection(s: NullStream, N: number, na: number, approach: number, pairs: Int32Array, first: Int32Array, second: Int32Array): void {
  if (approach === 0) {
    const order = new Int32Array(N);
    for (let i = 0; i < N; i++) order[i] = i;
    for (let i = N - 1; i > 0; i--) {
      const j = Math.floor(nullNext(s) * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let i = 0; i < na; i++) first[i] = order[i];
    for (let i = na; i < N; i++) second[i - na] = order[i];
    return;
  }
  for (let i = 0; i < na; i++) first[i] = i;
  for (let j = na; j < N; j++) second[j - na] = j;
  for (let m = 0; m < pairs.length; m += 2) {
    if (nullNext(s) < 0.5) {
      const i = pairs[m];
      const j = pairs[m + 1];
      first[i] = j;
      second[j - na] = i;
    }
  }
}

/**
 * The index on the pooled areas `select` (group k of pooled area j at parts[k·N + j]); NaN when the index would
 * need the checks of the table path (a group with no one in the selection, a single group that is everyone).
 */
export function comparisonStatistic(parts: Float64Array, N: number, K: number, select: Int32Array, single: number, extra: number): number {
  const m = select.length;
  const counts = new Float64Array(K * m);
  const t = new Float64Array(m);
  const groupTotals = new Float64Array(K);
  let T = 0;
  for (let k = 0; k < K; k++) {
    let g = 0;
    for (let i = 0; i < m; i++) {
      const v = parts[k * N + select[i]];
      counts[k * m + i] = v;
      t[i] += v;
      g += v;
    }
    groupTotals[k] = g;
    T += g;
  }
  for (let k = 0; k < K; k++) if (groupTotals[k] === 0) return NaN;
  if (single === 1 && groupTotals[0] === T) return NaN;
  for (let i = 0; i < m; i++) if (t[i] === 0) return NaN;
  return segregationStatistic(counts, t, m, K, groupTotals, T, extra);
}

/** Block r: sims[r] = index(second selection) − index(first selection), or NaN for the table path. */
export function comparisonBlock(data: Record<string, unknown>, block: number): void {
  const parts = data.parts as Float64Array;
  const N = data.N as number;
  const na = data.na as number;
  const K = data.K as number;
  const s = nullStream(data.seed as number, block);
  const first = new Int32Array(na);
  const second = new Int32Array(N - na);
  comparisonSelection(s, N, na, data.approach as number, data.pairs as Int32Array, first, second);
  const single = data.single as number;
  const extra = data.extra as number;
  const a = comparisonStatistic(parts, N, K, first, single, extra);
  const b = Number.isNaN(a) ? NaN : comparisonStatistic(parts, N, K, second, single, extra);
  (data.sims as Float64Array)[block] = b - a;
}

/** The helpers every block kernel of this file needs (in worker source order). */
export const NULL_KERNEL_HELPERS: Function[] = [
  nullStream,
  nullNext,
  nullLogFactorial,
  nullHypergeometric,
  nullBinomial,
  nullSimulate,
  nullMultinomial,
  comparisonSelection,
  comparisonStatistic,
];
