import { median } from "../stats/median.js";
import type { Exclusion } from "../table/exclusion.js";
import { isMissing } from "../table/missing.js";

/** The four need × supply quadrants, the gap quadrant first. */
export const QUADRANTS = ["high-need-low-supply", "high-need-high-supply", "low-need-low-supply", "low-need-high-supply"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** German labels of the quadrants. */
export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  "high-need-low-supply": "hoher Bedarf, geringes Angebot",
  "high-need-high-supply": "hoher Bedarf, hohes Angebot",
  "low-need-low-supply": "geringer Bedarf, geringes Angebot",
  "low-need-high-supply": "geringer Bedarf, hohes Angebot",
};

/** Options of {@link compareNeedSupply}. */
export interface CompareNeedSupplyOptions {
  /** Area id column in both row sets (default "id"). */
  id?: string;
  /** Need column in the need rows (default "need"). */
  need?: string;
  /** Supply column in the supply rows (default "supply"). */
  supply?: string;
  /** Need level dividing high from low need (default: the median of the need values). */
  needLevel?: number;
  /** Supply level dividing high from low supply (default: the median; pass the city rate for "below the city"). */
  supplyLevel?: number;
}

/** One area's need against its supply. */
export interface NeedSupplyRow {
  id: string;
  need: number | null;
  supply: number | null;
  /** (need − mean) / sd over the compared areas (population sd, as in the MSS Berlin); null if excluded. */
  zNeed: number | null;
  zSupply: number | null;
  /** zNeed − zSupply: how far need outruns supply, in standard deviations. */
  gap: number | null;
  /** Rank of the gap, 1 = largest (ties share the smaller rank). */
  rank: number | null;
  quadrant: Quadrant | null;
  quadrantLabel: string | null;
}

/** Result of {@link compareNeedSupply}. */
export interface CompareNeedSupplyResult {
  name: "compareNeedSupply";
  n: number;
  needLevel: number;
  supplyLevel: number;
  needLevelSource: "median" | "given";
  supplyLevelSource: "median" | "given";
  /** One row per need row, in input order. */
  rows: NeedSupplyRow[];
  /** Areas with need above its level and supply below its level, by gap descending: the list of gaps. */
  gaps: NeedSupplyRow[];
  /** All compared areas by gap descending. */
  ranking: NeedSupplyRow[];
  quadrantCounts: Record<Quadrant, number>;
  excluded: Exclusion[];
  warnings: string[];
}

/**
 * Need against supply per area: quadrants, a gap score and the list of gaps.
 *
 * - Quadrants: need is high when need > needLevel, supply is low when supply < supplyLevel (strict in both: an
 *   area exactly at a level counts as "low need" and "high supply", so it is never reported as a gap).
 *   Levels default to the medians of the compared areas; pass `supplyLevel` = the city rate (e.g.
 *   `supplyRatios(...).city.placeRate`) and `needLevel` = the city value of the need measure to compare with the
 *   city as a whole.
 * - Gap score: gap_i = z(need_i) − z(supply_i), z = (x − mean) / sd with the unweighted mean and the population
 *   standard deviation over the compared areas (the standardisation of the MSS Berlin). Ranked descending.
 * - gaps: the areas of quadrant "hoher Bedarf, geringes Angebot" by gap descending (ties by id).
 *
 * Areas with missing need or supply, or present in only one of the inputs, are excluded with the reason.
 *
 * @example
 * compareNeedSupply(
 *   [{ id: "a", need: 3 }, { id: "b", need: 1 }, { id: "c", need: 2 }],
 *   [{ id: "a", supply: 10 }, { id: "b", supply: 30 }, { id: "c", supply: 20 }],
 * ).gaps.map((r) => r.id); // ["a"]
 */
