import type { IndicatorDefinition } from "../indicators/indicatorDefinition.js";
import type { AreaTable } from "../table/areaTable.js";
import type { Exclusion } from "../table/exclusion.js";
import { assembleYears, type CellOrigin } from "./assembleYears.js";
import { checkSourceColumns, type ResolvedChangeIndicator, type ResolvedShareIndicator } from "./checkSourceColumns.js";
import { readSourceTable, type DroppedRow, type ReadSourceTable, type SourceFile } from "./readSourceTable.js";
import { SourcesError, type SourceProblem } from "./sourceProblem.js";
import type { SourceColumnKind, SourcesConfig } from "./sourcesConfig.js";
import { listNames, meintenSie } from "./suggest.js";
import { validateSourcesConfig } from "./validateSourcesConfig.js";

/** The key column of every table `loadSources` returns. */
export const SOURCES_ID = "sozialraum_id";

/** One area of the area list, with its name and hierarchy. */
export interface SourceArea {
  id: string;
  /** The name (the key when no name column is configured). */
  name: string;
  /** Level → value, e.g. `{ bezirk: "Mitte" }` (levels as configured in `areas.hierarchy`). */
  hierarchy: Record<string, string>;
  /** Where the area is listed. */
  file: string;
  row: number;
  /** True when the area is in `excluded` (not in the year tables). */
  excluded: boolean;
}

/** The result of `loadSources`: per-year area tables ready for the analysis, and everything left out. */
export interface LoadedSources {
  name: "loadSources";
  /** The key column of every year table: "sozialraum_id". */
  id: string;
  /**
   * Year → one row per included area (area-list order), key column `id` then every data column (renamed). The
   * same areas in every year. `rowNumbers` are the rows of the area list.
   */
  years: Map<number, AreaTable>;
  /** Every area of the area list, including excluded ones. */
  areas: SourceArea[];
  /** The population column in the year tables (a count), if configured. */
  population?: string;
  /** The hierarchy levels configured (keys of `SourceArea.hierarchy`). */
  hierarchyLevels: string[];
  /** The kind of every data column (count, share, change, number, text). */
  kinds: Record<string, SourceColumnKind>;
  /** Indicators given as published shares (see `ShareIndicatorDefinition`), checked. */
  shares: ResolvedShareIndicator[];
  /** Published changes for the dynamic index, checked. */
  changes: ResolvedChangeIndicator[];
  /** Areas left out, with the reason in German (step "sources"): invalid per publisher, missing from a table. */
  excluded: Exclusion[];
  /** Rows that are not areas (aggregate rows by configuration or detected sums, keys not in the area list). */
  dropped: DroppedRow[];
  /** German notes a reviewer should read. */
  warnings: string[];
  /** The files read, with SHA-256 (provenance). */
  files: SourceFile[];
  /** Where a value came from: file and spreadsheet row, for messages of later steps. */
  origin(year: number, key: string, column: string): CellOrigin | undefined;
}

/** Options of `loadSources`. */
export interface LoadSourcesOptions {
  /** Folder that relative file names are relative to (the configuration file's folder). */
  baseDir: string;
  /** Count indicators whose numerator and denominator columns must exist and hold counts. */
  indicators?: readonly IndicatorDefinition[];
}

/** `checkSources`: every problem at once, and the result when there is none. */
export interface SourcesCheck {
  problems: SourceProblem[];
  warnings: string[];
  result?: LoadedSources;
}

/**
 * Reads a city's own tables as the `sources` block of a configuration describes them and returns one area table
 * per year, joined on the area key, with every area left out listed with its reason.
 *
 * Steps: validate the block (every problem at once, "meinten Sie …?"); read each table (CSV or XLSX sheet,
 * missing and zero markers); keep out aggregate rows (keys, pattern, rows, detected sums); mark areas the
 * publisher declares invalid; year from a fixed value or a column; long → wide (arquero pivot); select and rename
 * columns; check counts (non-negative whole numbers) and numbers ("12a" names its area); join all tables per
 * year on the key (a column in two tables must agree; a conflict names both files and rows); areas missing from
 * a table are excluded in every year, so that every year has the same areas.
 *
 * @param config the `sources` block (see `SourcesConfig`)
 * @param options `baseDir` for relative paths; `indicators` to check count indicators against the columns
 * @throws SourcesError listing every problem in German (file, row, column, area key, value)
 * @example
 * const s = await loadSources(config.sources, { baseDir: "examples/flensburg-2022" });
 * s.years.get(2022)?.rows[0]; // { sozialraum_id: "STGT01", einwohner: 3912, arbeitslose: 219, … }
 * s.excluded;                 // [{ id: "STGT07", reason: "fehlt in fl_unemployed.csv (2022)", step: "sources" }]
 */
