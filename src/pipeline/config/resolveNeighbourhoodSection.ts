import type { NeighbourhoodConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { IndicatorDefinition } from "../../indicators/indicatorDefinition.js";
import type { ConfigChecks } from "./configChecks.js";

/**
 * The "Nachbarschaft" section: contiguity, the indicators tested (default: every indicator of the catalogue
 * outside the target group "context"; each must be in `ids`), the LISA significance level, FDR, need index.
 */
export function resolveNeighbourhoodSection(
  nc: Partial<NeighbourhoodConfig>,
  context: { indicators: readonly IndicatorDefinition[]; ids: Set<unknown> },
  checks: ConfigChecks,
): NonNullable<ResolvedAnalysisConfig["neighbourhood"]> {
  const d = DEFAULT_ANALYSIS_CONFIG.neighbourhood;
  const contiguity = checks.choice("neighbourhood.contiguity", nc.contiguity, d.contiguity, ["queen", "rook"]);
  const indicators =
    nc.indicators === undefined
      ? context.indicators.filter((x) => x?.targetGroup !== "context").map((x) => x.id)
      : checks.stringList("neighbourhood.indicators", nc.indicators);
  for (const i of indicators) if (!context.ids.has(i)) checks.problems.push(`"neighbourhood.indicators": Indikator ${JSON.stringify(i)} ist nicht im Indikatorenkatalog`);
  const alpha = checks.num("neighbourhood.alpha", nc.alpha, d.alpha, (x) => x > 0 && x < 1, "eine Zahl zwischen 0 und 1");
  const fdr = checks.bool("neighbourhood.fdr", nc.fdr, d.fdr);
  const needIndex = checks.bool("neighbourhood.needIndex", nc.needIndex, d.needIndex);
  return { contiguity, indicators, alpha, fdr, needIndex };
}
