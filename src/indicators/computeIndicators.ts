import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Exclusion } from "../table/exclusion.js";
import { type InputRow, type RowsInput, areaKey, areaRows, markerList, readCount } from "./areaRows.js";
import { DEFAULT_INDICATORS } from "./defaultIndicators.js";
import { empiricalBayesRates } from "./empiricalBayesRates.js";
import type { IndicatorDefinition, ValidatedIndicator } from "./indicatorDefinition.js";
import type { IndicatorResult, IndicatorSmoothing, IndicatorStatus } from "./indicatorResult.js";
import { validateIndicators } from "./validateIndicators.js";
import { attachIndicatorStore, emptyValueColumns, INDICATOR_STATUSES, type IndicatorStore, type IndicatorValueColumns } from "./indicatorStore.js";
import { normalQuantile } from "./normalQuantile.js";
import { wilsonLimits } from "./wilsonInterval.js";

export type { AreaIndicators, IndicatorResult, IndicatorSmoothing, IndicatorStatus, IndicatorValue } from "./indicatorResult.js";

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
    throw new TypeError(`${fn}: options.id (die Spalte der Gebietsschlüssel) ist erforderlich, angegeben ist ${JSON.stringify(options?.id) ?? "nichts"}`);
  }
  const data = areaRows(fn, rows);
  const idColumn = options.id;
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${fn}: confidence muss eine Zahl in (0, 1) sein, angegeben ist ${String(confidence)}`);
  }
  const minimumPopulation = options.minimumPopulation ?? 0;
  if (typeof minimumPopulation !== "number" || !Number.isFinite(minimumPopulation) || minimumPopulation < 0) {
    throw new RangeError(`${fn}: minimumPopulation muss eine endliche Zahl ≥ 0 sein, angegeben ist ${String(minimumPopulation)}`);
  }
  const smoothing = options.smoothing ?? "none";
  if (smoothing !== "none" && smoothing !== "empirical-bayes") {
    throw new RangeError(`${fn}: smoothing muss "none" oder "empirical-bayes" sein, angegeben ist ${JSON.stringify(smoothing)}`);
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
    throw new RangeError(`${fn}: minimumPopulation braucht die Bevölkerungsspalte(n) ${absent.map((c) => `"${c}"`).join(", ")}, die in den Zeilen fehlen`);
  }

  // Columns (typed arrays), not one object per area and indicator; `areas` is built from them on first access.
  const n = data.length;
  const store: IndicatorStore = { ids: new Array<string>(n), population: new Float64Array(n).fill(NaN), columns: {} };
  const cols = indicators.map((ind) => (store.columns[ind.id] = emptyValueColumns(n, smoothing === "empirical-bayes")));
  const seen = new Map<string, number>();
  let ascending = true;
  const excluded: Exclusion[] = [];
  const warnings: string[] = [];
  const absent: MissingCount[] = [];
  const z = normalQuantile((1 + confidence) / 2);
  for (let index = 0; index < n; index++) {
    const row = data[index];
    const id = areaKey(fn, row, idColumn, index);
    // Strictly ascending ids (a sorted area list, the usual case) are unique without a Map of every id; at the
    // first id out of order the Map takes over with the rows before it.
    if (ascending && (index === 0 || id > store.ids[index - 1])) {
      store.ids[index] = id;
    } else {
      if (ascending) for (let k = 0; k < index; k++) seen.set(store.ids[k], k);
      ascending = false;
      if (seen.has(id)) throw new RangeError(`${fn}: Gebiet "${id}" kommt doppelt vor (Zeilen ${seen.get(id)! + 1} und ${index + 1})`);
      seen.set(id, index);
      store.ids[index] = id;
    }

    let populationReason: string | undefined;
    if (hasPopulation) {
      if (absent.length > 0) absent.length = 0; // setting the length is a runtime call: only when needed
      const population = sumColumns(fn, row, populationColumns, id, zeroMarkers, absent);
      if (population !== null) store.population[index] = population;
      if (minimumPopulation > 0) {
        if (population === null) {
          populationReason = `${populationLabel} fehlt (${markerText(absent[0]?.marker ?? "")})`;
        } else if (population < minimumPopulation) {
          populationReason = `${populationLabel} unter ${formatGermanNumber(minimumPopulation, { maxDecimals: 2 })} (${formatGermanNumber(population, { maxDecimals: 2 })})`;
        }
      }
      if (populationReason) {
        excluded.push({ id, reason: populationReason, step: "minimumPopulation", column: populationColumns.join(" + ") });
      }
    }

    for (let j = 0; j < indicators.length; j++) {
      const ind = indicators[j];
      const c = cols[j];
      const status = indicatorValue(fn, row, id, index, ind, c, z, populationReason, zeroMarkers, absent);
      if (status !== "ok" && status !== "below-minimum-population") {
        excluded.push({ id, reason: c.reason.get(index) as string, step: EXCLUSION_STEP[status], column: ind.id });
      }
    }
  }

  for (let j = 0; j < indicators.length; j++) {
    if (n > 0 && !cols[j].status.includes(0)) warnings.push(`${fn}: Indikator "${indicators[j].id}" hat kein verwertbares Gebiet`);
  }

  const result = {
    name: "computeIndicators",
    id: idColumn,
    n,
    confidence,
    minimumPopulation,
    indicators,
  } as Omit<IndicatorResult, "areas">;
  attachIndicatorStore(result, store);
  result.excluded = excluded;
  result.warnings = warnings;
  if (smoothing === "empirical-bayes") result.smoothing = smoothIndicators(indicators, cols, warnings);
  return result as IndicatorResult;
}

const EXCLUSION_STEP: Record<Exclude<IndicatorStatus, "ok">, string> = {
  missing: "missing",
  "zero-denominator": "zeroDenominator",
  "below-minimum-population": "minimumPopulation",
  "below-minimum-base": "minimumBase",
};

/** A count that is missing: its column and the statistics office's marker. */
interface MissingCount {
  column: string;
  marker: string;
}

/** Computes one indicator in area `i` into its columns and returns the status. */
function indicatorValue(
  fn: string,
  row: InputRow,
  id: string,
  i: number,
  ind: ValidatedIndicator,
  c: IndicatorValueColumns,
  z: number,
  populationReason: string | undefined,
  zeroMarkers: readonly string[],
  absent: MissingCount[],
): IndicatorStatus {
  if (absent.length > 0) absent.length = 0; // setting the length is a runtime call: only when needed
  const num = sumColumns(fn, row, ind.numerator, id, zeroMarkers, absent);
  const den = sumColumns(fn, row, ind.denominator, id, zeroMarkers, absent);
  if (num !== null) c.numerator[i] = num;
  if (den !== null) c.denominator[i] = den;
  if (num === null || den === null) {
    c.status[i] = STATUS_CODE.missing;
    c.marker.set(i, absent[0].marker);
    c.reason.set(i, `${ind.label}: ${absent.map((m) => `${m.column} fehlt (${markerText(m.marker)})`).join(", ")}`);
    return "missing";
  }
  if (num > den) {
    throw new RangeError(
      `${fn}: Zähler ${num} (${ind.numerator.join(" + ")}) übersteigt den Nenner ${den} (${ind.denominator.join(" + ")}) von Indikator "${ind.id}" in Gebiet "${id}"`,
    );
  }
  if (den === 0) {
    c.status[i] = STATUS_CODE["zero-denominator"];
    c.reason.set(i, `${ind.label}: Bezugsgröße ${ind.denominator.join(" + ")} ist 0`);
    return "zero-denominator";
  }
  const scale = ind.unit === "%" ? 100 : 1000;
  const ci = wilsonLimits(num, den, z);
  c.value[i] = ci.estimate * scale;
  c.rate[i] = ci.estimate;
  c.lower[i] = ci.lower * scale;
  c.upper[i] = ci.upper * scale;
  if (populationReason) {
    c.status[i] = STATUS_CODE["below-minimum-population"];
    c.reason.set(i, populationReason);
    return "below-minimum-population";
  }
  if (den < ind.minimumBase) {
    c.status[i] = STATUS_CODE["below-minimum-base"];
    c.reason.set(i, `${ind.label}: Bezugsgröße unter ${formatGermanNumber(ind.minimumBase, { maxDecimals: 2 })} (${formatGermanNumber(den, { maxDecimals: 2 })})`);
    return "below-minimum-base";
  }
  return "ok";
}

const STATUS_CODE = Object.fromEntries(INDICATOR_STATUSES.map((s, k) => [s, k])) as Record<IndicatorStatus, number>;

/** Σ of count columns; null when any is missing (the missing columns and markers are appended to `absent`). */
function sumColumns(fn: string, row: InputRow, cols: readonly string[], id: string, zeroMarkers: readonly string[], absent: MissingCount[]): number | null {
  let total = 0;
  let missing = false;
  for (const column of cols) {
    const v = row[column];
    // Fast path for the common cell (a non-negative count); everything else goes through readCount's rules.
    if (typeof v === "number" && v >= 0 && v < Infinity) {
      total += v + 0;
      continue;
    }
    const cell = readCount(fn, row, column, id, zeroMarkers);
    if (cell.value === null) {
      absent.push({ column, marker: cell.marker });
      missing = true;
    } else total += cell.value;
  }
  return missing ? null : total;
}

function markerText(marker: string): string {
  return marker === "" ? "leer" : JSON.stringify(marker);
}

function smoothIndicators(indicators: ValidatedIndicator[], cols: IndicatorValueColumns[], warnings: string[]): IndicatorSmoothing[] {
  return indicators.map((ind, j) => {
    const scale = ind.unit === "%" ? 100 : 1000;
    const c = cols[j];
    const idx: number[] = [];
    for (let i = 0; i < c.rate.length; i++) if (c.rate[i] === c.rate[i]) idx.push(i);
    if (idx.length === 0) return { indicator: ind.id, n: 0, priorMean: null, priorVariance: null };
    const eb = empiricalBayesRates(
      idx.map((i) => c.numerator[i]),
      idx.map((i) => c.denominator[i]),
    );
    for (const w of eb.warnings) warnings.push(`computeIndicators: ${ind.id}: ${w}`);
    idx.forEach((i, k) => {
      c.smoothed![i] = eb.smoothed[k] * scale;
      c.hasSmoothed![i] = 1;
    });
    return { indicator: ind.id, n: idx.length, priorMean: eb.priorMean, priorVariance: eb.priorVariance };
  });
}
