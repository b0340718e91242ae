import { polygonsCentroid } from "../spatial/geometry.js";
import { featureId, featurePolygons, type AreaFeatureCollection } from "./geojson.js";

/** An area's centroid in WGS84. */
export interface AreaCentroid {
  id: string;
  lon: number;
  lat: number;
}

/**
 * Area-weighted centroid of each area (all parts of a MultiPolygon, holes subtracted), by the shoelace formula
 * in the lon/lat plane:
 *
 *   A = ½ Σ (x_k y_{k+1} − x_{k+1} y_k),  C_x = Σ (x_k + x_{k+1})(x_k y_{k+1} − x_{k+1} y_k) / (6A), C_y likewise,
 *
 * summed over rings with their sign (holes count negative whatever their orientation). Because a centroid is
 * invariant under affine maps, this equals the centroid in an equirectangular projection; it is what R sf's
 * `st_centroid` gives with `sf_use_s2(FALSE)`. As there, the centroid of a strongly concave area may lie outside
 * it. Coordinates are taken relative to the first vertex to avoid cancellation (shared with the spatial weights:
 * `polygonsCentroid`).
 *
 * @example
 * areaCentroids(geojson, { idProperty: "sozialraum_id" }); // [{ id: "010101", lon: 7.01, lat: 51.03 }, …]
 */
export function areaCentroids(geojson: AreaFeatureCollection, options: { idProperty: string }): AreaCentroid[] {
  const fn = "areaCentroids";
  if (!geojson || !Array.isArray(geojson.features)) throw new Error(`${fn}: erwartet wird eine GeoJSON-FeatureCollection`);
  return geojson.features.map((feature, i) => {
    const id = featureId(fn, feature, i, options?.idProperty);
    const polygons = featurePolygons(fn, feature, id);
    const c = polygonsCentroid(polygons);
    if (c === null || !(c.area > 0)) throw new Error(`${fn}: Gebiet "${id}" hat keine Fläche`);
    return { id, lon: c.x, lat: c.y };
  });
}
