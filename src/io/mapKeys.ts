import { DataError } from "../table/dataError.js";
import type { AreaFeature, AreaGeometries } from "./geoJsonTypes.js";

/**
 * How the keys of a map relate to the keys of the table:
 * - `{ column }`: the table key is in another property of the map (e.g. `"STT_NR"` beside `"AREA_ID"`);
 * - `{ pattern }`: the map key is the table key inside a pattern, `{00}` standing for the table key padded with
 *   leading zeros to 2 digits (`{000}`: 3 digits, `{}`: as it is) — `"STGT{00}"` turns table key "1" into "STGT01";
 * - `{ crosswalk, mapColumn, tableColumn }`: a table (e.g. `readCsv("schluessel.csv", …).rows`) with the map key
 *   in `mapColumn` and the table key in `tableColumn`.
 */
export type KeyMapping =
  | { column: string }
  | { pattern: string }
  | { crosswalk: ReadonlyArray<Readonly<Record<string, unknown>>>; mapColumn: string; tableColumn: string; file?: string };

/** Result of {@link mapKeys}. */
export interface MappedAreas {
  /** The areas with the table keys as `id` and in `properties[idProperty]`, in map order. */
  areas: AreaGeometries;
  /** Map areas without a table key (left out of `areas`), with their map key and feature index. */
  unmatched: Array<{ mapKey: string; index: number; reason: string }>;
}

/**
 * Gives the areas of a map the keys of the table (see {@link KeyMapping}). Map areas without a table key are
 * left out and listed in `unmatched` and `warnings`; two map areas with the same table key are an error.
 *
 * @param options `idProperty`: the property name of the table key in the result (default: the map's);
 *   `tableKeys`: the table keys (required for `pattern`)
 * @example
 * const { areas } = mapKeys(await readGeometry("flensburg.geojson", { idProperty: "AREA_ID" }), { pattern: "STGT{00}" },
 *   { tableKeys: ["1", "2", "3"], idProperty: "district_id" });
 * areas.ids; // ["1", "2", "3"] (in map order)
 */
export function mapKeys(areas: AreaGeometries, mapping: KeyMapping, options: { tableKeys?: readonly string[]; idProperty?: string } = {}): MappedAreas {
  const fn = "mapKeys";
  const idProperty = options.idProperty ?? areas.idProperty;
  const tableKeyOf = lookup(fn, areas, mapping, options.tableKeys);
  const features: AreaFeature[] = [];
  const unmatched: MappedAreas["unmatched"] = [];
  const first = new Map<string, number>();
  areas.features.forEach((f, index) => {
    const key = tableKeyOf(f);
    if (key === null) {
      unmatched.push({ mapKey: f.id, index, reason: "kein Tabellenschlüssel" });
      return;
    }
    const before = first.get(key);
    if (before !== undefined) {
      throw new DataError(fn, { file: areas.file, where: `features[${index}]`, column: areas.idProperty, value: f.id, message: `Kartenschlüssel ${JSON.stringify(f.id)} ergibt den Tabellenschlüssel ${JSON.stringify(key)}, den schon features[${before}] hat` });
    }
    first.set(key, index);
    features.push({ type: "Feature", id: key, geometry: f.geometry, properties: { ...f.properties, [idProperty]: key } });
  });
  const warnings = unmatched.length
    ? [`${fn}: ${areas.file}: ${unmatched.length} Gebiete der Karte ohne Tabellenschlüssel weggelassen: ${unmatched.slice(0, 10).map((u) => JSON.stringify(u.mapKey)).join(", ")}${unmatched.length > 10 ? ", …" : ""}`]
    : [];
  return { areas: { ...areas, idProperty, features, ids: features.map((f) => f.id), warnings: [...areas.warnings, ...warnings] }, unmatched };
}

function lookup(fn: string, areas: AreaGeometries, mapping: KeyMapping, tableKeys: readonly string[] | undefined): (f: AreaFeature) => string | null {
  if ("column" in mapping) {
    return (f) => {
      const v = f.properties[mapping.column];
      return typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : null;
    };
  }
  if ("pattern" in mapping) {
    const m = /^([^{}]*)\{(0*)\}([^{}]*)$/.exec(mapping.pattern);
    if (!m) throw new DataError(fn, { file: areas.file, value: mapping.pattern, message: `Schlüsselmuster ${JSON.stringify(mapping.pattern)} braucht genau einen Platzhalter wie {00} (z. B. "STGT{00}")` });
    if (!tableKeys) throw new DataError(fn, { file: areas.file, value: mapping.pattern, message: "für ein Schlüsselmuster die Tabellenschlüssel angeben (Option tableKeys)" });
    const byMapKey = new Map(tableKeys.map((k) => [`${m[1]}${k.padStart(m[2].length, "0")}${m[3]}`, k]));
    return (f) => byMapKey.get(f.id) ?? null;
  }
  const file = mapping.file ?? "<Schlüsseltabelle>";
  const byMapKey = new Map<string, string>();
  mapping.crosswalk.forEach((row, i) => {
    const a = row[mapping.mapColumn];
    const b = row[mapping.tableColumn];
    if (a === undefined || b === undefined) throw new DataError(fn, { file, row: i + 2, column: a === undefined ? mapping.mapColumn : mapping.tableColumn, message: "Spalte fehlt in der Schlüsseltabelle" });
    if (byMapKey.has(String(a))) throw new DataError(fn, { file, row: i + 2, column: mapping.mapColumn, value: a, message: `Kartenschlüssel ${JSON.stringify(String(a))} kommt doppelt vor` });
    byMapKey.set(String(a), String(b));
  });
  return (f) => byMapKey.get(f.id) ?? null;
}
