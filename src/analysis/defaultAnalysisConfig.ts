import { DEFAULT_VERDICT_RULE } from "../classify/conspicuousness.js";
import { DEFAULT_THRESHOLDS } from "../classify/schemes.js";
import { DEFAULT_INDICATORS } from "../indicators/defaultIndicators.js";
import { DEFAULT_SEED } from "../inference/defaultSeed.js";
import { KNOWN_FACILITY_TYPES } from "../supply/parseFacilities.js";
import type { AnalysisConfig } from "./analysisConfig.js";

/** Deeply read-only (what `Object.freeze` on every level gives). */
export type Frozen<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/** Every key of `T` present (a key may still hold `undefined`). */
type Complete<T> = { [K in keyof Required<T>]: T[K] };

/** The object form of a configuration value (sections), or never for plain values and lists. */
type SectionOf<V> = Extract<Exclude<V, readonly unknown[]>, object>;

/**
 * The type of {@link DEFAULT_ANALYSIS_CONFIG}: every key of {@link AnalysisConfig}, and every key of each section
 * (`data`, `years`, `supply`, …), so TypeScript reports a key added to the configuration but not to the defaults.
 * `undefined` marks a default computed from other values (see the key's documentation in {@link AnalysisConfig}).
 */
export type AnalysisConfigDefaults = Frozen<{
  [K in keyof Required<AnalysisConfig>]: K extends "sources"
    ? AnalysisConfig[K]
    : [SectionOf<AnalysisConfig[K]>] extends [never]
      ? AnalysisConfig[K]
      : Complete<SectionOf<AnalysisConfig[K]>>;
}>;

const defaults = {
  data: {
    dir: undefined, // the package's embedded data folder (`packageDataDir()`)
    gebiete: "gebiete.csv",
    strukturdaten: "strukturdaten_{year}.csv",
    geojson: "sozialraeume.geojson", // with `sources`: no map
    // The optional inputs: the default file is used only when it is in the folder (none with `sources`).
    einrichtungen: "einrichtungen.csv",
    stadtteiltreffen: "stadtteiltreffen.csv",
    akteure: "akteure.csv",
    kooperationen: "kooperationen.csv",
    mapId: undefined, // the map's `id` property
    mapKey: undefined, // map keys are table keys
    geojsonCrs: undefined, // the CRS the file declares
  },
  // One block: its keys depend on each other (see `AnalysisConfig.years`). The default surveys are those of these
  // years whose structural data file is in the data folder.
  years: { current: 2018, previous: 2016, surveys: [2014, 2016, 2018, 2020] },
  id: "sozialraum_id",
  indicators: DEFAULT_INDICATORS,
  minimumPopulation: 300, // as Berlin MSS
  confidence: 0.95,
  smoothing: "none",
  standardization: { mean: "unweighted", sd: "population" }, // as Berlin MSS
  thresholds: DEFAULT_THRESHOLDS,
  verdictRule: DEFAULT_VERDICT_RULE,
  // Berlin MSS S1 (Arbeitslosigkeit), S3 (Transferbezug), S4 (Kinderarmut).
  statusIndex: { indicators: ["arbeitslosigkeit", "transferbezug", "kinderarmut"] },
  dynamicIndex: { indicators: undefined }, // those of the status index
  seed: DEFAULT_SEED,
  permutations: 999,
  supply: {
    // Capacities of one kind per target group.
    facilityTypes: { children: ["Kita"], "working-age": ["Beratungsstelle"], elderly: ["Seniorentreff"] },
    allowedTypes: KNOWN_FACILITY_TYPES,
    population: undefined, // `TARGET_GROUP_POPULATION_COLUMNS`; children: the Kita age when only Kitas are counted
    measure: "catchment",
    radiusKm: 1.5,
    decay: { type: "gaussian" },
    needLevel: 1, // the flag threshold of conspicuousness (high need = need index > 1)
  },
  mix: {
    // Each measured against all residents.
    groups: { sgb2_personen: "SGB-II-Leistungsberechtigte", migrationshintergrund: "Migrationshintergrund" },
    // The six age bands of the structural data.
    composition: {
      ew_0_5: "0–5 Jahre",
      ew_6_14: "6–14 Jahre",
      ew_15_17: "15–17 Jahre",
      ew_18_24: "18–24 Jahre",
      ew_25_64: "25–64 Jahre",
      ew_65_plus: "65 Jahre und älter",
    },
  },
  neighbourhood: {
    contiguity: "queen",
    indicators: undefined, // every indicator outside the target group "context"
    alpha: 0.05,
    fdr: false,
    needIndex: true,
  },
  vernetzung: { minDensity: 0.1, minConnectedShare: 0.5 },
  sensitivity: { draws: 1000, thresholdShift: 0.25 },
  types: { explainedShare: 0.8, kRange: [2, 8], resamples: 100 },
  disclosure: { minCount: 3, minBase: 30, marker: "." },
  report: {
    title: undefined, // "Sozialraumanalyse <current year>"
    date: undefined, // today
    source: undefined, // describes the input files
  },
  sources: undefined, // the `data` conventions
} satisfies AnalysisConfigDefaults;

/**
 * Every default of {@link AnalysisConfig} in one frozen object, in the shape of the configuration: resolving a
 * configuration equal to it gives the same as resolving `{}` (the `years` block as a whole). Its keys are the
 * keys `resolveAnalysisConfig` accepts. `undefined`: the default is computed from other values.
 *
 * @example
 * DEFAULT_ANALYSIS_CONFIG.thresholds; // { flag: 1, strong: 1.5 }
 * DEFAULT_ANALYSIS_CONFIG.supply.radiusKm; // 1.5
 */
export const DEFAULT_ANALYSIS_CONFIG: Frozen<typeof defaults> = deepFreeze(defaults);

function deepFreeze<T>(value: T): Frozen<T> {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value as Frozen<T>;
}
