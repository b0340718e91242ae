import { TARGET_GROUPS, TARGET_GROUP_LABELS, type TargetGroup } from "../indicators/targetGroups.js";
import type { Exclusion } from "../table/exclusion.js";
import { areaCentroids } from "./areaCentroids.js";
import { assignPointsToAreas } from "./assignPointsToAreas.js";
import { compareNeedSupply, type CompareNeedSupplyResult } from "./compareNeedSupply.js";
import type { NeighborStructure } from "./distanceBandNeighbors.js";
import type { AreaFeatureCollection } from "./geojson.js";
import { needsNotVisible, type NeedNotVisibleRow } from "./needsNotVisible.js";
import { observationContradictions, type ObservationContradictionsResult } from "./observationContradictions.js";
import { DEFAULT_LOW_SUPPLY_SHARE, DEFAULT_NEED_THRESHOLD, DEFAULT_SERVING_TYPES, type ServingType } from "./servingTypes.js";
import { supplyGaps, type SupplyGapsResult } from "./supplyGaps.js";
import type { Facility } from "./parseFacilities.js";
import type { Observation } from "./parseObservations.js";
import { populationBaseLabel } from "./populationBaseLabel.js";
import { supplyRatios, type SupplyRatiosResult } from "./supplyRatios.js";
import { supplyWithinReach, type SupplyWithinReachResult } from "./supplyWithinReach.js";
import { TARGET_GROUP_POPULATION_COLUMNS } from "./targetGroupPopulation.js";
import { twoStepFloatingCatchment, type CatchmentDecay, type TwoStepFloatingCatchmentResult } from "./twoStepFloatingCatchment.js";

/** Which supply measure is compared with need. */
export type SupplyMeasure = "places" | "withinReach" | "catchment";

/** German names of the supply measures (axis and column labels). */
export const SUPPLY_MEASURE_LABELS: Readonly<Record<SupplyMeasure, string>> = {
  places: "Plätze je 1.000 Einwohner der Zielgruppe im Sozialraum",
  withinReach: "Plätze je 1.000 Einwohner der Zielgruppe (mit Nachbarräumen)",
  catchment: "erreichbare Plätze je 1.000 Einwohner der Zielgruppe (2SFCA)",
};

/** Input of {@link needSupplyAnalysis}. */
export interface NeedSupplyInput {
  /** Area polygons (WGS84). */
  geojson: AreaFeatureCollection;
  /** Facilities with coordinates (e.g. from {@link readFacilities}). */
  facilities: ReadonlyArray<Facility>;
  /** Residents per target group and area: rows `{ id, children, "working-age", elderly, context }` (see targetGroupPopulation). */
  population: ReadonlyArray<object>;
  /** Need per area and target group (e.g. the need index): `{ id, group, need, flagged? }`. */
  need: ReadonlyArray<{ id: string; group: string; need: number | null; flagged?: boolean }>;
  /** Observations from district meetings (optional). */
  observations?: ReadonlyArray<Observation>;
  /** Neighbours for the supply within reach (e.g. `contiguityWeights`); without them withinReach is not computed. */
  weights?: NeighborStructure;
  /** Area names by id for tables and plots. */
  names?: Readonly<Record<string, string>>;
  /**
   * Structural-data rows (id column `options.residentsId`, the population columns of the serving types): the
   * residents served by each facility type. Without them the gaps per facility type are not computed.
   */
  residents?: ReadonlyArray<object>;
}

/** Options of {@link needSupplyAnalysis}. */
export interface NeedSupplyOptions {
  /** Feature property with the area id (default "sozialraum_id"). */
  idProperty?: string;
  /** Target groups to analyse (default: those of children, working-age, elderly, context with facilities and need values). */
  groups?: readonly string[];
  /**
   * Facility types counted per target group (default: every type serving the group), e.g.
   * `{ children: ["Kita"] }`: capacities of different types measure different things.
   */
  facilityTypes?: Readonly<Record<string, readonly string[]>>;
  /**
   * Structure-data columns the population rows were summed from per target group (default
   * `TARGET_GROUP_POPULATION_COLUMNS`, as `targetGroupPopulation`); only names the base of the rates in the report.
   */
  populationColumns?: Readonly<Record<string, readonly string[]>>;
  /** Supply measure compared with need (default "places"; "withinReach" needs `weights`). */
  supplyMeasure?: SupplyMeasure;
  /** 2SFCA catchment radius in km (default 2) and decay (default none). */
  radiusKm?: number;
  decay?: CatchmentDecay;
  /** Need level of the quadrants: a number (default `needThreshold`) or "median" (half the areas by construction). */
  needLevel?: "median" | number;
  /** Supply level of the quadrants: "city" (default: the city's rate of the measure) or "median". */
  supplyLevel?: "city" | "median";
  /**
   * High need: need index > needThreshold (default 1 = the flag threshold of conspicuousness, `DEFAULT_THRESHOLDS.flag`).
   * Used by the gaps, the contradictions, the quadrants (default needLevel) and "not visible".
   */
  needThreshold?: number;
  /** Facility types and whom they serve (default {@link DEFAULT_SERVING_TYPES}); types without facilities are skipped. */
  servingTypes?: readonly ServingType[];
  /** Supply is low below this share of the city rate (default 0.75, see `supplyGaps`). */
  lowSupplyShare?: number;
  /** Id column of `input.residents` (default: idProperty). */
  residentsId?: string;
}

