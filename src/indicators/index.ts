/**
 * Indicators: the catalogue per target group, rates with Wilson intervals, empirical-Bayes smoothing,
 * aggregation along the area hierarchy and drill-down.
 */
export { TARGET_GROUPS, TARGET_GROUP_LABELS, isTargetGroup } from "./targetGroups.js";
export type { TargetGroup } from "./targetGroups.js";
export type { IndicatorDefinition, ValidatedIndicator, IndicatorUnit, IndicatorDirection } from "./indicatorDefinition.js";
export { DEFAULT_INDICATORS } from "./defaultIndicators.js";
export { validateIndicators } from "./validateIndicators.js";
export { indicatorColumns } from "./indicatorColumns.js";
export type { ValidateIndicatorsOptions } from "./validateIndicators.js";
export { normalQuantile } from "./normalQuantile.js";
export { wilsonInterval } from "./wilsonInterval.js";
export type { WilsonInterval, WilsonIntervalOptions } from "./wilsonInterval.js";
export { empiricalBayesRates } from "./empiricalBayesRates.js";
export type { EmpiricalBayesOptions, EmpiricalBayesResult } from "./empiricalBayesRates.js";
export { empiricalBayesStandardizedRates } from "./empiricalBayesStandardizedRates.js";
export type { EmpiricalBayesStandardizedResult } from "./empiricalBayesStandardizedRates.js";
export { localEmpiricalBayesRates } from "./localEmpiricalBayesRates.js";
export type { LocalEmpiricalBayesOptions, LocalEmpiricalBayesResult } from "./localEmpiricalBayesRates.js";
export { computeIndicators } from "./computeIndicators.js";
export type {
  ComputeIndicatorsOptions,
  IndicatorResult,
  AreaIndicators,
  IndicatorValue,
  IndicatorStatus,
  IndicatorSmoothing,
} from "./computeIndicators.js";
export { indicatorRows, indicatorLongRows } from "./indicatorRows.js";
export { indicatorStore, hasIndicatorStore, INDICATOR_STATUSES } from "./indicatorStore.js";
export type { IndicatorStore, IndicatorValueColumns } from "./indicatorStore.js";
export type { IndicatorRowsOptions, IndicatorLongRow } from "./indicatorRows.js";
export { aggregateCounts } from "./aggregateCounts.js";
export type { AggregateCountsOptions, AggregateResult, AggregateGroup } from "./aggregateCounts.js";
export { drillDown } from "./drillDown.js";
export type { DrillDownOptions } from "./drillDown.js";
export type { RowsInput } from "./areaRows.js";
