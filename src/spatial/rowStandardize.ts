import { weightsFromCsr, type SpatialWeights } from "./spatialWeights.js";

/**
 * Row-standardised weights ("R" in libpysal, style "W" in spdep): w*_ij = w_ij / Σ_j w_ij, so each row sums
 * to 1 and the spatial lag becomes the (weighted) mean of the neighbours. Islands keep an empty row. Returns
 * new weights; the input is not changed.
 *
 * @example
 * const w = weightsFromNeighbors({ a: ["b", "c"], b: ["a"], c: ["a"] }, { ids: ["a", "b", "c"] });
 * rowStandardize(w).weights.a; // [0.5, 0.5]
 */
export function rowStandardize(weights: SpatialWeights): SpatialWeights {
  const { n, offsets, indices } = weights;
  const values = new Float64Array(weights.values.length);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) sum += weights.values[p];
    for (let p = offsets[i]; p < offsets[i + 1]; p++) values[p] = sum > 0 ? weights.values[p] / sum : 0;
  }
  return rebuild(weights, "R", values);
}

/** New weights with the same links and other values (warnings about the structure are kept). */
export function rebuild(weights: SpatialWeights, transform: "B" | "R" | "V", values: Float64Array): SpatialWeights {
  const w = weightsFromCsr("", weights.kind, transform, [...weights.ids], weights.offsets.slice(), weights.indices.slice(), values);
  return { ...w, warnings: [...weights.warnings] };
}
