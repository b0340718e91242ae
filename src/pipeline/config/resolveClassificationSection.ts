import type { AnalysisConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import { sectionOf, type ConfigChecks } from "./configChecks.js";

type Classification = Pick<ResolvedAnalysisConfig, "thresholds" | "verdictRule">;

/** `thresholds` (strong not below flag) and `verdictRule` (how indicator flags become a verdict). */
export function resolveClassificationSection(config: Pick<AnalysisConfig, keyof Classification>, checks: ConfigChecks): Classification {
  const d = DEFAULT_ANALYSIS_CONFIG;
  const t = sectionOf(config.thresholds);
  const flag = checks.num("thresholds.flag", t.flag, d.thresholds.flag, () => true, "eine Zahl");
  const strong = checks.num("thresholds.strong", t.strong, d.thresholds.strong, () => true, "eine Zahl");
  if (strong < flag) checks.problems.push(`"thresholds.strong" (${strong}) darf nicht unter "thresholds.flag" (${flag}) liegen`);

  const rule = { ...d.verdictRule, ...sectionOf(config.verdictRule) } as ResolvedAnalysisConfig["verdictRule"];
  if (typeof rule.strongIfAnyStrong !== "boolean") checks.problems.push(`"verdictRule.strongIfAnyStrong" muss true oder false sein, angegeben: ${JSON.stringify(rule.strongIfAnyStrong)}`);
  for (const k of ["strongMinFlags", "minFlags"] as const) {
    if (typeof rule[k] !== "number" || !(rule[k] >= 1)) checks.problems.push(`"verdictRule.${k}" muss eine Zahl ≥ 1 sein, angegeben: ${JSON.stringify(rule[k])}`);
  }
  return { thresholds: { flag, strong }, verdictRule: rule };
}
