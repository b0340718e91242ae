import { prepareWeights, valuesFor, type WeightsTransformOption } from "./prepare.js";
import type { SpatialWeights } from "./spatialWeights.js";

/**
 * Spatial lag: [Wy]_i = Σ_j w_ij y_j, the weighted sum of the neighbours' values (libpysal `lag_spatial`,
 * spdep `lag.listw`). With row-standardised weights (`transform: "R"`) it is the mean of the neighbours.
 * Islands get 0. Values follow `weights.ids`; the result too.
 *
 * @example
 * const w = weightsFromNeighbors({ a: ["b", "c"], b: ["a"], c: ["a"] }, { ids: ["a", "b", "c"] });
 * spatialLag([1, 2, 4], w); // [6, 1, 1]
 * spatialLag([1, 2, 4], w, { transform: "R" }); // [3, 1, 1]
 */
export function spatialLag(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  options: { transform?: WeightsTransformOption } = {},
): number[] {
  const fn = "spatialLag";
  const w = prepareWeights(fn, weights, options.transform ?? "none");
  const y = valuesFor(fn, values, w);
  const out = new Array<number>(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let p = w.offsets[i]; p < w.offsets[i + 1]; p++) s += w.values[p] * y[w.indices[p]];
    out[i] = s;
  }
  return out;
}
