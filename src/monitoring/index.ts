/**
 * Monitoring across survey years: indicator time series per Sozialraum, verdicts per year, class transitions and
 * persistence ("seit drei Erhebungen auffällig"). Computation only.
 * @module monitoring
 */
export { indicatorTimeSeries } from "./indicatorTimeSeries.js";
export type { IndicatorSeries, YearIndicators } from "./indicatorTimeSeries.js";
export { yearVerdicts } from "./yearVerdicts.js";
export type { YearVerdictsOptions, YearVerdictsResult } from "./yearVerdicts.js";
export { monitorYears, VERDICT_ORDER } from "./monitorYears.js";
export type { MonitorYearsOptions, MonitorYearsResult, YearTable } from "./monitorYears.js";
