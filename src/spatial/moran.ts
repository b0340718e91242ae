import { globalPermutationTest, globalTestSetup, type GlobalTestInference, type GlobalTestOptions } from "./globalTest.js";
import { normalPValue } from "./normalTail.js";
import { crossProduct } from "./prepare.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Options of {@link moran}: permutations, seed, weights transform, alternative and adjustN (see `GlobalTestOptions`). */
export interface MoranOptions extends GlobalTestOptions {}

/** Result of {@link moran}. */
export interface MoranResult extends GlobalTestInference {
  name: "Moran's I";
  /** Moran's I (same as `I`). */
  statistic: number;
  I: number;
  /** Number of areas (values); the formulas use n − islands with `adjustN`. */
  n: number;
  /** E[I] = −1/(n − 1). */
  expected: number;
  /** Var[I] under normality. */
  variance: number;
  /** (I − E[I]) / √Var[I] under normality. */
  z: number;
  /** Weight constants of the transformed weights. */
  s0: number;
  s1: number;
  s2: number;
}

/**
 * Global Moran's I (Moran 1950; moments after Cliff & Ord 1981, ch. 2):
 *
 *   I = n / S0 · Σ_i Σ_j w_ij z_i z_j / Σ_i z_i²,   z = x − mean(x),   E[I] = −1/(n − 1)
 *   Var_N[I] = (n² S1 − n S2 + 3 S0²) / ((n² − 1) S0²) − E[I]²
 *   Var_R[I] = [n((n² − 3n + 3) S1 − n S2 + 3 S0²) − b2((n² − n) S1 − 2n S2 + 6 S0²)] / ((n − 1)(n − 2)(n − 3) S0²) − E[I]²
 *
 * with b2 = n Σz⁴ / (Σz²)². Same numbers as PySAL esda `Moran` (VI_norm, VI_rand) and R spdep `moran.test`
 * (normality: `randomisation = FALSE`); with islands (areas without neighbours) as spdep with
 * `adjust.n = FALSE`. Islands contribute no pair but keep their place in n by default; `adjustN: true` counts
 * only areas with neighbours in n, S0 and E[I] — spdep's default `adjust.n = TRUE` — while mean, Σz² and b2 still
 * run over all values, as in spdep (tests: R spdep on a chain with an island). The default is explained at
 * `GlobalTestOptions.adjustN`: with the full n the moments are those of the permutation distribution. The
 * permutation test shuffles the values `permutations` times (seeded; in blocks of 32 with generators (seed, block),
 * on `threads` cores with the same result for any count, see `globalPermutationTest`) and counts as extreme as observed with
 * `permutationInference` (pseudo p = (M + 1)/(R + 1)). Values follow `weights.ids`.
 *
 * @example
 * const w = readGal(galText); // St. Louis counties
 * const r = moran(hr8893, w, { permutations: 999, seed: 1 });
 * r.I; // 0.2436558262177166 (esda test_moran.py)
 */
export function moran(values: ArrayLike<number>, weights: SpatialWeights, options: MoranOptions = {}): MoranResult {
  const fn = "moran";
  const setup = globalTestSetup(fn, values, weights, options, "Moran's I");
  const { w, z, m2, b2, s0, s1, s2, transform, alternative, permutations, seed } = setup;
  const n = setup.nEffective;

  const I = ((n / s0) * crossProduct(w, z, z)) / m2;
  const expected = -1 / (n - 1);
  const n2 = n * n;
  const s02 = s0 * s0;
  const variance = (n2 * s1 - n * s2 + 3 * s02) / ((n2 - 1) * s02) - expected * expected;
  const varianceRandomization =
    (n * ((n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02) - b2 * ((n2 - n) * s1 - 2 * n * s2 + 6 * s02)) /
      ((n - 1) * (n - 2) * (n - 3) * s02) -
    expected * expected;
  const z0 = (I - expected) / Math.sqrt(variance);
  const zR = (I - expected) / Math.sqrt(varianceRandomization);

  const sim = globalPermutationTest(setup, I, "moran", n / s0 / m2);
  return {
    name: "Moran's I",
    statistic: I,
    I,
    n: setup.n,
    expected,
    variance,
    z: z0,
    pNormal: normalPValue(z0, alternative),
    varianceRandomization,
    zRandomization: zR,
    pRandomization: normalPValue(zR, alternative),
    s0,
    s1,
    s2,
    transform,
    alternative,
    islands: setup.islands,
    adjustN: setup.adjustN,
    permutations,
    seed,
    pSim: sim ? sim.pSim : null,
    meanSim: sim ? sim.meanSim : null,
    sdSim: sim ? sim.sdSim : null,
    zSim: sim ? sim.zSim : null,
    warnings: setup.warnings,
  };
}
