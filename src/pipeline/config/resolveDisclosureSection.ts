import type { DisclosureConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { ConfigChecks } from "./configChecks.js";

/** The statistical disclosure control of published outputs: smallest count, smallest base, the marker. */
export function resolveDisclosureSection(dc: Partial<DisclosureConfig>, checks: ConfigChecks): NonNullable<ResolvedAnalysisConfig["disclosure"]> {
  const d = DEFAULT_ANALYSIS_CONFIG.disclosure;
  return {
    minCount: checks.num("disclosure.minCount", dc.minCount, d.minCount, (x) => Number.isInteger(x) && x >= 1, "eine ganze Zahl ≥ 1"),
    minBase: checks.num("disclosure.minBase", dc.minBase, d.minBase, (x) => x >= 0, "eine Zahl ≥ 0"),
    marker: checks.text("disclosure.marker", dc.marker, d.marker),
  };
}
