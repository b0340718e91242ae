import type { AreaRow, AreaTable, ColumnType } from "../table/areaTable.js";
import type { Exclusion } from "../table/exclusion.js";
import { Missing, type Cell } from "../table/missing.js";
import type { DroppedRow, ReadSourceTable, SourceRow } from "./readSourceTable.js";
import { quoted, type SourceProblem } from "./sourceProblem.js";
import type { SourceColumnKind, SourcesConfig } from "./sourcesConfig.js";

/** Where a value came from. */
export interface CellOrigin {
  file: string;
  row: number;
  /** The column name in the file (long format: the variable name). */
  column: string;
}

/** The joined year tables (internal to `loadSources`). */
export interface AssembledYears {
  years: Map<number, AreaTable>;
  kinds: Record<string, SourceColumnKind>;
  /** Which table supplies each column. */
  columnTable: Map<string, ReadSourceTable>;
  excluded: Exclusion[];
  dropped: DroppedRow[];
  origin(year: number, key: string, column: string): CellOrigin | undefined;
}

/**
 * Joins every table per year on the area key (internal to `loadSources`): tables without a year join every
 * year. An area marked invalid, or missing from a table in a built year, is excluded in every year (same areas
 * in every year), with all reasons. A column supplied by two tables must agree; a disagreement is one problem per
 * column pair naming both files and rows of the first conflict and the number of conflicts.
 */
export function assembleYears(
  config: SourcesConfig,
  tables: ReadSourceTable[],
  areas: Array<{ id: string; row: number }>,
  areaTable: ReadSourceTable,
  problems: SourceProblem[],
  warnings: string[],
): AssembledYears {
  const years = chooseYears(config, tables, problems, warnings);
  const index = new Map<ReadSourceTable, Map<string, SourceRow>>();
  for (const t of tables) index.set(t, new Map(t.rows.map((r) => [`${r.key}\u0000${r.year}`, r])));
  const get = (t: ReadSourceTable, key: string, year: number) => index.get(t)?.get(`${key}\u0000${hasYear(t) ? year : null}`);

  // Exclusions: invalid per publisher, then missing from a table.
  const reasons = new Map<string, string[]>();
  const why = (key: string, reason: string) => reasons.set(key, [...(reasons.get(key) ?? []), reason]);
  for (const t of tables) for (const r of t.rows) {
    if (r.invalid === undefined || (r.year !== null && !years.includes(r.year))) continue;
    const text = `${r.invalid} (laut ${t.file.replace(/^.*[\\/]/, "")} Zeile ${r.row}, Spalte ${JSON.stringify(t.invalid.find((x) => x.row === r.row)?.column ?? "")})`;
    if (!reasons.get(r.key)?.includes(text)) why(r.key, text);
  }
  for (const a of areas) {
    for (const t of tables) {
      const missingYears = (hasYear(t) ? years : [years[0]]).filter((y) => !get(t, a.id, y));
      if (missingYears.length) why(a.id, `fehlt in ${t.file}${hasYear(t) ? ` (${missingYears.join(", ")})` : ""}`);
    }
  }
  const excluded: Exclusion[] = areas.filter((a) => reasons.has(a.id)).map((a) => ({ id: a.id, reason: (reasons.get(a.id) as string[]).join("; "), step: "sources" }));

  // Keys not in the area list.
  const known = new Set(areas.map((a) => a.id));
  const dropped: DroppedRow[] = [];
  for (const t of tables) {
    if (t === areaTable) continue;
    const listed = new Set<string>();
    for (const r of t.rows) if (!known.has(r.key) && !listed.has(r.key)) (listed.add(r.key), dropped.push({ file: t.file, row: r.row, key: r.key, reason: `nicht in der Gebietsliste ${areaTable.file}` }));
  }
  if (dropped.length) warnings.push(`${dropped.length} ${dropped.length === 1 ? "Schlüssel steht" : "Schlüssel stehen"} nicht in der Gebietsliste ${areaTable.file} und ${dropped.length === 1 ? "bleibt" : "bleiben"} unberücksichtigt: ${dropped.slice(0, 8).map((d) => `${JSON.stringify(d.key)} (${d.file} Zeile ${d.row})`).join(", ")}${dropped.length > 8 ? ", …" : ""}`);

  // Columns: which table supplies each; kinds.
  const columnTable = new Map<string, ReadSourceTable>();
  const kinds: Record<string, SourceColumnKind> = {};
  const shared: Array<[string, ReadSourceTable, ReadSourceTable]> = [];
  for (const t of tables) {
    for (const c of t.columns) {
      const before = columnTable.get(c);
      if (before) shared.push([c, before, t]);
      else (columnTable.set(c, t), (kinds[c] = t.kinds[c]));
    }
  }
  const included = areas.filter((a) => !reasons.has(a.id));
  for (const [c, a, b] of shared) conflicts(c, a, b, included, years, get, problems);

  const columns = [...columnTable.keys()];
  const columnTypes: Record<string, ColumnType> = { sozialraum_id: "string" };
  for (const c of columns) columnTypes[c] = kinds[c] === "text" ? "string" : "number";
  const out = new Map<number, AreaTable>();
  for (const y of years) {
    const rows: AreaRow[] = included.map((a) => {
      const row: AreaRow = { sozialraum_id: a.id };
      for (const c of columns) row[c] = get(columnTable.get(c) as ReadSourceTable, a.id, y)?.values[c] ?? new Missing("");
      return row;
    });
    const files = [...new Set(tables.filter((t) => !hasYear(t) || t.rows.some((r) => r.year === y)).map((t) => t.file))];
    out.set(y, { file: `Datenquellen ${y} (${files.join(", ")})`, id: "sozialraum_id", columns: ["sozialraum_id", ...columns], columnTypes, rows, rowNumbers: included.map((a) => a.row), warnings: [], source: { format: "rows" } });
  }
  const origin = (year: number, key: string, column: string): CellOrigin | undefined => {
    const t = columnTable.get(column);
    const r = t && get(t, key, year);
    if (!t || !r) return undefined;
    const long = t.cellRows.get(`${key}\u0000${r.year}\u0000${column}`);
    return { file: t.file, row: long ?? r.row, column: t.origin[column] ?? column };
  };
  return { years: out, kinds, columnTable, excluded, dropped, origin };
}

