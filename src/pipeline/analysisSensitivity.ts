import {
  statusIndexEvaluator,
  statusIndexSensitivity,
  statusIndexVariants,
  type AnalysisEvaluator,
} from "../analysis/analysisSensitivity.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";
import type { CompositeSensitivityOptions, IndexVariantGeneratorOptions, SensitivityAnalysis } from "../audit/compositeIndexVariants.js";
import type { IndexVariantOptions } from "../audit/compositeIndexEvaluator.js";
import type { SensitivityVariant } from "../audit/sensitivityAnalysis.js";
import { reanalyseRows } from "./analyseTables.js";

/**
 * The status index of a pipeline analysis as an evaluator for method variants: {@link statusIndexEvaluator}
 * with the pipeline's own `analyseTables` as the re-run.
 *
 * @example
 * const ev = analysisEvaluator(runAnalysis());
 * ev.evaluate({ sd: "sample" });             // ranks and status classes with the sample SD
 * ev.evaluate({ normalization: "robustZ" }); // … with robust z-values
 */
export function analysisEvaluator(result: AnalysisResult): AnalysisEvaluator {
  return statusIndexEvaluator(result, reanalyseRows);
}

/**
 * The method variants of a pipeline analysis' status index ({@link statusIndexVariants}).
 *
 * @example
 * analysisVariants(runAnalysis()).map((v) => v.name);
 */
export function analysisVariants(result: AnalysisResult, options: IndexVariantGeneratorOptions = {}): Array<SensitivityVariant<IndexVariantOptions>> {
  return statusIndexVariants(result, reanalyseRows, options);
}

/**
 * Sensitivity and uncertainty analysis of a pipeline analysis' status rank and class
 * ({@link statusIndexSensitivity}, re-running `analyseTables` where the configuration allows).
 *
 * @example
 * const s = analysisSensitivity(runAnalysis(), { seed: 1, draws: 500 });
 * s.methods.summary.methodDependent; // areas whose status class depends on the method
 */
export function analysisSensitivity(result: AnalysisResult, options: CompositeSensitivityOptions = {}): SensitivityAnalysis {
  return statusIndexSensitivity(result, reanalyseRows, options);
}
