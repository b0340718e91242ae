import { existsSync, readFileSync } from "node:fs";
import type { ResolvedAnalysisConfig } from "../analysis/analysisConfig.js";
import { checkKeys } from "../io/checkKeys.js";
import type { AreaGeometries } from "../io/geoJsonTypes.js";
import { mapKeys, type KeyMapping } from "../io/mapKeys.js";
import { parseCsv } from "../io/parseCsv.js";
import { readGeometry } from "../io/readGeometry.js";
import type { Exclusion } from "../table/exclusion.js";
import type { InputContent } from "./analysisProvenance.js";

/** Result of {@link readAnalysisMap}. */
export interface AnalysisMap {
  /** The map areas whose key is in the table, keyed by the table keys (null: no map configured). */
  geojson: AreaGeometries | null;
  /** Table areas without a map area: left out of the map steps (step "map"). */
  excluded: Exclusion[];
  warnings: string[];
  /** The files read (.geojson, or .shp/.dbf/.prj/.cpg; a crosswalk), for the provenance. */
  inputs: InputContent[];
}

/**
 * Reads the map of an analysis (`data.geojson`: GeoJSON or Shapefile in any common CRS, `data.geojsonCrs` when
 * the file declares none) with every check of `readGeometry`, gives its areas the table keys (`data.mapKey`) and
 * compares the keys before any step runs (`checkKeys`): keys without a partner are named, with the hint at
 * leading zeros or a pattern; the analysis goes on with the matched areas and lists every table area left off
 * the map as an exclusion of the map steps. No key in common is an error.
 *
 * @example
 * const map = await readAnalysisMap(resolved, ["STGT01", "STGT02"]);
 * map.geojson?.ids; // ["STGT03", "STGT01", …] (map order, only keys of the table)
 */
export async function readAnalysisMap(config: ResolvedAnalysisConfig, tableKeys: readonly string[]): Promise<AnalysisMap> {
  const { data, id } = config;
  if (data.geojson === null) return { geojson: null, excluded: [], warnings: [], inputs: [] };
  const path = data.geojson;
  const inputs: InputContent[] = mapFiles(path).map((p) => ({ role: "Gebietsgrenzen", path: p, content: readFileSync(p) }));
  const mapping = data.mapKey ?? null;
  const idProperty = data.mapId ?? (mapping && "column" in mapping ? mapping.column : id);
  let areas = await readGeometry(path, { idProperty, crs: data.geojsonCrs ?? undefined });
  const warnings: string[] = [...areas.warnings];
  if (mapping) {
    let keyMapping: KeyMapping;
    if ("crosswalk" in mapping) {
      const bytes = readFileSync(mapping.crosswalk);
      inputs.push({ role: "Schlüsseltabelle Karte", path: mapping.crosswalk, content: bytes });
      const table = parseCsv(bytes, { id: mapping.mapColumn, file: mapping.crosswalk, fn: "readCsv" });
      keyMapping = { crosswalk: table.rows, mapColumn: mapping.mapColumn, tableColumn: mapping.tableColumn, file: mapping.crosswalk };
    } else keyMapping = mapping;
    const mapped = mapKeys(areas, keyMapping, { tableKeys, idProperty: id });
    areas = mapped.areas;
    warnings.push(...mapped.areas.warnings.filter((w) => !warnings.includes(w)));
  }
  const check = checkKeys(tableKeys, areas.ids);
  if (check.matched.length === 0) {
    throw new Error(`analyse: Karte ${path}: kein Schlüssel der Karte (Eigenschaft "${idProperty}") passt zur Tabelle. ${check.message ?? ""}`.trim());
  }
  if (check.message) warnings.push(`Karte ${path}: ${check.message}; weiter mit ${check.matched.length} Gebieten`);
  const onMap = new Set(check.matched);
  const excluded = check.onlyInTable.map((key): Exclusion => ({ id: key, reason: `nicht in der Karte (${baseName(path)}): ohne Nachbarschaft und Bedarf und Angebot`, step: "map" }));
  const features = areas.features.filter((f) => onMap.has(f.id));
  const geojson: AreaGeometries = { ...areas, idProperty: id, features: features.map((f) => ({ ...f, properties: { ...f.properties, [id]: f.id } })), ids: features.map((f) => f.id) };
  return { geojson, excluded, warnings, inputs };
}

/** A GeoJSON file, or a Shapefile's .shp with the .dbf, .prj and .cpg beside it. */
function mapFiles(path: string): string[] {
  if (!/\.shp$/i.test(path)) return [path];
  const stem = path.slice(0, -4);
  return [path, ...[".dbf", ".prj", ".cpg"].map((e) => stem + e).filter((p) => existsSync(p))];
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
