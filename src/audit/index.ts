export { stableStringify } from "./stable-stringify.js";
export { provenance, provenanceLines, sha256 } from "./provenance.js";
export type { Provenance, ProvenanceInput } from "./provenance.js";
export { suppressDisclosive } from "./disclosure.js";
export type { DisclosureOptions, DisclosureResult, SuppressedCell } from "./disclosure.js";
export { summarizeSensitivity } from "./sensitivity.js";
export type { AreaSensitivity, SensitivitySummary, VariantOutcome } from "./sensitivity.js";
export { quantileType7 } from "./quantile-type7.js";
export { spearman, midRanks } from "./spearman.js";
export { runSensitivity, spearmanMatrix } from "./sensitivityAnalysis.js";
export type {
  SensitivityVariant,
  SensitivityOutcomeRow,
  RunSensitivityOptions,
  SensitivityResult,
  SpearmanMatrix,
  FamilySensitivity,
} from "./sensitivityAnalysis.js";
export { compositeIndexEvaluator, shiftScheme } from "./compositeIndexEvaluator.js";
export type {
  IndexNormalization,
  VariantIndicator,
  CompositeVariantSpec,
  IndexVariantOptions,
  IndexVariantArea,
  IndexVariantResult,
  CompositeIndexEvaluator,
} from "./compositeIndexEvaluator.js";
export {
  compositeIndexVariants,
  monteCarloVariants,
  compositeSensitivity,
  describeIndexMethod,
  VARIANT_FAMILY_LABELS,
} from "./compositeIndexVariants.js";
export type {
  VariantFamilyId,
  IndexVariantGeneratorOptions,
  MonteCarloOptions,
  CompositeSensitivityOptions,
  SensitivityAnalysis,
} from "./compositeIndexVariants.js";
export { analysisEvaluator, analysisVariants, analysisSensitivity } from "./analysisSensitivity.js";
export type { AnalysisEvaluator } from "./analysisSensitivity.js";
export { rankIntervalFigure } from "./rankIntervalFigure.js";
export type { RankIntervalFigureOptions } from "./rankIntervalFigure.js";
export { sensitivitySection } from "./sensitivitySection.js";
export type { SensitivitySectionOptions } from "./sensitivitySection.js";
export { methodAppendixSection } from "./methodAppendixSection.js";
export type { MethodAppendixOptions } from "./methodAppendixSection.js";
export { verdictEvaluator } from "./verdictEvaluator.js";
export type { VerdictVariantOptions, VerdictRow, VerdictEvaluation, VerdictEvaluator } from "./verdictEvaluator.js";
export { verdictVariants, VERDICT_FAMILY_LABELS } from "./verdictVariants.js";
export type { VerdictFamilyId, VerdictVariantGeneratorOptions, VerdictVariant } from "./verdictVariants.js";
export { verdictSensitivity, VERDICT_SEVERITY } from "./verdictSensitivity.js";
export type { VerdictSensitivityOptions, VerdictAreaSensitivity, VerdictGroupSensitivity, VerdictSensitivity } from "./verdictSensitivity.js";
export { verdictSensitivityTables } from "./verdictSensitivityTables.js";
export type { VerdictSensitivityTablesOptions } from "./verdictSensitivityTables.js";
