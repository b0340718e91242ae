import type { VerdictRule } from "../classify/conspicuousness.js";
import type { IndicatorDefinition } from "../indicators/indicatorDefinition.js";

/** An indicator of a composite index: its id, optionally with a weight (default 1). */
export type IndexIndicator = string | { id: string; weight?: number };

/**
 * Everything that steers {@link runAnalysis}. Every field is optional; {@link resolveAnalysisConfig} fills the
 * defaults. As a JSON file (`sozialraum analyse --config FILE`) it uses the same names; relative paths in the
 * file are relative to the file's folder.
 *
 * @example
 * // analyse.json
 * { "years": { "current": 2018, "previous": 2016 }, "minimumPopulation": 500,
 *   "thresholds": { "flag": 1, "strong": 2 }, "standardization": { "sd": "sample" },
 *   "report": { "date": "2024-03-01" } }
 */
export interface AnalysisConfig {
  /** Input files. Default: the package's embedded synthetic city (`data/`). */
  data?: {
    /** Folder with the files (default: the package's `data/`). */
    dir?: string;
    /** Area list with names and hierarchy (default "gebiete.csv"). */
    gebiete?: string;
    /** Structural data per year; "{year}" is replaced by the year (default "strukturdaten_{year}.csv"). */
    strukturdaten?: string;
    /** Area polygons for the map (default "sozialraeume.geojson"; null: no map). */
    geojson?: string | null;
  };
  /** Analysis year and comparison year for the dynamic index (default 2018 and 2016; previous null: none). */
  years?: { current?: number; previous?: number | null };
  /** Area key column in every table and GeoJSON property (default "sozialraum_id"). */
  id?: string;
  /** Indicator catalogue (default `DEFAULT_INDICATORS` of `src/indicators`). */
  indicators?: IndicatorDefinition[];
  /** Areas with fewer residents are left out of standardisation and indices (default 300, as Berlin MSS). */
  minimumPopulation?: number;
  /** Confidence level of the Wilson intervals of the rates (default 0.95). */
  confidence?: number;
  /** How z-values are computed (defaults as Berlin MSS: unweighted mean, population SD). */
  standardization?: { mean?: "unweighted" | "weighted"; sd?: "population" | "sample" };
  /** z above `flag` is "auffällig", above `strong` "stark auffällig" (default 1 and 1.5). */
  thresholds?: { flag?: number; strong?: number };
  /** How indicator flags become a verdict per target group (default: see `DEFAULT_VERDICT_RULE`). */
  verdictRule?: VerdictRule;
  /** Indicators of the status index (default Berlin MSS S1, S3, S4: arbeitslosigkeit, transferbezug, kinderarmut). */
  statusIndex?: { indicators?: IndexIndicator[] };
  /** Indicators of the dynamic index (changes in percentage points; default as the status index; false: none). */
  dynamicIndex?: { indicators?: IndexIndicator[] } | false;
  /** Report header. */
  report?: {
    /** Title (default "Sozialraumanalyse <current year>"). */
    title?: string;
    /** Report date "YYYY-MM-DD" (default: today). The only time stamp in the outputs. */
    date?: string;
    /** Data source text (default describes the input files). */
    source?: string;
  };
}

/** {@link AnalysisConfig} with every default filled in and paths absolute. */
export interface ResolvedAnalysisConfig {
  data: { dir: string; gebiete: string; strukturdaten: string; geojson: string | null };
  years: { current: number; previous: number | null };
  id: string;
  indicators: IndicatorDefinition[];
  minimumPopulation: number;
  confidence: number;
  standardization: { mean: "unweighted" | "weighted"; sd: "population" | "sample" };
  thresholds: { flag: number; strong: number };
  verdictRule: Required<VerdictRule>;
  statusIndex: { indicators: Array<{ id: string; weight: number }> };
  dynamicIndex: { indicators: Array<{ id: string; weight: number }> } | null;
  report: { title: string; date: string; source: string };
}
