import { berlinMssGroup } from "../classify/berlinMssGroup.js";
import { compositeIndex, type CompositeIndexResult } from "../classify/compositeIndex.js";
import { conspicuousness } from "../classify/conspicuousness.js";
import { indicatorChanges, type IndicatorChangesResult } from "../classify/indicatorChanges.js";
import { berlinMssDynamic, berlinMssStatus } from "../classify/schemes.js";
import { computeIndicators, type IndicatorResult } from "../indicators/computeIndicators.js";
import { indicatorRows } from "../indicators/indicatorRows.js";
import { analysisSensitivity } from "../audit/analysisSensitivity.js";
import { verdictSensitivity } from "../audit/verdictSensitivity.js";
import { stableStringify } from "../audit/stable-stringify.js";
import { mixSection } from "../mix/mixSection.js";
import type { ReportSection } from "../report/section.js";
import { contiguityWeights } from "../spatial/contiguityWeights.js";
import type { AreaGeometries } from "../io/geoJsonTypes.js";
import { needSupplyAnalysis, type NeedSupplyAnalysis } from "../supply/needSupplyAnalysis.js";
import type { Facility } from "../supply/parseFacilities.js";
import type { Observation } from "../supply/parseObservations.js";
import { targetGroupPopulation } from "../supply/targetGroupPopulation.js";
import { rank } from "../standardize/rank.js";
import { zScores } from "../standardize/zScores.js";
import type { Exclusion } from "../table/exclusion.js";
import { missing, type Cell } from "../table/missing.js";
import type { ResolvedAnalysisConfig } from "./analysisConfig.js";
import { targetGroupLabel } from "./germanLabels.js";
import type { AnalysisResult, AreaInfo, NeedRow, RankingRow, StandardizationParameters } from "./analysisResult.js";
import { analysisProvenance, type InputContent } from "./analysisProvenance.js";
import { neighbourhoodAnalysis, type NeighbourhoodAnalysis } from "./neighbourhoodAnalysis.js";

/** The tables an analysis runs on (already read): what {@link runAnalysis} reads from files. */
export interface AnalysisTables {
  /** Area list (`gebiete.csv` rows); null: names are the ids and every area of `current` is used. */
  gebiete: ReadonlyArray<Readonly<Record<string, unknown>>> | null;
  /** Structural data (counts) of the analysis year, one row per area. */
  current: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Structural data of the comparison year (null: no dynamic index). */
  previous: ReadonlyArray<Readonly<Record<string, unknown>>> | null;
  /** Area polygons for the map (optional; needed by "Bedarf und Angebot" and "Nachbarschaft"). */
  geojson?: AreaGeometries | null;
  /** Facilities for "Bedarf und Angebot" (optional; e.g. `readFacilities`). */
  facilities?: ReadonlyArray<Facility> | null;
  /** Observations from district meetings (optional; e.g. `readObservations`). */
  observations?: ReadonlyArray<Observation> | null;
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
  /**
   * The inputs to record in the provenance with their bytes (`runAnalysis` passes the files it read). Default:
   * the tables themselves as stable JSON, recorded as "tabelle:gebiete", "tabelle:strukturdaten_2018", ….
   */
  inputs?: readonly InputContent[];
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
  const geojson = tables.geojson ?? null;
  const doSupply = config.supply !== null && geojson !== null && !!tables.facilities;
  const doMix = config.mix !== null;
  const doNeighbourhood = config.neighbourhood !== null && geojson !== null;
  const doSensitivity = config.sensitivity !== null;
  const total = 7 + (prev !== null ? 2 : 0) + (doSupply ? 1 : 0) + (doMix ? 1 : 0) + (doNeighbourhood ? 1 : 0) + (doSensitivity ? 1 : 0);
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
  const indicatorOptions = {
    id,
    indicators: config.indicators,
    minimumPopulation: config.minimumPopulation,
    confidence: config.confidence,
    smoothing: config.smoothing,
  };
  // With smoothing, the smoothed rates are what gets standardised, flagged and indexed.
  const valueField = config.smoothing === "empirical-bayes" ? "smoothed" : "value";
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
  const values = indicatorRows(current, { field: valueField });
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
    changes = indicatorChanges(indicatorRows(previous, { field: valueField }), values, { id, columns: dynSpec.map((s) => s.id) });
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

