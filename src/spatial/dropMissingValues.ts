import type { Exclusion } from "../table/exclusion.js";
import { numberOrNull } from "../table/missing.js";
import { subsetWeights } from "./subsetWeights.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Result of {@link dropMissingValues}. */
export interface CompleteAreas {
  /** The numbers of the kept areas, in the order of `weights.ids`. */
  values: number[];
  /** The weights restricted to the kept areas (links to dropped areas removed; see {@link subsetWeights}). */
  weights: SpatialWeights;
  /** The areas left out, with the German reason. */
  excluded: Exclusion[];
}

/**
 * Leaves out the areas without a usable value (null, a missing marker such as "." or "-", NaN, ±∞) from the
 * values and the weights, so that `moran`/`localMoran` can run on the rest (as spdep with
 * `na.action = na.exclude` and `subset.listw`). The dropped areas are listed in `excluded`; nothing is dropped
 * silently. Values follow `weights.ids`.
 *
 * @example
 * const { values, weights: w2, excluded } = dropMissingValues([1.5, null, 3], w);
 * excluded; // [{ id: "b", reason: "kein Wert (fehlend oder geheim gehalten)", step: "dropMissingValues" }]
 */
export function dropMissingValues(values: ArrayLike<unknown>, weights: SpatialWeights): CompleteAreas {
  const fn = "dropMissingValues";
  if (values.length !== weights.n) {
    throw new Error(`${fn}: ${values.length} Werte für ${weights.n} Gebiete (die Werte müssen der Reihenfolge von weights.ids folgen)`);
  }
  const keep: string[] = [];
  const kept: number[] = [];
  const excluded: Exclusion[] = [];
  for (let i = 0; i < weights.n; i++) {
    const v = numberOrNull(values[i]);
    if (v === null || !Number.isFinite(v)) {
      excluded.push({ id: weights.ids[i], reason: "kein Wert (fehlend oder geheim gehalten)", step: fn });
    } else {
      keep.push(weights.ids[i]);
      kept.push(v);
    }
  }
  return { values: kept, weights: excluded.length === 0 ? weights : subsetWeights(weights, keep), excluded };
}
