import type { ResolvedAnalysisConfig, TypesConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { ConfigChecks } from "./configChecks.js";

/** The "Sozialraumtypen" section with defaults; the seed is the analysis seed. */
export function resolveTypesSection(tc: Partial<TypesConfig>, seed: number, checks: ConfigChecks): NonNullable<ResolvedAnalysisConfig["types"]> {
  const d = DEFAULT_ANALYSIS_CONFIG.types;
  const explainedShare = checks.num("types.explainedShare", tc.explainedShare, d.explainedShare, (x) => x > 0 && x <= 1, "eine Zahl über 0 und höchstens 1");
  let kRange: [number, number] = [d.kRange[0], d.kRange[1]];
  if (tc.kRange !== undefined) {
    const k = tc.kRange as unknown;
    if (!Array.isArray(k) || k.length !== 2 || !k.every((x) => Number.isInteger(x)) || !(k[0] >= 2 && k[1] >= k[0])) {
      checks.problems.push(`"types.kRange" muss zwei ganze Zahlen [min, max] mit 2 ≤ min ≤ max sein, angegeben: ${JSON.stringify(k)}`);
    } else kRange = [k[0], k[1]];
  }
  const resamples = checks.num("types.resamples", tc.resamples, d.resamples, (x) => Number.isInteger(x) && x >= 0, "eine ganze Zahl ≥ 0");
  return { explainedShare, kRange, resamples, seed };
}
