import type { Exclusion } from "../table/exclusion.js";
import { isMissing } from "../table/missing.js";
import { DEFAULT_LOW_SUPPLY_SHARE, DEFAULT_NEED_THRESHOLD, type GapRule, type ServingType } from "./servingTypes.js";
import { twoStepFloatingCatchment, type CatchmentDecay } from "./twoStepFloatingCatchment.js";

/** A facility with its area (null: outside every area), as input of {@link supplyGaps}. */
export interface GapFacility {
  id: string;
  type: string;
  area: string | null;
  capacity: number | null;
  lon: number;
  lat: number;
}

/** Input of {@link supplyGaps}. */
export interface SupplyGapsInput {
  facilities: ReadonlyArray<GapFacility>;
  /** Structural-data rows: the id column and the population columns of the serving type. */
  residents: ReadonlyArray<object>;
  /** Area centroids (e.g. `areaCentroids`) for the catchment measure. */
  centroids: ReadonlyArray<{ id: string; lon: number; lat: number }>;
  /** Need index per area and target group (rows of other groups are ignored). */
  need: ReadonlyArray<{ id: string; group: string; need: number | null }>;
}

/** Options of {@link supplyGaps}. */
export interface SupplyGapsOptions {
  servingType: ServingType;
  /** Id column of the residents rows (default "sozialraum_id"). */
  id?: string;
  /** Supply is low below this share of the city rate (default 0.75). */
  lowSupplyShare?: number;
  /** Need is high above this need index (default 1, the flag threshold of conspicuousness). */
  needThreshold?: number;
  /** 2SFCA radius in km (default 1.5) and decay (default gaussian). */
  radiusKm?: number;
  decay?: CatchmentDecay;
  /** Rates per this many residents (default 1000). */
  per?: number;
}

/** Supply of one facility type in one area against the need of the target group. */
export interface SupplyGapRow {
  id: string;
  /** Residents served (sum of the type's population columns); null when a cell is missing. */
  population: number | null;
  /** Facilities of the type in the area and their places. */
  facilities: number;
  places: number;
  /** Measure that gave `supply`: the area's own Versorgungsquote, or the 2SFCA accessibility (small areas, see {@link supplyGaps}). */
  scale: "area" | "catchment" | null;
  /** Places per `per` residents served, at `scale`; null when excluded. */
  supply: number | null;
  /** supply / city rate. */
  relative: number | null;
  lowSupply: boolean | null;
  need: number | null;
  /** need > needThreshold; null without a need value. */
  highNeed: boolean | null;
  /** The area is a gap of this type (by `gapRule`). */
  gap: boolean;
}

/** Result of {@link supplyGaps}. */
export interface SupplyGapsResult {
  name: "supplyGaps";
  type: string;
  group: string;
  populationLabel: string;
  gapRule: GapRule;
  per: number;
  /** Σ places / Σ residents served × per over the areas with a rate. */
  cityRate: number | null;
  /** Mean capacity of the type's facilities (the size of "one facility" in the scale rule). */
  meanCapacity: number | null;
  lowSupplyShare: number;
  needThreshold: number;
  radiusKm: number;
  /** One row per residents row, in input order. */
  rows: SupplyGapRow[];
  /** The gaps: high need first, then lowest relative supply, then id. */
  gaps: SupplyGapRow[];
  excluded: Exclusion[];
  warnings: string[];
}