  progress("Bedarfsindex je Zielgruppe berechnen");
  const needIndex: Record<string, CompositeIndexResult> = {};
  const need: NeedRow[] = [];
  for (const g of flags.targetGroups) {
    const spec = valued.filter((d) => d.targetGroup === g).map((d) => ({ id: d.id, weight: 1 }));
    const label = `Bedarfsindex ${targetGroupLabel(g)}`;
    const r = withContext(label, () =>
      compositeIndex(indexRows, { ...indexOptions(spec), label, valid: (_row, i) => reasonIn(current, i, spec, cur) ?? true }),
    );
    needIndex[g] = r;
    for (const e of r.excluded) excluded.push({ ...e, step: "needIndex", reason: `${targetGroupLabel(g)}: ${e.reason}` });
    warnings.push(...r.warnings.map((w) => `${label}: ${w}`));
  }
  current.areas.forEach((a, i) => {
    for (const g of flags.targetGroups) {
      const verdict = flags.areas[i].groups.find((x) => x.targetGroup === g)?.verdict ?? null;
      need.push({ id: a.id, group: g, need: needIndex[g].areas[i].index, flagged: verdict === "auffällig" || verdict === "stark auffällig" });
    }
  });

  const names: Record<string, string> = Object.fromEntries(areas.map((a) => [a.id, a.name]));
  const onMap = new Set((geojson?.features ?? []).map((f) => String(f.properties?.[id])));
  let supply: NeedSupplyAnalysis | null = null;
  if (config.supply !== null && geojson === null) warnings.push("Bedarf und Angebot: keine Gebietsgrenzen (GeoJSON); der Abschnitt entfällt");
  else if (config.supply !== null && !tables.facilities) warnings.push("Bedarf und Angebot: keine Einrichtungsdatei (data.einrichtungen); der Abschnitt entfällt");
  if (doSupply) {
    progress("Bedarf und Angebot vergleichen");
    const sc = config.supply!;
    const inMap = currentRows.filter((r) => onMap.has(String(r[id])));
    const population = withContext("Bedarf und Angebot", () => targetGroupPopulation(inMap, { id, columns: sc.population as never }));
    const areaGeo = geojson!;
    supply = withContext("Bedarf und Angebot", () =>
      needSupplyAnalysis(
        {
          geojson: areaGeo,
          facilities: tables.facilities!,
          population,
          need: need.filter((r) => onMap.has(r.id)),
          observations: tables.observations ?? [],
          weights: contiguityWeights(areaGeo, { kind: "queen", idProperty: id }),
          names,
        },
        { idProperty: id, facilityTypes: sc.facilityTypes, populationColumns: sc.population, supplyMeasure: sc.measure, radiusKm: sc.radiusKm, decay: sc.decay, needLevel: sc.needLevel },
      ),
    );
    for (const e of supply.excludedFacilities) excluded.push({ ...e, step: "supply" });
    warnings.push(...supply.warnings.map((w) => `Bedarf und Angebot: ${w}`));
  }

  let mix: ReportSection | null = null;
  if (doMix) {
    progress("Durchmischung messen");
    mix = mixStep(config, currentRows, previousRows, names, geojson, cur, prev, warnings);
  }

  let neighbourhood: NeighbourhoodAnalysis | null = null;
  if (config.neighbourhood !== null && geojson === null) warnings.push("Nachbarschaft: keine Gebietsgrenzen (GeoJSON); der Abschnitt entfällt");
  if (doNeighbourhood) {
    progress("Nachbarschaft: Moran's I und LISA-Cluster berechnen");
    const nc = config.neighbourhood!;
    const statusValues = new Map(statusIndex.areas.map((a) => [a.id, a.index]));
    const column = (ind: string) => new Map(values.map((r) => [String(r[id]), r[ind]]));
    neighbourhood = withContext("Nachbarschaft", () =>
      neighbourhoodAnalysis(
        geojson!,
        [
          { id: "status_index", label: "Status-Index", values: statusValues },
          ...nc.indicators.map((ind) => ({ id: ind, label: byId.get(ind)!.label, values: column(ind) })),
        ],
        { idProperty: id, contiguity: nc.contiguity, permutations: config.permutations, seed: config.seed, alpha: nc.alpha, fdr: nc.fdr },
      ),
    );
    warnings.push(...neighbourhood.warnings.map((w) => `Nachbarschaft: ${w}`));
  }

