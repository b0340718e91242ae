import type { AreaInfo } from "../../analysis/analysisResult.js";
import type { IndicatorResult } from "../../indicators/computeIndicators.js";
import { indicatorStore } from "../../indicators/indicatorStore.js";
import { computeWithShares } from "./shareIndicators.js";
import type { Cell } from "../../table/missing.js";
import type { AnalysisContext } from "./context.js";
import type { JoinedAreas } from "./joinAreas.js";

/** Result of {@link indicatorsStep}. */
export interface IndicatorsPart {
  currentRows: Record<string, Cell>[];
  current: IndicatorResult;
  previousRows: Record<string, Cell>[] | null;
  previous: IndicatorResult | null;
  /** Area names and districts, in the order of `current.areas`. */
  areas: AreaInfo[];
  /** City-wide value (Gesamtstadt) per indicator: the reference lines of the figures. */
  cityValues: Record<string, number | null>;
  /** "smoothed" with empirical-Bayes smoothing, else "value": what gets standardised, flagged and indexed. */
  valueField: "value" | "smoothed";
}

/** Steps "Indikatoren <Jahr> berechnen": the indicators of the analysis year and of the comparison year. */
export function indicatorsStep(ctx: AnalysisContext, joined: JoinedAreas): IndicatorsPart {
  const { config, id, cur, prev, tables, excluded, warnings } = ctx;
  ctx.progress(`Indikatoren ${cur} berechnen`);
  const currentRows = joined.joinRows(tables.current, cur);
  const indicatorOptions = {
    id,
    indicators: config.indicators,
    minimumPopulation: config.minimumPopulation,
    confidence: config.confidence,
    smoothing: config.smoothing,
    population: tables.population ?? "einwohner",
  };
  const shares = tables.shares ?? [];
  const valueField = config.smoothing === "empirical-bayes" ? "smoothed" : "value";
  const current = computeWithShares(currentRows, indicatorOptions, shares);
  for (const e of current.excluded) excluded.push({ ...e, reason: ctx.yearPrefix(cur) + e.reason });
  warnings.push(...current.warnings);
  // The ids from the columns: `current.areas` would build one object per area and indicator.
  const areas = indicatorStore(current).ids.map((a) => joined.info.get(a) ?? { id: a, name: a, stadtteilId: "", stadtteil: "", stadtbezirkId: "", stadtbezirk: "" });

  let previous: IndicatorResult | null = null;
  let previousRows: Record<string, Cell>[] | null = null;
  if (prev !== null && tables.previous) {
    ctx.progress(`Indikatoren ${prev} berechnen`);
    previousRows = joined.joinRows(tables.previous, prev);
    previous = computeWithShares(previousRows, indicatorOptions, shares);
    for (const e of previous.excluded) excluded.push({ ...e, reason: ctx.yearPrefix(prev) + e.reason });
    warnings.push(...previous.warnings);
  }
  return { currentRows, current, previousRows, previous, areas, cityValues: cityValues(current), valueField };
}

/** City-wide values: Σ numerators / Σ denominators over the areas with both, in the indicator's unit. */
function cityValues(current: IndicatorResult): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const store = indicatorStore(current);
  for (const ind of current.indicators) {
    let num = 0;
    let den = 0;
    const { numerator, denominator } = store.columns[ind.id];
    for (let i = 0; i < numerator.length; i++) {
      // NaN marks a missing count (null in the row view).
      if (numerator[i] === numerator[i] && denominator[i] === denominator[i]) {
        num += numerator[i];
        den += denominator[i];
      }
    }
    out[ind.id] = den > 0 ? (num / den) * (ind.unit === "%" ? 100 : 1000) : null;
  }
  return out;
}