/**
 * Supply gaps of one facility type (Versorgungslücken).
 *
 *   P_i = residents served in area i (the type's population columns), S_i = places of the type in area i,
 *   city = ΣS / ΣP × per (over the areas with P_i > 0), c̄ = mean capacity of one facility of the type.
 *   Scale ("auto"): an area whose residents at the city rate fill at least one average facility
 *   (P_i × city / per ≥ c̄) is its own planning unit: supply_i = S_i / P_i × per (Versorgungsquote, as in
 *   Kita-Bedarfsplanung per Planungsraum). Smaller areas cannot be expected to hold a facility of their own: they
 *   are served by their own places or by those within reach, supply_i = max(S_i / P_i × per, A_i) with A_i the
 *   2SFCA accessibility within `radiusKm` (Luo & Wang 2003), whose city level equals `city`.
 *   Low supply: supply_i < lowSupplyShare × city (default 0,75: a quarter below the city's Versorgungsquote, a
 *   planning convention, not a norm — make it an explicit choice). High need: need_i > needThreshold (default 1,
 *   the same flag threshold as conspicuousness). Gap: low supply ("lowSupply") or low supply and high need
 *   ("highNeedLowSupply"), see {@link GapRule}.
 *
 * Areas without residents served (missing cell or 0) are excluded with the reason.
 *
 * @example
 * const r = supplyGaps(
 *   { facilities: [{ id: "K1", type: "Kita", area: "a", capacity: 100, lon: 7, lat: 51 }],
 *     residents: [{ sozialraum_id: "a", ew_0_5: 200 }, { sozialraum_id: "b", ew_0_5: 200 }],
 *     centroids: [{ id: "a", lon: 7, lat: 51 }, { id: "b", lon: 7.2, lat: 51 }], need: [] },
 *   { servingType: { type: "Kita", group: "children", population: ["ew_0_5"], populationLabel: "0–5", gapRule: "lowSupply", tags: [] } },
 * );
 * r.cityRate;                   // 250
 * r.gaps.map((g) => g.id);      // ["b"] (0 places, 200 children)
 */
