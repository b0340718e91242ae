import { createAreaIndex } from "./createAreaIndex.js";
import type { AreaFeatureCollection } from "./geojson.js";

/** A point to assign: an id (for messages) and WGS84 longitude/latitude. */
export interface AreaPoint {
  id: string | number;
  lon: number;
  lat: number;
}

/** Options of {@link assignPointsToAreas}. */
export interface AssignPointsOptions {
  /** Feature property with the area id, e.g. "sozialraum_id". */
  idProperty: string;
  /** Throw an error listing every point outside all areas instead of returning null for them (default false). */
  strict?: boolean;
}

/**
 * Assigns points (e.g. facilities) to the areas of a GeoJSON FeatureCollection by point-in-polygon.
 * Returns one entry per point, in input order: the id of the area containing it, or null when it lies outside
 * every area. With `strict: true` it throws instead, listing every outside point (not just the first).
 *
 * Holes and MultiPolygons are handled; a point on a border belongs to the area with the smallest id among the
 * areas whose boundary contains it (see {@link createAreaIndex} for the rule, the algorithm and its source).
 * A flatbush index over polygon bounding boxes keeps this fast for 100 000 points and thousands of polygons.
 *
 * @example
 * assignPointsToAreas(
 *   [{ id: "K1", lon: 7.01, lat: 51.04 }, { id: "K2", lon: 0, lat: 0 }],
 *   geojson,
 *   { idProperty: "sozialraum_id" },
 * ); // ["010101", null]
 */
export function assignPointsToAreas(
  points: ReadonlyArray<AreaPoint>,
  geojson: AreaFeatureCollection,
  options: AssignPointsOptions,
): Array<string | null> {
  const fn = "assignPointsToAreas";
  if (!Array.isArray(points)) throw new Error(`${fn}: points muss eine Liste von { id, lon, lat } sein`);
  const index = createAreaIndex(geojson, { idProperty: options?.idProperty });
  const invalid: string[] = [];
  points.forEach((p, i) => {
    if (!p || !Number.isFinite(p.lon) || !Number.isFinite(p.lat)) {
      invalid.push(`Punkt ${i + 1} (id "${String(p?.id)}"): lon ${String(p?.lon)}, lat ${String(p?.lat)}`);
    }
  });
  if (invalid.length > 0) {
    throw new Error(`${fn}: ${invalid.length} Punkt(e) ohne endliche Koordinaten: ${invalid.join("; ")}`);
  }
  const out = points.map((p) => index.locate(p.lon, p.lat).area);
  if (options.strict) {
    const outside = points.filter((_, i) => out[i] === null);
    if (outside.length > 0) {
      const list = outside.map((p) => `"${String(p.id)}" (${p.lon}, ${p.lat})`).join(", ");
      throw new Error(`${fn}: ${outside.length} Punkt(e) außerhalb aller Gebiete: ${list}`);
    }
  }
  return out;
}
