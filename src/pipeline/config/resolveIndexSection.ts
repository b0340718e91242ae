import type { AnalysisConfig, IndexIndicator, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { ConfigChecks } from "./configChecks.js";

type Indices = Pick<ResolvedAnalysisConfig, "statusIndex" | "dynamicIndex">;
type IndexSpec = { id: string; weight: number };

/**
 * `statusIndex` and `dynamicIndex`: indicator ids of the catalogue (`ids`) with weights (default 1). The dynamic
 * index needs a comparison year or published changes (`sources.changes`); by default it uses the status index's
 * indicators.
 */
export function resolveIndexSection(
  config: Pick<AnalysisConfig, "statusIndex" | "dynamicIndex" | "sources">,
  context: { ids: Set<unknown>; previous: number | null },
  checks: ConfigChecks,
): Indices {
  const indexIndicators = (path: string, list: unknown): IndexSpec[] => {
    if (!Array.isArray(list) || list.length === 0) {
      checks.problems.push(`"${path}" muss eine nicht leere Liste von Indikator-Kennungen sein, angegeben: ${JSON.stringify(list)}`);
      return [];
    }
    return (list as IndexIndicator[]).map((g) => {
      const spec = typeof g === "string" ? { id: g, weight: 1 } : { id: g?.id, weight: g?.weight ?? 1 };
      if (typeof spec.id !== "string" || !context.ids.has(spec.id)) checks.problems.push(`"${path}": Indikator ${JSON.stringify(spec.id)} ist nicht im Indikatorenkatalog`);
      if (typeof spec.weight !== "number" || !Number.isFinite(spec.weight)) checks.problems.push(`"${path}": Gewicht von "${spec.id}" muss eine endliche Zahl sein`);
      return spec as IndexSpec;
    });
  };
  const status = config.statusIndex ? config.statusIndex.indicators : undefined;
  const statusIndicators = indexIndicators("statusIndex.indicators", status === undefined ? DEFAULT_ANALYSIS_CONFIG.statusIndex.indicators : status);
  // Published changes (sources.changes) give a dynamic index without a comparison year.
  const changes = config.sources !== undefined && Array.isArray(config.sources?.changes) ? config.sources.changes : [];
  const fromChanges = context.previous === null && changes.length > 0;
  const dynamic = config.dynamicIndex;
  const dynamicIndex =
    dynamic === false || (context.previous === null && !fromChanges)
      ? null
      : dynamic?.indicators === undefined
        ? { indicators: statusIndicators.map((s) => ({ ...s })) }
        : { indicators: indexIndicators("dynamicIndex.indicators", dynamic.indicators) };
  return { statusIndex: { indicators: statusIndicators }, dynamicIndex };
}
