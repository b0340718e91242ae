import { createRng, shuffleInPlace } from "../inference/random.js";
import { permutationInference } from "../inference/permutation.js";
import { normalPValue } from "./normalTail.js";
import { deviations, permutationOptions, prepareWeights, valuesFor, weightsConstants, type WeightsTransformOption } from "./prepare.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Options of {@link geary}. */
export interface GearyOptions {
  /** Random permutations for the pseudo p-value (default 999; 0 skips the permutation test). */
  permutations?: number;
  /** Seed of the permutations (default 12345). */
  seed?: number;
  /** Weights transformation: "R" row-standardised (default), "B" binary, "none" as given. */
  transform?: WeightsTransformOption;
  /** Alternative (default "greater": positive autocorrelation, i.e. C below 1, as spdep `geary.test`). */
  alternative?: "greater" | "less" | "two-sided";
}

/** Result of {@link geary}. */
export interface GearyResult {
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
  pNormal: number;
  varianceRandomization: number;
  zRandomization: number;
  pRandomization: number;
  transform: WeightsTransformOption;
  alternative: "greater" | "less" | "two-sided";
  permutations: number;
  seed: number;
  pSim: number | null;
  meanSim: number | null;
  sdSim: number | null;
  zSim: number | null;
  warnings: string[];
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
  if (!(m2 > 0)) throw new Error(`${fn}: all ${n} values are equal; Geary's C is undefined`);
  const { s0, s1, s2 } = weightsConstants(w);
  if (!(s0 > 0)) throw new Error(`${fn}: the weights have no links (S0 = 0)`);
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
  const b2 = (n * m4) / (m2 * m2);
  const variance = ((2 * s1 + s2) * (n - 1) - 4 * s02) / (2 * (n + 1) * s02);
  const varianceRandomization =
    ((n - 1) * s1 * (n2 - 3 * n + 3 - (n - 1) * b2) -
      0.25 * (n - 1) * s2 * (n2 + 3 * n - 6 - (n2 - n + 2) * b2) +
      s02 * (n2 - 3 - (n - 1) ** 2 * b2)) /
    (n * (n - 2) * (n - 3) * s02);
  const z0 = (1 - C) / Math.sqrt(variance);
  const zR = (1 - C) / Math.sqrt(varianceRandomization);

  let sim: ReturnType<typeof permutationInference> | null = null;
  if (permutations > 0) {
    const rng = createRng(seed);
    const zp = z.slice();
    const simulated = new Float64Array(permutations);
    for (let r = 0; r < permutations; r++) {
      shuffleInPlace(zp, rng);
      simulated[r] = -scale * squaredDifferences(zp); // on −C, "greater" means small C
    }
    sim = permutationInference(-C, simulated, { alternative });
  }
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
