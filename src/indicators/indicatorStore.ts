import type { AreaIndicators, IndicatorResult, IndicatorStatus, IndicatorValue } from "./indicatorResult.js";

/** The statuses in code order: `IndicatorStore` keeps a status as its index here. */
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ["ok", "missing", "zero-denominator", "below-minimum-population", "below-minimum-base"];

/** One indicator over all areas, as columns in area order. NaN where the row view has null. */
export interface IndicatorValueColumns {
  value: Float64Array;
  rate: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Index into {@link INDICATOR_STATUSES} (0 = "ok" = usable). */
  status: Uint8Array;
  /** Marker of the first missing count, for the areas with status "missing". */
  marker: Map<number, string>;
  /** German reason, for the areas whose value is not usable. */
  reason: Map<number, string>;
  /** Smoothed values (null without smoothing); `hasSmoothed[i]` 0 where the row view has null. */
  smoothed: Float64Array | null;
  hasSmoothed: Uint8Array | null;
}

/**
 * The values of an indicator result as columns (typed arrays, no object per area and indicator): what the
 * analysis steps read. `computeIndicators` keeps its results this way and builds `areas` from it on first access.
 */
export interface IndicatorStore {
  ids: string[];
  /** Population per area, NaN where missing. */
  population: Float64Array;
  columns: Record<string, IndicatorValueColumns>;
}

const stores = new WeakMap<IndicatorResult, IndicatorStore>();

/** Empty columns for `n` areas. */
export function emptyValueColumns(n: number, smoothing: boolean): IndicatorValueColumns {
  return {
    value: new Float64Array(n).fill(NaN),
    rate: new Float64Array(n).fill(NaN),
    numerator: new Float64Array(n).fill(NaN),
    denominator: new Float64Array(n).fill(NaN),
    lower: new Float64Array(n).fill(NaN),
    upper: new Float64Array(n).fill(NaN),
    status: new Uint8Array(n),
    marker: new Map(),
    reason: new Map(),
    smoothed: smoothing ? new Float64Array(n) : null,
    hasSmoothed: smoothing ? new Uint8Array(n) : null,
  };
}

/**
 * Makes `result.areas` a view of `store`, built on first access (enumerable, in the place of a plain property,
 * so spreads and JSON see the same object), and remembers the store for {@link indicatorStore}.
 */
export function attachIndicatorStore(result: Omit<IndicatorResult, "areas">, store: IndicatorStore): void {
  let areas: AreaIndicators[] | undefined;
  Object.defineProperty(result, "areas", {
    enumerable: true,
    configurable: true,
    get: () => (areas ??= areaViews(result as IndicatorResult, store)),
    set: (v: AreaIndicators[]) => {
      areas = v;
      stores.delete(result as IndicatorResult);
    },
  });
  stores.set(result as IndicatorResult, store);
}

/** True if `result` came from `computeIndicators` and still has its columns. */
export function hasIndicatorStore(result: IndicatorResult): boolean {
  return stores.has(result);
}

/** The columns of an indicator result: kept by `computeIndicators`, else built once from `areas`. */
export function indicatorStore(result: IndicatorResult): IndicatorStore {
  let s = stores.get(result);
  if (!s) {
    s = storeFromAreas(result);
    stores.set(result, s);
  }
  return s;
}

const num = (x: number): number | null => (x === x ? x : null);

/** One value as a row-view object: the fields in the order `computeIndicators` always wrote them. */
function valueView(c: IndicatorValueColumns, indicator: string, i: number): IndicatorValue {
  const status = c.status[i];
  const v: IndicatorValue = {
    indicator, value: num(c.value[i]), rate: num(c.rate[i]), numerator: num(c.numerator[i]), denominator: num(c.denominator[i]),
    lower: num(c.lower[i]), upper: num(c.upper[i]), status: INDICATOR_STATUSES[status], usable: status === 0,
  };
  const marker = c.marker.get(i);
  if (marker !== undefined) v.marker = marker;
  const reason = c.reason.get(i);
  if (reason !== undefined) v.reason = reason;
  if (c.smoothed && c.hasSmoothed) v.smoothed = c.hasSmoothed[i] ? c.smoothed[i] : null;
  return v;
}

function areaViews(result: IndicatorResult, store: IndicatorStore): AreaIndicators[] {
  const inds = result.indicators.map((d) => d.id);
  return store.ids.map((id, i) => {
    const values: Record<string, IndicatorValue> = {};
    for (const d of inds) values[d] = valueView(store.columns[d], d, i);
    return { id, population: num(store.population[i]), values };
  });
}

function storeFromAreas(result: IndicatorResult): IndicatorStore {
  const n = result.areas.length;
  const smoothing = result.areas.some((a) => Object.values(a.values).some((v) => v.smoothed !== undefined));
  const nan = (x: number | null | undefined) => (typeof x === "number" ? x : NaN);
  const columns: Record<string, IndicatorValueColumns> = {};
  for (const d of result.indicators) {
    const c = emptyValueColumns(n, smoothing);
    result.areas.forEach((a, i) => {
      const v = a.values[d.id];
      c.value[i] = nan(v.value);
      c.rate[i] = nan(v.rate);
      c.numerator[i] = nan(v.numerator);
      c.denominator[i] = nan(v.denominator);
      c.lower[i] = nan(v.lower);
      c.upper[i] = nan(v.upper);
      c.status[i] = INDICATOR_STATUSES.indexOf(v.status);
      if (v.marker !== undefined) c.marker.set(i, v.marker);
      if (v.reason !== undefined) c.reason.set(i, v.reason);
      if (c.smoothed && c.hasSmoothed && typeof v.smoothed === "number") {
        c.smoothed[i] = v.smoothed;
        c.hasSmoothed[i] = 1;
      }
    });
    columns[d.id] = c;
  }
  return { ids: result.areas.map((a) => a.id), population: Float64Array.from(result.areas, (a) => nan(a.population)), columns };
}
