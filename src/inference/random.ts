import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

/** A seeded pseudo-random number generator. Every random step in sozialraum takes one of these (or a seed). */
export interface Rng {
  /** Uniform float in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** The seed this generator was created with. */
  readonly seed: number;
}

/**
 * Creates a seeded generator (xoroshiro128+ from pure-rand). The same seed gives the same sequence on every
 * platform, so every permutation test and simulation is reproducible to the byte.
 *
 * @example
 * const rng = createRng(42);
 * rng.next(); // always the same number for seed 42
 */
export function createRng(seed: number): Rng {
  // Seeds are 32-bit signed whole numbers: on that range `seed | 0` is one-to-one, beyond it seeds would wrap
  // round and two seeds would give the same sequence.
  if (!Number.isInteger(seed) || seed < -2147483648 || seed > 2147483647) {
    throw new Error(`createRng: seed muss eine ganze Zahl von -2147483648 bis 2147483647 sein, angegeben: ${String(seed)}`);
  }
  return rngFromGenerator(xoroshiro128plusFromState(seedState(seed)), seed);
}

/**
 * The seed of stream `index` of `seed`: parallel steps (one generator per area or per block of permutations,
 * `createRng(streamSeed(seed, index))`) give the same numbers whichever thread computes a stream. For a fixed seed
 * distinct indices (0 … 2³² − 1) give distinct seeds: index → seed + index·0x9e3779b1 is one-to-one mod 2³², and
 * the finaliser of MurmurHash3 (fmix32) that mixes it is a bijection.
 *
 * @example
 * const rngOfArea7 = createRng(streamSeed(12345, 7));
 */
export function streamSeed(seed: number, index: number): number {
  let h = (seed + Math.imul(index, 0x9e3779b1)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Wraps a pure-rand generator (32-bit outputs) as an {@link Rng}. Internal: `createRng` is the way to get one;
 * the synthetic-city generator uses it to keep the generator the committed data were made with.
 */
export function rngFromGenerator(g: RandomGenerator, seed: number): Rng {
  const TWO_32 = 4294967296;
  const next = (): number => {
    // 26 + 27 bits, as in the usual 53-bit float construction.
    const a = (g.next() >>> 0) >>> 6;
    const b = (g.next() >>> 0) >>> 5;
    return (a * 134217728 + b) / 9007199254740992;
  };
  return {
    seed,
    next,
    int(n: number): number {
      if (!(n > 0) || !Number.isInteger(n)) throw new Error(`Rng.int: n muss eine positive ganze Zahl sein, angegeben: ${n}`);
      if (n <= TWO_32) {
        // rejection sampling on 32 bits: unbiased
        const limit = TWO_32 - (TWO_32 % n);
        for (;;) {
          const x = g.next() >>> 0;
          if (x < limit) return x % n;
        }
      }
      return Math.floor(next() * n);
    },
  };
}

/** The generator interface of pure-rand (32-bit signed outputs). */
export interface RandomGenerator {
  next(): number;
}

/**
 * The 128-bit state of the generator from a 32-bit seed: four outputs of splitmix32 (the seeding the
 * xoroshiro authors recommend, Blackman & Vigna 2018, via a 32-bit splitmix). pure-rand's own
 * `xoroshiro128plus(seed)` puts the seed into the state almost unmixed, so its first numbers are close to
 * 1 − seed/2³² and generators with neighbouring seeds start alike — which biased simulations that use one
 * generator per draw with seeds s, s + 1, ….
 */
function seedState(seed: number): number[] {
  const state: number[] = [];
  let a = seed | 0;
  for (let i = 0; i < 4; i++) {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    state.push((t ^ (t >>> 15)) | 0);
  }
  // An all-zero state would stay zero forever (it cannot arise from splitmix32, but guard anyway).
  if (state.every((x) => x === 0)) state[0] = 1;
  return state;
}

/** In-place Fisher–Yates shuffle of `a` (a typed array or array the caller owns), driven by `rng`. */
export function shuffleInPlace<T extends { length: number; [i: number]: any }>(a: T, rng: Rng): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