export async function loadSources(config: SourcesConfig, options: LoadSourcesOptions): Promise<LoadedSources> {
  const check = await checkSources(config, options);
  if (check.problems.length || !check.result) throw new SourcesError(check.problems);
  return check.result;
}

/**
 * Like `loadSources`, but returns the problems instead of throwing: for `sozialraum check`, which reports
 * everything wrong with configuration and data in one pass.
 */
export async function checkSources(raw: unknown, options: LoadSourcesOptions): Promise<SourcesCheck> {
  const problems = validateSourcesConfig(raw);
  if (problems.length) return { problems, warnings: [] };
  const config = raw as SourcesConfig;
  const tables: ReadSourceTable[] = [];
  for (const t of config.tables) tables.push(await readSourceTable(t, options.baseDir));
  const warnings = tables.flatMap((t) => t.warnings);
  for (const t of tables) problems.push(...t.problems);
  if (tables.some((t) => !t.provenance)) return { problems, warnings };

  const areaTable = findAreaTable(config, tables);
  const areas = areaList(config, areaTable, problems);
  const assembled = assembleYears(config, tables, areas, areaTable, problems, warnings);
  const columns = checkSourceColumns(config, assembled, options.indicators ?? [], problems, warnings);
  if (problems.length) return { problems, warnings };

  const excludedIds = new Set(assembled.excluded.map((e) => e.id));
  const result: LoadedSources = {
    name: "loadSources",
    id: SOURCES_ID,
    years: assembled.years,
    areas: areas.map((a) => ({ ...a, excluded: excludedIds.has(a.id) })),
    population: config.areas?.population,
    hierarchyLevels: Object.keys(config.areas?.hierarchy ?? {}),
    kinds: assembled.kinds,
    shares: columns.shares,
    changes: columns.changes,
    excluded: assembled.excluded,
    dropped: tables.flatMap((t) => t.dropped).concat(assembled.dropped),
    warnings,
    files: tables.map((t) => t.provenance as SourceFile),
    origin: assembled.origin,
  };
  return { problems, warnings, result };
}

function findAreaTable(config: SourcesConfig, tables: ReadSourceTable[]): ReadSourceTable {
  const wanted = config.areas?.table;
  if (wanted === undefined) return tables[0];
  return tables.find((t) => t.name === wanted) ?? tables.find((t) => t.file === wanted) ?? tables[0];
}

/** The area list: the keys of the area table in file order (over all its years), with name and hierarchy. */
function areaList(config: SourcesConfig, t: ReadSourceTable, problems: SourceProblem[]): Omit<SourceArea, "excluded">[] {
  const a = config.areas ?? {};
  const need = (column: string | undefined, what: string, path: string): string | undefined => {
    if (column === undefined) return undefined;
    if (t.columns.includes(column) || column === t.keyColumn) return column;
    problems.push({ path: `sources.areas.${path}`, file: t.file, column, message: `${what} nicht in der Gebietsliste ${JSON.stringify(t.name)} (vorhanden: ${listNames(t.columns)})${meintenSie(column, t.columns)}` });
    return undefined;
  };
  const nameColumn = need(a.name, "Namensspalte", "name");
  const levels = Object.entries(a.hierarchy ?? {}).map(([level, c]) => [level, need(c, `Hierarchiespalte "${level}"`, `hierarchy.${level}`)] as const);
  const seen = new Set<string>();
  const list: Omit<SourceArea, "excluded">[] = [];
  const text = (v: unknown) => (v === undefined || typeof v === "object" ? "" : String(v));
  for (const r of [...t.rows].sort((x, y) => x.row - y.row)) {
    if (seen.has(r.key)) continue;
    seen.add(r.key);
    const hierarchy: Record<string, string> = {};
    const cell = (c: string) => (c === t.keyColumn && !t.columns.includes(c) ? r.key : text(r.values[c]));
    for (const [level, c] of levels) if (c !== undefined) hierarchy[level] = cell(c);
    list.push({ id: r.key, name: nameColumn ? cell(nameColumn) || r.key : r.key, hierarchy, file: t.file, row: r.row });
  }
  return list;
}
