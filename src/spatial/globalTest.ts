import { resolveThreads, runBlocks } from "../inference/parallel.js";
import { permutationInference, type PermutationInference } from "../inference/permutation.js";
import { KERNEL_HELPERS, globalPermutationBlock } from "./permutationKernels.js";
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
  /**
   * Islands (areas without neighbours) in n: false (default) keeps them, as PySAL esda, GeoDa and spdep with
   * `adjust.n = FALSE`; true counts only areas with neighbours, as spdep's default `adjust.n = TRUE`, to
   * reproduce spdep's numbers. Without islands both are the same.
   *
   * Why the default keeps n: an island's value still enters the mean and Σz², and the permutation test (ours and
   * spdep's `moran.mc`) shuffles it like any other value. The Cliff–Ord moments hold for any weights matrix,
   * empty rows included, so with the full n E[I] = −1/(n − 1) and the randomisation variance are exactly the
   * mean and variance of the statistic over all permutations of the values; with n reduced they are not (spdep's
   * adjusted Geary variance under randomisation can even be negative). With `adjustN` the statistic itself
   * changes too: I by the factor (n − islands)/n, C by (n − islands − 1)/(n − 1).
   */
  adjustN?: boolean;
  /**
   * Threads for the permutations (default: the available cores, `os.availableParallelism()`, at most 8, for
   * n · permutations ≥ 2 000 000, else 1). 1 runs here without a worker. The result is the same for every value:
   * each block of 32 permutations draws from its own generator (seed, block index).
   */
  threads?: number;
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
  /** Ids of the areas without neighbours (islands). */
  islands: string[];
  /** Whether islands were left out of n in the formulas (option `adjustN`). */
  adjustN: boolean;
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
  /** Number of areas (values). */
  n: number;
  /** n in the formulas: n, or with `adjustN` the number of areas with neighbours. */
  nEffective: number;
  /** Ids of the islands. */
  islands: string[];
  adjustN: boolean;
  /** Deviations from the mean, z = x − mean(x), in the order of `w.ids`. */
  z: Float64Array;
  /** m2 = Σ z². */
  m2: number;
  /** m4 = Σ z⁴. */
  m4: number;
  /** Kurtosis b2 = n Σz⁴ / (Σz²)² (with the full n). */
  b2: number;
  /** Weight constants of Cliff & Ord (1981), see `weightsConstants`. */
  s0: number;
  s1: number;
  s2: number;
  transform: WeightsTransformOption;
  alternative: GlobalAlternative;
  permutations: number;
  seed: number;
  /** Threads of the permutation test (resolved `threads` option). */
  threads: number;
  /** The weights' warnings and one about islands. */
  warnings: string[];
}

/**
 * Checks the inputs of a global test and computes what its normal and randomisation moments are built from
 * (Cliff & Ord 1981, ch. 2): z = x − mean(x), m2 = Σz², the kurtosis b2 = n Σz⁴/(Σz²)² and the weight
 * constants S0 = Σ_ij w_ij, S1 = ½ Σ_ij (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)²; the n of the formulas with
 * `adjustN` (see `GlobalTestOptions`), and a warning for islands. Throws (prefixed with `fn`) for fewer than 4
 * areas (with neighbours, with `adjustN`), constant values (`statistic` names what is then undefined) or weights
 * without links.
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
    throw new Error(`${fn}: alternative muss "greater", "less" oder "two-sided" sein, angegeben ist "${String(alternative)}"`);
  }
  const { permutations, seed } = permutationOptions(fn, options);
  const adjustN = options.adjustN ?? false;
  if (typeof adjustN !== "boolean") throw new Error(`${fn}: adjustN muss true oder false sein, angegeben ist ${JSON.stringify(adjustN)}`);
  const n = w.n;
  if (n < 4) throw new Error(`${fn}: braucht mindestens 4 Gebiete, angegeben sind ${n}`);
  const islands = w.islands.slice();
  const nEffective = adjustN ? n - islands.length : n;
  if (nEffective < 4) throw new Error(`${fn}: braucht mindestens 4 Gebiete mit Nachbarn (adjustN), vorhanden sind ${nEffective}`);
  const z = deviations(x);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    m2 += z[i] * z[i];
    m4 += z[i] ** 4;
  }
  if (!(m2 > 0)) throw new Error(`${fn}: alle ${n} Werte sind gleich; ${statistic} ist nicht definiert`);
  const { s0, s1, s2 } = weightsConstants(w);
  if (!(s0 > 0)) throw new Error(`${fn}: die Gewichte haben keine Verbindungen (S0 = 0)`);
  const b2 = (n * m4) / (m2 * m2);
  const threads = resolveThreads(fn, options.threads, (n + w.indices.length) * permutations, 20_000_000);
  const warnings = [...w.warnings];
  if (islands.length > 0) {
    warnings.push(
      adjustN
        ? `${fn}: ${islands.length} Gebiet(e) ohne Nachbarn (Inseln) nicht in n gezählt (adjustN, wie spdep adjust.n = TRUE): n = ${nEffective} von ${n}`
        : `${fn}: ${islands.length} Gebiet(e) ohne Nachbarn (Inseln) in n gezählt, mit räumlichem Lag 0 (wie esda; spdep: adjust.n = FALSE)`,
    );
  }
  return { w, n, nEffective, islands, adjustN, z, m2, m4, b2, s0, s1, s2, transform, alternative, permutations, seed, threads, warnings };
}

/** Permutations per block of the global tests (fixed, so that blocks and their generators never depend on threads). */
const PERMUTATIONS_PER_BLOCK = 32;

/**
 * The permutation test of a global statistic: `permutations` random permutations of `z`, in blocks of 32, block b
 * shuffling its own copy of z with `createRng(streamSeed(seed, b))` (so the result is the same for any number of
 * threads); evaluates the statistic (`kind` "moran": scale · Σ_i z_i Σ_j w_ij z_j; "geary": −scale ·
 * Σ_ij w_ij (z_i − z_j)², negated so that "greater" counts small C) on each permutation and compares with
 * `observed` by `permutationInference` (pseudo p = (M + 1)/(R + 1)). Null when `permutations` is 0.
 *
 * @example
 * const sim = globalPermutationTest(setup, I, "moran", n / s0 / m2);
 */
export function globalPermutationTest(
  setup: Pick<GlobalTestSetup, "w" | "z" | "permutations" | "seed" | "alternative" | "threads">,
  observed: number,
  kind: "moran" | "geary",
  scale: number,
): PermutationInference | null {
  const { w, z, permutations, seed, alternative, threads } = setup;
  if (permutations <= 0) return null;
  const simulated = new Float64Array(permutations);
  runBlocks({
    kernel: globalPermutationBlock,
    helpers: KERNEL_HELPERS,
    data: {
      z,
      offsets: w.offsets,
      indices: w.indices,
      weights: w.values,
      out: simulated,
      n: w.n,
      kind: kind === "moran" ? 0 : 1,
      scale,
      permutations,
      seed,
      blockSize: PERMUTATIONS_PER_BLOCK,
    },
    blocks: Math.ceil(permutations / PERMUTATIONS_PER_BLOCK),
    threads,
  });
  return permutationInference(observed, simulated, { alternative });
}
