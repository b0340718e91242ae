import { globalPermutationTest, globalTestSetup, type GlobalTestInference, type GlobalTestOptions } from "./globalTest.js";
import { normalPValue } from "./normalTail.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Options of {@link geary}: permutations, seed, weights transform, alternative and adjustN (see `GlobalTestOptions`). */
export interface GearyOptions extends GlobalTestOptions {}

/** Result of {@link geary}. */
export interface GearyResult extends GlobalTestInference {
  name: "Geary's C";
  statistic: number;
  C: number;
  /** Number of areas (values); see `adjustN` for the n of the formulas. */
  n: number;
  /** E[C] = 1. */
  expected: number;
  /** Var[C] under normality. */
  variance: number;
  /** (E[C] − C) / √Var[C] under normality: positive for positive autocorrelation (spdep's sign). */
  z: number;
}

/**
 * Geary's C (Geary 1954; moments after Cliff & Ord 1981):
 *
 *   C = (n − 1) Σ_i Σ_j w_ij (x_i − x_j)² / (2 S0 Σ_i z_i²),   E[C] = 1
 *   Var_N[C] = ((2 S1 + S2)(n − 1) − 4 S0²) / (2 (n + 1) S0²)
 *   Var_R[C] = [(n − 1) S1 (n² − 3n + 3 − (n − 1) b2) − ¼ (n − 1) S2 (n² + 3n − 6 − (n² − n + 2) b2)
 *              + S0² (n² − 3 − (n − 1)² b2)] / (n (n − 2)(n − 3) S0²)
 *
 * with b2 = n Σz⁴/(Σz²)². C < 1 means similar neighbours (positive autocorrelation), so z = (1 − C)/√Var as in
 * R spdep `geary.test` (esda reports the opposite sign). Islands (areas without neighbours) keep their place in
 * n by default, as spdep with `adjust.n = FALSE` (why: `GlobalTestOptions.adjustN`). `adjustN: true` reproduces
 * spdep's default `adjust.n = TRUE` as spdep computes it (1.2-7 and its current source): with n′ = n − islands,
 *
 *   C = (n′ − 1) Σ_i Σ_j w_ij (x_i − x_j)² / (2 S0 Σ_i z_i²),   b2 = n′ Σz⁴/(Σz²)²   (sums over all values)
 *   Var_N[C] = ((2 S1 + S2)(n′ − 1) − 4 S0²) / (2 (n + 1) S0²)
 *   Var_R[C] = [(n′ − 1) S1 (n′² − 3n + 3 − (n′ − 1) b2) − ¼ (n′ − 1) S2 (n′² + 3n − 6 − (n′² − n + 2) b2)
 *              + S0² (n′² − 3 − (n′ − 1)² b2)] / (n (n′ − 2)(n′ − 3) S0²)
 *
 * a mix of n′ and n that can make Var_R negative (then its z and p are NaN, as in spdep, with a warning). The
 * permutation test (seeded, on `threads` cores with the same result for any count, see `globalPermutationTest`)
 * counts simulated C at most as large as observed for "greater" (via `permutationInference` on −C).
 *
 * @example
 * geary(values, readGal(galText)).C;
 */
export function geary(values: ArrayLike<number>, weights: SpatialWeights, options: GearyOptions = {}): GearyResult {
  const fn = "geary";
  const setup = globalTestSetup(fn, values, weights, options, "Geary's C");
  const { w, n, z, m2, m4, s0, s1, s2, transform, alternative, permutations, seed } = setup;
  // n′ (spdep's wc$n), also in b2; the full n stays where spdep's geary.test has it (see above).
  const nA = setup.nEffective;
  const b2 = (nA * m4) / (m2 * m2);
  const squaredDifferences = (v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      for (let p = w.offsets[i]; p < w.offsets[i + 1]; p++) s += w.values[p] * (v[i] - v[w.indices[p]]) ** 2;
    }
    return s;
  };
  const scale = (nA - 1) / (2 * s0 * m2);
  const C = scale * squaredDifferences(z);
  const s02 = s0 * s0;
  const nA2 = nA * nA;
  const variance = ((2 * s1 + s2) * (nA - 1) - 4 * s02) / (2 * (n + 1) * s02);
  const varianceRandomization =
    ((nA - 1) * s1 * (nA2 - 3 * n + 3 - (nA - 1) * b2) -
      0.25 * (nA - 1) * s2 * (nA2 + 3 * n - 6 - (nA2 - n + 2) * b2) +
      s02 * (nA2 - 3 - (nA - 1) ** 2 * b2)) /
    (n * (nA - 2) * (nA - 3) * s02);
  const z0 = (1 - C) / Math.sqrt(variance);
  const zR = (1 - C) / Math.sqrt(varianceRandomization);

  const warnings = [...setup.warnings];
  if (!(varianceRandomization > 0)) {
    warnings.push(`${fn}: die Varianz unter Randomisierung ist ${varianceRandomization} (Formel von spdep mit adjust.n und Inseln); z und p sind daher NaN`);
  }
  // On −C, so that "greater" (positive autocorrelation) counts the simulated C at most as large as observed.
  const sim = globalPermutationTest(setup, -C, "geary", scale);
  return {
    name: "Geary's C",
    statistic: C,
    C,
    n,
    expected: 1,
    variance,
    z: z0,
    pNormal: normalPValue(z0, alternative),
    varianceRandomization,
    zRandomization: zR,
    pRandomization: normalPValue(zR, alternative),
    transform,
    alternative,
    islands: setup.islands,
    adjustN: setup.adjustN,
    permutations,
    seed,
    pSim: sim ? sim.pSim : null,
    meanSim: sim ? -sim.meanSim : null,
    sdSim: sim ? sim.sdSim : null,
    zSim: sim ? sim.zSim : null,
    warnings,
  };
}
