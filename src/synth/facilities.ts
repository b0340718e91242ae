import type { Rng } from "../inference/random.js";
import type { CityPartition } from "./partition.js";
import { largestRemainder, normal, pick, uniform, weightedIndex } from "./sampling.js";
import type { SyntheticArea } from "./syntheticArea.js";
import { pointInRing } from "./geometry.js";

/** Facility types of data/einrichtungen.csv. */
export const FACILITY_TYPES = ["Kita", "Jugendzentrum", "Familienzentrum", "Seniorentreff", "Beratungsstelle"] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** One row of data/einrichtungen.csv. */
export interface FacilityRow {
  einrichtung_id: string;
  name: string;
  typ: FacilityType;
  /** Target group ids separated by "|". */
  zielgruppe: string;
  /** Kita: Betreuungsplätze; Jugendzentrum: Besuchsplätze; Familienzentrum: betreute Familien;
   * Seniorentreff: Plätze; Beratungsstelle: Beratungsfälle pro Monat. */
  kapazitaet: number;
  lon: number;
  lat: number;
}

const KITA_NAMES = ["Sonnenschein", "Regenbogen", "Pusteblume", "Löwenzahn", "Kunterbunt", "Rappelkiste", "Sternschnuppe", "Wirbelwind", "Schatzkiste", "Arche Noah", "Zwergenland", "Purzelbaum", "Spatzennest", "Abenteuerland", "Marienkäfer", "Sonnenblume", "Waldwichtel", "Rheinkiesel", "Farbklecks", "Kleine Strolche", "Entdeckerland", "Kinderinsel", "St. Antonius", "St. Remigius", "Friedenskirche", "Am Park"];
const COUNSELLING: Array<{ name: string; zielgruppe: string }> = [
  { name: "Schuldnerberatung", zielgruppe: "working-age" },
  { name: "Erziehungs- und Familienberatung", zielgruppe: "children|working-age" },
  { name: "Seniorenberatung", zielgruppe: "elderly" },
  { name: "Migrationsberatung", zielgruppe: "working-age|context" },
  { name: "Suchtberatung", zielgruppe: "working-age" },
  { name: "Arbeitslosenzentrum", zielgruppe: "working-age" },
  { name: "Pflegeberatung", zielgruppe: "elderly" },
  { name: "Wohnungsnotfallhilfe", zielgruppe: "working-age|elderly" },
  { name: "Jugendberatung", zielgruppe: "children" },
  { name: "Frauenberatung", zielgruppe: "working-age|context" },
];

/**
 * Places the facilities of the synthetic city (state 2018): Kitas in proportion to children 0–5 (times the
 * planted supply factor), a Jugendzentrum per Stadtteil (two in large ones), Familienzentren by children under
 * 15, Seniorentreffs by residents 65+, counselling centres in the central Sozialräume ("Mitte") of the large
 * Stadtteile. Planted gaps (`supply.none`) are respected. Every point lies inside its Sozialraum.
 */
