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
 * A GeoJSON Feature as it stands in a file (RFC 7946), e.g. after `JSON.parse`: functions that take raw GeoJSON
 * check the geometry themselves (another type or null is reported there). Points are allowed where a function
 * says so (e.g. `knnWeights`).
 */
export interface GeoJsonAreaFeature {
  type?: "Feature" | string;
  id?: string | number;
  properties?: Readonly<Record<string, unknown>> | null;
  geometry: AreaGeometry | { type: string; coordinates?: unknown } | null;
}

/**
 * A GeoJSON FeatureCollection as it stands in a file (positions [lon, lat] in WGS84), e.g.
 * `JSON.parse(readFileSync("data/sozialraeume.geojson", "utf8"))` — the one input type of spatial, supply and plot
 * functions. The checked result of `readGeoJson`/`parseGeoJson`/`readGeometry`, {@link AreaGeometries}, is one too
 * and passes without a cast.
 */
export interface AreaFeatureCollection {
  type: "FeatureCollection" | string;
  features: ReadonlyArray<GeoJsonAreaFeature>;
}

/** One checked area: a GeoJSON Feature with its key (always a string, also in `properties[idProperty]`). */
export interface AreaFeature {
  type: "Feature";
  id: string;
  geometry: AreaGeometry;
  properties: Record<string, unknown>;
}

/**
 * The checked areas of a boundary file, as returned by `readGeoJson`, `parseGeoJson` and `readGeometry`: a GeoJSON
 * FeatureCollection of Polygons/MultiPolygons in WGS84 [lon, lat] whose keys are unique non-empty strings, rings
 * closed and coordinates finite longitudes/latitudes (reprojected from the file's CRS when it had another).
 */
export interface AreaGeometries {
  type: "FeatureCollection";
  file: string;
  /** The property holding the area key. */
  idProperty: string;
  /** The areas in file order. */
  features: AreaFeature[];
  /** The area keys in file order (same as `features.map(f => f.id)`). */
  ids: string[];
  /** [minLon, minLat, maxLon, maxLat] over all coordinates. */
  bbox: [number, number, number, number];
  /** The CRS of the file ("EPSG:4326" for plain GeoJSON; e.g. "EPSG:25832" when reprojected from it). */
  crs: string;
  warnings: string[];
}