/** Results for one target group. */
export interface NeedSupplyGroup {
  group: string;
  label: string;
  /** Facility types counted (null: all types serving the group). */
  types: string[] | null;
  /** German name of the residents the rates are counted per, e.g. "0–5 Jahre" (see `populationBaseLabel`). */
  populationBase: string;
  supplyMeasure: SupplyMeasure;
  ratios: SupplyRatiosResult;
  withinReach: SupplyWithinReachResult | null;
  catchment: TwoStepFloatingCatchmentResult;
  comparison: CompareNeedSupplyResult;
  notVisible: NeedNotVisibleRow[];
}

/** The rules behind the gaps and contradictions, for the report's method text. */
export interface NeedSupplyRules {
  /** High need: need index > needThreshold. */
  needThreshold: number;
  /** Low supply: supply < lowSupplyShare × city rate. */
  lowSupplyShare: number;
  servingTypes: ServingType[];
}

/** Result of {@link needSupplyAnalysis}. */
export interface NeedSupplyAnalysis {
  name: "needSupplyAnalysis";
  idProperty: string;
  /** Facilities with their area (null: outside every area), in input order. */
  facilities: Array<Facility & { area: string | null }>;
  groups: NeedSupplyGroup[];
  observations: Observation[];
  names: Record<string, string>;
  radiusKm: number;
  decay: CatchmentDecay["type"];
  /** Facilities outside every area. */
  excludedFacilities: Exclusion[];
  /** Rules of the gaps: high-need threshold, low-supply share, facility types and whom they serve. */
  rules: NeedSupplyRules;
  /** Gaps per facility type (serving types with at least one facility); empty without `input.residents`. */
  typeGaps: SupplyGapsResult[];
  /** Observations against the data, both directions (see `observationContradictions`). */
  contradictions: ObservationContradictionsResult;
  warnings: string[];
}

/**
 * The whole "Bedarf und Angebot" step: assigns the facilities to areas (point in polygon), computes for each
 * target group the supply ratios, the supply within reach (with `weights`) and the 2SFCA accessibility, compares
 * need with the chosen supply measure (quadrants with high need = need index > needThreshold, gap ranking), and per
 * facility type ({@link DEFAULT_SERVING_TYPES}: whom each type serves) the supply gaps ({@link supplyGaps}) and the
 * contradictions between district-meeting reports and the data in both directions ({@link observationContradictions}).
 *
 * @example
 * const analysis = needSupplyAnalysis(
 *   { geojson, facilities: readFacilities("data/einrichtungen.csv"), population: targetGroupPopulation(rows), need },
 *   { supplyMeasure: "catchment", radiusKm: 1.5 },
 * );
 */
