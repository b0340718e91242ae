/** The result types of `computeIndicators` (their own file so that the column store can use them without a cycle). */
import type { Exclusion } from "../table/exclusion.js";
import type { ValidatedIndicator } from "./indicatorDefinition.js";

/**
 * Why a value is (not) usable for standardisation. Order of precedence: "missing" (a count is missing),
 * "zero-denominator", "below-minimum-population" (the area), "below-minimum-base" (this indicator's base), "ok".
 */
export type IndicatorStatus = "ok" | "missing" | "zero-denominator" | "below-minimum-population" | "below-minimum-base";

/** One indicator in one area. Values, limits and smoothed values are in the indicator's unit (% or ‰). */
export interface IndicatorValue {
  /** Indicator id. */
  indicator: string;
  /** Rate × 100 (%) or × 1000 (‰); null when missing or the denominator is 0. */
  value: number | null;
  /** The proportion numerator / denominator; null when missing or the denominator is 0. */
  rate: number | null;
  /** Summed numerator; null when a numerator count is missing. */
  numerator: number | null;
  /** Summed denominator; null when a denominator count is missing. */
  denominator: number | null;
  /** Wilson interval limits in the unit; null without a rate. */
  lower: number | null;
  upper: number | null;
  /** Empirical-Bayes smoothed value in the unit (only with `smoothing: "empirical-bayes"`). */
  smoothed?: number | null;
  status: IndicatorStatus;
  /** True when status is "ok": the value takes part in standardisation. */
  usable: boolean;
  /** Marker of the first missing count ("." "-" …), when status is "missing". */
  marker?: string;
  /** German reason when not usable. */
  reason?: string;
}

/** All indicators of one area. */
export interface AreaIndicators {
  /** Area key. */
  id: string;
  /** Population for the minimum-population rule (null when missing or no population column). */
  population: number | null;
  /** Indicator id → value, in the order of the indicator list. */
  values: Record<string, IndicatorValue>;
}

/** Global EB parameters per indicator (with `smoothing: "empirical-bayes"`). */
export interface IndicatorSmoothing {
  indicator: string;
  /** Number of areas the prior was estimated from. */
  n: number;
  /** Prior mean b = Σk/Σn (as a proportion); null when no area has a rate. */
  priorMean: number | null;
  /** Prior variance a; null when no area has a rate. */
  priorVariance: number | null;
}

/** Result of {@link computeIndicators}. */
export interface IndicatorResult {
  name: "computeIndicators";
  /** The id column. */
  id: string;
  /** Number of areas (= input rows). */
  n: number;
  confidence: number;
  minimumPopulation: number;
  /** The validated indicators, in order. */
  indicators: ValidatedIndicator[];
  /** One entry per input row, in input order. */
  areas: AreaIndicators[];
  /** Areas (or area × indicator) left out of standardisation, with German reasons. */
  excluded: Exclusion[];
  /** Present with `smoothing: "empirical-bayes"`. */
  smoothing?: IndicatorSmoothing[];
  warnings: string[];
}
