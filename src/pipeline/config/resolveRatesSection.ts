import type { AnalysisConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import { sectionOf, type ConfigChecks } from "./configChecks.js";

type Rates = Pick<ResolvedAnalysisConfig, "minimumPopulation" | "confidence" | "smoothing" | "standardization">;

/** How rates become z-values: `minimumPopulation`, `confidence`, `smoothing` and `standardization`. */
export function resolveRatesSection(config: Pick<AnalysisConfig, keyof Rates>, checks: ConfigChecks): Rates {
  const d = DEFAULT_ANALYSIS_CONFIG;
  const minimumPopulation = checks.num("minimumPopulation", config.minimumPopulation, d.minimumPopulation, (x) => x >= 0, "eine Zahl ≥ 0");
  const confidence = checks.num("confidence", config.confidence, d.confidence, (x) => x > 0 && x < 1, "eine Zahl zwischen 0 und 1");
  const smoothing = checks.choice("smoothing", config.smoothing, d.smoothing, ["none", "empirical-bayes"]);
  const s = sectionOf(config.standardization);
  const mean = checks.choice("standardization.mean", s.mean, d.standardization.mean, ["unweighted", "weighted"]);
  const sd = checks.choice("standardization.sd", s.sd, d.standardization.sd, ["population", "sample"]);
  return { minimumPopulation, confidence, smoothing, standardization: { mean, sd } };
}
