import type { AreaFeatureCollection, GeoJsonAreaFeature, MultiPolygonGeometry, PolygonGeometry, Position } from "../io/geoJsonTypes.js";

/**
 * Area boundaries in the supply module are the small part of GeoJSON (RFC 7946) that io describes: a
 * FeatureCollection of Polygons and MultiPolygons, positions [lon, lat] in WGS84 (types from `io/geoJsonTypes`).
 */
export type { AreaFeatureCollection, Position };

/** The area id of a feature as a string (numbers are converted; leading zeros only survive in strings). */
export function featureId(fn: string, feature: GeoJsonAreaFeature, index: number, idProperty: string): string {
  const value = feature.properties?.[idProperty];
  if (value === undefined || value === null || value === "") {
    throw new Error(`${fn}: Feature ${index} hat keine Eigenschaft "${idProperty}"`);
  }
  return String(value);
}

/** The polygons (each a list of rings, outer ring first) of a feature; throws for other geometry types. */
export function featurePolygons(fn: string, feature: GeoJsonAreaFeature, id: string): Position[][][] {
  const g = feature.geometry;
  if (g && g.type === "Polygon") return [(g as PolygonGeometry).coordinates];
  if (g && g.type === "MultiPolygon") return (g as MultiPolygonGeometry).coordinates;
  throw new Error(`${fn}: Gebiet "${id}" hat die Geometrie ${g ? g.type : "null"}; erwartet Polygon oder MultiPolygon`);
}
