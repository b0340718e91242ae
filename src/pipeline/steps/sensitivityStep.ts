import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { statusIndexSensitivity, type ReanalyseRows } from "../../analysis/analysisSensitivity.js";
import { verdictSensitivity } from "../../analysis/verdictSensitivity.js";
import { withContext, type AnalysisContext } from "./context.js";

/**
 * Step "Sensitivität …": the status index and the verdicts under method variants and Monte Carlo draws.
 * `reanalyse` re-runs the analysis for a variant (the pipeline passes its own `analyseTables`).
 */
export function sensitivityStep(
  ctx: AnalysisContext,
  result: AnalysisResult,
  reanalyse: ReanalyseRows,
): Pick<AnalysisResult, "sensitivity" | "verdictSensitivity"> {
  const { config } = ctx;
  if (config.sensitivity === null) return { sensitivity: null, verdictSensitivity: null };
  // Method variants re-run the count indicators, and the Monte Carlo draws need counts: published shares have none.
  if ((ctx.tables.shares?.length ?? 0) > 0) {
    ctx.warnings.push("Sensitivität entfällt: veröffentlichte Anteile ohne Zählwerte (keine Monte-Carlo-Ziehungen möglich)");
    return { sensitivity: null, verdictSensitivity: null };
  }
  ctx.progress("Sensitivität von Status-Index und Bewertungen berechnen (Methodenvarianten, Monte-Carlo)");
  const sc = config.sensitivity;
  // The variants re-run only the core of the analysis: the later steps do not enter ranks and verdicts.
  const core = { ...result, parameters: { ...config, supply: null, mix: null, neighbourhood: null, vernetzung: null, sensitivity: null } };
  const options = { seed: config.seed, draws: sc.draws, thresholdShift: sc.thresholdShift };
  const sensitivity = withContext("Sensitivität", () => statusIndexSensitivity(core, reanalyse, options));
  const verdicts = withContext("Sensitivität der Bewertungen", () => verdictSensitivity(core, options));
  return { sensitivity, verdictSensitivity: verdicts };
}
