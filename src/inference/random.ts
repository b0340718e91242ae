import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

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
    throw new Error(`createRng: seed must be a whole number from -2147483648 to 2147483647, got ${String(seed)}`);
  }
  const g = xoroshiro128plus(seed | 0);
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
      if (!(n > 0) || !Number.isInteger(n)) throw new Error(`Rng.int: n must be a positive integer, got ${n}`);
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
