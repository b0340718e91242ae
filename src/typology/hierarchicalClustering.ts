import { distIndex, euclideanDistances } from "./euclideanDistances.js";
import type { NumericMatrix } from "./numericMatrix.js";

/** Linkage of {@link hierarchicalClustering}: "ward" is R's "ward.D2". */
export type Linkage = "ward" | "average" | "complete";

/** A dendrogram in R's `hclust` conventions. */
export interface HierarchicalTree {
  /**
   * `merge[s] = [a, b]` for step s (0-based): negative −i is observation i (1-based), positive t is the cluster
   * formed at step t (1-based). Singletons come first; two clusters are ordered by step.
   */
  merge: [number, number][];
  /** Height of each merge (for "ward": √ of the Ward criterion, as R's "ward.D2"). */
  height: number[];
  /** Observations (1-based) in the left-to-right order of the dendrogram (R `order`). */
  order: number[];
  method: Linkage;
  /** Number of observations. */
  n: number;
}

const LINKAGES: readonly Linkage[] = ["ward", "average", "complete"];

/**
 * Agglomerative hierarchical clustering on Euclidean distances, as R `hclust(dist(x), method)` with
 * "ward" = "ward.D2", "average", "complete"; a port of R's Fortran `HCLUST` / `HCASS2` (F. Murtagh 1986, R 4.x)
 * with the same nearest-neighbour list, the same scan order and strict comparisons, so ties resolve exactly as
 * in R (the first pair in scan order wins) and the output is deterministic.
 *
 * Lance–Williams update after merging i and j into i (sizes n_i, n_j, n_k):
 * - ward (on squared distances, heights √): d²(k, ij) = ((n_i+n_k) d²(k,i) + (n_j+n_k) d²(k,j) − n_k d²(i,j)) / (n_i+n_j+n_k)
 * - average: d(k, ij) = (n_i d(k,i) + n_j d(k,j)) / (n_i + n_j)
 * - complete: d(k, ij) = max(d(k,i), d(k,j))
 * Source: R `stats::hclust` (src/library/stats/src/hclust.f); Murtagh & Legendre, J. Classif. 31 (2014) 274–295.
 *
 * @example
 * const tree = hierarchicalClustering([[0], [1], [5], [6.5]], { method: "ward" });
 * tree.merge; // [[-1, -2], [-3, -4], [1, 2]]
 */
export function hierarchicalClustering(matrix: NumericMatrix, options: { method?: Linkage } = {}): HierarchicalTree {
  const method = options.method ?? "ward";
  if (!LINKAGES.includes(method)) {
    throw new Error(`hierarchicalClustering: method muss eines von ${LINKAGES.join(", ")} sein, angegeben ist ${String(method)}`);
  }
  if (!Array.isArray(matrix) || matrix.length < 2) {
    throw new Error(`hierarchicalClustering: braucht mindestens 2 Zeilen, angegeben ist ${Array.isArray(matrix) ? matrix.length : typeof matrix}`);
  }
  return hclustFromDistances(euclideanDistances(matrix), matrix.length, method);
}

/** {@link hierarchicalClustering} on a `dist` vector (see {@link euclideanDistances}); the vector is copied. */
export function hclustFromDistances(distances: Float64Array, n: number, method: Linkage): HierarchicalTree {
  const diss = Float64Array.from(distances);
  if (method === "ward") for (let i = 0; i < diss.length; i++) diss[i] *= diss[i];
  const { ia, ib, crit } = agglomerate(diss, n, method);
  if (method === "ward") for (let s = 0; s < crit.length; s++) crit[s] = Math.sqrt(crit[s]);
  const merge = mergeMatrix(ia, ib, n);
  return { merge, height: crit, order: dendrogramOrder(merge, n), method, n };
}

