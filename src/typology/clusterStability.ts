import { createRng } from "../inference/random.js";
import { adjustedRandIndex } from "./adjustedRandIndex.js";
import { cutTree } from "./cutTree.js";
import { hierarchicalClustering, type Linkage } from "./hierarchicalClustering.js";
import type { NumericMatrix } from "./numericMatrix.js";

/** Options of {@link clusterStability}. */
export interface ClusterStabilityOptions {
  /** Number of clusters to cut each bootstrap tree into (as the original partition). */
  k: number;
  method?: Linkage;
  /** Bootstrap resamples (default 100, as fpc::clusterboot's B). */
  resamples?: number;
  seed?: number;
}

/** Stability of one cluster. */
export interface ClusterStabilityEntry {
  cluster: number;
  size: number;
  /** Mean Jaccard similarity to the most similar bootstrap cluster (fpc `bootmean`). */
  meanJaccard: number;
  /** Resamples with Jaccard ≤ 0.5, "dissolved" (fpc `bootbrd`). */
  dissolved: number;
  /** Resamples with Jaccard ≥ 0.75, "recovered" (fpc `bootrecover`). */
  recovered: number;
  /** Resamples in which the cluster had at least one drawn member. */
  resamplesUsed: number;
}

/** Result of {@link clusterStability}. */
export interface ClusterStabilityResult {
  clusters: ClusterStabilityEntry[];
  /** Mean adjusted Rand index between the original partition (restricted to the drawn rows) and the bootstrap one. */
  meanAdjustedRand: number;
  resamples: number;
  seed: number;
  method: string;
}

/**
 * Stability of a hierarchical partition under the bootstrap, as fpc::clusterboot(bootmethod = "boot").
 *
 * Method (Hennig 2007): draw n rows with replacement (seeded); cluster the drawn rows (duplicates included) with
 * the same linkage and k; on the distinct drawn rows D, compare each original cluster C ∩ D with every bootstrap
 * cluster B by the Jaccard coefficient |C ∩ B| / |C ∪ B| and keep the largest. Report its mean over resamples per
 * cluster; values ≥ 0.75 indicate a stable type, ≤ 0.5 a dissolved one (Hennig's guide). Also the mean adjusted
 * Rand index of the two partitions of D. Source: Hennig, Comput. Stat. Data Anal. 52 (2007) 258–271; R
 * `fpc::clusterboot`. Exact values differ from fpc (different random numbers); the method is the same.
 *
 * @example
 * clusterStability(scores, { k: 4, seed: 1, resamples: 100 }).clusters[0].meanJaccard;
 */
export function clusterStability(
  matrix: NumericMatrix,
  cluster: readonly number[],
  options: ClusterStabilityOptions,
): ClusterStabilityResult {
  const n = matrix.length;
  if (cluster.length !== n) throw new Error(`clusterStability: cluster hat ${cluster.length} Einträge für ${n} Zeilen`);
  const resamples = options.resamples ?? 100;
  const seed = options.seed ?? 1;
  const method = options.method ?? "ward";
  if (!Number.isInteger(resamples) || resamples < 1) throw new Error(`clusterStability: resamples muss eine ganze Zahl ≥ 1 sein, angegeben ist ${resamples}`);
  const labels = [...new Set(cluster)].sort((a, b) => a - b);
  const sums = labels.map(() => ({ sum: 0, dissolved: 0, recovered: 0, used: 0 }));
  let ariSum = 0;
  const rng = createRng(seed);
  for (let r = 0; r < resamples; r++) {
    const draw = Array.from({ length: n }, () => rng.int(n));
    const boot = cutTree(hierarchicalClustering(draw.map((i) => matrix[i]), { method }), Math.min(options.k, n));
    const bootOf = new Map<number, number>();
    draw.forEach((row, j) => { if (!bootOf.has(row)) bootOf.set(row, boot[j]); });
    const distinct = [...bootOf.keys()].sort((a, b) => a - b);
    ariSum += adjustedRandIndex(distinct.map((i) => cluster[i]), distinct.map((i) => bootOf.get(i) as number));
    labels.forEach((label, c) => {
      const members = distinct.filter((i) => cluster[i] === label);
      if (members.length === 0) return;
      const best = maxJaccard(members, distinct, bootOf);
      const s = sums[c];
      s.sum += best; s.used++;
      if (best <= 0.5) s.dissolved++;
      if (best >= 0.75) s.recovered++;
    });
  }
  return {
    clusters: labels.map((label, c) => ({
      cluster: label,
      size: cluster.filter((x) => x === label).length,
      meanJaccard: sums[c].used > 0 ? sums[c].sum / sums[c].used : Number.NaN,
      dissolved: sums[c].dissolved,
      recovered: sums[c].recovered,
      resamplesUsed: sums[c].used,
    })),
    meanAdjustedRand: ariSum / resamples,
    resamples,
    seed,
    method,
  };
}

function maxJaccard(members: number[], distinct: number[], bootOf: Map<number, number>): number {
  const inC = new Set(members);
  const bootLabels = [...new Set(distinct.map((i) => bootOf.get(i) as number))];
  let best = 0;
  for (const b of bootLabels) {
    let inter = 0;
    let union = members.length;
    for (const i of distinct) {
      if (bootOf.get(i) !== b) continue;
      if (inC.has(i)) inter++; else union++;
    }
    best = Math.max(best, inter / union);
  }
  return best;
}
