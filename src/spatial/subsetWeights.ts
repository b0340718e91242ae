import { indexIds, weightsFromCsr, type SpatialWeights } from "./spatialWeights.js";

/**
 * The weights restricted to some areas (spdep `subset.listw`): keeps the listed ids in their original order
 * and drops every link to an area left out. Areas that lose all their neighbours become islands (see
 * `warnings`). The transform is kept as a label only: row-standardised weights are re-standardised so that
 * rows still sum to 1.
 *
 * @example
 * const w = weightsFromNeighbors({ a: ["b"], b: ["a", "c"], c: ["b"] }, { ids: ["a", "b", "c"] });
 * subsetWeights(w, ["a", "b"]).neighbors; // { a: ["b"], b: ["a"] }
 */
export function subsetWeights(weights: SpatialWeights, ids: readonly string[]): SpatialWeights {
  const fn = "subsetWeights";
  const position = indexIds(fn, weights.ids);
  const keep = new Set<string>();
  for (const id of ids) {
    if (!position.has(id)) throw new Error(`${fn}: Gebiet "${id}" ist nicht in den Gewichten enthalten`);
    keep.add(id);
  }
  const kept = weights.ids.filter((id) => keep.has(id));
  const newIndex = new Int32Array(weights.n).fill(-1);
  kept.forEach((id, k) => (newIndex[position.get(id) as number] = k));
  const offsets = new Int32Array(kept.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  kept.forEach((id, k) => {
    const i = position.get(id) as number;
    let sum = 0;
    const rowStart = values.length;
    for (let p = weights.offsets[i]; p < weights.offsets[i + 1]; p++) {
      const j = newIndex[weights.indices[p]];
      if (j < 0) continue;
      indices.push(j);
      values.push(weights.values[p]);
      sum += weights.values[p];
    }
    if (weights.transform === "R" && sum > 0) for (let q = rowStart; q < values.length; q++) values[q] /= sum;
    offsets[k + 1] = indices.length;
  });
  return weightsFromCsr(fn, weights.kind, weights.transform, kept, offsets, Int32Array.from(indices), Float64Array.from(values));
}
