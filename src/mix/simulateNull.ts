import { sampleBinomial } from "../inference/binomial.js";
import type { Rng } from "../inference/random.js";
import { sampleHypergeometric } from "./sampleHypergeometric.js";

/** The null models of {@link segregationPermutationTest} (PySAL segregation `simulate_*` names in brackets). */
export type SegregationNull = "random-labelling" | "systematic" | "evenness";

/**
 * Simulates the group counts of n areas under a null model of no segregation. ({@link segregationPermutationTest}
 * draws the same way, from the block kernels in nullKernels.ts that run in worker threads; a test checks that
 * both give the same counts on the same generator.) `parts` are the group counts
 * (one array per group, the groups partitioning each area's population, whole numbers); the result has the
 * same shape.
 *
 * - "random-labelling" (PySAL `person_permutation`): the persons keep their area and the groups keep their city
 *   totals, but the group labels are shuffled among all persons: each area's counts are a multivariate
 *   hypergeometric draw (sequential conditional hypergeometric draws, area after area).
 * - "systematic" (PySAL `systematic`, Allen et al. 2015): each group's city total is spread over the areas by a
 *   multinomial draw with probabilities t_i / T; area totals vary.
 * - "evenness" (PySAL `evenness`): each area's total is split by a multinomial draw with the city shares P_k;
 *   group totals vary.
 */
export function simulateNull(parts: Float64Array[], n: number, model: SegregationNull, rng: Rng): Float64Array[] {
  const K = parts.length;
  const out = parts.map(() => new Float64Array(n));
  const groupTotals = parts.map((p) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += p[i];
    return s;
  });
  const totalOf = (i: number): number => {
    let t = 0;
    for (let k = 0; k < K; k++) t += parts[k][i];
    return t;
  };
  if (model === "random-labelling") {
    const remaining = groupTotals.slice();
    for (let i = 0; i < n; i++) {
      let draws = totalOf(i);
      let urn = 0;
      for (let k = 0; k < K; k++) urn += remaining[k];
      for (let k = 0; k < K - 1 && draws > 0; k++) {
        const x = sampleHypergeometric(rng, urn, remaining[k], draws);
        out[k][i] = x;
        urn -= remaining[k];
        remaining[k] -= x;
        draws -= x;
      }
      out[K - 1][i] = draws;
      remaining[K - 1] -= draws;
    }
  } else if (model === "systematic") {
    const totals = new Float64Array(n);
    let T = 0;
    for (let i = 0; i < n; i++) T += totals[i] = totalOf(i);
    for (let k = 0; k < K; k++) {
      let left = groupTotals[k];
      let massLeft = T;
      for (let i = 0; i < n - 1 && left > 0; i++) {
        const x = sampleBinomial(rng, left, Math.min(1, totals[i] / massLeft));
        out[k][i] = x;
        left -= x;
        massLeft -= totals[i];
      }
      out[k][n - 1] += left;
    }
  } else if (model === "evenness") {
    let T = 0;
    for (const g of groupTotals) T += g;
    for (let i = 0; i < n; i++) {
      let left = totalOf(i);
      let massLeft = 1;
      for (let k = 0; k < K - 1 && left > 0; k++) {
        const p = groupTotals[k] / T;
        const x = sampleBinomial(rng, left, Math.min(1, p / massLeft));
        out[k][i] = x;
        left -= x;
        massLeft -= p;
      }
      out[K - 1][i] = left;
    }
  } else {
    throw new Error(`simulateNull: unbekanntes Nullmodell ${JSON.stringify(model)} (möglich: "random-labelling", "systematic" oder "evenness")`);
  }
  return out;
}
