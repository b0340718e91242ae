import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import { computeIndicators, type ComputeIndicatorsOptions, type IndicatorResult, type IndicatorValue } from "../../indicators/computeIndicators.js";
import type { ValidatedIndicator } from "../../indicators/indicatorDefinition.js";
import type { ResolvedShareIndicator } from "../../sources/checkSourceColumns.js";
import { Missing, type Cell } from "../../table/missing.js";

/** Id of the stand-in indicator when a run has published shares only (removed again from the result). */
const POPULATION_ONLY = "nur-einwohner-intern";

/**
 * `computeIndicators` for count indicators plus published shares (a city's `sources.shares`): a share's value is
 * the published value in its unit (rate = value / 100 for %, / 1000 for ‰); there are no counts, so no Wilson
 * interval and no empirical-Bayes smoothing (numerator, lower and upper stay null). The minimum-population rule
 * applies to shares as to counts; a share whose `base` is below `minimumBase` is not usable ("Bezugsgröße unter
 * 300 (212)"). A run with shares only computes the population rule through a stand-in indicator that is removed.
 *
 * @example
 * computeWithShares(rows, { id: "sozialraum_id", indicators: [], minimumPopulation: 300, population: "einwohner" }, shares);
 * // areas[0].values.arbeitslosigkeit: { value: 7.12, rate: 0.0712, lower: null, upper: null, status: "ok", usable: true }
 */
export function computeWithShares(rows: Record<string, Cell>[], options: ComputeIndicatorsOptions, shares: readonly ResolvedShareIndicator[]): IndicatorResult {
  if (shares.length === 0) return computeIndicators(rows, options);
  const countIndicators = options.indicators ?? [];
  const pop = typeof options.population === "string" ? options.population : (options.population?.[0] ?? "einwohner");
  const standIn = countIndicators.length === 0;
  const base = computeIndicators(rows, {
    ...options,
    // Smoothing needs counts: it is applied to count indicators only (shares keep their published values).
    indicators: standIn ? [{ id: POPULATION_ONLY, label: "Einwohner", targetGroup: "context", numerator: [pop], denominator: [pop], unit: "%", direction: 1, source: "-" }] : countIndicators,
  });
  const indicators: ValidatedIndicator[] = standIn ? [] : [...base.indicators];
  for (const s of shares) {
    indicators.push({ id: s.id, label: s.label, targetGroup: s.targetGroup, numerator: [s.column], denominator: s.base ? [s.base] : [], unit: s.unit, direction: s.direction, minimumBase: s.minimumBase, source: s.source || "veröffentlichter Anteil" });
  }
  const excluded = base.excluded.filter((e) => e.column !== POPULATION_ONLY);
  const popReason = new Map(base.excluded.filter((e) => e.step === "minimumPopulation").map((e) => [e.id, e.reason]));
  const areas = base.areas.map((a, i) => {
    const values: Record<string, IndicatorValue> = {};
    for (const [k, v] of Object.entries(a.values)) if (k !== POPULATION_ONLY) values[k] = v;
    for (const s of shares) {
      const v = shareValue(rows[i], s, popReason.get(a.id));
      values[s.id] = v;
      if (!v.usable && v.status !== "below-minimum-population") excluded.push({ id: a.id, reason: v.reason as string, step: v.status === "missing" ? "missing" : "minimumBase", column: s.id });
    }
    return { ...a, values };
  });
  const warnings = base.warnings.filter((w) => !w.includes(POPULATION_ONLY));
  return { ...base, indicators, areas, excluded, warnings };
}

function shareValue(row: Record<string, Cell>, s: ResolvedShareIndicator, populationReason: string | undefined): IndicatorValue {
  const cell = row[s.column];
  const baseCell = s.base ? row[s.base] : null;
  const v: IndicatorValue = {
    indicator: s.id, value: null, rate: null, numerator: null, denominator: typeof baseCell === "number" ? baseCell : null,
    lower: null, upper: null, status: "ok", usable: false,
  };
  if (typeof cell !== "number" || !Number.isFinite(cell)) {
    v.status = "missing";
    const marker = cell instanceof Missing ? cell.marker : "";
    v.marker = marker;
    v.reason = `${s.label}: ${s.column} fehlt (${marker === "" ? "leer" : JSON.stringify(marker)})`;
    return v;
  }
  v.value = cell;
  v.rate = cell / (s.unit === "%" ? 100 : 1000);
  if (populationReason) {
    v.status = "below-minimum-population";
    v.reason = populationReason;
  } else if (s.base && s.minimumBase > 0 && (v.denominator === null || v.denominator < s.minimumBase)) {
    v.status = "below-minimum-base";
    v.reason = `${s.label}: Bezugsgröße unter ${formatGermanNumber(s.minimumBase, { maxDecimals: 3 })} (${v.denominator === null ? "fehlt" : formatGermanNumber(v.denominator, { maxDecimals: 3 })})`;
  } else {
    v.usable = true;
  }
  return v;
}
