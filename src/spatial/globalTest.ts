import { createRng, shuffleInPlace } from "../inference/random.js";
import { permutationInference, type PermutationInference } from "../inference/permutation.js";
import { deviations, permutationOptions, prepareWeights, valuesFor, weightsConstants, type WeightsTransformOption } from "./prepare.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Alternative hypothesis of a global test (Moran's I, Geary's C). */
export type GlobalAlternative = "greater" | "less" | "two-sided";

/** Options shared by the global tests `moran` and `geary`. */
export interface GlobalTestOptions {
  /** Random permutations for the pseudo p-value (default 999; 0 skips the permutation test). */
  permutations?: number;
  /** Seed of the permutations (default 12345): same input and seed → same result. */
  seed?: number;
  /** Weights transformation: "R" row-standardised (default, as esda and spdep style "W"), "B" binary, "none" as given. */
  transform?: WeightsTransformOption;
  /**
   * Alternative hypothesis for every p-value (default "greater": positive autocorrelation, i.e. I above E[I] or
   * C below 1, as spdep `moran.test` and `geary.test`).
   */
  alternative?: GlobalAlternative;
}

/** The inference fields shared by the results of `moran` and `geary` (PySAL style: added, never changing the statistic). */
export interface GlobalTestInference {
  /** p-value of `z` (normality) for `alternative`. */
  pNormal: number;
  /** Variance of the statistic under randomisation. */
  varianceRandomization: number;
  zRandomization: number;
  pRandomization: number;
  transform: WeightsTransformOption;
  alternative: GlobalAlternative;
  /** Permutation test (null fields when `permutations` is 0). */
  permutations: number;
  seed: number;
  pSim: number | null;
  meanSim: number | null;
  sdSim: number | null;
  zSim: number | null;
  warnings: string[];
}

/** The checked inputs and moments every global test of spatial autocorrelation starts from. */
export interface GlobalTestSetup {
  /** The transformed weights. */
  w: SpatialWeights;
  n: number;
  /** Deviations from the mean, z = x − mean(x), in the order of `w.ids`. */
  z: Float64Array;
  /** m2 = Σ z². */
  m2: number;
  /** Kurtosis b2 = n Σz⁴ / (Σz²)². */
  b2: number;
  /** Weight constants of Cliff & Ord (1981), see `weightsConstants`. */
  s0: number;
  s1: number;
  s2: number;
  transform: WeightsTransformOption;
  alternative: GlobalAlternative;
  permutations: number;
  seed: number;
}

/**
 * Checks the inputs of a global test and computes what its normal and randomisation moments are built from
 * (Cliff & Ord 1981, ch. 2): z = x − mean(x), m2 = Σz², the kurtosis b2 = n Σz⁴/(Σz²)² and the weight
 * constants S0 = Σ_ij w_ij, S1 = ½ Σ_ij (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)². Throws (prefixed with `fn`)
 * for fewer than 4 areas, constant values (`statistic` names what is then undefined) or weights without links.
 *
 * @example
 * const { z, m2, b2, s0, s1, s2, n } = globalTestSetup("moran", values, weights, options, "Moran's I");
 */
export function globalTestSetup(
  fn: string,
  values: ArrayLike<number>,
  weights: SpatialWeights,
  options: GlobalTestOptions,
  statistic: string,
): GlobalTestSetup {
  const transform = options.transform ?? "R";
  const w = prepareWeights(fn, weights, transform);
  const x = valuesFor(fn, values, w);
  const alternative = options.alternative ?? "greater";
  if (alternative !== "greater" && alternative !== "less" && alternative !== "two-sided") {
    throw new Error(`${fn}: alternative must be "greater", "less" or "two-sided", got "${String(alternative)}"`);
  }
  const { permutations, seed } = permutationOptions(fn, options);
  const n = w.n;
  if (n < 4) throw new Error(`${fn}: needs at least 4 areas, got ${n}`);
  const z = deviations(x);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    m2 += z[i] * z[i];
    m4 += z[i] ** 4;
  }
  if (!(m2 > 0)) throw new Error(`${fn}: all ${n} values are equal; ${statistic} is undefined`);
  const { s0, s1, s2 } = weightsConstants(w);
  if (!(s0 > 0)) throw new Error(`${fn}: the weights have no links (S0 = 0)`);
  const b2 = (n * m4) / (m2 * m2);
  return { w, n, z, m2, b2, s0, s1, s2, transform, alternative, permutations, seed };
}

/**
 * The permutation test of a global statistic: shuffles a copy of `z` `permutations` times with
 * `createRng(seed)`, evaluates `statistic` on each permutation and compares with `observed` by
 * `permutationInference` (pseudo p = (M + 1)/(R + 1)). Null when `permutations` is 0.
 *
 * @example
 * const sim = globalPermutationTest(setup, I, (zp) => ((n / s0) * crossProduct(w, zp, zp)) / m2);
 */
export function globalPermutationTest(
  setup: Pick<GlobalTestSetup, "z" | "permutations" | "seed" | "alternative">,
  observed: number,
  statistic: (permuted: Float64Array) => number,
): PermutationInference | null {
  const { z, permutations, seed, alternative } = setup;
  if (permutations <= 0) return null;
  const rng = createRng(seed);
  const zp = z.slice();
  const simulated = new Float64Array(permutations);
  for (let r = 0; r < permutations; r++) {
    shuffleInPlace(zp, rng);
    simulated[r] = statistic(zp);
  }
  return permutationInference(observed, simulated, { alternative });
}
