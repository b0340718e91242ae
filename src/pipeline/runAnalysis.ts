import { readFileSync } from "node:fs";
import { parseCsv } from "../io/parseCsv.js";
import { parseFacilities } from "../supply/parseFacilities.js";
import { parseObservations } from "../supply/parseObservations.js";
import { parseActors } from "../network/readActors.js";
import { parseCooperations } from "../network/readCooperations.js";
import { checkAreaTable } from "../table/checkAreaTable.js";
import { DataError } from "../table/dataError.js";
import type { InputContent } from "./analysisProvenance.js";
import type { AreaGeometries } from "../io/geoJsonTypes.js";
import { parseGeoJson } from "../io/parseGeoJson.js";
import { readGeoJson } from "../io/readGeoJson.js";
import type { AnalysisConfig } from "../analysis/analysisConfig.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";
import { analyseTables, type AnalysisRunOptions } from "./analyseTables.js";
import { resolveAnalysisConfig } from "./resolveAnalysisConfig.js";

/** Options of {@link runAnalysis}. */
export interface RunAnalysisOptions extends AnalysisRunOptions {
  /** Folder relative paths in `config` are resolved against (default: the current folder). */
  baseDir?: string;
  /** Report date used when `config.report.date` is not set (default: today). */
  today?: string;
}

/**
 * The whole Sozialraumanalyse from files: reads the area list, the structural data of the analysis year and
 * the comparison year, the area polygons, the facilities and the observations from district meetings (by
 * default the package's embedded synthetic city in `data/`), then runs {@link analyseTables}: indicators per
 * target group → z-values → flags and verdicts → status and dynamic index → classes → ranking → need index per
 * target group → Bedarf und Angebot → Durchmischung → Nachbarschaft. Returns every intermediate table, the
 * excluded areas with reasons, the resolved parameters and the provenance (SHA-256 of every file read, taken
 * from the very bytes that were parsed). Reading is reported as step 0 through `onProgress`.
 *
 * The tables are read as a user would in a notebook: `parseCsv` gives `AreaTable`s, the area list is checked
 * with `checkAreaTable` (keys present and unique), and each year is joined with it by `joinAreaTables` — the
 * same checks and German messages (file, spreadsheet row, column, key).
 *
 * @example
 * const result = runAnalysis();                              // embedded data, defaults
 * const strict = runAnalysis({ minimumPopulation: 500, thresholds: { flag: 1.5, strong: 2 } });
 * result.ranking.slice(0, 3).map((r) => r.sozialraum_name);  // the three areas with the highest status index
 */
export function runAnalysis(config: AnalysisConfig = {}, options: RunAnalysisOptions = {}): AnalysisResult {
  const resolved = resolveAnalysisConfig(config, { baseDir: options.baseDir, today: options.today });
  const { data, years, id } = resolved;
  options.onProgress?.({ step: 0, total: 0, message: `Daten lesen (${data.dir})` });
  // Every file is read once; the same bytes are parsed and hashed for the provenance.
  const inputs: InputContent[] = [];
  const read = (role: string, path: string, fn: string): Buffer => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new DataError(fn, { file: path, message: `die Datei kann nicht gelesen werden (${(e as Error).message})` });
    }
    inputs.push({ role, path, content: bytes });
    return bytes;
  };
  const csv = (role: string, path: string) => parseCsv(read(role, path, "readCsv"), { id, file: path, fn: "readCsv" });
  const yearFile = (year: number) => data.strukturdaten.replace(/\{year\}/g, String(year));
  const gebiete = csv("Gebietsliste", data.gebiete);
  // Keys present and unique before the list is used (observations, actors); analyseTables joins with it.
  checkAreaTable(gebiete, { id });
  const current = csv(`Strukturdaten ${years.current}`, yearFile(years.current));
  const previous = years.previous !== null ? csv(`Strukturdaten ${years.previous}`, yearFile(years.previous)) : null;
  const geojson = data.geojson !== null ? parseGeoJson(read("Gebietsgrenzen", data.geojson, "readGeoJson"), { idProperty: id, file: data.geojson, fn: "readGeoJson" }) : null;
  const wantSupply = resolved.supply !== null;
  const wantNetwork = resolved.vernetzung !== null && (data.akteure !== null || data.kooperationen !== null);
  // Facilities and observations are parsed from their bytes: a Windows-1252 file is read with a warning.
  const fileWarnings: string[] = [];
  const facilities =
    (wantSupply || wantNetwork) && data.einrichtungen !== null
      ? parseFacilities(read("Einrichtungen", data.einrichtungen, "readFacilities"), { onWarning: (w: string) => fileWarnings.push(w), file: data.einrichtungen, types: resolved.supply?.allowedTypes })
      : null;
  const areaIds = gebiete.rows.map((r) => String(r[id]));
  const observations =
    wantSupply && data.stadtteiltreffen !== null
      ? parseObservations(read("Stadtteiltreffen", data.stadtteiltreffen, "readObservations"), { onWarning: (w: string) => fileWarnings.push(w), file: data.stadtteiltreffen, areaIds })
      : null;

  const networkCsv = (role: string, path: string, fn: string) => parseCsv(read(role, path, fn), { file: path, fn, separator: ";", missingMarkers: [] });
  const actors = wantNetwork && data.akteure !== null ? parseActors(networkCsv("Akteure", data.akteure!, "readActors"), { areaIds }, "readActors") : null;
  const cooperations = wantNetwork && data.kooperationen !== null ? parseCooperations(networkCsv("Kooperationen", data.kooperationen!, "readCooperations"), "readCooperations") : null;

  // The surveys of the monitoring: the analysis and comparison year are not read twice.
  const surveyTables = years.surveys.length >= 2 ? years.surveys.map((y) => {
    const rows = y === years.current ? current.rows : y === years.previous && previous ? previous.rows : csv(`Strukturdaten ${y}`, yearFile(y)).rows;
    return { year: y, rows };
  }) : null;

  const result = analyseTables(
    { gebiete, current, previous, geojson, facilities, observations, actors, cooperations, surveys: surveyTables },
    resolved,
    { ...options, inputs },
  );
  const readWarnings = [gebiete, current, previous].flatMap((t) => (t ? t.warnings.map((w) => `${t.file}: ${w}`) : []));
  if (geojson) {
    const inMap = new Set(geojson.features.map((f) => String(f.properties?.[id])));
    const missingOnMap = result.areas.filter((a) => !inMap.has(a.id)).map((a) => a.id);
    if (missingOnMap.length > 0) readWarnings.push(`runAnalysis: ${missingOnMap.length} ${missingOnMap.length === 1 ? "Gebiet ist" : "Gebiete sind"} nicht auf der Karte (${missingOnMap.slice(0, 5).join(", ")}${missingOnMap.length > 5 ? ", …" : ""})`);
  }
  return { ...result, warnings: [...readWarnings, ...fileWarnings, ...result.warnings] };
}

/**
 * Reads the area polygons with io's `readGeoJson` and all its checks (Polygon/MultiPolygon, keys present, unique
 * strings, closed rings, finite coordinates; a `crs` member other than WGS84 is reprojected, projected
 * coordinates without it are an error naming the likely EPSG code).
 */
export function readAreaGeoJson(path: string, idProperty: string): AreaGeometries {
  return readGeoJson(path, { idProperty });
}