function hasYear(t: ReadSourceTable): boolean {
  return t.rows.some((r) => r.year !== null);
}

/** `years` of the configuration, else every year that all tables with a year have (with a note on the rest). */
function chooseYears(config: SourcesConfig, tables: ReadSourceTable[], problems: SourceProblem[], warnings: string[]): number[] {
  const yearly = tables.filter(hasYear);
  const of = (t: ReadSourceTable) => [...new Set(t.rows.map((r) => r.year as number))].sort((a, b) => a - b);
  if (yearly.length === 0) {
    problems.push({ path: "sources.tables", message: 'keine Tabelle hat ein Jahr: bei mindestens einer Tabelle "year" angeben (eine Jahreszahl oder { "column": … })' });
    return [];
  }
  if (config.years) {
    for (const t of yearly) {
      const have = of(t);
      const lacking = config.years.filter((y) => !have.includes(y));
      if (lacking.length) problems.push({ path: "sources.years", file: t.file, message: `keine Zeilen für ${lacking.join(", ")} (Jahre in der Datei: ${have.join(", ")})` });
    }
    return [...config.years].sort((a, b) => a - b);
  }
  const all = [...new Set(yearly.flatMap(of))].sort((a, b) => a - b);
  const common = all.filter((y) => yearly.every((t) => of(t).includes(y)));
  if (common.length === 0) problems.push({ path: "sources.tables", message: `kein Jahr kommt in allen Tabellen mit Jahr vor (${yearly.map((t) => `${t.file}: ${of(t).join(", ")}`).join("; ")})` });
  else if (common.length < all.length) warnings.push(`Jahre ${common.join(", ")} verwendet (in allen Tabellen vorhanden); nicht in allen Tabellen: ${all.filter((y) => !common.includes(y)).join(", ")}`);
  return common;
}

function conflicts(
  c: string,
  a: ReadSourceTable,
  b: ReadSourceTable,
  areas: Array<{ id: string }>,
  years: number[],
  get: (t: ReadSourceTable, key: string, year: number) => SourceRow | undefined,
  problems: SourceProblem[],
): void {
  let first: SourceProblem | undefined;
  let n = 0;
  for (const y of years) {
    for (const area of areas) {
      const ra = get(a, area.id, y);
      const rb = get(b, area.id, y);
      if (!ra || !rb || same(ra.values[c], rb.values[c])) continue;
      n++;
      first ??= {
        file: b.file,
        row: rb.row,
        column: b.origin[c] ?? c,
        key: area.id,
        value: rb.values[c],
        message: `Wert ${quoted(rb.values[c])} (${y}) widerspricht ${a.file} Zeile ${ra.row}, Spalte ${JSON.stringify(a.origin[c] ?? c)}: ${quoted(ra.values[c])}`,
      };
    }
  }
  if (first) {
    first.message += `; beide Tabellen liefern die Spalte ${JSON.stringify(c)}${n > 1 ? ` (${n} Widersprüche)` : ""} – in "columns" umbenennen oder weglassen`;
    problems.push(first);
  }
}

function same(x: Cell | undefined, y: Cell | undefined): boolean {
  if (x instanceof Missing || y instanceof Missing) return x instanceof Missing && y instanceof Missing;
  return x === y;
}
