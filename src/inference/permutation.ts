/** The result of a permutation (Monte Carlo) test, as in PySAL esda/segregation. */
export interface PermutationInference {
  /** Number of permutations R. */
  permutations: number;
  /** Number of simulated statistics at least as extreme as the observed one (M). */
  extreme: number;
  /** Pseudo p-value (M + 1) / (R + 1). */
  pSim: number;
  /** Which tail was counted. */
  alternative: "greater" | "less" | "two-sided" | "folded";
  /**
   * Mean and standard deviation (divisor R, numpy's default, as esda's `seI_sim`) of the simulated statistics;
   * z of the observed one against them (esda's `z_sim`). When every simulated value is the same (sd 0), z is 0 if
   * the observed value equals them and ±Infinity otherwise — never NaN.
   */
  meanSim: number;
  sdSim: number;
  zSim: number;
}

/**
 * Pseudo p-value of an observed statistic against simulated ones: p = (M + 1) / (R + 1), where M counts the
 * simulated values at least as extreme as the observed one (Hope 1968; PySAL esda uses the same rule).
 *
 * `alternative`:
 * - "greater": M = #{sim ≥ observed}
 * - "less": M = #{sim ≤ observed}
 * - "folded" (PySAL's default for Moran's I): the smaller of the two tails, M = min(#≥, #≤). esda counts the
 *   lower tail as #< (R − #≥), so with simulated values tied to the observed one this p is larger (conservative).
 *   A NaN observed value or NaN among the simulated values is an error (it would count in neither tail).
 * - "two-sided": 2 × the folded p, capped at 1
 *
 * @example
 * permutationInference(0.5, [0.1, 0.2, 0.6], { alternative: "greater" }).pSim; // (1 + 1) / (3 + 1) = 0.5
 */
export function permutationInference(
  observed: number,
  simulated: ArrayLike<number>,
  options: { alternative?: "greater" | "less" | "two-sided" | "folded" } = {},
): PermutationInference {
  const alternative = options.alternative ?? "folded";
  const R = simulated.length;
  if (R === 0) throw new Error("permutationInference: keine simulierten Statistiken (Option \"permutations\" muss ≥ 1 sein)");
  if (Number.isNaN(observed)) throw new Error("permutationInference: die beobachtete Statistik ist NaN");
  let ge = 0;
  let le = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < R; i++) {
    const s = simulated[i];
    if (Number.isNaN(s)) throw new Error(`permutationInference: simulierte Statistik ${i} ist NaN`);
    if (s >= observed) ge++;
    if (s <= observed) le++;
    sum += s;
  }
  const meanSim = sum / R;
  for (let i = 0; i < R; i++) sumSq += (simulated[i] - meanSim) ** 2;
  // Divisor R as esda (np.std, ddof = 0): seI_sim / z_sim agree with PySAL for the same simulated values.
  const sdSim = Math.sqrt(sumSq / R);
  let extreme: number;
  let pSim: number;
  switch (alternative) {
    case "greater":
      extreme = ge;
      pSim = (ge + 1) / (R + 1);
      break;
    case "less":
      extreme = le;
      pSim = (le + 1) / (R + 1);
      break;
    case "folded":
      extreme = Math.min(ge, le);
      pSim = (extreme + 1) / (R + 1);
      break;
    case "two-sided":
      extreme = Math.min(ge, le);
      pSim = Math.min(1, (2 * (extreme + 1)) / (R + 1));
      break;
  }
  const diff = observed - meanSim;
  const zSim = sdSim > 0 ? diff / sdSim : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
  return { permutations: R, extreme, pSim, alternative, meanSim, sdSim, zSim };
}
