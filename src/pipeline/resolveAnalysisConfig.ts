import { basename, dirname, resolve } from "node:path";
import type { AnalysisConfig, ResolvedAnalysisConfig } from "../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../analysis/defaultAnalysisConfig.js";
import { SOURCES_ID } from "../sources/loadSources.js";
import { configChecks, sectionOf } from "./config/configChecks.js";
import { resolveClassificationSection } from "./config/resolveClassificationSection.js";
import { resolveDataSection } from "./config/resolveDataSection.js";
import { resolveDisclosureSection } from "./config/resolveDisclosureSection.js";
import { resolveIndexSection } from "./config/resolveIndexSection.js";
import { resolveIndicatorSection } from "./config/resolveIndicatorSection.js";
import { resolveMixSection } from "./config/resolveMixSection.js";
import { resolveNeighbourhoodSection } from "./config/resolveNeighbourhoodSection.js";
import { resolveRandomSection } from "./config/resolveRandomSection.js";
import { resolveRatesSection } from "./config/resolveRatesSection.js";
import { resolveReportSection } from "./config/resolveReportSection.js";
import { resolveSensitivitySection } from "./config/resolveSensitivitySection.js";
import { resolveSourcesSection } from "./config/resolveSourcesSection.js";
import { resolveSupplySection } from "./config/resolveSupplySection.js";
import { resolveTypesSection } from "./config/resolveTypesSection.js";
import { resolveVernetzungSection } from "./config/resolveVernetzungSection.js";
import { resolveYearsSection } from "./config/resolveYearsSection.js";
import { unknownKeyProblems } from "./config/unknownKeyProblems.js";

export { packageDataDir } from "./config/packageDataDir.js";
export { MAX_PERMUTATIONS } from "./config/resolveRandomSection.js";
export { loadAnalysisConfig } from "./loadAnalysisConfig.js";

// The former default constants, now views of DEFAULT_ANALYSIS_CONFIG (same values, same frozen objects).
/** Default status-index indicators: Berlin MSS S1 (Arbeitslosigkeit), S3 (Transferbezug), S4 (Kinderarmut). */
export const DEFAULT_STATUS_INDICATORS: readonly string[] = DEFAULT_ANALYSIS_CONFIG.statusIndex.indicators;
/** Default facility types per target group of "Bedarf und Angebot" (capacities of one kind per group). */
export const DEFAULT_SUPPLY_FACILITY_TYPES: Readonly<Record<string, readonly string[]>> = DEFAULT_ANALYSIS_CONFIG.supply.facilityTypes;
/** Default groups of "Durchmischung", each measured against all residents. */
export const DEFAULT_MIX_GROUPS: Readonly<Record<string, string>> = DEFAULT_ANALYSIS_CONFIG.mix.groups;
/** Default composition of "Durchmischung": the six age bands of the structural data. */
export const DEFAULT_MIX_COMPOSITION: Readonly<Record<string, string>> = DEFAULT_ANALYSIS_CONFIG.mix.composition;

/**
 * Checks an analysis configuration and fills every default (`DEFAULT_ANALYSIS_CONFIG`, see {@link AnalysisConfig}),
 * one section after the other (the resolvers in `./config/`). All problems are collected into one error, one line
 * each, naming the key and the value, so a configuration file can be fixed in one go. Unknown keys are errors
 * (they are usually typos; the known keys are those of `DEFAULT_ANALYSIS_CONFIG`). Relative data paths are
 * resolved against `baseDir` (default: the current folder). Inputs are not modified.
 *
 * @example
 * resolveAnalysisConfig({ minimumPopulation: 500 }).thresholds; // { flag: 1, strong: 1.5 }
 */
export function resolveAnalysisConfig(config: AnalysisConfig = {}, options: { baseDir?: string; today?: string } = {}): ResolvedAnalysisConfig {
  const fn = "resolveAnalysisConfig";
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new Error(`${fn}: die Konfiguration muss ein Objekt sein, angegeben: ${JSON.stringify(config)}`);
  }
  const checks = configChecks(unknownKeyProblems(config));
  const baseDir = options.baseDir ?? process.cwd();
  // With `sources` the tables come from there; the map and the optional files only when `data` names them.
  const sources = resolveSourcesSection(config, baseDir, checks);
  const data = resolveDataSection(config.data, { baseDir, withSources: config.sources !== undefined }, checks);
  const years = resolveYearsSection(config.years, { strukturdaten: (y) => data.strukturdaten.replace(/\{year\}/g, String(y)) }, checks);
  const { id, indicators, ids } = resolveIndicatorSection(config, checks);
  const rates = resolveRatesSection(config, checks);
  const classification = resolveClassificationSection(config, checks);
  const indices = resolveIndexSection(config, { ids, previous: years.previous }, checks);
  const { seed, permutations } = resolveRandomSection(config, checks);
  const supply = config.supply === false ? null : resolveSupplySection(sectionOf(config.supply), checks);
  const mix = config.mix === false ? null : resolveMixSection(sectionOf(config.mix), checks);
  const neighbourhood = config.neighbourhood === false ? null : resolveNeighbourhoodSection(sectionOf(config.neighbourhood), { indicators, ids }, checks);
  const vernetzung = config.vernetzung === false ? null : resolveVernetzungSection(sectionOf(config.vernetzung), checks);
  const sensitivity = config.sensitivity === false ? null : resolveSensitivitySection(sectionOf(config.sensitivity), checks);
  const types = config.types === false ? null : resolveTypesSection(sectionOf(config.types), seed, checks);
  const disclosure = config.disclosure === false ? null : resolveDisclosureSection(sectionOf(config.disclosure), checks);
  // With `sources` the tables are the city's own, wherever `data.dir` points: the header names their folders.
  const packageData = sources === null && sectionOf(config.data).dir === undefined;
  const sourceFolders = sources === null ? undefined : sourcesFolders(sources);
  const report = resolveReportSection(config.report, { years, dir: data.dir, packageData, sourceFolders, today: options.today }, checks);

  const { problems } = checks;
  if (problems.length > 0) {
    throw new Error(`${fn}: ${problems.length} ${problems.length === 1 ? "Problem" : "Probleme"} in der Konfiguration:\n  - ${problems.join("\n  - ")}`);
  }
  return {
    data,
    years,
    sources,
    id: sources !== null ? SOURCES_ID : id,
    indicators,
    ...rates,
    ...classification,
    ...indices,
    seed,
    permutations,
    supply,
    mix,
    neighbourhood,
    vernetzung,
    sensitivity,
    types,
    disclosure,
    report,
  };
}

/** The folder names of the `sources` tables, each once, in the order of the tables (e.g. ["flensburg-sozialatlas-2022"]). */
function sourcesFolders(sources: NonNullable<ResolvedAnalysisConfig["sources"]>): string[] {
  const files = Array.isArray(sources.config.tables) ? sources.config.tables : [];
  return [...new Set(files.filter((t) => typeof t?.file === "string").map((t) => basename(dirname(resolve(sources.baseDir, t.file)))))];
}
