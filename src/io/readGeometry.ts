import { extname } from "node:path";
import { readFileSync } from "node:fs";
import { DataError } from "../table/dataError.js";
import type { AreaGeometries } from "./geoJsonTypes.js";
import { parseGeoJson } from "./parseGeoJson.js";
import { readShapefile } from "./readShapefile.js";
import { checkKeyProperty } from "./checkKeyProperty.js";

/** Options of {@link readGeometry}. */
export interface GeometryOptions {
  /** The feature property (.dbf column for Shapefiles) holding the area key. */
  idProperty: string;
  /**
   * The CRS when the file declares none: EPSG reference ("EPSG:25832", "urn:ogc:def:crs:EPSG::25832") or WKT.
   * GeoJSON declares it in its `crs` member, a Shapefile in the .prj beside it; a conflicting option is an error.
   */
  crs?: string;
  /** Shapefiles: encoding of the .dbf (default from the .cpg, else windows-1252). */
  encoding?: string;
}

/**
 * Reads area boundaries from GeoJSON (`.geojson`, `.json`) or an ESRI Shapefile (`.shp` with `.dbf` and `.prj`
 * beside it) in any common CRS — WGS84, ETRS89 / UTM 32N/33N (EPSG:25832/25833, also with zone number 4647/5650),
 * ETRS89 / LAEA (3035), Gauß-Krüger zones 2–4 (31466–31468), Web-Mercator (3857) or any WKT proj4 understands —
 * reprojects to WGS84 [lon, lat] with proj4 and applies every check of `parseGeoJson`. Projected coordinates
 * without a declared CRS are an error that names the likely EPSG codes.
 *
 * @returns the checked areas; `crs` names the file's CRS
 * @throws DataError (German for CRS, file and key problems), e.g.
 * - `readGeometry: x.geojson: projizierte Koordinaten ohne Angabe des Koordinatensystems (…): vermutlich EPSG:25832 …`
 * - `readShapefile: x.shp: die Attributdatei x.dbf fehlt …`; `… die Projektionsdatei x.prj fehlt …`
 * - `readGeometry: x.geojson: unbekanntes Koordinatensystem "EPSG:2398" …`
 * @example
 * const areas = await readGeometry("stadtteile.shp", { idProperty: "STT_NR" });
 * contiguityWeights(areas, { idProperty: areas.idProperty });
 */
export async function readGeometry(path: string, options: GeometryOptions): Promise<AreaGeometries> {
  const fn = "readGeometry";
  const ext = extname(path).toLowerCase();
  if (ext === ".shp") return readShapefile(path, options);
  if (ext !== ".geojson" && ext !== ".json") {
    throw new DataError(fn, { file: path, value: ext, message: `unbekanntes Dateiformat ${JSON.stringify(ext)}; Gebietsgrenzen als GeoJSON (.geojson, .json) oder Shapefile (.shp mit .dbf und .prj)` });
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataError(fn, { file: path, message: `die Datei ist nicht lesbar (${(e as Error).message})` });
  }
  let root: unknown = bytes;
  try {
    root = JSON.parse(Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/, ""));
  } catch {
    // parseGeoJson reports invalid JSON and encoding
  }
  const features = (root as { features?: unknown } | null)?.features;
  if (Array.isArray(features)) checkKeyProperty(fn, path, features, options.idProperty, "");
  return parseGeoJson(root === bytes ? bytes : (root as object), { idProperty: options.idProperty, crs: options.crs, file: path, fn });
}