/** The agglomeration loop of R's HCLUST (0-based indices; i < j in every merge). */
function agglomerate(diss: Float64Array, n: number, method: Linkage): { ia: number[]; ib: number[]; crit: number[] } {
  const INF = 1e300;
  const flag = new Array<boolean>(n).fill(true);
  const membr = new Float64Array(n).fill(1);
  const nn = new Int32Array(n);
  const disnn = new Float64Array(n);
  const ia: number[] = [];
  const ib: number[] = [];
  const crit: number[] = [];
  let jm = 0;
  let jj = 0;
  for (let i = 0; i < n - 1; i++) {
    let dmin = INF;
    for (let j = i + 1; j < n; j++) {
      const d = diss[distIndex(n, i, j)];
      if (dmin > d) { dmin = d; jm = j; }
    }
    nn[i] = jm;
    disnn[i] = dmin;
  }
  for (let ncl = n - 1; ncl >= 1; ncl--) {
    let dmin = INF;
    let im = 0;
    for (let i = 0; i < n - 1; i++) {
      if (flag[i] && disnn[i] < dmin) { dmin = disnn[i]; im = i; jm = nn[i]; }
    }
    const i2 = Math.min(im, jm);
    const j2 = Math.max(im, jm);
    ia.push(i2);
    ib.push(j2);
    crit.push(dmin);
    flag[j2] = false;
    dmin = INF;
    const d12 = diss[distIndex(n, i2, j2)];
    for (let k = 0; k < n; k++) {
      if (!flag[k] || k === i2) continue;
      const ind1 = distIndex(n, i2, k);
      const ind2 = distIndex(n, j2, k);
      if (method === "ward") {
        diss[ind1] = ((membr[i2] + membr[k]) * diss[ind1] + (membr[j2] + membr[k]) * diss[ind2] - membr[k] * d12) /
          (membr[i2] + membr[j2] + membr[k]);
      } else if (method === "complete") {
        diss[ind1] = Math.max(diss[ind1], diss[ind2]);
      } else {
        diss[ind1] = (membr[i2] * diss[ind1] + membr[j2] * diss[ind2]) / (membr[i2] + membr[j2]);
      }
      if (i2 < k) {
        if (diss[ind1] < dmin) { dmin = diss[ind1]; jj = k; }
      } else if (diss[ind1] < disnn[k]) {
        disnn[k] = diss[ind1];
        nn[k] = i2;
      }
    }
    membr[i2] += membr[j2];
    disnn[i2] = dmin;
    nn[i2] = jj;
    for (let i = 0; i < n - 1; i++) {
      if (!flag[i] || (nn[i] !== i2 && nn[i] !== j2)) continue;
      let best = INF;
      for (let j = i + 1; j < n; j++) {
        if (!flag[j]) continue;
        const d = diss[distIndex(n, i, j)];
        if (d < best) { best = d; jj = j; }
      }
      nn[i] = jj;
      disnn[i] = best;
    }
  }
  return { ia, ib, crit };
}

/** R's HCASS2, first part: merge pairs with negative singletons and positive step numbers. */
function mergeMatrix(ia: number[], ib: number[], n: number): [number, number][] {
  const steps = n - 1;
  // 1-based cluster codes as in Fortran: a cluster is coded by its lowest observation number
  const a = ia.map((v) => v + 1);
  const b = ib.map((v) => v + 1);
  const iia = a.slice();
  const iib = b.slice();
  for (let i = 0; i < steps - 1; i++) {
    const k = Math.min(a[i], b[i]);
    for (let j = i + 1; j < steps; j++) {
      if (a[j] === k) iia[j] = -(i + 1);
      if (b[j] === k) iib[j] = -(i + 1);
    }
  }
  return iia.map((x, i) => {
    let p = -x;
    let q = -iib[i];
    if (p > 0 && q < 0) [p, q] = [q, p];
    if (p > 0 && q > 0) [p, q] = [Math.min(p, q), Math.max(p, q)];
    return [p, q];
  });
}

/** R's HCASS2, second part: the dendrogram order, expanding merges from the last one. */
function dendrogramOrder(merge: [number, number][], n: number): number[] {
  const order: number[] = [merge[n - 2][0], merge[n - 2][1]];
  for (let i = n - 2; i >= 1; i--) {
    const at = order.indexOf(i);
    if (at >= 0) order.splice(at, 1, merge[i - 1][0], merge[i - 1][1]);
  }
  return order.map((v) => -v);
}
