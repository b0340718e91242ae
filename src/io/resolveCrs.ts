import proj4 from "proj4";
import { DataError } from "../table/dataError.js";
import { crsFromWkt, epsgCode, KNOWN_CRS, knownCrs } from "./knownCrs.js";

/** A coordinate reference system ready for reprojection to WGS84. */
export interface ResolvedCrs {
  /** "EPSG:25832", or "WKT" for a .prj that names no known system. */
  code: string;
  /** German display name. */
  name: string;
  /** true for longitude/latitude (WGS84/ETRS89: coordinates are used as they are). */
  geographic: boolean;
  /** [lon, lat] in WGS84 of a projected [x, y] (identity for geographic systems). */
  toWgs84: (x: number, y: number) => [number, number];
}

/**
 * Resolves a CRS reference — an EPSG reference as in a GeoJSON `crs` member or a user option ("EPSG:25832",
 * "urn:ogc:def:crs:EPSG::25832", "CRS84", …) or a WKT text from a .prj file — to a known system with a proj4
 * transformation to WGS84. WKT naming no known system is handed to proj4's WKT parser.
 *
 * @param where the file and source of the reference, for messages (e.g. `crs-Angabe der Datei`)
 * @throws DataError `unbekanntes Koordinatensystem "EPSG:2398" (…)`
 * @example
 * resolveCrs("urn:ogc:def:crs:EPSG::25832", "readGeometry", "x.geojson", "crs").toWgs84(360000, 5654500);
 */
export function resolveCrs(reference: string, fn: string, file: string, where: string): ResolvedCrs {
  const known = /^\s*[A-Z]+\s*\[/i.test(reference) ? crsFromWkt(reference) : knownCrs(epsgCode(reference) ?? "");
  const supported = () => KNOWN_CRS.map((c) => c.code.slice(5)).join(", ");
  if (known) {
    if (known.geographic) return { code: known.code, name: known.name, geographic: true, toWgs84: (x, y) => [x, y] };
    const t = proj4(known.proj4, "WGS84");
    return { code: known.code, name: known.name, geographic: false, toWgs84: (x, y) => t.forward([x, y]) as [number, number] };
  }
  if (/^\s*(PROJCS|PROJCRS)\s*\[/i.test(reference)) {
    try {
      const t = proj4(reference, "WGS84");
      const name = /"([^"]*)"/.exec(reference)?.[1] ?? "WKT";
      return { code: "WKT", name, geographic: false, toWgs84: (x, y) => t.forward([x, y]) as [number, number] };
    } catch {
      // reported below
    }
  }
  const shown = reference.length > 80 ? `${reference.slice(0, 80)}…` : reference;
  throw new DataError(fn, {
    file,
    value: reference,
    message: `unbekanntes Koordinatensystem ${JSON.stringify(shown)} (${where}); bekannt sind EPSG ${supported()} — die Datei mit ogr2ogr -t_srs EPSG:4326 nach WGS 84 umwandeln`,
  });
}