export function supplyGaps(input: SupplyGapsInput, options: SupplyGapsOptions): SupplyGapsResult {
  const fn = "supplyGaps";
  const t = options.servingType;
  if (!t || typeof t.type !== "string") throw new Error(`${fn}: die Option servingType fehlt`);
  const idKey = options.id ?? "sozialraum_id";
  const per = options.per ?? 1000;
  const share = options.lowSupplyShare ?? DEFAULT_LOW_SUPPLY_SHARE;
  if (!(share > 0)) throw new Error(`${fn}: lowSupplyShare muss > 0 sein, angegeben ist ${share}`);
  const threshold = options.needThreshold ?? DEFAULT_NEED_THRESHOLD;
  const radiusKm = options.radiusKm ?? 1.5;
  const decay = options.decay ?? { type: "gaussian" };
  const rows = residentRows(fn, input.residents, idKey, t.population);
  const index = new Map(rows.map((r, i) => [r.id, i]));
  const own = input.facilities.filter((f) => f.type === t.type);
  const warnings: string[] = [];
  for (const f of own) {
    const i = f.area === null ? undefined : index.get(f.area);
    if (i === undefined) {
      warnings.push(`${t.type} "${f.id}": Sozialraum ${f.area === null ? "unbekannt" : `"${f.area}" fehlt in den Strukturdaten`}, nicht gezählt`);
      continue;
    }
    rows[i].facilities += 1;
    rows[i].places += f.capacity ?? 0;
  }
  const excluded: Exclusion[] = [];
  let sumP = 0, sumS = 0;
  for (const r of rows) {
    if (r.population === null) excluded.push({ id: r.id, reason: `Einwohnerzahl fehlt (${t.populationLabel})`, step: fn, column: t.population.join("+") });
    else if (r.population === 0) excluded.push({ id: r.id, reason: `keine Einwohner (${t.populationLabel})`, step: fn });
    else {
      sumP += r.population;
      sumS += r.places;
    }
  }
  const cityRate = sumP > 0 ? (sumS / sumP) * per : null;
  const caps = own.filter((f) => f.capacity !== null).map((f) => f.capacity as number);
  const meanCapacity = caps.length > 0 ? caps.reduce((s, x) => s + x, 0) / caps.length : null;
  if (cityRate === null || cityRate === 0) warnings.push(`${t.type}: keine Plätze in der Stadt, keine Lücken bestimmbar`);
  const accessibility = catchmentById(input, rows, own, radiusKm, decay, per);
  const needById = new Map(input.need.filter((n) => n.group === t.group).map((n) => [String(n.id), n.need]));
  for (const r of rows) {
    r.need = needById.get(r.id) ?? null;
    r.highNeed = r.need === null ? null : r.need > threshold;
    if (r.population === null || r.population === 0 || cityRate === null || cityRate === 0) continue;
    const scale = t.scale ?? "auto";
    const own = (r.places / r.population) * per;
    const reach = accessibility.get(r.id) ?? null;
    const ownUnit = meanCapacity !== null && (r.population * cityRate) / per >= meanCapacity;
    // A small area is served by its own facility or by those within reach: the better of the two counts.
    const useArea = scale === "area" || (scale === "auto" && (ownUnit || reach === null || own >= reach));
    r.scale = useArea ? "area" : "catchment";
    r.supply = useArea ? own : reach;
    if (r.supply === null) {
      excluded.push({ id: r.id, reason: "kein Mittelpunkt des Sozialraums für das Einzugsgebiet", step: fn });
      continue;
    }
    r.relative = r.supply / cityRate;
    r.lowSupply = r.relative < share;
    r.gap = r.lowSupply && (t.gapRule === "lowSupply" || r.highNeed === true);
  }
  const gaps = rows
    .filter((r) => r.gap)
    .sort((a, b) => Number(b.highNeed === true) - Number(a.highNeed === true) || (a.relative as number) - (b.relative as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    name: fn, type: t.type, group: t.group, populationLabel: t.populationLabel, gapRule: t.gapRule, per, cityRate, meanCapacity,
    lowSupplyShare: share, needThreshold: threshold, radiusKm, rows, gaps, excluded, warnings,
  };
}

function residentRows(fn: string, residents: ReadonlyArray<object>, idKey: string, columns: readonly string[]): SupplyGapRow[] {
  const seen = new Set<string>();
  return (residents as ReadonlyArray<Record<string, unknown>>).map((row, i) => {
    if (!(idKey in row)) throw new Error(`${fn}: Einwohnerzeile ${i + 1} hat keine Spalte "${idKey}"`);
    const id = String(row[idKey]);
    if (seen.has(id)) throw new Error(`${fn}: doppelter Gebietsschlüssel "${id}" in den Einwohnerzeilen`);
    seen.add(id);
    let population: number | null = 0;
    for (const c of columns) {
      if (!(c in row)) throw new Error(`${fn}: Einwohnerzeile ${i + 1} (Gebiet "${id}") hat keine Spalte "${c}"`);
      const v = row[c];
      if (isMissing(v)) population = null;
      else if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new Error(`${fn}: Gebiet "${id}", Spalte "${c}": keine Zahl ≥ 0 "${String(v)}"`);
      else if (population !== null) population += v;
    }
    return { id, population, facilities: 0, places: 0, scale: null, supply: null, relative: null, lowSupply: null, need: null, highNeed: null, gap: false };
  });
}

function catchmentById(
  input: SupplyGapsInput, rows: SupplyGapRow[], own: ReadonlyArray<GapFacility>, radiusKm: number, decay: CatchmentDecay, per: number,
): Map<string, number | null> {
  const centroids = new Map(input.centroids.map((c) => [String(c.id), c]));
  const demand = rows.filter((r) => centroids.has(r.id)).map((r) => ({ id: r.id, lon: centroids.get(r.id)!.lon, lat: centroids.get(r.id)!.lat, population: r.population }));
  const supply = own.filter((f) => f.capacity !== null && f.area !== null).map((f) => ({ id: f.id, lon: f.lon, lat: f.lat, capacity: f.capacity as number }));
  if (demand.length === 0) return new Map();
  const c = twoStepFloatingCatchment({ demand, supply }, { radiusKm, decay, per });
  return new Map(c.rows.map((r) => [r.id, r.accessibility]));
}
