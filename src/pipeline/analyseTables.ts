import { berlinMssGroup } from "../classify/berlinMssGroup.js";
import { compositeIndex, type CompositeIndexResult } from "../classify/compositeIndex.js";
import { conspicuousness } from "../classify/conspicuousness.js";
import { indicatorChanges, type IndicatorChangesResult } from "../classify/indicatorChanges.js";
import { berlinMssDynamic, berlinMssStatus } from "../classify/schemes.js";
import { computeIndicators, type IndicatorResult } from "../indicators/computeIndicators.js";
import { indicatorRows } from "../indicators/indicatorRows.js";
import type { MapFeatureCollection } from "../plot/classMapFigure.js";
import { rank } from "../standardize/rank.js";
import { zScores } from "../standardize/zScores.js";
import type { Exclusion } from "../table/exclusion.js";
import { missing, type Cell } from "../table/missing.js";
import type { ResolvedAnalysisConfig } from "./analysisConfig.js";
import { targetGroupLabel } from "./germanLabels.js";
import type { AnalysisResult, AreaInfo, RankingRow, StandardizationParameters } from "./analysisResult.js";

/** The tables an analysis runs on (already read): what {@link runAnalysis} reads from files. */
export interface AnalysisTables {
  /** Area list (`gebiete.csv` rows); null: names are the ids and every area of `current` is used. */
  gebiete: ReadonlyArray<Readonly<Record<string, unknown>>> | null;
  /** Structural data (counts) of the analysis year, one row per area. */
  current: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Structural data of the comparison year (null: no dynamic index). */
  previous: ReadonlyArray<Readonly<Record<string, unknown>>> | null;
  /** Area polygons for the map (optional). */
  geojson?: MapFeatureCollection | null;
}

/** A step of the analysis, reported to `onProgress`. */
export interface AnalysisProgress {
  /** 1-based step number. */
  step: number;
  /** Number of steps. */
  total: number;
  /** German description, e.g. "Indikatoren 2018 berechnen". */
  message: string;
}

/** Options of {@link analyseTables} and `runAnalysis`. */
export interface AnalysisRunOptions {
  /** Called at the start of every step (e.g. to print progress to stderr). */
  onProgress?: (progress: AnalysisProgress) => void;
}

/**
 * The analysis on tables already in memory: indicators per target group (rates with Wilson intervals) →
 * z-values (direction-adjusted) → flags and verdicts per target group → status index and dynamic index
 * (Berlin MSS method) → classes and combined group → ranking. Every intermediate table is in the result; every
 * area left out of a step is listed in `excluded` with a German reason. Inputs are not modified.
 *
 * @example
 * const result = analyseTables({ gebiete, current, previous }, resolveAnalysisConfig({}));
 * result.ranking[0]; // the area with the highest status index
 */
