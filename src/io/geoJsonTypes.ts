/** A GeoJSON position: [longitude, latitude] (further values, e.g. height, are allowed and ignored). */
export type Position = number[];

/** A GeoJSON Polygon: an outer ring and optional holes; each ring closed (first position = last). */
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: Position[][];
}

/** A GeoJSON MultiPolygon: several polygons forming one area. */
export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Position[][][];
}

/** The geometry of an area. */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/**
 * A GeoJSON Feature of an area as it stands in the file (RFC 7946), e.g. after `JSON.parse`: properties and a
 * geometry that functions taking raw GeoJSON check themselves (another type or null is reported there).
 */
export interface GeoJsonAreaFeature {
  type: "Feature";
  properties: Record<string, unknown> | null;
  geometry: AreaGeometry | { type: string; coordinates?: unknown } | null;
}

/**
 * A GeoJSON FeatureCollection of areas as it stands in the file (positions [lon, lat] in WGS84), e.g.
 * `JSON.parse(readFileSync("data/sozialraeume.geojson", "utf8"))`; `parseGeoJson` turns it into {@link AreaGeometries}.
 */
export interface AreaFeatureCollection {
  type: "FeatureCollection";
  features: GeoJsonAreaFeature[];
}

/** One area of a GeoJSON file: its key (always a string), geometry and all properties (unchanged). */
export interface AreaFeature {
  id: string;
  geometry: AreaGeometry;
  properties: Record<string, unknown>;
}

/** The areas of a GeoJSON FeatureCollection, as returned by `readGeoJson`/`parseGeoJson`. */
export interface AreaGeometries {
  file: string;
  /** The property holding the area key. */
  idProperty: string;
  /** The areas in file order. */
  features: AreaFeature[];
  /** The area keys in file order (same as `features.map(f => f.id)`). */
  ids: string[];
  /** [minLon, minLat, maxLon, maxLat] over all coordinates. */
  bbox: [number, number, number, number];
  warnings: string[];
}
