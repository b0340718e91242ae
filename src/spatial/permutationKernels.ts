/**
 * The permutation kernels of the spatial tests, run by `runBlocks` on this thread and in worker threads from
 * their source text. Rules for this file: no imports are used inside these functions, they call only each other,
 * and every block seeds its own generators from (seed, area) or (seed, block) — so a result never depends on
 * the number of threads.
 *
 * The generator is `createRng(streamSeed(seed, index))` (xoroshiro128+ seeded by splitmix32), written out on an
 * Int32Array state so that it can run in a worker and inline in the hot loop: 53-bit uniforms as `createRng`
 * (`kernelRngFill`, global tests; a test checks they are `createRng`'s numbers) or, for LISA, 32-bit uniforms from
 * both halves of each 64-bit output (`kernelRngFill32`; a test checks them against the 64-bit algorithm).
 */

/** Seeds `state` (4 × int32) as `createRng(streamSeed(seed, index))`. */
export function kernelRngSeed(state: Int32Array, seed: number, index: number): void {
  let h = (seed + Math.imul(index, 0x9e3779b1)) | 0; // streamSeed
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  let a = h ^ (h >>> 16);
  for (let k = 0; k < 4; k++) {
    a = (a + 0x9e3779b9) | 0; // splitmix32, as createRng's seedState
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    state[k] = t ^ (t >>> 15);
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
}

/**
 * Fills `buf` with the next uniforms in [0, 1) (53 random bits each, as `Rng.next()`) of xoroshiro128+ (pure-rand's
 * state layout [s01, s00, s11, s10]). In batches, with the state in local variables: much faster than one call
 * per number, and the numbers are consumed in the same order.
 */
export function kernelRngFill(st: Int32Array, buf: Float64Array): void {
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
    buf[q] = (hi * 134217728 + out) * 1.1102230246251565e-16; // × 2^−53: exact, as / 2^53
  }
  st[0] = s01;
  st[1] = s00;
  st[2] = s11;
  st[3] = s10;
}

/**
 * The uniforms of one stream, read from a buffer refilled by `kernelRngFill`: `state` seeded by `kernelRngSeed`,
 * `pos` = buffer length forces a refill at the next draw.
 */
export interface KernelStream {
  state: Int32Array;
  buf: Float64Array;
  pos: number;
}

/** The next uniform of a stream. */
export function kernelNext(s: KernelStream): number {
  if (s.pos === s.buf.length) {
    kernelRngFill(s.state, s.buf);
    s.pos = 0;
  }
  return s.buf[s.pos++];
}

/** Starts stream (seed, index): the numbers of `createRng(streamSeed(seed, index))`. */
export function kernelStart(s: KernelStream, seed: number, index: number): void {
  kernelRngSeed(s.state, seed, index);
  s.pos = s.buf.length;
}

/** Pseudo p-value (M + 1)/(R + 1) as `permutationInference` (alternative: 0 folded, 1 greater, 2 less, 3 two-sided). */
export function kernelPseudoP(observed: number, sims: Float64Array, alternative: number): number {
  const R = sims.length;
  let ge = 0;
  let le = 0;
  for (let r = 0; r < R; r++) {
    const s = sims[r];
    ge += +(s >= observed); // without branches: for areas far from significance they are unpredictable
    le += +(s <= observed);
  }
  if (alternative === 1) return (ge + 1) / (R + 1);
  if (alternative === 2) return (le + 1) / (R + 1);
  const extreme = Math.min(ge, le);
  return alternative === 3 ? Math.min(1, (2 * (extreme + 1)) / (R + 1)) : (extreme + 1) / (R + 1);
}

/**
 * Fills `buf` (even length) with uniforms u32 · 2^−32 of 32 random bits each: both halves of every 64-bit output
 * of xoroshiro128+ (high half first; the low half is what pure-rand's `next()` returns), so one generator step
 * gives two draws. Same state and seeding as `kernelRngFill`.
 */
