import { rebuild } from "./rowStandardize.js";
import type { SpatialWeights } from "./spatialWeights.js";

/**
 * Binary weights ("B" in libpysal and spdep): w_ij = 1 for every neighbour, whatever the weights were. Returns
 * new weights; the input is not changed.
 *
 * @example
 * binaryWeights(rowStandardize(w)).weights.a; // [1, 1]
 */
export function binaryWeights(weights: SpatialWeights): SpatialWeights {
  return rebuild(weights, "B", new Float64Array(weights.values.length).fill(1));
}
