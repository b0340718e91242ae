import type { Exclusion } from "../table/exclusion.js";
import type { NeighborStructure } from "./distanceBandNeighbors.js";
import type { SupplyRatiosResult } from "./supplyRatios.js";

/** Supply within reach of one area: the area and its neighbours together. */
export interface SupplyWithinReachRow {
  id: string;
  /** The areas pooled (the area first, then its neighbours with a population). */
  members: string[];
  population: number | null;
  facilities: number;
  places: number;
  facilityRate: number | null;
  placeRate: number | null;
}

/** Result of {@link supplyWithinReach}. */
export interface SupplyWithinReachResult {
  name: "supplyWithinReach";
  group: string;
  per: number;
  n: number;
  rows: SupplyWithinReachRow[];
  excluded: Exclusion[];
  warnings: string[];
}

/**
 * Supply within reach: pools each area with its neighbours (contiguity from `contiguityWeights`, or distance bands
 * from {@link distanceBandNeighbors}) and relates the pooled facilities and places to the pooled residents:
 *
 *   placeRate_i = Σ_{j ∈ {i} ∪ N(i)} S_j / Σ_{j ∈ {i} ∪ N(i)} P_j × per.
 *
 * Neighbours without a population (excluded in `ratios`) are left out of both sums and named in `warnings`.
 *
 * @example
 * // "a": 60 places, 400 children; "b": 0 places, 600 children; a and b neighbours
 * supplyWithinReach(ratios, { weights: { ids: ["a", "b"], neighbors: { a: ["b"], b: ["a"] } } }).rows[1].placeRate;
 * // 60 = (0 + 60) / (600 + 400) × 1000
 */
export function supplyWithinReach(
  ratios: SupplyRatiosResult,
  options: { weights: NeighborStructure },
): SupplyWithinReachResult {
  const fn = "supplyWithinReach";
  const weights = options?.weights;
  if (!weights || !Array.isArray(weights.ids) || typeof weights.neighbors !== "object") {
    throw new Error(`${fn}: die Option weights muss { ids: string[]; neighbors: Record<string, string[]> } sein`);
  }
  const byId = new Map(ratios.rows.map((r) => [r.id, r]));
  const inWeights = new Set(weights.ids);
  const excluded: Exclusion[] = [];
  const warnings: string[] = [];
  const rows = ratios.rows.map((r): SupplyWithinReachRow => {
    const empty = { id: r.id, members: [] as string[], population: null, facilities: 0, places: 0, facilityRate: null, placeRate: null };
    if (!inWeights.has(r.id)) {
      excluded.push({ id: r.id, reason: "Sozialraum fehlt in der Nachbarschaftsstruktur", step: fn });
      return empty;
    }
    if (r.population === null || r.population === 0) {
      excluded.push({ id: r.id, reason: r.population === null ? "Einwohnerzahl der Zielgruppe fehlt" : "keine Einwohner der Zielgruppe", step: fn });
      return empty;
    }
    const members = [r.id];
    let population = r.population, facilities = r.facilities, places = r.places;
    for (const j of weights.neighbors[r.id] ?? []) {
      const nb = byId.get(j);
      if (nb === undefined) throw new Error(`${fn}: Nachbar "${j}" von Gebiet "${r.id}" ist keines der Gebiete`);
      if (j === r.id || members.includes(j)) continue;
      if (nb.population === null) {
        warnings.push(`Sozialraum "${r.id}": Nachbar "${j}" ohne Einwohnerzahl nicht einbezogen`);
        continue;
      }
      members.push(j);
      population += nb.population;
      facilities += nb.facilities;
      places += nb.places;
    }
    return {
      id: r.id,
      members,
      population,
      facilities,
      places,
      facilityRate: population > 0 ? (facilities / population) * ratios.per : null,
      placeRate: population > 0 ? (places / population) * ratios.per : null,
    };
  });
  return { name: fn, group: ratios.group, per: ratios.per, n: rows.length - excluded.length, rows, excluded, warnings };
}
