import { multigroupResult, readMultigroup } from "./runIndex.js";
import type { MixInput, MultigroupOptions, MultigroupResult } from "./types.js";

/** Options of {@link multigroupDiversity}. */
export interface MultigroupDiversityOptions extends MultigroupOptions {
  /** Report E / ln K (0 … 1) as the statistic instead of E (default false, as PySAL). */
  normalized?: boolean;
}

/** Result of {@link multigroupDiversity}: both the entropy and its normalised value. */
export interface MultigroupDiversityResult extends MultigroupResult {
  /** Shannon entropy of the city's composition, E = −Σ_k P_k ln P_k. */
  entropy: number;
  /** E / ln K: 1 = all groups equally large. */
  normalizedEntropy: number;
}

/**
 * City-wide diversity (not segregation): the Shannon entropy of the city's group shares,
 * E = −Σ_k P_k ln P_k, and its normalised value E / ln K (Theil 1972; Reardon & Firebaugh 2002). Same as PySAL
 * segregation `MultiDiversity` (`normalized=False/True`). For the diversity of each area see {@link localDiversity}.
 *
 * @example
 * multigroupDiversity([{ a: 50, b: 50 }], { groups: ["a", "b"] }).statistic; // ln 2 ≈ 0.6931
 */
export function multigroupDiversity(rows: MixInput, options: MultigroupDiversityOptions): MultigroupDiversityResult {
  const data = readMultigroup("multigroupDiversity", rows, options);
  const T = data.populationTotal;
  let entropy = 0;
  for (const X of data.groupTotals) entropy -= (X / T) * Math.log(X / T);
  const normalizedEntropy = entropy / Math.log(data.groups.length);
  const statistic = options.normalized ? normalizedEntropy : entropy;
  return { ...multigroupResult("multigroupDiversity", data, statistic), entropy, normalizedEntropy };
}
