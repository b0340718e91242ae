import { DEFAULT_INDICATORS } from "./defaultIndicators.js";
import type { IndicatorDefinition } from "./indicatorDefinition.js";

/**
 * The count columns an indicator catalogue reads (numerators and denominators, each once, in catalogue
 * order), e.g. the `counts` to sum with `aggregateCounts` before recomputing the rates on a higher level.
 *
 * @example
 * indicatorColumns(DEFAULT_INDICATORS.filter((d) => d.targetGroup === "elderly"));
 * // ["grundsicherung_65_plus", "ew_65_plus"]
 */
export function indicatorColumns(indicators: readonly IndicatorDefinition[] = DEFAULT_INDICATORS): string[] {
  const out = new Set<string>();
  for (const d of indicators) {
    for (const side of [d.numerator, d.denominator]) {
      for (const c of typeof side === "string" ? [side] : side) out.add(c);
    }
  }
  return [...out];
}
