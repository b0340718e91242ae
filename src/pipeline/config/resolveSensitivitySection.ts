import type { ResolvedAnalysisConfig, SensitivityConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { ConfigChecks } from "./configChecks.js";

/** The "Sensitivität und Unsicherheit" section: Monte Carlo draws and the shift of the class boundaries. */
export function resolveSensitivitySection(sc: Partial<SensitivityConfig>, checks: ConfigChecks): NonNullable<ResolvedAnalysisConfig["sensitivity"]> {
  const d = DEFAULT_ANALYSIS_CONFIG.sensitivity;
  return {
    draws: checks.num("sensitivity.draws", sc.draws, d.draws, (x) => Number.isInteger(x) && x >= 0, "eine ganze Zahl ≥ 0"),
    thresholdShift: checks.num("sensitivity.thresholdShift", sc.thresholdShift, d.thresholdShift, (x) => x > 0, "eine Zahl > 0"),
  };
}
