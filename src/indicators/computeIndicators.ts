import type { Exclusion } from "../table/exclusion.js";
import { type InputRow, type RowsInput, areaKey, areaRows, formatGerman, markerList, readCount } from "./areaRows.js";
import { DEFAULT_INDICATORS } from "./defaultIndicators.js";
import { empiricalBayesRates } from "./empiricalBayesRates.js";
import type { IndicatorDefinition, ValidatedIndicator } from "./indicatorDefinition.js";
import { validateIndicators } from "./validateIndicators.js";
import { wilsonInterval } from "./wilsonInterval.js";

/** Options of {@link computeIndicators}. */
export interface ComputeIndicatorsOptions {
  /** Column with the area key (e.g. "sozialraum_id"). */
  id: string;
  /** The indicators to compute; default {@link DEFAULT_INDICATORS}. Checked with `validateIndicators`. */
  indicators?: readonly IndicatorDefinition[];
  /**
   * Areas with fewer residents are left out of standardisation (all their indicators get status
   * "below-minimum-population" and the area is listed in `excluded`). Default 0: no rule. Berlin MSS uses 300.
   */
  minimumPopulation?: number;
  /** Column(s) summed for the population of the minimum-population rule; default "einwohner". */
  population?: string | readonly string[];
  /** German name of the population in reasons; default "Einwohner". */
  populationLabel?: string;
  /** Confidence level of the Wilson intervals; default 0.95. */
  confidence?: number;
  /**
   * "empirical-bayes": also give each value a global empirical-Bayes smoothed rate (Marshall 1991,
   * {@link empiricalBayesRates}, Poisson) computed over all areas with a rate. Default "none".
   */
  smoothing?: "none" | "empirical-bayes";
  /**
   * Markers that mean "exactly zero" and are read as 0, e.g. `["-"]`: in German official statistics "–"
   * means "nichts vorhanden" (genau null), while "." means "unbekannt oder geheim". Default none: every marker
   * is missing.
   */
  zeroMarkers?: readonly string[];
}

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

/**
 * Computes rates (Anteile) per area for an indicator catalogue: value = Σ numerator / Σ denominator in % or ‰,
 * with the Wilson score interval ({@link wilsonInterval}) for the uncertainty from small bases.
 *
 * Nothing is dropped silently: an indicator with a missing count (statistics-office markers "." "-" …) is
 * missing and the area × indicator is listed in `excluded` ("Kinderarmut: sgb2_unter_15 fehlt (".")"); a zero
 * denominator gives a missing value, never NaN ("Kinderarmut: Bezugsgröße ew_0_5 + ew_6_14 ist 0"); an area below
 * `minimumPopulation` keeps its values but is excluded ("Einwohner unter 300 (212)"); so is a value whose base
 * is below the indicator's `minimumBase` ("Kinderarmut: Bezugsgröße unter 20 (12)"). A numerator larger than its
 * denominator is an error. Inputs are not modified; `areas` keeps the input order.
 *
 * @param rows area rows (plain objects or an arquero table) with string keys and count columns
 * @example
 * const result = computeIndicators(rows, { id: "sozialraum_id", minimumPopulation: 300 });
 * result.areas[0].values.kinderarmut; // { value: 23.4, lower: 20.1, upper: 27.0, status: "ok", ... }
 * result.excluded;                    // [{ id: "030402", reason: "Einwohner unter 300 (212)", ... }]
 */
