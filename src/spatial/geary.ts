import { globalPermutationTest, globalTestSetup, type GlobalTestInference, type GlobalTestOptions } from "./globalTest.js";
import { normalPValue } from "./normalTail.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Options of {@link geary}: permutations, seed, weights transform and alternative (see `GlobalTestOptions`). */
export interface GearyOptions extends GlobalTestOptions {}

/** Result of {@link geary}. */
export interface GearyResult extends GlobalTestInference {
  name: "Geary's C";
  statistic: number;
  C: number;
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
 * R spdep `geary.test` (esda reports the opposite sign). The permutation test counts simulated C at most as
 * large as observed for "greater" (via `permutationInference` on −C).
 *
 * @example
 * geary(values, readGal(galText)).C;
 */
export function geary(values: ArrayLike<number>, weights: SpatialWeights, options: GearyOptions = {}): GearyResult {
  const fn = "geary";
  const setup = globalTestSetup(fn, values, weights, options, "Geary's C");
  const { w, n, z, m2, b2, s0, s1, s2, transform, alternative, permutations, seed } = setup;
  const squaredDifferences = (v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      for (let p = w.offsets[i]; p < w.offsets[i + 1]; p++) s += w.values[p] * (v[i] - v[w.indices[p]]) ** 2;
    }
    return s;
  };
  const scale = (n - 1) / (2 * s0 * m2);
  const C = scale * squaredDifferences(z);
  const s02 = s0 * s0;
  const n2 = n * n;
  const variance = ((2 * s1 + s2) * (n - 1) - 4 * s02) / (2 * (n + 1) * s02);
  const varianceRandomization =
    ((n - 1) * s1 * (n2 - 3 * n + 3 - (n - 1) * b2) -
      0.25 * (n - 1) * s2 * (n2 + 3 * n - 6 - (n2 - n + 2) * b2) +
      s02 * (n2 - 3 - (n - 1) ** 2 * b2)) /
    (n * (n - 2) * (n - 3) * s02);
  const z0 = (1 - C) / Math.sqrt(variance);
  const zR = (1 - C) / Math.sqrt(varianceRandomization);

  // On −C, so that "greater" (positive autocorrelation) counts the simulated C at most as large as observed.
  const sim = globalPermutationTest(setup, -C, (zp) => -scale * squaredDifferences(zp));
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
    permutations,
    seed,
    pSim: sim ? sim.pSim : null,
    meanSim: sim ? -sim.meanSim : null,
    sdSim: sim ? sim.sdSim : null,
    zSim: sim ? sim.zSim : null,
    warnings: [...w.warnings],
  };
}