  const inputs: InputContent[] = options.inputs
    ? [...options.inputs]
    : [
        ...(tables.gebiete ? [{ role: "Gebietsliste", path: "tabelle:gebiete", content: stableStringify(tables.gebiete) }] : []),
        { role: `Strukturdaten ${cur}`, path: `tabelle:strukturdaten_${cur}`, content: stableStringify(tables.current) },
        ...(tables.previous && prev !== null ? [{ role: `Strukturdaten ${prev}`, path: `tabelle:strukturdaten_${prev}`, content: stableStringify(tables.previous) }] : []),
        ...(geojson ? [{ role: "Gebietsgrenzen", path: "tabelle:gebietsgrenzen", content: stableStringify(geojson) }] : []),
        ...(tables.facilities ? [{ role: "Einrichtungen", path: "tabelle:einrichtungen", content: stableStringify(tables.facilities) }] : []),
        ...(tables.observations ? [{ role: "Stadtteiltreffen", path: "tabelle:stadtteiltreffen", content: stableStringify(tables.observations) }] : []),
      ];
  const recorded = analysisProvenance(config, inputs);

  const result: AnalysisResult = {
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
    needIndex,
    need,
    supply,
    mix,
    neighbourhood,
    sensitivity: null,
    verdictSensitivity: null,
    inputs: recorded.inputs,
    provenance: recorded.provenance,
    excluded,
    warnings,
  };
  if (doSensitivity) {
    progress("Sensitivität von Status-Index und Bewertungen berechnen (Methodenvarianten, Monte-Carlo)");
    const sc = config.sensitivity!;
    // The variants re-run only the core of the analysis: the later steps do not enter ranks and verdicts.
    const core = { ...result, parameters: { ...config, supply: null, mix: null, neighbourhood: null, sensitivity: null } };
    const options = { seed: config.seed, draws: sc.draws, thresholdShift: sc.thresholdShift };
    result.sensitivity = withContext("Sensitivität", () => analysisSensitivity(core, options));
    result.verdictSensitivity = withContext("Sensitivität der Bewertungen", () => verdictSensitivity(core, options));
  }
  return result;
}

/**
 * The "Durchmischung" section: `mixSection` on the structural data of the analysis year (and the comparison
 * year for the change of D), with the configured groups and composition, seed and permutations. Default
 * columns missing from the data are left out with a warning; configured ones must exist.
 */
function mixStep(
  config: ResolvedAnalysisConfig,
  rows: Record<string, Cell>[],
  previousRows: Record<string, Cell>[] | null,
  names: Record<string, string>,
  geojson: AreaGeometries | null,
  cur: number,
  prev: number | null,
  warnings: string[],
): ReportSection | null {
  const mc = config.mix!;
  const { id } = config;
  const present = (col: string) => rows.length > 0 && rows.every((r) => col in r) && (previousRows ?? []).every((r) => col in r);
  const groups = { ...mc.groups };
  for (const col of Object.keys(groups)) {
    if (present(col)) continue;
    if (!mc.defaultGroups) throw new Error(`analyseTables: Durchmischung: column "${col}" of "mix.groups" is not in the structural data`);
    warnings.push(`Durchmischung: Spalte "${col}" fehlt in den Strukturdaten; die Gruppe ${groups[col]} entfällt`);
    delete groups[col];
  }
  let composition = mc.composition;
  const absent = composition ? Object.keys(composition).filter((c) => !present(c)) : [];
  if (composition && absent.length > 0) {
    if (!mc.defaultComposition) throw new Error(`analyseTables: Durchmischung: column "${absent[0]}" of "mix.composition" is not in the structural data`);
    warnings.push(`Durchmischung: Spalten ${absent.join(", ")} fehlen in den Strukturdaten; die Durchmischung der Altersgruppen entfällt`);
    composition = null;
  }
  if (Object.keys(groups).length === 0 || !present("einwohner")) {
    warnings.push("Durchmischung: keine verwendbaren Spalten (Gruppen und einwohner); der Abschnitt entfällt");
    return null;
  }
  const withNames = (rs: Record<string, Cell>[]) => rs.map((r) => ({ ...r, __name: names[String(r[id])] ?? String(r[id]) }));
  return withContext("Durchmischung", () =>
    mixSection(withNames(rows), {
      id,
      total: "einwohner",
      groups,
      ...(composition ? { composition, compositionLabel: "Altersgruppen" } : {}),
      ...(previousRows && prev !== null ? { previous: withNames(previousRows), years: [String(prev), String(cur)] as [string, string] } : {}),
      ...(geojson ? { geojson, idProperty: id } : {}),
      name: "__name",
      permutations: config.permutations,
      seed: config.seed,
      missing: "exclude",
    }),
  );
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