export function computeIndicators(rows: RowsInput, options: ComputeIndicatorsOptions): IndicatorResult {
  const fn = "computeIndicators";
  if (!options || typeof options.id !== "string" || options.id === "") {
    throw new TypeError(`${fn}: options.id (the area key column) is required`);
  }
  const data = areaRows(fn, rows);
  const idColumn = options.id;
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${fn}: confidence must be a number in (0, 1), got ${String(confidence)}`);
  }
  const minimumPopulation = options.minimumPopulation ?? 0;
  if (typeof minimumPopulation !== "number" || !Number.isFinite(minimumPopulation) || minimumPopulation < 0) {
    throw new RangeError(`${fn}: minimumPopulation must be a finite number >= 0, got ${String(minimumPopulation)}`);
  }
  const smoothing = options.smoothing ?? "none";
  if (smoothing !== "none" && smoothing !== "empirical-bayes") {
    throw new RangeError(`${fn}: smoothing must be "none" or "empirical-bayes", got ${JSON.stringify(smoothing)}`);
  }
  const zeroMarkers = markerList(fn, options.zeroMarkers);
  const columns = new Set<string>();
  for (const row of data) for (const key of Object.keys(row)) columns.add(key);
  let indicators: ValidatedIndicator[];
  try {
    indicators = validateIndicators(options.indicators ?? DEFAULT_INDICATORS, { columns: data.length > 0 ? [...columns] : undefined });
  } catch (error) {
    throw new Error(`${fn}: ${(error as Error).message}`);
  }
  const populationColumns = typeof options.population === "string" ? [options.population] : [...(options.population ?? ["einwohner"])];
  const populationLabel = options.populationLabel ?? "Einwohner";
  const hasPopulation = data.length > 0 && populationColumns.every((c) => columns.has(c));
  if (minimumPopulation > 0 && !hasPopulation) {
    const absent = populationColumns.filter((c) => !columns.has(c));
    throw new RangeError(`${fn}: minimumPopulation needs the population column(s) ${absent.map((c) => `"${c}"`).join(", ")}, not found in the rows`);
  }

  const seen = new Map<string, number>();
  const areas: AreaIndicators[] = [];
  const excluded: Exclusion[] = [];
  const warnings: string[] = [];
  data.forEach((row, index) => {
    const id = areaKey(fn, row, idColumn, index);
    if (seen.has(id)) throw new RangeError(`${fn}: area "${id}" appears twice (rows ${seen.get(id)} and ${index})`);
    seen.set(id, index);

    let population: number | null = null;
    let populationReason: string | undefined;
    if (hasPopulation) {
      const summed = sumColumns(fn, row, populationColumns, id, zeroMarkers);
      population = summed.value;
      if (minimumPopulation > 0) {
        if (summed.value === null) {
          populationReason = `${populationLabel} fehlt (${markerText(summed.marker)})`;
        } else if (summed.value < minimumPopulation) {
          populationReason = `${populationLabel} unter ${formatGerman(minimumPopulation)} (${formatGerman(summed.value)})`;
        }
      }
      if (populationReason) {
        excluded.push({ id, reason: populationReason, step: "minimumPopulation", column: populationColumns.join(" + ") });
      }
    }

    const values: Record<string, IndicatorValue> = {};
    for (const ind of indicators) {
      const value = indicatorValue(fn, row, id, ind, confidence, populationReason, zeroMarkers);
      values[ind.id] = value;
      if (!value.usable && value.status !== "below-minimum-population") {
        excluded.push({ id, reason: value.reason as string, step: EXCLUSION_STEP[value.status as Exclude<IndicatorStatus, "ok">], column: ind.id });
      }
    }
    areas.push({ id, population, values });
  });

  for (const ind of indicators) {
    const usable = areas.filter((a) => a.values[ind.id].usable).length;
    if (usable === 0 && areas.length > 0) warnings.push(`${fn}: indicator "${ind.id}" has no usable area`);
  }

  const result: IndicatorResult = {
    name: "computeIndicators",
    id: idColumn,
    n: areas.length,
    confidence,
    minimumPopulation,
    indicators,
    areas,
    excluded,
    warnings,
  };
  if (smoothing === "empirical-bayes") result.smoothing = smoothIndicators(indicators, areas, warnings);
  return result;
}

const EXCLUSION_STEP: Record<Exclude<IndicatorStatus, "ok">, string> = {
  missing: "missing",
  "zero-denominator": "zeroDenominator",
  "below-minimum-population": "minimumPopulation",
  "below-minimum-base": "minimumBase",
};

function indicatorValue(
  fn: string,
  row: InputRow,
  id: string,
  ind: ValidatedIndicator,
  confidence: number,
  populationReason: string | undefined,
  zeroMarkers: readonly string[],
): IndicatorValue {
  const num = sumColumns(fn, row, ind.numerator, id, zeroMarkers);
  const den = sumColumns(fn, row, ind.denominator, id, zeroMarkers);
  // Every value object has the same fields in the same order (one hidden class; fast for large tables).
  const v: IndicatorValue = {
    indicator: ind.id, value: null, rate: null, numerator: num.value, denominator: den.value,
    lower: null, upper: null, status: "ok", usable: false,
  };
  if (num.value === null || den.value === null) {
    const absent = [...num.missing, ...den.missing];
    v.status = "missing";
    v.marker = absent[0].marker;
    v.reason = `${ind.label}: ${absent.map((m) => `${m.column} fehlt (${markerText(m.marker)})`).join(", ")}`;
    return v;
  }
  if (num.value > den.value) {
    throw new RangeError(
      `${fn}: numerator ${num.value} (${ind.numerator.join(" + ")}) exceeds denominator ${den.value} (${ind.denominator.join(" + ")}) of indicator "${ind.id}" in area "${id}"`,
    );
  }
  if (den.value === 0) {
    v.status = "zero-denominator";
    v.reason = `${ind.label}: Bezugsgröße ${ind.denominator.join(" + ")} ist 0`;
    return v;
  }
  const scale = ind.unit === "%" ? 100 : 1000;
  const ci = wilsonInterval(num.value, den.value, { confidence });
  v.value = ci.estimate * scale;
  v.rate = ci.estimate;
  v.lower = ci.lower * scale;
  v.upper = ci.upper * scale;
  if (populationReason) {
    v.status = "below-minimum-population";
    v.reason = populationReason;
  } else if (den.value < ind.minimumBase) {
    v.status = "below-minimum-base";
    v.reason = `${ind.label}: Bezugsgröße unter ${formatGerman(ind.minimumBase)} (${formatGerman(den.value)})`;
  } else {
    v.usable = true;
  }
  return v;
}

/** Σ of count columns; null (with the missing columns and markers) when any is missing. */
function sumColumns(fn: string, row: InputRow, cols: readonly string[], id: string, zeroMarkers: readonly string[]) {
  let total = 0;
  const missing: { column: string; marker: string }[] = [];
  for (const column of cols) {
    const cell = readCount(fn, row, column, id, zeroMarkers);
    if (cell.value === null) missing.push({ column, marker: cell.marker });
    else total += cell.value;
  }
  return { value: missing.length > 0 ? null : total, missing, marker: missing[0]?.marker ?? "" };
}

function markerText(marker: string): string {
  return marker === "" ? "leer" : JSON.stringify(marker);
}

function smoothIndicators(indicators: ValidatedIndicator[], areas: AreaIndicators[], warnings: string[]): IndicatorSmoothing[] {
  return indicators.map((ind) => {
    const scale = ind.unit === "%" ? 100 : 1000;
    const idx: number[] = [];
    areas.forEach((a, i) => {
      const v = a.values[ind.id];
      v.smoothed = null;
      if (v.rate !== null) idx.push(i);
    });
    if (idx.length === 0) return { indicator: ind.id, n: 0, priorMean: null, priorVariance: null };
    const eb = empiricalBayesRates(
      idx.map((i) => areas[i].values[ind.id].numerator as number),
      idx.map((i) => areas[i].values[ind.id].denominator as number),
    );
    for (const w of eb.warnings) warnings.push(`computeIndicators: ${ind.id}: ${w}`);
    idx.forEach((i, j) => {
      areas[i].values[ind.id].smoothed = eb.smoothed[j] * scale;
    });
    return { indicator: ind.id, n: idx.length, priorMean: eb.priorMean, priorVariance: eb.priorVariance };
  });
}
