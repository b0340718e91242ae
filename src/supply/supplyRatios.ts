import type { Exclusion } from "../table/exclusion.js";
import { isMissing } from "../table/missing.js";

/** A facility as input of the supply measures: its area (or null when outside), target groups and capacity. */
export interface SupplyFacility {
  id: string;
  /** Area id (e.g. from {@link assignPointsToAreas}), or null when the facility lies outside every area. */
  area: string | null;
  groups: readonly string[];
  /** Places; null when not stated (counts as a facility, adds no places). */
  capacity: number | null;
  /** Number of facilities this record stands for (default 1): lets counts per area be given as one record. */
  count?: number;
  /** Facility type (e.g. "Kita"), used by the `types` option. */
  type?: string;
}

/** Options of {@link supplyRatios}. */
export interface SupplyRatiosOptions {
  /** Target group whose facilities and residents are compared, e.g. "children". */
  group: string;
  /** Area id column in the population rows (default "id"). */
  id?: string;
  /** Column with the residents of the target group (default: the group id, as in {@link targetGroupPopulation}). */
  population?: string;
  /** Rates per this many residents (default 1000). */
  per?: number;
  /**
   * How a facility serving several target groups counts: "full" (default) counts it and all its places for every
   * group it serves; "split" divides its count and places equally among its groups.
   */
  multiGroup?: "full" | "split";
  /**
   * Count only facilities of these types (default: all). Capacities of different types measure different things
   * (Kita places, counselling cases per month), so a place rate is most meaningful for one type.
   */
  types?: readonly string[];
}

/** Supply of one area for one target group. */
export interface SupplyRow {
  id: string;
  /** Residents of the target group; null when missing. */
  population: number | null;
  /** Facilities serving the group in the area (fractional with multiGroup "split"). */
  facilities: number;
  /** Places of those facilities (facilities without a stated capacity add none). */
  places: number;
  /** Facilities without a stated capacity. */
  withoutCapacity: number;
  /** facilities / population × per; null when the population is missing or 0. */
  facilityRate: number | null;
  /** places / population × per; null when the population is missing or 0. */
  placeRate: number | null;
}

/** Result of {@link supplyRatios}. */
export interface SupplyRatiosResult {
  name: "supplyRatios";
  group: string;
  per: number;
  /** Areas with a rate. */
  n: number;
  /** One row per population row, in input order. */
  rows: SupplyRow[];
  /** The city level: sums over the areas with a rate, and their rates. */
  city: { population: number; facilities: number; places: number; facilityRate: number | null; placeRate: number | null };
  /** Areas without a rate (missing or zero population), with the reason. */
  excluded: Exclusion[];
  /** Facilities of the group that could not be counted (outside all areas, unknown area), with the reason. */
  excludedFacilities: Exclusion[];
  warnings: string[];
}

/**
 * Facilities and places per 1 000 residents of a target group in each area (Versorgungsquote):
 *
 *   facilityRate_i = F_i / P_i × per,   placeRate_i = S_i / P_i × per,
 *
 * with F_i the facilities serving the group in area i, S_i their places and P_i the residents of the group.
 * The city level is ΣF / ΣP × per and ΣS / ΣP × per over the areas with a rate (a population-weighted mean of the
 * area rates, not the mean of the rates).
 *
 * @example
 * const r = supplyRatios(
 *   [{ id: "K1", area: "01", groups: ["children"], capacity: 60 }],
 *   [{ id: "01", children: 400 }, { id: "02", children: 600 }],
 *   { group: "children" },
 * );
 * r.rows[0].placeRate; // 150 (60 / 400 × 1000)
 * r.city.placeRate;    // 60 (60 / 1000 × 1000)
 */
