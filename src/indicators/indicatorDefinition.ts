import type { TargetGroup } from "./targetGroups.js";

/** The unit an indicator is shown in: per cent (rate × 100) or per mille (rate × 1000). */
export type IndicatorUnit = "%" | "‰";

/** +1 when a high value means more disadvantage (e.g. Kinderarmut), −1 when a high value means less. */
export type IndicatorDirection = 1 | -1;

/**
 * One indicator of the catalogue: a rate numerator / denominator over count columns of the area table.
 * Both sides may be sums of columns (e.g. residents under 15 = `ew_0_5 + ew_6_14`).
 * Plain JSON: users keep their own indicators in a configuration file and check it with `validateIndicators`.
 *
 * @example
 * const kinderarmut: IndicatorDefinition = {
 *   id: "kinderarmut", label: "Kinderarmut", targetGroup: "children",
 *   numerator: ["sgb2_unter_15"], denominator: ["ew_0_5", "ew_6_14"],
 *   unit: "%", direction: 1, minimumBase: 20,
 *   source: "SGB-II-Leistungsberechtigte unter 15 Jahren je 100 Einwohner unter 15 Jahren",
 * };
 */
export interface IndicatorDefinition {
  /** Stable key, used as column name in results (lower case, digits, "_" or "-"). */
  id: string;
  /** German label for tables and plots. */
  label: string;
  /** The target group the indicator describes. */
  targetGroup: TargetGroup;
  /** Count column(s) summed for the numerator. */
  numerator: string | readonly string[];
  /** Count column(s) summed for the denominator (the base population). */
  denominator: string | readonly string[];
  /** Display unit; the value is rate × 100 for "%" and rate × 1000 for "‰". */
  unit: IndicatorUnit;
  /** +1: high value = more disadvantage; −1: high value = less disadvantage. */
  direction: IndicatorDirection;
  /** Areas whose denominator is below this are left out of standardisation for this indicator (default 0). */
  minimumBase?: number;
  /** Where the data and the definition come from (German free text). */
  source: string;
  /** Optional longer German description. */
  description?: string;
}

/** An indicator after `validateIndicators`: column lists are arrays and every default is filled in. */
export interface ValidatedIndicator extends IndicatorDefinition {
  numerator: string[];
  denominator: string[];
  minimumBase: number;
}