export function kernelRngFill32(st: Int32Array, buf: Float64Array): void {
  let s01 = st[0];
  let s00 = st[1];
  let s11 = st[2];
  let s10 = st[3];
  for (let q = 0; q < buf.length; q += 2) {
    // 64-bit sum s0 + s1 in int32 halves; the carry out of the low half without a branch (a branch on it is
    // mispredicted half the time, and doubles here cost as much as the generator step).
    const lo = (s00 + s10) | 0;
    const hi = (s01 + s11 + (((s00 & s10) | ((s00 | s10) & ~lo)) >>> 31)) | 0;
    buf[q] = (hi >>> 0) * 2.3283064365386963e-10;
    buf[q + 1] = (lo >>> 0) * 2.3283064365386963e-10;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const t00 = s00;
    const t01 = s01;
    s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
  }
  st[0] = s01;
  st[1] = s00;
  st[2] = s11;
  st[3] = s10;
}

/** The next 32-bit uniform of a stream whose buffer is refilled by `kernelRngFill32`. */
export function kernelNext32(s: KernelStream): number {
  if (s.pos === s.buf.length) {
    kernelRngFill32(s.state, s.buf);
    s.pos = 0;
  }
  return s.buf[s.pos++];
}

/**
 * A uniform whole number in [0, m) from 32-bit uniforms: Lemire's (2019) multiply-shift ⌊u32 · m / 2^32⌋ with
 * his rejection of the low part below 2^32 mod m — exactly uniform, one draw almost always. For m > 2^21 (the
 * product would exceed 53 bits) ⌊u · m⌋ of a 64-bit uniform u, non-uniformity below m / 2^53.
 */
export function kernelBelow(s: KernelStream, m: number): number {
  if (m > 2097152) return Math.floor((kernelNext32(s) + kernelNext32(s) * 2.3283064365386963e-10) * m);
  const reject = (4294967296 % m) * 2.3283064365386963e-10;
  for (;;) {
    const x = kernelNext32(s) * m; // exact: u32 · m < 2^53
    const a = x | 0;
    if (x - a >= reject) return a;
  }
}

/** A fresh index among the others of area i (below = i − 1) not yet stamped in this permutation (rare path). */
export function kernelRedraw(s: KernelStream, stamp: Uint16Array, stampValue: number, others: number, below: number): number {
  for (;;) {
    const a = kernelBelow(s, others);
    const j = a + ((below - a) >>> 31);
    if (stamp[j] !== stampValue) return j;
  }
}

/**
 * One area's R simulated lags Σ_t w_t z_j(t) (into `sims`), k = `end − start` distinct others j drawn for each,
 * marked with stamps (1…65 535, 2 bytes per area; `stamp` is reset every 65 535 permutations): a drawn index
 * already stamped, or in the rejection zone of Lemire's method, is redrawn. The common draw is inlined:
 * u32 · (n − 1) split into index and low part, indices ≥ i shifted up by one without a branch.
 */
export function lisaStampArea(st: KernelStream, z: Float64Array, wv: Float64Array, start: number, end: number, i: number, sims: Float64Array, stamp: Uint16Array, stampValue: number): number {
  const others = z.length - 1;
  const below = i - 1;
  const reject = others > 2097152 ? 2 : (4294967296 % others) * 2.3283064365386963e-10; // 2: always the slow path
  const equal = kernelEqualWeights(wv, start, end);
  const buf = st.buf;
  const len = buf.length;
  let pos = st.pos; // a local, not the object's field: a field would chain every draw through memory
  for (let r = 0; r < sims.length; r++) {
    if (++stampValue === 65536) {
      stamp.fill(0);
      stampValue = 1;
    }
    let lag = 0;
    for (let p = start; p < end; p++) {
      if (pos === len) {
        kernelRngFill32(st.state, buf);
        pos = 0;
      }
      const x = buf[pos++] * others;
      let j = x | 0;
      j += (below - j) >>> 31;
      if (x - (x | 0) < reject || stamp[j] === stampValue) {
        st.pos = pos;
        j = kernelRedraw(st, stamp, stampValue, others, below);
        pos = st.pos;
      }
      stamp[j] = stampValue;
      lag += equal ? z[j] : wv[p] * z[j];
    }
    sims[r] = equal ? wv[start] * lag : lag;
  }
  st.pos = pos;
  return stampValue;
}

