import { distIndex, euclideanDistances } from "./euclideanDistances.js";
import type { NumericMatrix } from "./numericMatrix.js";

/** Result of {@link silhouette}. */
export interface SilhouetteResult {
  /** Silhouette width per row, in input order (0 for a row alone in its cluster). */
  widths: number[];
  /** The nearest other cluster per row (R `neighbor`; null with a single cluster). */
  neighbor: (number | null)[];
  /** Mean width over all rows. */
  mean: number;
  /** Mean width per cluster label (labels in increasing order). */
  clusterMeans: { cluster: number; size: number; mean: number }[];
}

/**
 * Silhouette widths on Euclidean distances, as R `cluster::silhouette(cluster, dist(x))`.
 *
 * Formula (Rousseeuw 1987): a(i) = mean distance of i to the other members of its cluster, b(i) = smallest mean
 * distance of i to the members of another cluster, s(i) = (b(i) − a(i)) / max(a(i), b(i)); s(i) = 0 when i is
 * alone in its cluster (as R). Source: Rousseeuw, J. Comput. Appl. Math. 20 (1987) 53–65; R `cluster::silhouette`.
 *
 * @example
 * silhouette([[0], [1], [5], [6]], [1, 1, 2, 2]).mean; // ≈ 0.8
 */
export function silhouette(matrix: NumericMatrix, cluster: readonly number[]): SilhouetteResult {
  if (!Array.isArray(matrix) || matrix.length !== cluster.length) {
    throw new Error(`silhouette: cluster hat ${cluster.length} Einträge für ${Array.isArray(matrix) ? matrix.length : 0} Zeilen`);
  }
  return silhouetteFromDistances(euclideanDistances(matrix), cluster);
}

/** {@link silhouette} on a `dist` vector (see {@link euclideanDistances}). */
export function silhouetteFromDistances(dist: Float64Array, cluster: readonly number[]): SilhouetteResult {
  const n = cluster.length;
  cluster.forEach((c, i) => {
    if (!Number.isInteger(c)) throw new Error(`silhouette: der Cluster von Zeile ${i + 1} ist ${String(c)}, erwartet wird eine ganze Zahl`);
  });
  const labels = [...new Set(cluster)].sort((a, b) => a - b);
  const index = new Map(labels.map((l, i) => [l, i]));
  const size = labels.map((l) => cluster.filter((c) => c === l).length);
  const widths: number[] = [];
  const neighbor: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const sums = new Array<number>(labels.length).fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[index.get(cluster[j]) as number] += dist[distIndex(n, i, j)];
    const own = index.get(cluster[i]) as number;
    let b = Infinity;
    let nb: number | null = null;
    labels.forEach((l, c) => {
      if (c !== own && sums[c] / size[c] < b) { b = sums[c] / size[c]; nb = l; }
    });
    neighbor.push(nb);
    if (size[own] === 1 || nb === null) { widths.push(0); continue; }
    const a = sums[own] / (size[own] - 1);
    widths.push(a < b ? 1 - a / b : a > b ? b / a - 1 : 0);
  }
  const mean = widths.reduce((s, w) => s + w, 0) / n;
  const clusterMeans = labels.map((l, c) => {
    const ws = widths.filter((_, i) => cluster[i] === l);
    return { cluster: l, size: size[c], mean: ws.reduce((s, w) => s + w, 0) / ws.length };
  });
  return { widths, neighbor, mean, clusterMeans };
}
