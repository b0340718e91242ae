/**
 * The small part of GeoJSON (RFC 7946) that area boundaries use: a FeatureCollection of Polygons and
 * MultiPolygons. Positions are [lon, lat] in WGS84. Kept local so that the supply module has no geometry
 * dependency beyond these plain types.
 */
export type Position = number[];
export interface AreaPolygon {
  type: "Polygon";
  coordinates: Position[][];
}
export interface AreaMultiPolygon {
  type: "MultiPolygon";
  coordinates: Position[][][];
}
export interface AreaFeature {
  type: "Feature";
  properties: Record<string, unknown> | null;
  geometry: AreaPolygon | AreaMultiPolygon | { type: string; coordinates?: unknown } | null;
}
export interface AreaFeatureCollection {
  type: "FeatureCollection";
  features: AreaFeature[];
}

/** The area id of a feature as a string (numbers are converted; leading zeros only survive in strings). */
export function featureId(fn: string, feature: AreaFeature, index: number, idProperty: string): string {
  const value = feature.properties?.[idProperty];
  if (value === undefined || value === null || value === "") {
    throw new Error(`${fn}: feature ${index} has no property "${idProperty}"`);
  }
  return String(value);
}

/** The polygons (each a list of rings, outer ring first) of a feature; throws for other geometry types. */
export function featurePolygons(fn: string, feature: AreaFeature, id: string): Position[][][] {
  const g = feature.geometry;
  if (g && g.type === "Polygon") return [(g as AreaPolygon).coordinates];
  if (g && g.type === "MultiPolygon") return (g as AreaMultiPolygon).coordinates;
  throw new Error(`${fn}: area "${id}" has geometry ${g ? g.type : "null"}; expected Polygon or MultiPolygon`);
}