/** All weights of the row equal (binary or row-standardised contiguity): sum first, multiply once. */
export function kernelEqualWeights(wv: Float64Array, start: number, end: number): boolean {
  for (let p = start + 1; p < end; p++) if (wv[p] !== wv[start]) return false;
  return true;
}

/**
 * One area's R simulated lags for 2k > n − 1 (many neighbours): a partial Fisher–Yates shuffle of `shuffled`
 * (the others' indices, in any order) per permutation; the array is left shuffled, which keeps later draws uniform.
 */
export function lisaShuffleArea(st: KernelStream, z: Float64Array, wv: Float64Array, start: number, end: number, sims: Float64Array, shuffled: Int32Array): void {
  const others = shuffled.length;
  for (let r = 0; r < sims.length; r++) {
    let lag = 0;
    for (let t = 0; t < end - start; t++) {
      const u = t + kernelBelow(st, others - t);
      const j = shuffled[u];
      shuffled[u] = shuffled[t];
      shuffled[t] = j;
      lag += wv[start + t] * z[j];
    }
    sims[r] = lag;
  }
}

/**
 * One area's R simulated lags from R distinct rows of the pool `sets` (`poolRows` rows of `poolWidth` indices
 * of 0..n−2), starting at a random row, with a random stride (the pool size is prime, so the rows are distinct).
 */
export function lisaPoolArea(st: KernelStream, z: Float64Array, wv: Float64Array, start: number, end: number, i: number, sims: Float64Array, sets: Uint16Array | Int32Array, poolRows: number, poolWidth: number): void {
  const below = i - 1;
  const k = end - start;
  let row = kernelBelow(st, poolRows);
  const stride = 1 + kernelBelow(st, poolRows - 1);
  const equal = kernelEqualWeights(wv, start, end);
  for (let r = 0; r < sims.length; r++) {
    const base = row * poolWidth;
    let l0 = 0;
    let l1 = 0;
    let t = 0;
    if (equal) {
      for (; t + 1 < k; t += 2) {
        const a = sets[base + t];
        const b = sets[base + t + 1];
        l0 += z[a + ((below - a) >>> 31)];
        l1 += z[b + ((below - b) >>> 31)];
      }
      if (t < k) {
        const a = sets[base + t];
        l0 += z[a + ((below - a) >>> 31)];
      }
      sims[r] = wv[start] * (l0 + l1);
    } else {
      for (; t + 1 < k; t += 2) {
        const a = sets[base + t];
        const b = sets[base + t + 1];
        l0 += wv[start + t] * z[a + ((below - a) >>> 31)];
        l1 += wv[start + t + 1] * z[b + ((below - b) >>> 31)];
      }
      if (t < k) {
        const a = sets[base + t];
        l0 += wv[start + t] * z[a + ((below - a) >>> 31)];
      }
      sims[r] = l0 + l1;
    }
    row += stride;
    if (row >= poolRows) row -= poolRows;
  }
}

/**
 * LISA conditional permutations for the areas of block `block` (`blockSize` areas each): for area i with k
 * neighbours, each of the R permutations draws k distinct areas of the n − 1 others, I_i* = (z_i/s2) Σ_t w_it
 * z_draw(t); writes the pseudo p-value to `out[i]`. Area i's draws come from its own generator (seed, i), 32-bit
 * uniforms (`kernelRngFill32`) turned into indices by Lemire's method. Without replacement: byte stamps for
 * 2k ≤ n − 1 (`lisaStampArea`), else a partial Fisher–Yates shuffle (`lisaShuffleArea`). With a pool
 * (`poolRows` > 0), areas with 2k ≤ n − 1 read R distinct rows of it instead (`lisaPoolArea`; see
 * `LocalMoranOptions.sampling`).
 */
