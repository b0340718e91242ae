import type { HierarchicalTree } from "./hierarchicalClustering.js";

/**
 * Cuts a dendrogram into k clusters, as R `cutree(tree, k)`.
 *
 * Method: apply the first n − k merges; clusters are numbered 1…k in the order in which they first appear among
 * the observations 1…n (R's convention, so observation 1 is always in cluster 1).
 * Source: R `stats::cutree` (src/library/stats/src/hclust-utils.c).
 *
 * @example
 * const tree = hierarchicalClustering([[0], [1], [5], [6.5]], { method: "ward" });
 * cutTree(tree, 2); // [1, 1, 2, 2]
 */
export function cutTree(tree: HierarchicalTree, k: number): number[] {
  const n = tree.n;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new Error(`cutTree: k muss eine ganze Zahl von 1 bis ${n} sein, angegeben ist ${k}`);
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // representative observation of each step's cluster
  const rep: number[] = [];
  for (let s = 0; s < n - k; s++) {
    const [a, b] = tree.merge[s];
    const ra = find(a < 0 ? -a - 1 : rep[a - 1]);
    const rb = find(b < 0 ? -b - 1 : rep[b - 1]);
    parent[rb] = ra;
    rep.push(ra);
  }
  const label = new Map<number, number>();
  return parent.map((_, i) => {
    const r = find(i);
    if (!label.has(r)) label.set(r, label.size + 1);
    return label.get(r) as number;
  });
}
