import type { AreaRow, AreaTable, ColumnType } from "../table/areaTable.js";
import { Missing, type Cell } from "../table/missing.js";
import type { AreaGeometries } from "./geoJsonTypes.js";

/**
 * The properties of GeoJSON areas as an `AreaTable` (id column = `idProperty`, key as string), e.g. to join them
 * with a CSV by `joinAreaTables` and see which areas have no polygon. Numbers stay numbers, strings strings,
 * null/absent values become `missing("")`, other values (booleans, objects) their JSON text. A column is "number"
 * when all its present values are numbers. `rowNumbers` are feature indices.
 *
 * @example
 * const polygons = geoJsonTable(readGeoJson("x.geojson", { idProperty: "PLR_ID" }));
 * joinAreaTables(polygons, readCsv("y.csv", { id: "PLR_ID" })).excluded;
 */
export function geoJsonTable(areas: AreaGeometries): AreaTable {
  const id = areas.idProperty;
  const columns: string[] = [id];
  const seen = new Set(columns);
  for (const f of areas.features) for (const k of Object.keys(f.properties)) if (!seen.has(k)) (seen.add(k), columns.push(k));
  const columnTypes: Record<string, ColumnType> = {};
  for (const c of columns) {
    columnTypes[c] = c !== id && areas.features.every((f) => f.properties[c] === null || f.properties[c] === undefined || typeof f.properties[c] === "number") ? "number" : "string";
  }
  const rows: AreaRow[] = areas.features.map((f) => {
    const row: AreaRow = {};
    for (const c of columns) row[c] = c === id ? f.id : toCell(f.properties[c]);
    return row;
  });
  return {
    file: areas.file,
    id,
    columns,
    columnTypes,
    rows,
    rowNumbers: areas.features.map((_, i) => i),
    warnings: [...areas.warnings],
    source: { format: "geojson" },
  };
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return new Missing("");
  if (typeof v === "number") return Number.isFinite(v) ? v : new Missing(String(v));
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}
