import type { VerdictRule } from "../classify/conspicuousness.js";
import type { IndicatorDefinition } from "../indicators/indicatorDefinition.js";
import type { CatchmentDecay } from "../supply/twoStepFloatingCatchment.js";
import type { SupplyMeasure } from "../supply/needSupplyAnalysis.js";
import type { SourcesConfig } from "../sources/sourcesConfig.js";

/** How map keys become table keys (a crosswalk file is relative to the configuration file's folder). */
export type MapKeyConfig = { column: string } | { pattern: string } | { crosswalk: string; mapColumn: string; tableColumn: string };

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
 *   "data": { "dir": "daten", "einrichtungen": "einrichtungen_2024.csv" }, "seed": 2024,
 *   "supply": { "facilityTypes": { "children": ["Kita", "Familienzentrum"] }, "radiusKm": 1 },
 *   "mix": false, "sensitivity": { "draws": 500 },
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
    /**
     * Facilities `einrichtung_id;name;typ;zielgruppe;kapazitaet;lon;lat` for "Bedarf und Angebot" (default
     * "einrichtungen.csv"; when that default file is not in the folder, the section is left out with a warning;
     * null: none).
     */
    einrichtungen?: string | null;
    /**
     * Observations from district meetings `datum;sozialraum_id;zielgruppe;quelle;text;tags;bedarf` (default
     * "stadtteiltreffen.csv", optional like `einrichtungen`; null: none).
     */
    stadtteiltreffen?: string | null;
    /**
     * Local actors of the Vernetzung `akteur_id;name;art;sozialraum_id;lon;lat` (default "akteure.csv", optional
     * like `einrichtungen`; null: none).
     */
    akteure?: string | null;
    /**
     * Cooperations of the Vernetzung `kooperation_id;akteur_a;akteur_b;thema;seit;aktiv` (default
     * "kooperationen.csv", optional like `einrichtungen`; null: none).
     */
    kooperationen?: string | null;
    /** The map's property (Shapefile: .dbf column) holding its area key (default: `id`). */
    mapId?: string;
    /**
     * How map keys become table keys when they differ: `{ column }` (another property), `{ pattern: "STGT{00}" }`
     * or `{ crosswalk: "schluessel.csv", mapColumn, tableColumn }` (see `mapKeys` of `src/io`).
     */
    mapKey?: MapKeyConfig;
    /** The map's CRS when the file declares none, e.g. "EPSG:25832" (see `readGeometry`). */
    geojsonCrs?: string;
  };
  /**
   * A city's own tables (see `SourcesConfig` of `src/sources`): area list, names, hierarchy, population, count
   * columns per year, published shares and changes. Given: `data` names only the map and the optional files
   * (no default map, facilities or observations), the key column is "sozialraum_id", and `indicators` may be
   * empty when `sources.shares` gives the indicators. Paths are relative to the configuration file's folder.
   */
  sources?: SourcesConfig;
  /**
   * Analysis year and comparison year for the dynamic index (default 2018 and 2016; previous null: none), and the
   * surveys of "Entwicklung über die Erhebungen" (monitoring). A list such as `[2014, 2016, 2018, 2020]` (or
   * `{ "surveys": [...] }` without `current`) sets the surveys; then the analysis year is the last and the
   * comparison year the second-to-last. Default surveys: those of 2014, 2016, 2018 and 2020 whose structural data
   * file is in the data folder (the analysis year stays 2018, so the core report does not change); with only
   * `{ current, previous }` given, the surveys are those two years. Fewer than two surveys: no monitoring.
   */
  years?: { current?: number; previous?: number | null; surveys?: number[] } | number[];
  /** Area key column in every table and GeoJSON property (default "sozialraum_id"). */
  id?: string;
  /** Indicator catalogue (default `DEFAULT_INDICATORS` of `src/indicators`). */
  indicators?: IndicatorDefinition[];
  /** Areas with fewer residents are left out of standardisation and indices (default 300, as Berlin MSS). */
  minimumPopulation?: number;
  /** Confidence level of the Wilson intervals of the rates (default 0.95). */
  confidence?: number;
  /**
   * "empirical-bayes": standardise the global empirical-Bayes smoothed rates (Marshall 1991) instead of the raw
   * rates, which pulls small areas towards the city rate; default "none".
   */
  smoothing?: "none" | "empirical-bayes";
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
  /**
   * Seed of every random step (permutation tests of Durchmischung and Nachbarschaft, sensitivity draws; default 1;
   * a 32-bit signed whole number, as `createRng`).
   */
  seed?: number;
  /** Number of random permutations of every permutation test (default 999; at least 1). */
  permutations?: number;
  /** "Bedarf und Angebot": need per target group against facilities (false: left out). */
  supply?: SupplyConfig | false;
  /** "Durchmischung": city-wide segregation indices with permutation p-values (false: left out). */
  mix?: MixConfig | false;
  /** "Nachbarschaft": Moran's I and LISA clusters on contiguity weights (false: left out). */
  neighbourhood?: NeighbourhoodConfig | false;
  /** "Vernetzung": the cooperation network of facilities and local actors per Sozialraum (false: left out). */
  vernetzung?: VernetzungConfig | false;
  /**
   * "Sozialraumtypen": z-values of the analysis year → principal components → Ward clustering → number of types by
   * silhouette, with a seeded bootstrap stability (`sozialraumTypes` of `src/typology`; seed = `seed`; false: left out).
   */
  types?: TypesConfig | false;
  /** "Sensitivität und Unsicherheit" of the status index (`analysisSensitivity` of `src/audit`; false: left out). */
  sensitivity?: SensitivityConfig | false;
  /**
   * Statistical disclosure control of the published tables and figures (report, workbook, ranking CSV): counts
   * below `minCount` (default 3) and shares with a base below `minBase` (default 30) are withheld and marked
   * with `marker` (default "."), with secondary suppression where a total would reveal a withheld cell. The
   * analysis itself uses every value. false: no disclosure control (internal use only).
   */
  disclosure?: DisclosureConfig | false;
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

