import type { AreaIndicators, IndicatorResult } from "../indicators/computeIndicators.js";

/** The indicator values of one year (the result of `computeIndicators` for that year's table). */
export interface YearIndicators {
  year: number | string;
  result: IndicatorResult;
}

/** The time series of one indicator in one Sozialraum. */
export interface IndicatorSeries {
  id: string;
  indicator: string;
  label: string;
  unit: string;
  years: (number | string)[];
  /** Value per year (in the indicator's unit); null where the area is absent or the value is not usable. */
  values: (number | null)[];
  /** Last present value minus first present value (percentage points or ‰ points); null with fewer than two. */
  change: number | null;
}

/**
 * Time series of indicators per Sozialraum across survey years: one row per area × indicator, areas in order of
 * first appearance (first year's table first, then areas new in later years), indicators in catalogue order.
 *
 * Formula: values[t] = value of the indicator in year t (`IndicatorValue.value`, in % or ‰); with `usableOnly`
 * (default true) a value that is not usable (missing count, zero base, below the minimum population) is null, as
 * in `indicatorRows`. change = values[last present] − values[first present]. Source: hand definition; tests by
 * hand calculation.
 *
 * @example
 * const series = indicatorTimeSeries([
 *   { year: 2016, result: computeIndicators(rows2016, { id: "sozialraum_id" }) },
 *   { year: 2018, result: computeIndicators(rows2018, { id: "sozialraum_id" }) },
 * ], { indicators: ["kinderarmut"] });
 * series[0]; // { id: "010101", indicator: "kinderarmut", values: [23.4, 25.1], change: 1.7, … }
 */
export function indicatorTimeSeries(
  byYear: readonly YearIndicators[],
  options: { indicators?: readonly string[]; usableOnly?: boolean } = {},
): IndicatorSeries[] {
  const fn = "indicatorTimeSeries";
  if (!Array.isArray(byYear) || byYear.length === 0) throw new Error(`${fn}: byYear ist leer`);
  const seenYears = new Set<string>();
  byYear.forEach((y, i) => {
    if (y == null || y.result == null || !Array.isArray(y.result.areas)) throw new Error(`${fn}: Eintrag ${i + 1} von byYear hat kein Indikatorergebnis (result)`);
    if (seenYears.has(String(y.year))) throw new Error(`${fn}: Jahr ${String(y.year)} kommt doppelt vor (Eintrag ${i + 1})`);
    seenYears.add(String(y.year));
  });
  const usableOnly = options.usableOnly ?? true;
  const catalogue = new Map<string, { label: string; unit: string }>();
  for (const y of byYear) for (const d of y.result.indicators) if (!catalogue.has(d.id)) catalogue.set(d.id, { label: d.label, unit: d.unit });
  const wanted = options.indicators ?? [...catalogue.keys()];
  for (const id of wanted) if (!catalogue.has(id)) throw new Error(`${fn}: Indikator "${id}" kommt in keinem der Jahre vor (bekannt: ${[...catalogue.keys()].join(", ")})`);
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const y of byYear) for (const a of y.result.areas) if (!seen.has(a.id)) { seen.add(a.id); ids.push(a.id); }
  const lookups = byYear.map((y: YearIndicators) => new Map<string, AreaIndicators>(y.result.areas.map((a: AreaIndicators) => [a.id, a])));
  const years = byYear.map((y) => y.year);
  const out: IndicatorSeries[] = [];
  for (const id of ids) {
    for (const indicator of wanted) {
      const values = lookups.map((m) => {
        const v = m.get(id)?.values[indicator];
        if (v === undefined || v.value === null || (usableOnly && !v.usable)) return null;
        return v.value;
      });
      const present = values.filter((v): v is number => v !== null);
      const change = present.length >= 2 ? present[present.length - 1] - present[0] : null;
      const { label, unit } = catalogue.get(indicator) as { label: string; unit: string };
      out.push({ id, indicator, label, unit, years: [...years], values, change });
    }
  }
  return out;
}
