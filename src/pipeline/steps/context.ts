import type { ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import type { AreaGeometries } from "../../io/geoJsonTypes.js";
import type { Facility } from "../../supply/parseFacilities.js";
import type { Observation } from "../../supply/parseObservations.js";
import type { Actor } from "../../network/readActors.js";
import type { Cooperation } from "../../network/readCooperations.js";
import { tableAccess, type TableAccess, type TableLike } from "../../table/tableLike.js";
import type { Exclusion } from "../../table/exclusion.js";
import type { InputContent } from "../analysisProvenance.js";
import type { ResolvedChangeIndicator, ResolvedShareIndicator } from "../../sources/checkSourceColumns.js";

/**
 * A table the analysis reads (alias of the library's one table input `TableLike`): an `AreaTable` as
 * `readCsv`/`parseCsv` return it (messages name its file and spreadsheet rows), or any other table input — plain
 * rows, an arquero table, column data — (wrapped with `areaTableFromRows`; messages name the table, e.g. "gebiete").
 */
export type TableInput = TableLike;

/** The rows of a table input. */
export function tableRows(t: TableInput): ReadonlyArray<Readonly<Record<string, unknown>>> {
  return (tableAccess(t) as TableAccess).objects();
}

/** The tables an analysis runs on (already read): what {@link runAnalysis} reads from files. */
export interface AnalysisTables {
  /** Area list (`gebiete.csv`); null: names are the ids and every area of `current` is used. */
  gebiete: TableInput | null;
  /** Structural data (counts) of the analysis year, one row per area. */
  current: TableInput;
  /** Structural data of the comparison year (null: no dynamic index). */
  previous: TableInput | null;
  /** Area polygons for the map (optional; needed by "Bedarf und Angebot" and "Nachbarschaft"). */
  geojson?: AreaGeometries | null;
  /** Facilities for "Bedarf und Angebot" (optional; e.g. `readFacilities`). */
  facilities?: ReadonlyArray<Facility> | null;
  /** Observations from district meetings (optional; e.g. `readObservations`). */
  observations?: ReadonlyArray<Observation> | null;
  /** Local actors and cooperations for "Vernetzung" (optional; e.g. `readActors`, `readCooperations`). */
  actors?: ReadonlyArray<Actor> | null;
  cooperations?: ReadonlyArray<Cooperation> | null;
  /** Population column of `current` and `previous` (default "einwohner"; a city's `sources.areas.population`). */
  population?: string;
  /** Hierarchy levels of the area list as `gebiete` columns `<level>` (a city's `sources.areas.hierarchy`). */
  hierarchyLevels?: readonly string[];
  /** Indicators given as published shares (columns of `current`; no counts, no confidence intervals). */
  shares?: readonly ResolvedShareIndicator[];
  /** Published changes (columns of `current`) for the dynamic index without a comparison year. */
  changes?: readonly ResolvedChangeIndicator[];
  /** Areas left out before the analysis (e.g. by `loadSources`), listed first in the result's exclusions. */
  excluded?: readonly Exclusion[];
  /**
   * Structural data of every survey of the monitoring, oldest first (`config.years.surveys`; optional; fewer than
   * two: no "Entwicklung über die Erhebungen").
   */
  surveys?: ReadonlyArray<{ year: number; rows: ReadonlyArray<Readonly<Record<string, unknown>>> }> | null;
}

/** A step of the analysis, reported to `onProgress`. */
export interface AnalysisProgress {
  /** 1-based step number. */
  step: number;
  /** Number of steps. */
  total: number;
  /** German description, e.g. "Indikatoren 2018 berechnen". */
  message: string;
}

/** Options of {@link analyseTables} and `runAnalysis`. */
export interface AnalysisRunOptions {
  /** Called at the start of every step (e.g. to print progress to stderr). */
  onProgress?: (progress: AnalysisProgress) => void;
  /**
   * The inputs to record in the provenance with their bytes (`runAnalysis` passes the files it read). Default:
   * the tables themselves as stable JSON, recorded as "tabelle:gebiete", "tabelle:strukturdaten_2018", ….
   */
  inputs?: readonly InputContent[];
}

/**
 * What every step of the analysis shares: the tables, the configuration, the years, and the lists every step
 * appends to (areas left out with their reason, warnings) in the order the steps run.
 */
export interface AnalysisContext {
  tables: AnalysisTables;
  config: ResolvedAnalysisConfig;
  options: AnalysisRunOptions;
  /** Column with the area key. */
  id: string;
  /** Analysis year, and the comparison year (null: no earlier data). */
  cur: number;
  prev: number | null;
  geojson: AreaGeometries | null;
  excluded: Exclusion[];
  warnings: string[];
  /** Reports the start of a step to `onProgress`. */
  progress(message: string): void;
  /** "2018: " before a reason when two years are analysed, else "". */
  yearPrefix(year: number): string;
}

/** The context of one run: counts the steps that will run, for the progress messages. */
export function analysisContext(tables: AnalysisTables, config: ResolvedAnalysisConfig, options: AnalysisRunOptions): AnalysisContext {
  const prev = tables.previous ? config.years.previous : null;
  const geojson = tables.geojson ?? null;
  const doSupply = config.supply !== null && geojson !== null && !!tables.facilities;
  const doMix = config.mix !== null;
  const doNeighbourhood = config.neighbourhood !== null && geojson !== null;
  const doSensitivity = config.sensitivity !== null && (tables.shares?.length ?? 0) === 0;
  const doVernetzung = config.vernetzung !== null && !!tables.actors && !!tables.cooperations;
  const doTypes = config.types !== null;
  const doMonitoring = (tables.surveys?.length ?? 0) >= 2;
  const fromChanges = prev === null && (tables.changes?.length ?? 0) > 0 && config.dynamicIndex !== null;
  const total =
    7 + (doTypes ? 1 : 0) + (doMonitoring ? 1 : 0) + (prev !== null || fromChanges ? 2 : 0) + (doSupply ? 1 : 0) + (doMix ? 1 : 0) +
    (doNeighbourhood ? 1 : 0) + (doVernetzung ? 1 : 0) + (doSensitivity ? 1 : 0);
  let step = 0;
  return {
    tables,
    config,
    options,
    id: config.id,
    cur: config.years.current,
    prev,
    geojson,
    excluded: [...(tables.excluded ?? [])],
    warnings: [],
    progress: (message) => options.onProgress?.({ step: ++step, total, message }),
    yearPrefix: (year) => (prev !== null ? `${year}: ` : ""),
  };
}

/** Runs a step's computation; an error names the analysis and the step (e.g. "analyseTables: Status-Index: …"). */
export function withContext<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`analyseTables: ${what}: ${(e as Error).message}`);
  }
}