/** Options of the "Bedarf und Angebot" step (see `needSupplyAnalysis` of `src/supply`). */
export interface SupplyConfig {
  /**
   * Facility types counted per target group (capacities of different types measure different things). Default
   * `{ children: ["Kita"], "working-age": ["Beratungsstelle"], elderly: ["Seniorentreff"] }`; a group without an
   * entry counts every type serving it.
   */
  facilityTypes?: Record<string, string[]>;
  /** Types allowed in the facility file (default: Kita, Jugendzentrum, Familienzentrum, Seniorentreff, Beratungsstelle). */
  allowedTypes?: string[];
  /**
   * Structural-data columns whose sum is the population of a target group (the denominator of the supply
   * rates). Default: children 0–17 (`["ew_0_5"]`, the Kita age, when only Kitas are counted for children, as by
   * default), working-age 15–64, elderly 65+, context all residents.
   */
  population?: Record<string, string[]>;
  /** Supply measure compared with need (default "catchment": 2SFCA; "places": in the area; "withinReach": with queen neighbours). */
  measure?: SupplyMeasure;
  /** 2SFCA catchment radius in km (default 1.5). */
  radiusKm?: number;
  /** 2SFCA distance decay (default `{ type: "gaussian" }`). */
  decay?: CatchmentDecay;
  /** Need level of the quadrants: a number on the need index scale (default 1, the flag threshold: high need = need index > 1) or "median". */
  needLevel?: "median" | number;
}

/** Options of the "Durchmischung" step (see `mixSection` of `src/mix`). */
export interface MixConfig {
  /**
   * Groups measured against all residents: column → German label. Default: SGB-II-Leistungsberechtigte
   * (`sgb2_personen`) and Migrationshintergrund (`migrationshintergrund`), those present in the data.
   */
  groups?: Record<string, string>;
  /** Groups partitioning the residents (default: the six age bands `ew_0_5` … `ew_65_plus`; null: none). */
  composition?: Record<string, string> | null;
}

