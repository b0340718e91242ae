export { runAnalysis, readAreaGeoJson } from "./runAnalysis.js";
export type { RunAnalysisOptions } from "./runAnalysis.js";
export { analyseTables } from "./analyseTables.js";
export type { AnalysisTables, AnalysisProgress, AnalysisRunOptions } from "./analyseTables.js";
export {
  resolveAnalysisConfig,
  loadAnalysisConfig,
  packageDataDir,
  DEFAULT_STATUS_INDICATORS,
  DEFAULT_SUPPLY_FACILITY_TYPES,
  DEFAULT_MIX_GROUPS,
  DEFAULT_MIX_COMPOSITION,
} from "./resolveAnalysisConfig.js";
export type {
  AnalysisConfig,
  ResolvedAnalysisConfig,
  IndexIndicator,
  SupplyConfig,
  MixConfig,
  NeighbourhoodConfig,
  SensitivityConfig,
} from "./analysisConfig.js";
export type { AnalysisResult, AreaInfo, RankingRow, StandardizationParameters, NeedRow, AnalysisInput } from "./analysisResult.js";
export { analysisReport, analysisParameters, rankingTable, targetGroupTable } from "./analysisReport.js";
export { rankingCsv, csvField } from "./rankingCsv.js";
export { writeAnalysisOutputs, outputProvenanceJson } from "./writeAnalysisOutputs.js";
export type { AnalysisOutputs, WriteAnalysisOutputsOptions, OutputProvenance } from "./writeAnalysisOutputs.js";
export { targetGroupLabel } from "./germanLabels.js";
export { neighbourhoodAnalysis } from "./neighbourhoodAnalysis.js";
export type { NeighbourhoodAnalysis, NeighbourhoodAnalysisOptions, NeighbourhoodMoran, NeighbourhoodVariable } from "./neighbourhoodAnalysis.js";
export { neighbourhoodSection } from "./neighbourhoodSection.js";
export { provenanceSection, flattenParameters, softwareVersions } from "./provenanceSection.js";
export { analysisProvenance, provenanceParameters, recordedPath, EMBEDDED_DATA_DIR } from "./analysisProvenance.js";
export type { InputContent } from "./analysisProvenance.js";