export function compareNeedSupply(
  needRows: ReadonlyArray<object>,
  supplyRows: ReadonlyArray<object>,
  options: CompareNeedSupplyOptions = {},
): CompareNeedSupplyResult {
  const fn = "compareNeedSupply";
  const need = needRows as ReadonlyArray<Record<string, unknown>>;
  const supply = supplyRows as ReadonlyArray<Record<string, unknown>>;
  const idKey = options.id ?? "id", needKey = options.need ?? "need", supplyKey = options.supply ?? "supply";
  const value = (row: Record<string, unknown>, key: string, what: string, i: number): number | null => {
    if (!(key in row)) throw new Error(`${fn}: ${what}-Zeile ${i} hat keine Spalte "${key}"`);
    const v = row[key];
    if (isMissing(v)) return null;
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`${fn}: ${what} von Gebiet "${String(row[idKey])}" ist keine Zahl: "${String(v)}"`);
    return v;
  };
  const supplyById = new Map<string, number | null>();
  supply.forEach((r, i) => {
    if (!(idKey in r)) throw new Error(`${fn}: Angebotszeile ${i} hat keine Spalte "${idKey}"`);
    const id = String(r[idKey]);
    if (supplyById.has(id)) throw new Error(`${fn}: doppelter Gebietsschlüssel "${id}" in den Angebotszeilen`);
    supplyById.set(id, value(r, supplyKey, "Angebot", i));
  });
  const excluded: Exclusion[] = [];
  const seen = new Set<string>();
  const rows: NeedSupplyRow[] = need.map((r, i) => {
    if (!(idKey in r)) throw new Error(`${fn}: Bedarfszeile ${i} hat keine Spalte "${idKey}"`);
    const id = String(r[idKey]);
    if (seen.has(id)) throw new Error(`${fn}: doppelter Gebietsschlüssel "${id}" in den Bedarfszeilen`);
    seen.add(id);
    const n = value(r, needKey, "Bedarf", i);
    const s = supplyById.has(id) ? supplyById.get(id)! : null;
    if (n === null) excluded.push({ id, reason: "Bedarfswert fehlt", step: fn, column: needKey });
    else if (!supplyById.has(id)) excluded.push({ id, reason: "Sozialraum fehlt in den Angebotsdaten", step: fn });
    else if (s === null) excluded.push({ id, reason: "Angebotswert fehlt", step: fn, column: supplyKey });
    return { id, need: n, supply: s, zNeed: null, zSupply: null, gap: null, rank: null, quadrant: null, quadrantLabel: null };
  });
  for (const id of supplyById.keys()) {
    if (!seen.has(id)) excluded.push({ id, reason: "Sozialraum fehlt in den Bedarfsdaten", step: fn });
  }
  const used = rows.filter((r) => r.need !== null && r.supply !== null);
  if (used.length === 0) throw new Error(`${fn}: kein Gebiet hat sowohl Bedarf als auch Angebot`);
  const needs = used.map((r) => r.need as number), supplies = used.map((r) => r.supply as number);
  const needLevel = options.needLevel ?? median([...needs].sort((a, b) => a - b));
  const supplyLevel = options.supplyLevel ?? median([...supplies].sort((a, b) => a - b));
  const meanSd = (xs: number[]) => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return [m, Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length)];
  };
  const [mn, sn] = meanSd(needs), [ms, ss] = meanSd(supplies);
  const warnings: string[] = [];
  if (sn === 0) warnings.push("Bedarf ohne Streuung: z-Werte des Bedarfs sind 0");
  if (ss === 0) warnings.push("Angebot ohne Streuung: z-Werte des Angebots sind 0");
  const quadrantCounts = Object.fromEntries(QUADRANTS.map((q) => [q, 0])) as Record<Quadrant, number>;
  for (const r of used) {
    r.zNeed = sn === 0 ? 0 : ((r.need as number) - mn) / sn;
    r.zSupply = ss === 0 ? 0 : ((r.supply as number) - ms) / ss;
    r.gap = r.zNeed - r.zSupply;
    const high = (r.need as number) > needLevel, low = (r.supply as number) < supplyLevel;
    r.quadrant = high ? (low ? "high-need-low-supply" : "high-need-high-supply") : low ? "low-need-low-supply" : "low-need-high-supply";
    r.quadrantLabel = QUADRANT_LABELS[r.quadrant];
    quadrantCounts[r.quadrant]++;
  }
  const ranking = [...used].sort((a, b) => (b.gap as number) - (a.gap as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ranking.forEach((r, k) => {
    r.rank = k > 0 && ranking[k - 1].gap === r.gap ? ranking[k - 1].rank : k + 1;
  });
  return {
    name: fn,
    n: used.length,
    needLevel,
    supplyLevel,
    needLevelSource: options.needLevel === undefined ? "median" : "given",
    supplyLevelSource: options.supplyLevel === undefined ? "median" : "given",
    rows,
    gaps: ranking.filter((r) => r.quadrant === "high-need-low-supply"),
    ranking,
    quadrantCounts,
    excluded,
    warnings,
  };
}
