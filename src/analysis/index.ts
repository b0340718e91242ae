export type {
  AnalysisConfig,
  ResolvedAnalysisConfig,
  IndexIndicator,
  SupplyConfig,
  MixConfig,
  NeighbourhoodConfig,
  SensitivityConfig,
  VernetzungConfig,
  TypesConfig,
} from "./analysisConfig.js";
export { DEFAULT_ANALYSIS_CONFIG } from "./defaultAnalysisConfig.js";
export type { AnalysisConfigDefaults } from "./defaultAnalysisConfig.js";
export type { AnalysisResult, AreaInfo, RankingRow, StandardizationParameters, NeedRow, AnalysisInput, VernetzungAnalysis } from "./analysisResult.js";
export { healthyMixSummary } from "./healthyMixSummary.js";
export type { HealthyMixSummary, SummaryArea, SummaryGroupVerdict } from "./healthyMixSummary.js";
export { targetGroupLabel } from "./germanLabels.js";
export { statusIndexEvaluator, statusIndexVariants, statusIndexSensitivity } from "./analysisSensitivity.js";
export type { AnalysisEvaluator, ReanalyseRows } from "./analysisSensitivity.js";
export { verdictEvaluator } from "./verdictEvaluator.js";
export type { VerdictVariantOptions, VerdictRow, VerdictEvaluation, VerdictEvaluator } from "./verdictEvaluator.js";
export { verdictVariants, VERDICT_FAMILY_LABELS } from "./verdictVariants.js";
export type { VerdictFamilyId, VerdictVariantGeneratorOptions, VerdictVariant } from "./verdictVariants.js";
export { verdictSensitivity, VERDICT_SEVERITY } from "./verdictSensitivity.js";
export type { VerdictSensitivityOptions, VerdictAreaSensitivity, VerdictGroupSensitivity, VerdictSensitivity } from "./verdictSensitivity.js";
export { persistenceText, surveyCountWord } from "./persistenceText.js";
