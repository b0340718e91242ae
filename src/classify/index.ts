/**
 * Classification: conspicuous areas per target group, composite indices (status, dynamics), class schemes.
 * @module classify
 */
export { assignClass, checkClassScheme } from "./assignClass.js";
export type { ClassDefinition, ClassScheme } from "./assignClass.js";
export { berlinMssStatus, berlinMssDynamic, conspicuousnessScheme, classSchemes, DEFAULT_THRESHOLDS } from "./schemes.js";
export type { ConspicuousnessThresholds } from "./schemes.js";
export { berlinMssGroup, berlinMssGroups } from "./berlinMssGroup.js";
export { conspicuousness, verdictFor, DEFAULT_VERDICT_RULE, VERDICT_CODES } from "./conspicuousness.js";
export type {
  Verdict,
  FlagIndicator,
  VerdictRule,
  ConspicuousnessOptions,
  IndicatorFlag,
  GroupVerdict,
  AreaConspicuousness,
  ConspicuousnessResult,
} from "./conspicuousness.js";
export { compositeIndex } from "./compositeIndex.js";
export type {
  CompositeIndicator,
  ValidRule,
  CompositeIndexOptions,
  CompositeArea,
  CompositeComponent,
  CompositeIndexResult,
  CompositeColumns,
} from "./compositeIndex.js";
export { indicatorChanges } from "./indicatorChanges.js";
export type { IndicatorChangesOptions, IndicatorChangesResult } from "./indicatorChanges.js";
export type { ColumnData, TableInput } from "./columns.js";
