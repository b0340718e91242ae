import { EARTH_RADIUS_KM } from "./earthRadius.js";
import { featureCentroid, featureIds, type SpatialFeatureCollection } from "./geometry.js";

/** Centroids of the features as planar points, ready for a distance-based neighbour search. */
export interface CentroidPoints {
  ids: string[];
  /** Planar coordinates (km when `longLat`, else the file's units); NaN for features without geometry. */
  xs: Float64Array;
  ys: Float64Array;
  /** Ids of features without geometry (they become islands). */
  missing: string[];
  /** "km" or "Koordinateneinheiten" (the file's own units). */
  unit: string;
}

/**
 * Centroids of every feature (see `featureCentroid`). With `longLat` (the default, since GeoJSON positions are
 * longitude/latitude by RFC 7946) they are projected to kilometres with the equirectangular projection
 * centred on the mean latitude: x = R·cos φ0·λ, y = R·φ. Over a city (tens of km) distances are within about
 * 0.1 % of great-circle distances, which is plenty for choosing neighbours; with `longLat: false` the
 * coordinates are used as they are (projected data).
 */
export function centroidPoints(
  fn: string,
  geojson: SpatialFeatureCollection,
  idProperty: string | undefined,
  longLat: boolean,
): CentroidPoints {
  const ids = featureIds(fn, geojson, idProperty);
  const n = ids.length;
  const xs = new Float64Array(n).fill(NaN);
  const ys = new Float64Array(n).fill(NaN);
  const missing: string[] = [];
  let latSum = 0;
  let count = 0;
  geojson.features.forEach((f, i) => {
    const c = featureCentroid(fn, f, ids[i]);
    if (!c) {
      missing.push(ids[i]);
      return;
    }
    if (longLat && (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90)) {
      throw new Error(
        `${fn}: Gebiet "${ids[i]}" hat den Schwerpunkt [${c[0]}, ${c[1]}], das ist nicht Länge/Breite; für projizierte Koordinaten longLat: false angeben`,
      );
    }
    xs[i] = c[0];
    ys[i] = c[1];
    latSum += c[1];
    count++;
  });
  if (longLat && count > 0) {
    const rad = Math.PI / 180;
    const cosLat0 = Math.cos((latSum / count) * rad);
    for (let i = 0; i < n; i++) {
      xs[i] = EARTH_RADIUS_KM * cosLat0 * xs[i] * rad;
      ys[i] = EARTH_RADIUS_KM * ys[i] * rad;
    }
  }
  return { ids, xs, ys, missing, unit: longLat ? "km" : "Koordinateneinheiten" };
}
