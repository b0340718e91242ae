/**
 * The permutation kernels of the spatial tests, run by `runBlocks` on this thread and in worker threads from
 * their source text. Rules for this file: no imports are used inside these functions, they call only each other,
 * and every block seeds its own generators from (seed, area) or (seed, block) — so a result never depends on
 * the number of threads.
 *
 * The generator is `createRng(streamSeed(seed, index))` (xoroshiro128+ seeded by splitmix32, 53-bit uniforms),
 * written out on an Int32Array state so that it can run in a worker and inline in the hot loop; a test checks
 * that it gives the same numbers as `createRng`.
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

/** A uniform index among the n − 1 others of area i (below = i − 1), shifted past i. */
export function kernelFreshIndex(s: KernelStream, others: number, below: number): number {
  const a = Math.floor(kernelNext(s) * others);
  return a + ((below - a) >>> 31);
}

/** A fresh index not yet stamped in this permutation (a repeated draw; rare, kept out of the hot loop). */
export function kernelRedraw(s: KernelStream, stamp: Uint16Array, stampValue: number, others: number, below: number): number {
  for (;;) {
    const j = kernelFreshIndex(s, others, below);
    if (stamp[j] !== stampValue) return j;
  }
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

/** All weights of the row equal (binary or row-standardised contiguity): sum first, multiply once. */
export function kernelEqualWeights(wv: Float64Array, start: number, end: number): boolean {
  for (let p = start + 1; p < end; p++) if (wv[p] !== wv[start]) return false;
  return true;
}

/**
 * One area's R simulated lags from R distinct rows of the pool `sets` (`poolRows` rows of `poolWidth` indices
 * of 0..n−2), starting at a random row, with a random stride (the pool size is prime, so the rows are distinct).
 */
export function lisaPoolArea(st: KernelStream, z: Float64Array, wv: Float64Array, start: number, end: number, i: number, sims: Float64Array, sets: Uint16Array | Int32Array, poolRows: number, poolWidth: number): void {
  const below = i - 1;
  const k = end - start;
  let row = Math.floor(kernelNext(st) * poolRows);
  const stride = 1 + Math.floor(kernelNext(st) * (poolRows - 1));
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
 * z_draw(t); writes the pseudo p-value to `out[i]`. Area i's draws come from its own generator (seed, i).
 *
 * Indices are ⌊u·(n − 1)⌋ of 53-bit uniforms — two per uniform while n − 1 ≤ 65 536, the second from the
 * fraction of u·(n − 1), which keeps ≥ 37 random bits (non-uniformity < 2^−21) — and indices ≥ i are shifted up
 * by one without a branch. Without replacement: for k ≤ 4 duplicates are found by comparing the picks held in
 * registers; for 4 < k ≤ (n − 1)/2 stamps (1…65 535, 2 bytes per area, reset every 65 535 permutations) mark
 * the picks of a permutation; for larger k a partial Fisher–Yates shuffle of a reused index array. With a pool
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
  const sets: Uint16Array | Int32Array = data.poolSets;
  const others = n - 1;
  const two = others <= 65536;
  const sims = new Float64Array(permutations);
  const st = { state: new Int32Array(4), buf: new Float64Array(1024), pos: 0 };
  const few = { state: st.state, buf: new Float64Array(2), pos: 2 }; // the pool path needs only two uniforms
  const stamp = new Uint16Array(n);
  let stampValue = 0;
  let shuffled: Int32Array | null = null;
  const end = Math.min(n, (block + 1) * blockSize);
  for (let i = block * blockSize; i < end; i++) {
    const start = offsets[i];
    const k = offsets[i + 1] - start;
    const coef = z[i] / s2;
    if (k === 0 || coef === 0) {
      out[i] = 1; // every simulated I_i equals the observed one (0)
      continue;
    }
    kernelStart(st, seed, i);
    const below = i - 1;
    if (poolRows > 0 && 2 * k <= others) {
      few.pos = 2;
      lisaPoolArea(few, z, wv, start, start + k, i, sims, sets, poolRows, poolWidth);
      for (let r = 0; r < permutations; r++) sims[r] *= coef;
    } else if (k <= 4 && 2 * k <= others) {
      const w0 = wv[start];
      const w1 = k > 1 ? wv[start + 1] : 0;
      const w2 = k > 2 ? wv[start + 2] : 0;
      const w3 = k > 3 ? wv[start + 3] : 0;
      for (let r = 0; r < permutations; r++) {
        let x = kernelNext(st) * others;
        let a = x | 0;
        let b = two ? ((x - a) * others) | 0 : (kernelNext(st) * others) | 0;
        const ja = a + ((below - a) >>> 31);
        let lag = w0 * z[ja];
        if (k > 1) {
          let jb = b + ((below - b) >>> 31);
          while (jb === ja) jb = kernelFreshIndex(st, others, below);
          lag += w1 * z[jb];
          if (k > 2) {
            x = kernelNext(st) * others;
            a = x | 0;
            b = two ? ((x - a) * others) | 0 : (kernelNext(st) * others) | 0;
            let jc = a + ((below - a) >>> 31);
            while (jc === ja || jc === jb) jc = kernelFreshIndex(st, others, below);
            lag += w2 * z[jc];
            if (k > 3) {
              let jd = b + ((below - b) >>> 31);
              while (jd === ja || jd === jb || jd === jc) jd = kernelFreshIndex(st, others, below);
              lag += w3 * z[jd];
            }
          }
        }
        sims[r] = coef * lag;
      }
    } else if (2 * k <= others) {
      // Equal weights in the row (binary or row-standardised contiguity): sum first, multiply once.
      let equal = true;
      for (let p = start + 1; p < start + k; p++) if (wv[p] !== wv[start]) equal = false;
      const w0 = wv[start];
      for (let r = 0; r < permutations; r++) {
        if (++stampValue === 65536) {
          stamp.fill(0);
          stampValue = 1;
        }
        let sum = 0;
        let t = 0;
        for (; t + 1 < k; t += 2) {
          let a: number;
          let b: number;
          if (st.pos === st.buf.length) {
            kernelRngFill(st.state, st.buf);
            st.pos = 0;
          }
          const x = st.buf[st.pos++] * others;
          a = x | 0;
          b = two ? ((x - a) * others) | 0 : (kernelNext(st) * others) | 0;
          a += (below - a) >>> 31;
          b += (below - b) >>> 31;
          if (stamp[a] === stampValue) a = kernelRedraw(st, stamp, stampValue, others, below);
          stamp[a] = stampValue;
          if (stamp[b] === stampValue) b = kernelRedraw(st, stamp, stampValue, others, below);
          stamp[b] = stampValue;
          sum += equal ? z[a] + z[b] : wv[start + t] * z[a] + wv[start + t + 1] * z[b];
        }
        if (t < k) {
          let j = kernelFreshIndex(st, others, below);
          if (stamp[j] === stampValue) j = kernelRedraw(st, stamp, stampValue, others, below);
          stamp[j] = stampValue;
          sum += equal ? z[j] : wv[start + t] * z[j];
        }
        sims[r] = coef * (equal ? w0 * sum : sum);
      }
    } else {
      // Partial Fisher–Yates over the n − 1 others, on an index array reset for each area.
      if (!shuffled) shuffled = new Int32Array(others);
      for (let a = 0; a < others; a++) shuffled[a] = a < i ? a : a + 1;
      for (let r = 0; r < permutations; r++) {
        let lag = 0;
        for (let t = 0; t < k; t++) {
          const u = t + Math.floor(kernelNext(st) * (others - t));
          const j = shuffled[u];
          shuffled[u] = shuffled[t];
          shuffled[t] = j;
          lag += wv[start + t] * z[j];
        }
        sims[r] = coef * lag;
      }
    }
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
export const KERNEL_HELPERS = [kernelRngSeed, kernelRngFill, kernelNext, kernelStart, kernelFreshIndex, kernelRedraw, kernelPseudoP, kernelEqualWeights, lisaPoolArea];
