import type { ResolvedAnalysisConfig, VernetzungConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { ConfigChecks } from "./configChecks.js";

/** The "Vernetzung" section: the thresholds of "auffällig, aber kaum vernetzt" (shares between 0 and 1). */
export function resolveVernetzungSection(vc: Partial<VernetzungConfig>, checks: ConfigChecks): NonNullable<ResolvedAnalysisConfig["vernetzung"]> {
  const d = DEFAULT_ANALYSIS_CONFIG.vernetzung;
  const share = (x: number) => x >= 0 && x <= 1;
  return {
    minDensity: checks.num("vernetzung.minDensity", vc.minDensity, d.minDensity, share, "eine Zahl zwischen 0 und 1"),
    minConnectedShare: checks.num("vernetzung.minConnectedShare", vc.minConnectedShare, d.minConnectedShare, share, "eine Zahl zwischen 0 und 1"),
  };
}
