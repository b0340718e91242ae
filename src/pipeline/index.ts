export { runAnalysis, readAreaGeoJson } from "./runAnalysis.js";
export type { RunAnalysisOptions } from "./runAnalysis.js";
export { runSourcesAnalysis, sourcesAreaList, sourcesExclusions } from "./runSourcesAnalysis.js";
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
export { DEFAULT_SURVEYS } from "./config/resolveYearsSection.js";
export { rankingCsv, csvField } from "./rankingCsv.js";
export { writeAnalysisOutputs, outputProvenanceJson } from "./writeAnalysisOutputs.js";
export type { AnalysisOutputs, WriteAnalysisOutputsOptions, OutputProvenance } from "./writeAnalysisOutputs.js";
export { analysisProvenance, provenanceParameters, recordedPath, EMBEDDED_DATA_DIR } from "./analysisProvenance.js";
export type { InputContent } from "./analysisProvenance.js";
export { analysisEvaluator, analysisVariants, analysisSensitivity } from "./analysisSensitivity.js";