export function needSupplyAnalysis(input: NeedSupplyInput, options: NeedSupplyOptions = {}): NeedSupplyAnalysis {
  const fn = "needSupplyAnalysis";
  const idProperty = options.idProperty ?? "sozialraum_id";
  const measure = options.supplyMeasure ?? "places";
  if (measure === "withinReach" && !input.weights) throw new Error(`${fn}: supplyMeasure "withinReach" braucht input.weights`);
  const radiusKm = options.radiusKm ?? 2;
  const needThreshold = options.needThreshold ?? DEFAULT_NEED_THRESHOLD;
  const lowSupplyShare = options.lowSupplyShare ?? DEFAULT_LOW_SUPPLY_SHARE;
  const decay = options.decay ?? { type: "none" };

  const areas = assignPointsToAreas(input.facilities, input.geojson, { idProperty });
  const facilities = input.facilities.map((f, i) => ({ ...f, area: areas[i] }));
  const excludedFacilities: Exclusion[] = facilities
    .filter((f) => f.area === null)
    .map((f) => ({ id: f.id, reason: `Einrichtung liegt außerhalb aller Sozialräume (${f.lon}, ${f.lat})`, step: fn }));
  const centroids = new Map(areaCentroids(input.geojson, { idProperty }).map((c) => [c.id, c]));
  const names: Record<string, string> = { ...(input.names ?? {}) };
  for (const f of input.geojson.features) {
    const id = String(f.properties?.[idProperty]);
    if (!(id in names) && typeof f.properties?.sozialraum_name === "string") names[id] = f.properties.sozialraum_name as string;
  }

  const groups =
    options.groups ??
    TARGET_GROUPS.filter((g) => facilities.some((f) => f.groups.includes(g)) && input.need.some((r) => r.group === g && r.need !== null));
  const warnings: string[] = [];
  const out: NeedSupplyGroup[] = groups.map((group) => {
    const types = options.facilityTypes?.[group];
    const ratios = supplyRatios(facilities, input.population, { group, types });
    const withinReach = input.weights ? supplyWithinReach(ratios, { weights: input.weights }) : null;
    const demand = ratios.rows.map((r) => {
      const c = centroids.get(r.id);
      if (!c) throw new Error(`${fn}: Gebiet "${r.id}" der Einwohnerzeilen fehlt im GeoJSON`);
      return { id: r.id, lon: c.lon, lat: c.lat, population: r.population };
    });
    const supply = facilities
      .filter((f) => f.groups.includes(group as TargetGroup) && f.capacity !== null && f.area !== null && (!types || types.includes(f.type)))
      .map((f) => ({ id: f.id, lon: f.lon, lat: f.lat, capacity: f.capacity as number }));
    const catchment = twoStepFloatingCatchment({ demand, supply }, { radiusKm, decay });
    const supplyRows =
      measure === "places"
        ? ratios.rows.map((r) => ({ id: r.id, supply: r.placeRate }))
        : measure === "withinReach"
          ? withinReach!.rows.map((r) => ({ id: r.id, supply: r.placeRate }))
          : catchment.rows.map((r) => ({ id: r.id, supply: r.accessibility }));
    const cityLevel = measure === "catchment" ? catchment.cityLevel : ratios.city.placeRate;
    const needRows = input.need.filter((r) => r.group === group).map((r) => ({ id: r.id, need: r.need }));
    const comparison = compareNeedSupply(needRows, supplyRows, {
      needLevel: options.needLevel === "median" ? undefined : options.needLevel ?? needThreshold,
      supplyLevel: (options.supplyLevel ?? "city") === "city" && cityLevel !== null ? cityLevel : undefined,
    });
    const groupNeed = input.need.filter((r) => r.group === group);
    const notVisible = needsNotVisible((input.observations ?? []).filter((o) => o.group === group), groupNeed, { threshold: needThreshold });
    for (const w of [...ratios.warnings, ...catchment.warnings, ...(withinReach?.warnings ?? []), ...comparison.warnings]) {
      warnings.push(`${TARGET_GROUP_LABELS[group as TargetGroup] ?? group}: ${w}`);
    }
    const baseColumns = options.populationColumns?.[group] ?? TARGET_GROUP_POPULATION_COLUMNS[group as TargetGroup] ?? [group];
    const populationBase = populationBaseLabel(baseColumns);
    return { group, label: TARGET_GROUP_LABELS[group as TargetGroup] ?? group, types: types ? [...types] : null, populationBase, supplyMeasure: measure, ratios, withinReach, catchment, comparison, notVisible };
  });
  const servingTypes = (options.servingTypes ?? DEFAULT_SERVING_TYPES).filter((t) => facilities.some((f) => f.type === t.type)).map((t) => ({ ...t }));
  const centroidList = [...centroids.values()];
  const typeGaps = input.residents
    ? servingTypes.map((servingType) =>
        supplyGaps(
          { facilities, residents: input.residents!, centroids: centroidList, need: input.need },
          { servingType, id: options.residentsId ?? idProperty, lowSupplyShare, needThreshold, radiusKm, decay },
        ),
      )
    : [];
  if (!input.residents) warnings.push("keine Strukturdaten (residents): Lücken je Einrichtungsart nicht bestimmt");
  for (const g of typeGaps) warnings.push(...g.warnings);
  const contradictions = observationContradictions(input.observations ?? [], input.need, typeGaps, servingTypes, { needThreshold });
  return {
    name: fn,
    idProperty,
    facilities,
    groups: out,
    observations: [...(input.observations ?? [])],
    names,
    radiusKm,
    decay: decay.type,
    excludedFacilities,
    rules: { needThreshold, lowSupplyShare, servingTypes },
    typeGaps,
    contradictions,
    warnings,
  };
}
