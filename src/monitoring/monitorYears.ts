import type { RowsInput } from "../indicators/areaRows.js";
import type { Exclusion } from "../table/exclusion.js";
import { auffaelligPersistence, type AreaPersistence } from "../typology/auffaelligPersistence.js";
import { classTransitions, type ClassTransitionTable, type YearClasses } from "../typology/classTransitions.js";
import { indicatorTimeSeries, type IndicatorSeries } from "./indicatorTimeSeries.js";
import { yearVerdicts, type YearVerdictsOptions, type YearVerdictsResult } from "./yearVerdicts.js";

/** One survey year's area table (counts per Sozialraum, as read from strukturdaten_<year>.csv). */
export interface YearTable {
  year: number | string;
  rows: RowsInput;
}

/** Options of {@link monitorYears}: those of {@link yearVerdicts} plus which indicators get a time series. */
export interface MonitorYearsOptions extends YearVerdictsOptions {
  /** Indicators of the time series (default all of the catalogue). */
  seriesIndicators?: readonly string[];
}

/** Result of {@link monitorYears}. */
export interface MonitorYearsResult {
  /** The survey years in the given (chronological) order. */
  years: (number | string)[];
  /** Indicator time series per area × indicator (areas in order of first appearance). */
  series: IndicatorSeries[];
  /** Overall verdict per year (input of `classTransitions` / `auffaelligPersistence`). */
  verdictsByYear: YearClasses[];
  /** Verdicts per target group and year. */
  verdictsByGroup: Record<string, YearClasses[]>;
  /** Status classes per year (only with `status`). */
  classesByYear: YearClasses[] | null;
  /** Transitions of the overall verdict between consecutive years (classes "unauffällig", "auffällig", "stark auffällig"). */
  transitions: ClassTransitionTable[];
  /** Transitions of the status classes (only with `status`). */
  statusTransitions: ClassTransitionTable[] | null;
  /** Persistence of "auffällig" (overall verdict) per area, in order of first appearance. */
  persistence: AreaPersistence[];
  /** Persistence per target group. */
  persistenceByGroup: Record<string, AreaPersistence[]>;
  /** Per-year details (indicators, conspicuousness). */
  perYear: YearVerdictsResult[];
  /** Areas without a verdict in a year, with the year and the reason (areas absent from a year's table included). */
  excluded: (Exclusion & { year: number | string })[];
}

export const VERDICT_ORDER = ["unauffällig", "auffällig", "stark auffällig"] as const;

/**
 * Monitoring across any number of survey years: per year the indicators, z-values and verdicts (see
 * {@link yearVerdicts}, the same options for every year: each year is standardised over its own areas, as the
 * Leverkusen report does), then the indicator time series, the class transitions between consecutive years
 * (`classTransitions`) and how long each area has been auffällig (`auffaelligPersistence`,
 * "seit drei Erhebungen auffällig" = streak 3). Years must be given in chronological order.
 *
 * @example
 * const m = monitorYears(
 *   [{ year: 2014, rows: rows2014 }, { year: 2016, rows: rows2016 }, { year: 2018, rows: rows2018 }],
 *   { id: "sozialraum_id", minimumPopulation: 300 },
 * );
 * m.transitions[0].counts;                       // 3 × 3 table 2014 → 2016
 * m.persistence.filter((p) => p.streak === 3);   // seit drei Erhebungen auffällig
 */
export function monitorYears(tables: readonly YearTable[], options: MonitorYearsOptions): MonitorYearsResult {
  const fn = "monitorYears";
  if (!Array.isArray(tables) || tables.length === 0) throw new Error(`${fn}: tables ist leer`);
  if (options == null || typeof options.id !== "string") throw new Error(`${fn}: options.id (die Kennungsspalte) fehlt`);
  const years = tables.map((t) => t.year);
  years.forEach((y, i) => {
    if (years.indexOf(y) !== i) throw new Error(`${fn}: Jahr ${String(y)} kommt doppelt vor (Eintrag ${i + 1})`);
    if (i > 0 && typeof y === "number" && typeof years[i - 1] === "number" && y < (years[i - 1] as number)) {
      throw new Error(`${fn}: Jahre müssen zeitlich geordnet sein, ${String(y)} (Eintrag ${i + 1}) folgt auf ${String(years[i - 1])}`);
    }
  });
  const perYear = tables.map((t) => {
    try {
      return yearVerdicts(t.rows, options);
    } catch (e) {
      throw new Error(`${fn}: Jahr ${String(t.year)}: ${(e as Error).message}`);
    }
  });
  const allIds: string[] = [];
  const seen = new Set<string>();
  for (const r of perYear) for (const a of r.indicators.areas) if (!seen.has(a.id)) { seen.add(a.id); allIds.push(a.id); }
  const withAll = (y: number | string, classes: Record<string, string | null>): YearClasses => ({
    year: y,
    classes: Object.fromEntries(allIds.map((id) => [id, classes[id] ?? null])),
  });
  const verdictsByYear = perYear.map((r, t) => withAll(years[t], r.overall));
  const groups = [...new Set(perYear.flatMap((r) => r.conspicuousness.targetGroups))];
  const verdictsByGroup = Object.fromEntries(groups.map((g) => [g, perYear.map((r, t) => withAll(years[t], r.byGroup[g] ?? {}))]));
  const classesByYear = options.status ? perYear.map((r, t) => withAll(years[t], r.status ?? {})) : null;
  const excluded: MonitorYearsResult["excluded"] = [];
  perYear.forEach((r, t) => {
    const present = new Set(r.indicators.areas.map((a) => a.id));
    for (const id of allIds) if (!present.has(id)) excluded.push({ id, step: fn, reason: `nicht in den Daten des Jahres ${String(years[t])}`, year: years[t] });
    for (const e of r.excluded) excluded.push({ ...e, year: years[t] });
  });
  return {
    years,
    series: indicatorTimeSeries(perYear.map((r, t) => ({ year: years[t], result: r.indicators })), { indicators: options.seriesIndicators }),
    verdictsByYear,
    verdictsByGroup,
    classesByYear,
    transitions: classTransitions(verdictsByYear, { classOrder: VERDICT_ORDER }),
    statusTransitions: classesByYear && options.status ? classTransitions(classesByYear, { classOrder: options.status.scheme.classes.map((c) => c.label) }) : null,
    persistence: auffaelligPersistence(verdictsByYear),
    persistenceByGroup: Object.fromEntries(groups.map((g) => [g, auffaelligPersistence(verdictsByGroup[g])])),
    perYear,
    excluded,
  };
}