export function lisaPermutationBlock(data: Record<string, any>, block: number): void {
  const z: Float64Array = data.z;
  const offsets: Int32Array = data.offsets;
  const wv: Float64Array = data.weights;
  const Ii: Float64Array = data.Ii;
  const out: Float64Array = data.out;
  const { n, s2, permutations, seed, alternative, blockSize, poolRows, poolWidth } = data;
  const others = n - 1;
  const sims = new Float64Array(permutations);
  // 256 uniforms per refill: an area leaves on average half a buffer unused; the pool path needs only two.
  const st = { state: new Int32Array(4), buf: new Float64Array(256), pos: 0 };
  const few = { state: st.state, buf: new Float64Array(2), pos: 2 };
  const stamp = new Uint16Array(n);
  let stampValue = 0;
  let shuffled: Int32Array | null = null;
  const end = Math.min(n, (block + 1) * blockSize);
  for (let i = block * blockSize; i < end; i++) {
    const from = offsets[i];
    const to = offsets[i + 1];
    const coef = z[i] / s2;
    if (to === from || coef === 0) {
      out[i] = 1; // every simulated I_i equals the observed one (0)
      continue;
    }
    kernelRngSeed(st.state, seed, i);
    st.pos = st.buf.length;
    if (2 * (to - from) > others) {
      if (!shuffled) shuffled = new Int32Array(others);
      for (let a = 0; a < others; a++) shuffled[a] = a < i ? a : a + 1;
      lisaShuffleArea(st, z, wv, from, to, sims, shuffled);
    } else if (poolRows > 0) {
      few.pos = 2;
      lisaPoolArea(few, z, wv, from, to, i, sims, data.poolSets, poolRows, poolWidth);
    }
    else stampValue = lisaStampArea(st, z, wv, from, to, i, sims, stamp, stampValue);
    for (let r = 0; r < permutations; r++) sims[r] *= coef;
    out[i] = kernelPseudoP(Ii[i], sims, alternative);
  }
}

/**
 * Global permutation test, permutations of block `block` (`blockSize` each, generator (seed, block)): each
 * permutation shuffles the block's copy of z further (Fisher–Yates) and writes the statistic to `out[r]`:
 * kind 0 Moran, scale · Σ_i z_i Σ_j w_ij z_j; kind 1 Geary (negated), −scale · Σ_ij w_ij (z_i − z_j)².
 */
export function globalPermutationBlock(data: Record<string, any>, block: number): void {
  const z: Float64Array = data.z;
  const offsets: Int32Array = data.offsets;
  const indices: Int32Array = data.indices;
  const wv: Float64Array = data.weights;
  const out: Float64Array = data.out;
  const { n, kind, scale, permutations, seed, blockSize } = data;
  const st = { state: new Int32Array(4), buf: new Float64Array(1024), pos: 0 };
  kernelStart(st, seed, block);
  const zp = new Float64Array(n);
  zp.set(z);
  const end = Math.min(permutations, (block + 1) * blockSize);
  for (let r = block * blockSize; r < end; r++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(kernelNext(st) * (i + 1));
      const t = zp[i];
      zp[i] = zp[j];
      zp[j] = t;
    }
    let total = 0;
    if (kind === 0) {
      for (let i = 0; i < n; i++) {
        let lag = 0;
        for (let p = offsets[i]; p < offsets[i + 1]; p++) lag += wv[p] * zp[indices[p]];
        total += zp[i] * lag;
      }
      out[r] = scale * total;
    } else {
      for (let i = 0; i < n; i++) {
        for (let p = offsets[i]; p < offsets[i + 1]; p++) total += wv[p] * (zp[i] - zp[indices[p]]) ** 2;
      }
      out[r] = -scale * total;
    }
  }
}

/** The helpers the kernels call (shipped to the workers with them). */
export const KERNEL_HELPERS = [kernelRngSeed, kernelRngFill, kernelNext, kernelStart, kernelPseudoP, kernelRngFill32, kernelNext32, kernelBelow, kernelRedraw, lisaStampArea, kernelEqualWeights, lisaShuffleArea, lisaPoolArea];
