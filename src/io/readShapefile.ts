import { existsSync, readFileSync } from "node:fs";
import { read as readShp } from "shapefile";
import { DataError } from "../table/dataError.js";
import type { AreaGeometries } from "./geoJsonTypes.js";
import { guessProjectedCrs } from "./guessProjectedCrs.js";
import { parseGeoJson } from "./parseGeoJson.js";
import { resolveCrs } from "./resolveCrs.js";
import { checkKeyProperty } from "./checkKeyProperty.js";

/** Options of {@link readShapefile}. */
export interface ShapefileOptions {
  /** The attribute (.dbf column) holding the area key. Note: .dbf column names have at most 10 characters. */
  idProperty: string;
  /** The CRS when there is no .prj beside the .shp (EPSG reference or WKT); must agree with the .prj if both. */
  crs?: string;
  /** Encoding of the .dbf texts (default: from the .cpg beside it, else windows-1252 as ArcGIS writes). */
  encoding?: string;
}

/**
 * Reads an ESRI Shapefile of area polygons — `x.shp` with `x.dbf` (attributes, required: the key is there) and
 * `x.prj` (the CRS as WKT; required unless `crs` is given) beside it — reprojects it to WGS84 and applies every
 * check of `parseGeoJson` (Polygon/MultiPolygon, keys present and unique, closed rings, finite coordinates).
 * The .dbf encoding comes from the `.cpg` file ("UTF-8", "1252", "ISO-8859-1" …), else windows-1252.
 * Asynchronous because the `shapefile` package reads record by record.
 *
 * @throws DataError (German), e.g. `readShapefile: x.shp: die Attributdatei x.dbf fehlt …`
 * @example
 * const areas = await readShapefile("stadtteile.shp", { idProperty: "STT_NR" });
 * areas.crs; // "EPSG:25832"; areas.features[0].geometry.coordinates: [lon, lat]
 */
export async function readShapefile(path: string, options: ShapefileOptions): Promise<AreaGeometries> {
  const fn = "readShapefile";
  const base = path.replace(/\.shp$/i, "");
  const sibling = (ext: string) => [`${base}.${ext}`, `${base}.${ext.toUpperCase()}`].find((p) => existsSync(p));
  if (!existsSync(path)) throw new DataError(fn, { file: path, message: "die Datei fehlt oder ist nicht lesbar" });
  const dbf = sibling("dbf");
  if (!dbf) {
    throw new DataError(fn, { file: path, message: `die Attributdatei ${base}.dbf fehlt (sie enthält die Schlüssel der Gebiete); alle Teile der Shapefile (.shp, .shx, .dbf, .prj, .cpg) in denselben Ordner legen` });
  }
  const prj = sibling("prj");
  const cpg = sibling("cpg");
  const encoding = options.encoding ?? (cpg ? encodingFromCpg(readFileSync(cpg, "latin1")) : "windows-1252");
  let collection: { type: string; features: unknown[]; bbox?: number[] };
  try {
    collection = (await readShp(readFileSync(path), readFileSync(dbf), { encoding })) as never;
  } catch (e) {
    throw new DataError(fn, { file: path, message: `keine lesbare Shapefile (${(e as Error).message})` });
  }
  const wkt = prj ? readFileSync(prj, "latin1").trim() : undefined;
  if (wkt === undefined && options.crs === undefined) {
    const guesses = collection.bbox && collection.bbox.length >= 4 ? guessProjectedCrs([collection.bbox[0], collection.bbox[1], collection.bbox[2], collection.bbox[3]]) : [];
    const hint = guesses.length ? `, vermutlich ${guesses.join(" oder ")}` : "";
    throw new DataError(fn, { file: path, message: `die Projektionsdatei ${base}.prj fehlt, das Koordinatensystem ist unbekannt${hint}; die .prj dazulegen oder die Option crs angeben (z. B. crs: "${guesses[0] ?? "EPSG:25832"}")` });
  }
  if (wkt !== undefined && options.crs !== undefined) {
    const a = resolveCrs(wkt, fn, prj!, "Projektionsdatei");
    const b = resolveCrs(options.crs, fn, path, "Option crs");
    if (a.code !== b.code) throw new DataError(fn, { file: path, column: "crs", value: options.crs, message: `die .prj nennt ${a.code} (${a.name}), die Option crs aber ${b.code} (${b.name}); die Option weglassen oder die .prj prüfen` });
  }
  checkKeyProperty(fn, path, collection.features, options.idProperty, " (Spaltennamen in .dbf-Dateien haben höchstens 10 Zeichen)");
  const areas = parseGeoJson({ type: "FeatureCollection", features: collection.features }, { idProperty: options.idProperty, crs: wkt ?? options.crs, file: path, fn });
  return { ...areas, warnings: [...areas.warnings, ...(cpg || options.encoding ? [] : [`${fn}: ${path}: keine .cpg-Datei; die Texte der .dbf werden als windows-1252 gelesen`])] };
}

/** The TextDecoder label for the contents of a .cpg file ("UTF-8", "1252", "ANSI 1252", "ISO-8859-1" …). */
export function encodingFromCpg(text: string): string {
  const t = text.trim().toLowerCase().replace(/^ansi\s*/, "");
  if (/^utf-?8$/.test(t)) return "utf-8";
  if (/^(cp|windows-?)?1252$/.test(t)) return "windows-1252";
  if (/^(iso-?)?8859-?1$|^88591$|^latin-?1$/.test(t)) return "iso-8859-1";
  if (/^(iso-?)?8859-?15$|^885915$/.test(t)) return "iso-8859-15";
  if (/^(cp|ibm)?850$/.test(t)) return "ibm850";
  return "windows-1252";
}
