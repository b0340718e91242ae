import type { AnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { IndicatorDefinition } from "../../indicators/indicatorDefinition.js";
import type { ConfigChecks } from "./configChecks.js";

/**
 * `id` and `indicators`: the key column and the indicator catalogue. With `sources.shares` the catalogue may be
 * empty (the published shares are the indicators). `ids`: every indicator id an index or a test may name.
 */
export function resolveIndicatorSection(
  config: Pick<AnalysisConfig, "id" | "indicators" | "sources">,
  checks: ConfigChecks,
): { id: string; indicators: IndicatorDefinition[]; ids: Set<unknown> } {
  const id = checks.text("id", config.id, DEFAULT_ANALYSIS_CONFIG.id);
  let indicators: IndicatorDefinition[] = [...DEFAULT_ANALYSIS_CONFIG.indicators];
  const shares = config.sources !== undefined && Array.isArray(config.sources?.shares) ? config.sources.shares : [];
  if (config.indicators !== undefined) {
    if (shares.length > 0 && Array.isArray(config.indicators) && config.indicators.length === 0) indicators = [];
    else if (!Array.isArray(config.indicators) || config.indicators.length === 0) checks.problems.push(`"indicators" muss eine nicht leere Liste von Indikatordefinitionen sein`);
    else indicators = [...config.indicators];
  }
  const ids = new Set([...indicators.map((d) => d?.id), ...shares.map((d) => d?.id)]);
  return { id, indicators, ids };
}