export function supplyRatios(
  facilities: ReadonlyArray<SupplyFacility>,
  population: ReadonlyArray<object>,
  options: SupplyRatiosOptions,
): SupplyRatiosResult {
  const fn = "supplyRatios";
  const group = options?.group;
  if (typeof group !== "string" || group === "") throw new Error(`${fn}: die Option group fehlt (ein Zielgruppen-Schlüssel)`);
  const idKey = options.id ?? "id";
  const popKey = options.population ?? group;
  const per = options.per ?? 1000;
  if (!(per > 0)) throw new Error(`${fn}: per muss positiv sein, angegeben ist ${per}`);
  const multiGroup = options.multiGroup ?? "full";

  const index = new Map<string, number>();
  const rows: SupplyRow[] = (population as ReadonlyArray<Record<string, unknown>>).map((row, i) => {
    if (!(idKey in row)) throw new Error(`${fn}: Einwohnerzeile ${i} hat keine Spalte "${idKey}"`);
    if (!(popKey in row)) throw new Error(`${fn}: Einwohnerzeile ${i} hat keine Spalte "${popKey}"`);
    const id = String(row[idKey]);
    if (index.has(id)) throw new Error(`${fn}: doppelter Gebietsschlüssel "${id}" in den Einwohnerzeilen`);
    index.set(id, i);
    const v = row[popKey];
    if (!isMissing(v) && (typeof v !== "number" || !Number.isFinite(v) || v < 0)) {
      throw new Error(`${fn}: Gebiet "${id}", Spalte "${popKey}": keine Zahl ≥ 0 "${String(v)}"`);
    }
    return { id, population: isMissing(v) ? null : (v as number), facilities: 0, places: 0, withoutCapacity: 0, facilityRate: null, placeRate: null };
  });

  const excludedFacilities: Exclusion[] = [];
  for (const f of facilities) {
    if (!f.groups.includes(group)) continue;
    if (options.types && !options.types.includes(f.type ?? "")) continue;
    const count = f.count ?? 1;
    if (!(count >= 0)) throw new Error(`${fn}: Einrichtung "${f.id}" hat die Anzahl ${count}`);
    if (f.capacity !== null && !(f.capacity >= 0)) throw new Error(`${fn}: Einrichtung "${f.id}" hat die Kapazität ${f.capacity}`);
    if (f.area === null) {
      excludedFacilities.push({ id: f.id, reason: "Einrichtung liegt außerhalb aller Sozialräume", step: fn });
      continue;
    }
    const i = index.get(f.area);
    if (i === undefined) {
      excludedFacilities.push({ id: f.id, reason: `Sozialraum "${f.area}" fehlt in den Bevölkerungsdaten`, step: fn });
      continue;
    }
    const share = multiGroup === "split" ? 1 / f.groups.length : 1;
    rows[i].facilities += count * share;
    if (f.capacity === null) rows[i].withoutCapacity += count;
    else rows[i].places += f.capacity * share;
  }

  const excluded: Exclusion[] = [];
  const city = { population: 0, facilities: 0, places: 0, facilityRate: null as number | null, placeRate: null as number | null };
  for (const r of rows) {
    if (r.population === null) {
      excluded.push({ id: r.id, reason: "Einwohnerzahl der Zielgruppe fehlt", step: fn, column: popKey });
    } else if (r.population === 0) {
      excluded.push({ id: r.id, reason: "keine Einwohner der Zielgruppe", step: fn, column: popKey });
    } else {
      r.facilityRate = (r.facilities / r.population) * per;
      r.placeRate = (r.places / r.population) * per;
      city.population += r.population;
      city.facilities += r.facilities;
      city.places += r.places;
    }
  }
  if (city.population > 0) {
    city.facilityRate = (city.facilities / city.population) * per;
    city.placeRate = (city.places / city.population) * per;
  }
  const warnings: string[] = [];
  const lacking = rows.reduce((s, r) => s + r.withoutCapacity, 0);
  if (lacking > 0) warnings.push(`${lacking} Einrichtung(en) ohne Angabe der Kapazität: gezählt, aber ohne Plätze`);
  for (const r of rows) {
    if (r.population === 0 && r.facilities > 0) {
      warnings.push(`Sozialraum "${r.id}": ${r.facilities} Einrichtung(en), aber keine Einwohner der Zielgruppe`);
    }
  }
  return { name: fn, group, per, n: rows.length - excluded.length, rows, city, excluded, excludedFacilities, warnings };
}
