import { readFileSync } from "node:fs";
import { DataError } from "../table/dataError.js";
import type { AreaGeometries } from "./geoJsonTypes.js";
import { parseGeoJson, type GeoJsonOptions } from "./parseGeoJson.js";

/**
 * Reads a GeoJSON FeatureCollection of area polygons (synchronous). Every feature must be a Polygon or
 * MultiPolygon with an area key in `idProperty`; keys are strings (numbers are converted; use string keys to keep
 * leading zeros; the key property holds the string key). Other properties are kept unchanged; WGS84 coordinates are
 * checked, not modified. The result is a GeoJSON FeatureCollection (`AreaGeometries`) that spatial, supply and plot
 * functions take without a cast. All problems are collected
 * and reported together, each as `features[i]` (the index in the file's `features` array).
 *
 * @param path the file path (used in messages)
 * @param options `{ idProperty, crs? }`
 * @throws DataError, prefixed "readGeoJson: <file>", e.g.:
 * - `die Datei ist nicht lesbar (…)`; `the file is empty`; `not valid JSON (…)`; invalid UTF-8
 * - `not a GeoJSON FeatureCollection (type "Feature")`; `"features" is not an array`; `the FeatureCollection has no features`
 * - `features[3], column "PLR_ID": property "PLR_ID" (the area key) is missing`
 * - `features[7], column "PLR_ID": duplicate id "01100101" (also features[0])`
 * - `features[2]: geometry type "Point" is not Polygon or MultiPolygon`; `features[2]: has no geometry`
 * - `features[5]: ring 0 of polygon 1 is not closed (first position [9.4,54.8], last [9.5,54.8])`
 * - `features[5]: ring 0 has 3 positions; a closed ring needs at least 4`
 * - `features[5]: ring 1, position 12 has a non-finite coordinate [null,54.8]`
 * - `projizierte Koordinaten ohne Angabe des Koordinatensystems (x 356.779 bis 370.133, …): vermutlich EPSG:25832 …`
 * A `crs` member other than WGS84 (e.g. `urn:ogc:def:crs:EPSG::25832`, as ogr2ogr writes it) or the option `crs`
 * reprojects the coordinates to WGS84 with proj4 (see `readGeometry` for the systems and for Shapefiles).
 *
 * @example
 * const g = readGeoJson("data/sozialraeume.geojson", { idProperty: "sozialraum_id" });
 * g.ids.length; g.features[0].geometry.type; // "Polygon" | "MultiPolygon"
 */
export function readGeoJson(path: string, options: GeoJsonOptions): AreaGeometries {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataError("readGeoJson", { file: path, message: `die Datei ist nicht lesbar (${(e as Error).message})` });
  }
  return parseGeoJson(bytes, { ...options, file: path, fn: "readGeoJson" });
}
