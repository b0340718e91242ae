import { type Cell, missing } from "../table/missing.js";
import type { IndicatorResult, IndicatorValue } from "./computeIndicators.js";
import { hasIndicatorStore, indicatorStore, type IndicatorStore, type IndicatorValueColumns } from "./indicatorStore.js";

/** Options of {@link indicatorRows}. */
export interface IndicatorRowsOptions {
  /** Which number to put in the cells; default "value" (in % or ‰). */
  field?: "value" | "rate" | "lower" | "upper" | "smoothed" | "numerator" | "denominator";
  /**
   * true (default): values that are not usable (status ≠ "ok") become missing cells, so that a
   * standardisation sees only the usable values. false: every computed number is kept.
   */
  usableOnly?: boolean;
}

/**
 * The indicator result as a wide table: one row per area (input order) with the id column and one column per
 * indicator — the shape `standardize` and the report expect. Cells without a number are explicit `Missing`
 * values: the statistics office's marker for a missing count, "x" (German statistics convention "Aussage nicht
 * sinnvoll") for a zero base or an area / value left out by a minimum rule.
 *
 * @example
 * indicatorRows(computeIndicators(rows, { id: "sozialraum_id" }));
 * // [{ sozialraum_id: "010101", kinderarmut: 23.4, alleinerziehende: 18.2, ... }, ...]
 */
export function indicatorRows(result: IndicatorResult, options: IndicatorRowsOptions = {}): Record<string, Cell>[] {
  const field = options.field ?? "value";
  const usableOnly = options.usableOnly ?? true;
  if (hasIndicatorStore(result)) return rowsFromStore(result, indicatorStore(result), field, usableOnly);
  return result.areas.map((area) => {
    const row: Record<string, Cell> = { [result.id]: area.id };
    for (const ind of result.indicators) row[ind.id] = cell(area.values[ind.id], field, usableOnly);
    return row;
  });
}

/**
 * The numbers of one indicator's {@link indicatorRows} column (usable values only) as a typed array in area order,
 * NaN where that column has a missing cell; null for a result without its columns or without this indicator.
 * For steps that only need numbers: no row object per area.
 *
 * @example
 * indicatorValueColumn(result, "kinderarmut"); // Float64Array [23.4, NaN, 17.9, …]
 */
export function indicatorValueColumn(result: IndicatorResult, indicator: string, field: NonNullable<IndicatorRowsOptions["field"]> = "value"): Float64Array | null {
  if (!hasIndicatorStore(result)) return null;
  const c = indicatorStore(result).columns[indicator];
  if (!c) return null;
  const n = c.status.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== 0) out[i] = NaN;
    else if (field === "smoothed") out[i] = c.smoothed && c.hasSmoothed && c.hasSmoothed[i] ? c.smoothed[i] : NaN;
    else out[i] = c[field][i];
  }
  return out;
}

/** One row per area × indicator with every field and the indicator's label and target group (for tables, plots). */
export interface IndicatorLongRow extends IndicatorValue {
  id: string;
  label: string;
  targetGroup: string;
  unit: string;
}

/**
 * The indicator result as a long table: one row per area × indicator (areas in input order, indicators in
 * catalogue order), with label, target group, unit, value, interval, counts, status and reason.
 *
 * @example
 * indicatorLongRows(result).filter((r) => r.indicator === "kinderarmut");
 */
export function indicatorLongRows(result: IndicatorResult): IndicatorLongRow[] {
  const out: IndicatorLongRow[] = [];
  for (const area of result.areas) {
    for (const ind of result.indicators) {
      out.push({ id: area.id, label: ind.label, targetGroup: ind.targetGroup, unit: ind.unit, ...area.values[ind.id] });
    }
  }
  return out;
}

function cell(v: IndicatorValue, field: NonNullable<IndicatorRowsOptions["field"]>, usableOnly: boolean): Cell {
  if (usableOnly && !v.usable) return missing(v.status === "missing" ? (v.marker ?? "") : "x");
  const x = v[field];
  if (typeof x === "number") return x;
  return missing(v.status === "missing" ? (v.marker ?? "") : "x");
}

/** The same rows from the columns of `computeIndicators` (no value object per area and indicator). */
function missingCell(c: IndicatorValueColumns, i: number): Cell {
  return missing(c.status[i] === 1 ? (c.marker.get(i) ?? "") : "x");
}

function rowsFromStore(result: IndicatorResult, store: IndicatorStore, field: NonNullable<IndicatorRowsOptions["field"]>, usableOnly: boolean): Record<string, Cell>[] {
  const inds = result.indicators.map((d) => ({ id: d.id, c: store.columns[d.id] }));
  return store.ids.map((id, i) => {
    const row: Record<string, Cell> = { [result.id]: id };
    for (const { id: key, c } of inds) {
      const status = c.status[i];
      if (usableOnly && status !== 0) {
        row[key] = missingCell(c, i);
        continue;
      }
      let x: number;
      if (field === "smoothed") {
        if (!c.smoothed || !c.hasSmoothed || !c.hasSmoothed[i]) {
          row[key] = missingCell(c, i);
          continue;
        }
        x = c.smoothed[i];
      } else x = c[field][i];
      row[key] = x === x || field === "smoothed" ? x : missingCell(c, i);
    }
    return row;
  });
}