export function placeFacilities(rng: Rng, areas: SyntheticArea[], partition: CityPartition, cellsOf: (area: SyntheticArea) => number[]): FacilityRow[] {
  const out: Array<Omit<FacilityRow, "einrichtung_id"> & { area: string }> = [];
  const usedNames = new Set<string>();
  const unique = (name: string): string => {
    let n = name;
    for (let k = 2; usedNames.has(n); k++) n = `${name} ${k}`;
    usedNames.add(n);
    return n;
  };
  const allowed = (a: SyntheticArea, typ: FacilityType): boolean => !a.supply.none.includes(typ);
  const place = (a: SyntheticArea, typ: FacilityType, name: string, zielgruppe: string, kapazitaet: number): void => {
    const [lon, lat] = pointIn(rng, a, partition, cellsOf(a));
    out.push({ area: a.id, name: unique(name), typ, zielgruppe, kapazitaet, lon, lat });
  };
  const round5 = (x: number): number => Math.max(20, Math.round(x / 5) * 5);

  for (const a of areas) {
    if (!allowed(a, "Kita")) continue;
    const places = 0.6 * a.counts[2018].ew_0_5 * a.supply.kitaFactor * Math.exp(normal(rng, 0, 0.12));
    let count = Math.round(places / 75);
    if (count === 0 && places >= 35) count = 1;
    for (let k = 0; k < count; k++) {
      place(a, "Kita", `Kita ${pick(rng, KITA_NAMES)} ${a.stadtteilName}`, "children", round5((places / count) * Math.exp(normal(rng, 0, 0.15))));
    }
  }

  const byTeil = new Map<string, SyntheticArea[]>();
  for (const a of areas) byTeil.set(a.stadtteilId, [...(byTeil.get(a.stadtteilId) ?? []), a]);
  for (const teil of byTeil.values()) {
    const candidates = teil.filter((a) => allowed(a, "Jugendzentrum") && !a.small);
    if (candidates.length === 0) continue;
    const n = teil.length >= 6 ? 2 : 1;
    const chosen = new Set<SyntheticArea>();
    for (let k = 0; k < n && chosen.size < candidates.length; k++) {
      const rest = candidates.filter((a) => !chosen.has(a));
      chosen.add(rest[weightedIndex(rng, rest.map((a) => a.counts[2018].ew_6_14 + a.counts[2018].ew_15_17))]);
    }
    for (const a of chosen) place(a, "Jugendzentrum", `Jugendzentrum ${a.name}`, "children", 10 * Math.round(uniform(rng, 4, 12)));
  }

  const allocate = (typ: FacilityType, total: number, weight: (a: SyntheticArea) => number, make: (a: SyntheticArea, k: number) => [string, string, number]): void => {
    const eligible = areas.filter((a) => allowed(a, typ) && !a.small);
    const counts = largestRemainder(total, eligible.map((a) => weight(a) * Math.exp(normal(rng, 0, 0.3))));
    eligible.forEach((a, i) => {
      for (let k = 0; k < counts[i]; k++) {
        const [name, zielgruppe, kapazitaet] = make(a, k);
        place(a, typ, name, zielgruppe, kapazitaet);
      }
    });
  };
  allocate("Familienzentrum", 14, (a) => a.counts[2018].ew_0_5 + a.counts[2018].ew_6_14, (a) => [
    `Familienzentrum ${a.name}`, "children|working-age", 10 * Math.round(uniform(rng, 6, 16)),
  ]);
  allocate("Seniorentreff", 17, (a) => a.counts[2018].ew_65_plus, (a) => [
    `Seniorentreff ${a.name}`, "elderly", 10 * Math.round(uniform(rng, 3, 9)),
  ]);

  const centres = ["Wiesdorf", "Opladen", "Wiesdorf", "Schlebusch", "Opladen", "Wiesdorf", "Opladen", "Schlebusch", "Wiesdorf", "Opladen"];
  COUNSELLING.forEach((c, k) => {
    const teil = areas.filter((a) => a.stadtteilName === centres[k] && allowed(a, "Beratungsstelle") && !a.small);
    const a = teil.find((x) => x.name.endsWith("-Mitte")) ?? teil[0];
    place(a, "Beratungsstelle", `${c.name} ${a.stadtteilName}`, c.zielgruppe, 10 * Math.round(uniform(rng, 4, 20)));
  });

  const order = new Map(FACILITY_TYPES.map((t, i) => [t, i]));
  out.sort((x, y) => (order.get(x.typ) as number) - (order.get(y.typ) as number) || x.area.localeCompare(y.area) || x.name.localeCompare(y.name, "de"));
  return out.map(({ area: _area, ...f }, i) => ({ einrichtung_id: `E${String(i + 1).padStart(3, "0")}`, ...f }));
}

/** A random point strictly inside the Sozialraum: a point in one of its jittered cells, checked against the ring (also used for the local actors of the network). */
export function pointIn(rng: Rng, a: SyntheticArea, p: CityPartition, cells: number[]): [number, number] {
  const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
  for (let attempt = 0; attempt < 100; attempt++) {
    const c = cells[rng.int(cells.length)];
    const i = c % p.nx;
    const j = Math.floor(c / p.nx);
    const v = (ii: number, jj: number): [number, number] => p.vertices[jj * (p.nx + 1) + ii];
    const s = uniform(rng, 0.2, 0.8);
    const t = uniform(rng, 0.2, 0.8);
    const [a00, a10, a01, a11] = [v(i, j), v(i + 1, j), v(i, j + 1), v(i + 1, j + 1)];
    const lon = (1 - s) * (1 - t) * a00[0] + s * (1 - t) * a10[0] + (1 - s) * t * a01[0] + s * t * a11[0];
    const lat = (1 - s) * (1 - t) * a00[1] + s * (1 - t) * a10[1] + (1 - s) * t * a01[1] + s * t * a11[1];
    const point: [number, number] = [round6(lon), round6(lat)];
    if (pointInRing(point, a.ring)) return point;
  }
  throw new Error(`placeFacilities: kein Punkt innerhalb von Sozialraum ${a.id} gefunden`);
}
