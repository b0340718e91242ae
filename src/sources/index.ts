/**
 * Data sources: a city's own tables (CSV files, XLSX sheets) described in the `sources` block of a configuration
 * — keys, years, long or wide format, filters, renaming, markers — read, checked and joined into one area table
 * per year, with every area left out listed with its reason (German messages).
 * @module
 */
export { loadSources, checkSources, SOURCES_ID } from "./loadSources.js";
export type { LoadedSources, LoadSourcesOptions, SourceArea, SourcesCheck } from "./loadSources.js";
export type { AreasConfig, ChangeIndicatorDefinition, ShareIndicatorDefinition, SourceColumnKind, SourceColumnSpec, SourcesConfig, SourceTableConfig } from "./sourcesConfig.js";
export type { ResolvedChangeIndicator, ResolvedShareIndicator } from "./checkSourceColumns.js";
export type { CellOrigin } from "./assembleYears.js";
export type { DroppedRow, SourceFile } from "./readSourceTable.js";
export { validateSourcesConfig } from "./validateSourcesConfig.js";
export { SourcesError, formatSourceProblem } from "./sourceProblem.js";
export type { SourceProblem } from "./sourceProblem.js";
export { detectSumRows } from "./detectSumRows.js";
export type { SumRow } from "./detectSumRows.js";
export { editDistance, closestNames, meintenSie } from "./suggest.js";
export { proposeSourcesConfig } from "./proposeSourcesConfig.js";
export type { SourcesProposal } from "./proposeSourcesConfig.js";