/** Options of the "Nachbarschaft" step (`moran`, `localMoran` of `src/spatial`). */
export interface NeighbourhoodConfig {
  /** Contiguity of the weights (default "queen"; row-standardised). */
  contiguity?: "queen" | "rook";
  /** Indicators tested besides the status index (default: every indicator outside the target group "context"). */
  indicators?: string[];
  /** Significance level of the LISA clusters (default 0.05). */
  alpha?: number;
  /** Benjamini–Hochberg adjusted p-values for the LISA clusters (default false). */
  fdr?: boolean;
  /** Also Moran's I and LISA clusters of the need index of each target group (default true). */
  needIndex?: boolean;
}

/**
 * Options of the "Vernetzung" step (`cooperationNetwork`, `conspicuousPoorlyNetworked` of `src/network`): the
 * thresholds of "auffällig, aber kaum vernetzt".
 */
export interface VernetzungConfig {
  /** Minimum density inside the area (default 0.1). */
  minDensity?: number;
  /** Minimum share of the area's actors with at least one active partner (default 0.5). */
  minConnectedShare?: number;
}

/** Rules of the statistical disclosure control of published outputs. */
export interface DisclosureConfig {
  minCount?: number;
  minBase?: number;
  marker?: string;
}

/** Options of the "Sozialraumtypen" step. */
export interface TypesConfig {
  /** Share of variance the retained principal components explain (default 0.8). */
  explainedShare?: number;
  /** Smallest and largest number of types tried (default [2, 8]). */
  kRange?: [number, number];
  /** Bootstrap resamples of the stability (default 100; 0: no stability). */
  resamples?: number;
}

/** Options of the sensitivity step (method variants and Monte Carlo draws of the status index; seeded by `seed`). */
export interface SensitivityConfig {
  /** Monte Carlo draws of the rates (default 1000; 0: method variants only). */
  draws?: number;
  /** Class boundaries are moved by ± this in the boundary variants (default 0.25). */
  thresholdShift?: number;
}

/** {@link AnalysisConfig} with every default filled in and paths absolute. */
export interface ResolvedAnalysisConfig {
  data: {
    dir: string;
    gebiete: string;
    strukturdaten: string;
    geojson: string | null;
    /** null: not given and not in the folder, or switched off. */
    einrichtungen: string | null;
    stadtteiltreffen: string | null;
    akteure: string | null;
    kooperationen: string | null;
    mapId?: string;
    mapKey?: MapKeyConfig | null;
    geojsonCrs?: string | null;
  };
  /** `surveys`: the survey years of the monitoring, oldest first (fewer than two: no monitoring). */
  years: { current: number; previous: number | null; surveys: number[] };
  /** The `sources` block and the folder its relative paths are relative to (null: the `data` conventions). */
  sources: { config: SourcesConfig; baseDir: string } | null;
  id: string;
  indicators: IndicatorDefinition[];
  minimumPopulation: number;
  confidence: number;
  smoothing: "none" | "empirical-bayes";
  standardization: { mean: "unweighted" | "weighted"; sd: "population" | "sample" };
  thresholds: { flag: number; strong: number };
  verdictRule: Required<VerdictRule>;
  statusIndex: { indicators: Array<{ id: string; weight: number }> };
  dynamicIndex: { indicators: Array<{ id: string; weight: number }> } | null;
  seed: number;
  permutations: number;
  supply: Required<SupplyConfig> | null;
  /**
   * `defaultGroups`/`defaultComposition`: the defaults were used; then columns missing from the data are left
   * out with a warning (a column named in the configuration must exist).
   */
  mix: { groups: Record<string, string>; composition: Record<string, string> | null; defaultGroups: boolean; defaultComposition: boolean } | null;
  neighbourhood: Required<NeighbourhoodConfig> | null;
  vernetzung: Required<VernetzungConfig> | null;
  sensitivity: Required<SensitivityConfig> | null;
  /** `seed` is the analysis seed. */
  types: { explainedShare: number; kRange: [number, number]; resamples: number; seed: number } | null;
  disclosure: Required<DisclosureConfig> | null;
  report: { title: string; date: string; source: string };
}