export function analyseTables(tables: AnalysisTables, config: ResolvedAnalysisConfig, options: AnalysisRunOptions = {}): AnalysisResult {
  const fn = "analyseTables";
  const { id } = config;
  const cur = config.years.current;
  const prev = tables.previous ? config.years.previous : null;
  const total = 6 + (prev !== null ? 2 : 0);
  let step = 0;
  const progress = (message: string) => options.onProgress?.({ step: ++step, total, message });
  const yearPrefix = (year: number) => (prev !== null ? `${year}: ` : "");
  const excluded: Exclusion[] = [];
  const warnings: string[] = [];

  // Join with the area list.
  const info = new Map<string, AreaInfo>();
  if (tables.gebiete) {
    tables.gebiete.forEach((g, i) => {
      const key = g[id];
      if (typeof key !== "string" || key === "") throw new Error(`${fn}: row ${i} of gebiete has no area key in column "${id}"`);
      if (info.has(key)) throw new Error(`${fn}: area "${key}" appears twice in gebiete`);
      info.set(key, {
        id: key,
        name: text(g.sozialraum_name, key),
        stadtteilId: text(g.stadtteil_id, ""),
        stadtteil: text(g.stadtteil_name, ""),
        stadtbezirkId: text(g.stadtbezirk_id, ""),
        stadtbezirk: text(g.stadtbezirk_name, ""),
      });
    });
  }
  const joinRows = (rows: AnalysisTables["current"], year: number) => {
    const kept: Record<string, Cell>[] = [];
    const seen = new Set<string>();
    rows.forEach((r) => {
      const key = r[id];
      if (tables.gebiete && (typeof key !== "string" || !info.has(key))) {
        excluded.push({ id: String(key), reason: `${yearPrefix(year)}nicht in der Gebietsliste (gebiete.csv)`, step: "join" });
        return;
      }
      if (typeof key === "string") seen.add(key);
      kept.push(r as Record<string, Cell>);
    });
    if (tables.gebiete) {
      for (const key of info.keys()) {
        if (!seen.has(key)) excluded.push({ id: key, reason: `keine Strukturdaten ${year}`, step: "join" });
      }
    }
    return kept;
  };

  progress(`Indikatoren ${cur} berechnen`);
  const currentRows = joinRows(tables.current, cur);
  const indicatorOptions = { id, indicators: config.indicators, minimumPopulation: config.minimumPopulation, confidence: config.confidence };
  const current = computeIndicators(currentRows, indicatorOptions);
  for (const e of current.excluded) excluded.push({ ...e, reason: yearPrefix(cur) + e.reason });
  warnings.push(...current.warnings);
  const areas = current.areas.map((a) => info.get(a.id) ?? { id: a.id, name: a.id, stadtteilId: "", stadtteil: "", stadtbezirkId: "", stadtbezirk: "" });
  const indicators = current.indicators;

  let previous: IndicatorResult | null = null;
  let previousRows: Record<string, Cell>[] | null = null;
  if (prev !== null && tables.previous) {
    progress(`Indikatoren ${prev} berechnen`);
    previousRows = joinRows(tables.previous, prev);
    previous = computeIndicators(previousRows, indicatorOptions);
    for (const e of previous.excluded) excluded.push({ ...e, reason: yearPrefix(prev) + e.reason });
    warnings.push(...previous.warnings);
  }

  // City-wide values (Gesamtstadt) as reference lines.
  const cityValues: Record<string, number | null> = {};
  for (const ind of indicators) {
    let num = 0;
    let den = 0;
    for (const a of current.areas) {
      const v = a.values[ind.id];
      if (v.numerator !== null && v.denominator !== null) {
        num += v.numerator;
        den += v.denominator;
      }
    }
    cityValues[ind.id] = den > 0 ? (num / den) * (ind.unit === "%" ? 100 : 1000) : null;
  }

  progress("Indikatoren standardisieren (z-Werte)");
  const values = indicatorRows(current);
  const ids = current.areas.map((a) => a.id);
  const weights = config.standardization.mean === "weighted" ? current.areas.map((a) => a.population ?? Number.NaN) : undefined;
  const zRows: Record<string, Cell>[] = ids.map((key) => ({ [id]: key }));
  const standardization: StandardizationParameters[] = [];
  for (const ind of indicators) {
    const column = values.map((r) => r[ind.id]);
    let z;
    try {
      z = zScores(column, { direction: ind.direction, ids, column: ind.id, mean: config.standardization.mean, sd: config.standardization.sd, weights });
    } catch (e) {
      throw new Error(`${fn}: cannot standardise indicator "${ind.id}" (${ind.label}): ${(e as Error).message}`);
    }
    z.values.forEach((v, i) => {
      zRows[i][ind.id] = v === null ? (column[i] as Cell) : v;
    });
    standardization.push({ indicator: ind.id, label: ind.label, targetGroup: ind.targetGroup, direction: ind.direction, mean: z.mean, sd: z.sd, n: z.n });
  }

  progress("Auffälligkeiten je Zielgruppe bestimmen");
  const valued = indicators.filter((d) => d.targetGroup !== "context");
  if (valued.length === 0) throw new Error(`${fn}: the indicator catalogue has no indicator outside the target group "context"; nothing to assess`);
  const flags = conspicuousness(zRows, {
    id,
    indicators: valued.map((d) => ({ id: d.id, targetGroup: d.targetGroup, label: d.label })),
    thresholds: config.thresholds,
    rule: config.verdictRule,
  });
  // The group id in the reason becomes its German label ("Zielgruppe elderly" → "Zielgruppe Ältere").
  for (const e of flags.excluded) {
    excluded.push({ ...e, step: "conspicuousness", reason: e.reason.replace(/Zielgruppe (\S+)/, (_m, g: string) => `Zielgruppe ${targetGroupLabel(g)}`) });
  }
  warnings.push(...flags.warnings);

  progress("Status-Index berechnen");
  const byId = new Map(indicators.map((d) => [d.id, d]));
  const population = current.areas.map((a) => a.population);
  const indexRows = values.map((r, i) => ({ ...r, __einwohner: population[i] ?? missing("") }));
  const indexOptions = (spec: Array<{ id: string; weight: number }>) => ({
    id,
    indicators: spec.map((s) => ({ column: s.id, weight: s.weight, direction: byId.get(s.id)!.direction })),
    mean: config.standardization.mean,
    sd: config.standardization.sd,
    weights: config.standardization.mean === "weighted" ? "__einwohner" : undefined,
  });
  // Why an area cannot enter an index: the population rule first, then each unusable indicator.
  const popReasons = new Map<IndicatorResult, Map<string, string>>();
  const populationReason = (result: IndicatorResult, areaId: string): string | undefined => {
    let m = popReasons.get(result);
    if (!m) {
      m = new Map(result.excluded.filter((e) => e.step === "minimumPopulation").map((e) => [e.id, e.reason]));
      popReasons.set(result, m);
    }
    return m.get(areaId);
  };
  const reasonIn = (result: IndicatorResult, i: number, spec: Array<{ id: string }>, year: number): string | null => {
    const area = result.areas[i];
    const reasons: string[] = [];
    if (result.minimumPopulation > 0 && (area.population === null || area.population < result.minimumPopulation)) {
      const popReason = populationReason(result, area.id);
      if (popReason) reasons.push(popReason);
    }
    for (const s of spec) {
      const v = area.values[s.id];
      if (!v.usable && v.status !== "below-minimum-population") reasons.push(v.reason ?? `${s.id} nicht verwendbar`);
    }
    return reasons.length ? yearPrefix(year) + [...new Set(reasons)].join("; ") : null;
  };
  const statusSpec = config.statusIndex.indicators;
  const statusIndex = withContext("Status-Index", () =>
    compositeIndex(indexRows, {
      ...indexOptions(statusSpec),
      label: "Status-Index",
      scheme: berlinMssStatus,
      valid: (_row, i) => reasonIn(current, i, statusSpec, cur) ?? true,
    }),
  );
  for (const e of statusIndex.excluded) excluded.push({ ...e, step: "statusIndex" });
  warnings.push(...statusIndex.warnings);

  let changes: IndicatorChangesResult | null = null;
  let dynamicIndex: CompositeIndexResult | null = null;
  if (previous !== null && prev !== null && config.dynamicIndex) {
    const dynSpec = config.dynamicIndex.indicators;
    progress(`Veränderungen ${prev}–${cur} berechnen`);
    changes = indicatorChanges(indicatorRows(previous), values, { id, columns: dynSpec.map((s) => s.id) });
    for (const e of changes.excluded) excluded.push({ ...e, step: "changes" });
    progress("Dynamik-Index berechnen");
    const prevIndex = new Map(previous.areas.map((a, i) => [a.id, i]));
    const dynRows = changes.rows.map((r, i) => ({ ...r, __einwohner: population[i] ?? missing("") }));
    const prevResult = previous;
    dynamicIndex = withContext("Dynamik-Index", () =>
      compositeIndex(dynRows, {
        ...indexOptions(dynSpec),
        label: "Dynamik-Index",
        scheme: berlinMssDynamic,
        valid: (_row, i) => {
          const now = reasonIn(current, i, dynSpec, cur);
          if (now) return now;
          const j = prevIndex.get(ids[i]);
          if (j === undefined) return `keine Strukturdaten ${prev}`;
          return reasonIn(prevResult, j, dynSpec, prev) ?? true;
        },
      }),
    );
    for (const e of dynamicIndex.excluded) excluded.push({ ...e, step: "dynamicIndex" });
    warnings.push(...dynamicIndex.warnings);
  }

  progress("Klassen und Rangfolge bestimmen");
  const ranks = rank(statusIndex.areas.map((a) => a.index), { ids, method: "min" }).values;
  const statusReason = new Map(statusIndex.excluded.map((e) => [e.id, e.reason]));
  const ranking: RankingRow[] = current.areas.map((a, i) => {
    const s = statusIndex.areas[i];
    const d = dynamicIndex ? dynamicIndex.areas[i] : null;
    const verdicts: Record<string, RankingRow["verdicts"][string]> = {};
    for (const g of flags.areas[i].groups) verdicts[g.targetGroup] = g.verdict;
    return {
      rang: ranks[i],
      sozialraum_id: a.id,
      sozialraum_name: areas[i].name,
      stadtteil_name: areas[i].stadtteil,
      stadtbezirk_name: areas[i].stadtbezirk,
      einwohner: a.population,
      status_index: s.index,
      status_klasse: s.class,
      dynamik_index: d ? d.index : null,
      dynamik_klasse: d ? d.class : null,
      gruppe: d ? berlinMssGroup(s.class, d.class) : null,
      verdicts,
      auffaellige_zielgruppen: flags.areas[i].groups.filter((g) => g.verdict === "auffällig" || g.verdict === "stark auffällig").length,
      grund: s.index === null ? statusReason.get(a.id) ?? "kein Status-Index" : null,
    };
  });
  const order = ranking.map((_, i) => i).sort((p, q) => {
    const rp = ranking[p].rang;
    const rq = ranking[q].rang;
    if (rp !== null && rq !== null) return rp - rq || p - q;
    if (rp !== null) return -1;
    if (rq !== null) return 1;
    return p - q;
  });

  return {
    name: "runAnalysis",
    parameters: config,
    areas,
    data: { current: currentRows, previous: previousRows },
    geojson: tables.geojson ?? null,
    indicators: { current, previous },
    cityValues,
    zScores: zRows,
    standardization,
    conspicuousness: flags,
    statusIndex,
    changes,
    dynamicIndex,
    ranking: order.map((i) => ranking[i]),
    excluded,
    warnings,
  };
}

function text(v: unknown, dflt: string): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : dflt;
}

function withContext<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`analyseTables: ${what}: ${(e as Error).message}`);
  }
}
