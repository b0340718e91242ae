import { readFileSync } from "node:fs";
import type { AnalysisConfig } from "../analysis/analysisConfig.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";
import { loadSources, type LoadedSources } from "../sources/loadSources.js";
import { parseFacilities } from "../supply/parseFacilities.js";
import { parseObservations } from "../supply/parseObservations.js";
import type { AreaTable } from "../table/areaTable.js";
import { areaTableFromRows } from "../table/areaTableFromRows.js";
import type { Exclusion } from "../table/exclusion.js";
import type { InputContent } from "./analysisProvenance.js";
import { analyseTables } from "./analyseTables.js";
import { readAnalysisMap } from "./readAnalysisMap.js";
import { resolveAnalysisConfig } from "./resolveAnalysisConfig.js";
import { runAnalysis, type RunAnalysisOptions } from "./runAnalysis.js";
import type { AnalysisTables } from "./steps/context.js";

/**
 * The whole Sozialraumanalyse for any configuration: with a `sources` block it first reads the city's own tables
 * (`loadSources`, asynchronous: XLSX), then the optional map (`readGeometry`: GeoJSON in any common CRS or a
 * Shapefile), facilities and observations, and runs {@link analyseTables}; without `sources` it is
 * {@link runAnalysis}. Areas `loadSources` leaves out (invalid per publisher, missing from a table) and rows that
 * are not areas (totals) are listed first in `excluded`; every source file is in the provenance with its SHA-256.
 *
 * @example
 * const config = loadAnalysisConfig("examples/berlin-mss-2021/sozialraum.json");
 * const result = await runSourcesAnalysis(config);
 * result.ranking[0].status_klasse; // 4 (sehr niedrig)
 */
export async function runSourcesAnalysis(config: AnalysisConfig = {}, options: RunAnalysisOptions = {}): Promise<AnalysisResult> {
  const resolved = resolveAnalysisConfig(config, { baseDir: options.baseDir, today: options.today });
  if (!resolved.sources) return runAnalysis(config, options);
  options.onProgress?.({ step: 0, total: 0, message: `Quelldaten lesen (${resolved.sources.config.tables.length} Tabellen)` });
  const loaded = await loadSources(resolved.sources.config, { baseDir: resolved.sources.baseDir, indicators: resolved.indicators });
  const { current, previous } = resolved.years;
  const yearTable = (year: number): AreaTable => {
    const t = loaded.years.get(year);
    if (!t) throw new Error(`runSourcesAnalysis: keine Daten für ${year} in den Quelldaten (Jahre: ${[...loaded.years.keys()].join(", ") || "keine"}); "years" der Konfiguration anpassen`);
    return t;
  };
  const inputs: InputContent[] = loaded.files.map((f) => ({ role: `Quelldaten ${f.table}${f.sheet ? ` (${f.sheet})` : ""}`, path: f.file, content: readFileSync(f.file) }));
  const { data } = resolved;
  const areaIds = loaded.areas.filter((a) => !a.excluded).map((a) => a.id);
  const map = await readAnalysisMap(resolved, areaIds);
  inputs.push(...map.inputs);
  const geojson = map.geojson;
  const fileWarnings: string[] = [];
  const facilities =
    resolved.supply !== null && data.einrichtungen !== null
      ? parseFacilities(readRole(inputs, "Einrichtungen", data.einrichtungen), { onWarning: (w: string) => fileWarnings.push(w), file: data.einrichtungen, types: resolved.supply.allowedTypes })
      : null;
  const observations =
    resolved.supply !== null && data.stadtteiltreffen !== null
      ? parseObservations(readRole(inputs, "Stadtteiltreffen", data.stadtteiltreffen), { onWarning: (w: string) => fileWarnings.push(w), file: data.stadtteiltreffen, areaIds })
      : null;
  const tables: AnalysisTables = {
    gebiete: sourcesAreaTable(loaded),
    current: yearTable(current),
    previous: previous !== null ? yearTable(previous) : null,
    geojson,
    facilities,
    observations,
    population: loaded.population ?? "einwohner",
    hierarchyLevels: loaded.hierarchyLevels,
    shares: loaded.shares,
    changes: loaded.changes,
    excluded: [...sourcesExclusions(loaded), ...map.excluded],
  };
  const result = analyseTables(tables, resolved, { ...options, inputs });
  return { ...result, warnings: [...loaded.warnings, ...map.warnings, ...fileWarnings, ...result.warnings] };
}

/** The area list as `gebiete` rows: key, name and one column per hierarchy level; areas left out are not in it. */
export function sourcesAreaList(loaded: LoadedSources): Record<string, string>[] {
  return loaded.areas.filter((a) => !a.excluded).map((a) => ({ [loaded.id]: a.id, sozialraum_name: a.name, ...a.hierarchy }));
}

/**
 * The area list as an `AreaTable` (as `readCsv` would give it for a `gebiete.csv`): the rows of
 * {@link sourcesAreaList}, each with the spreadsheet row of its file, so that the join's messages point there.
 */
export function sourcesAreaTable(loaded: LoadedSources): AreaTable {
  const kept = loaded.areas.filter((a) => !a.excluded);
  const files = [...new Set(kept.map((a) => a.file))];
  const table = areaTableFromRows(sourcesAreaList(loaded), { id: loaded.id, file: files.join(", ") || "Gebietsliste" });
  return { ...table, rowNumbers: kept.map((a) => a.row) };
}

/** Areas `loadSources` left out and rows that are not areas (totals), as exclusions of step "sources". */
export function sourcesExclusions(loaded: LoadedSources): Exclusion[] {
  const dropped = loaded.dropped.map((d): Exclusion => ({
    id: d.key,
    reason: `kein Sozialraum: ${d.reason} (${baseName(d.file)}, Zeile ${d.row}${d.year !== undefined ? `, ${d.year}` : ""})`,
    step: "sources",
  }));
  return [...loaded.excluded.map((e) => ({ ...e, step: e.step ?? "sources" })), ...dropped];
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function readRole(inputs: InputContent[], role: string, path: string): Buffer {
  const bytes = readFileSync(path);
  inputs.push({ role, path, content: bytes });
  return bytes;
}
