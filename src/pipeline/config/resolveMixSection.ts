import type { MixConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { ConfigChecks } from "./configChecks.js";

/**
 * The "Durchmischung" section: groups measured against all residents and the composition (column → German
 * label). `defaultGroups` / `defaultComposition`: the default columns are used (given or not); then columns
 * missing from the data are left out with a warning instead of an error.
 */
export function resolveMixSection(mc: Partial<MixConfig>, checks: ConfigChecks): NonNullable<ResolvedAnalysisConfig["mix"]> {
  const d = DEFAULT_ANALYSIS_CONFIG.mix;
  const labelMap = (path: string, v: unknown): Record<string, string> => {
    if (v === null || typeof v !== "object" || Array.isArray(v) || Object.keys(v).length === 0 || Object.values(v).some((x) => typeof x !== "string")) {
      checks.problems.push(`"${path}" muss ein Objekt: Spalte → deutsche Bezeichnung (mindestens eine) sein, angegeben: ${JSON.stringify(v)}`);
      return {};
    }
    return { ...(v as Record<string, string>) };
  };
  const groups = mc.groups === undefined ? { ...d.groups } : labelMap("mix.groups", mc.groups);
  const composition = mc.composition === null ? null : mc.composition === undefined ? { ...d.composition } : labelMap("mix.composition", mc.composition);
  return { groups, composition, defaultGroups: sameLabels(groups, d.groups), defaultComposition: sameLabels(composition, d.composition) };
}

/** The same columns with the same labels in the same order. */
function sameLabels(a: Readonly<Record<string, string>> | null, b: Readonly<Record<string, string>>): boolean {
  return a !== null && JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));
}
