/** How tied values are ranked. */
export type TieMethod = "min" | "average" | "dense" | "max";

/**
 * Ranks of `all[present[k]]` (k-th present value), descending in d·x, with the given tie rule. Shared by `rank`
 * and `percentileRank` (src/standardize).
 */
export function tiedRanks(all: Float64Array, present: Int32Array, direction: 1 | -1, method: TieMethod): Float64Array {
  const n = present.length;
  const order = Int32Array.from({ length: n }, (_, k) => k);
  // Descending in direction-adjusted value; stable so that equal values keep input order.
  order.sort((a, b) => direction * (all[present[b]] - all[present[a]]) || a - b);
  const ranks = new Float64Array(n);
  let dense = 0;
  for (let start = 0; start < n; ) {
    const v = all[present[order[start]]];
    let end = start + 1;
    while (end < n && all[present[order[end]]] === v) end++;
    dense++;
    // Positions start+1 … end (1-based) share one rank.
    const r = method === "min" ? start + 1 : method === "max" ? end : method === "average" ? (start + 1 + end) / 2 : dense;
    for (let j = start; j < end; j++) ranks[order[j]] = r;
    start = end;
  }
  return ranks;
}
