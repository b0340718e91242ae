import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { NO_NEED_CATEGORIES } from "./needsNotVisible.js";
import type { Observation } from "./parseObservations.js";
import type { ServingType } from "./servingTypes.js";
import type { SupplyGapsResult } from "./supplyGaps.js";

/** Tags that say an observation reports enough supply or no need (compared in lower case). */
export const NO_NEED_TAGS: readonly string[] = ["ausreichend", "kein bedarf", "gut versorgt"];

/** The kinds of contradiction between district-meeting reports and the data. */
export type ContradictionKind =
  /** A: a need is reported, the need index of the target group is not high. */
  | "need-not-in-data"
  /** A: a shortage of a facility type is reported, the data show supply at or above the city level. */
  | "shortage-but-high-supply"
  /** B: "no need"/"ausreichend" is reported, the data show high need or a gap. */
  | "no-need-but-gap"
  /** B: the data show a gap that no observation of the area and target group mentions. */
  | "gap-not-observed";

/** One contradiction. */
export interface Contradiction {
  kind: ContradictionKind;
  /** "Meldung ohne Datenbefund" (A) or "Datenbefund ohne Meldung" (B). */
  direction: "observation-without-data" | "data-without-observation";
  id: string;
  group: string;
  /** Facility type concerned (null: the need itself). */
  type: string | null;
  /** Rows (line in the file) of the observations concerned; empty for "gap-not-observed". */
  observationRows: number[];
  need: number | null;
  /** Relative supply (supply / city rate) of `type`, if any. */
  relative: number | null;
  /** German explanation. */
  reason: string;
}

/** Options of {@link observationContradictions}. */
export interface ObservationContradictionsOptions {
  /** Need above this is high (default 1, as in `supplyGaps`). */
  needThreshold?: number;
  /** Target groups whose need is judged (default: the groups of `servingTypes`); observations of others are listed in `unchecked`. */
  groups?: readonly string[];
}

/** Result of {@link observationContradictions}. */
export interface ObservationContradictionsResult {
  name: "observationContradictions";
  contradictions: Contradiction[];
  /** Observations not checked (their target group has no need judgement), with the reason. */
  unchecked: Array<{ row: number; id: string; group: string; reason: string }>;
}

const pct = (v: number) => `${formatGermanNumber(v * 100, { decimals: 0 })} %`;

/** An observation reports a need: a need category not in NO_NEED_CATEGORIES and no NO_NEED_TAGS tag. */
export function signalsNeed(o: Observation): boolean {
  return o.need !== null && !NO_NEED_CATEGORIES.includes(o.need.toLowerCase()) && !signalsNoNeed(o);
}

/** An observation reports no need / enough supply: a need category in NO_NEED_CATEGORIES or a NO_NEED_TAGS tag. */
export function signalsNoNeed(o: Observation): boolean {
  return (o.need !== null && NO_NEED_CATEGORIES.includes(o.need.toLowerCase())) || o.tags.some((t) => NO_NEED_TAGS.includes(t.toLowerCase()));
}

/** The observation is about this facility type: same target group and one of the type's tags. */
export function concernsType(o: Observation, t: ServingType): boolean {
  const tags = new Set(t.tags.map((x) => x.toLowerCase()));
  return o.group === t.group && o.tags.some((x) => tags.has(x.toLowerCase()));
}

/**
 * District-meeting reports against the data, in both directions.
 *
 * A "Meldung ohne Datenbefund" (an observation that signals a need, `signalsNeed`):
 *   - need-not-in-data: the need index of its area and target group is ≤ needThreshold (or missing);
 *   - shortage-but-high-supply: it is about a facility type (`concernsType`: same group, a tag of the type) whose
 *     relative supply in the area is ≥ 1 (at least the city's rate).
 * B "Datenbefund ohne Meldung":
 *   - no-need-but-gap: an observation signals no need (`signalsNoNeed`: bedarf niedrig/gering/kein…, or a tag
 *     "ausreichend") where the need index is high or a facility type of its group has a gap;
 *   - gap-not-observed: a gap (`SupplyGapsResult.gaps`) with no observation signalling a need for the same area
 *     and target group. Only when observations were given at all (no meetings: nothing to contradict).
 * Sorted by direction, target group, area id, type.
 *
 * @example
 * observationContradictions(observations, need, [kitaGaps], [kitaType]).contradictions
 * // [{ kind: "shortage-but-high-supply", id: "010305", type: "Kita", relative: 1.2, … }, …]
 */
export function observationContradictions(
  observations: ReadonlyArray<Observation>,
  need: ReadonlyArray<{ id: string; group: string; need: number | null }>,
  gaps: ReadonlyArray<SupplyGapsResult>,
  servingTypes: ReadonlyArray<ServingType>,
  options: ObservationContradictionsOptions = {},
): ObservationContradictionsResult {
  const threshold = options.needThreshold ?? 1;
  const groups = new Set(options.groups ?? servingTypes.map((t) => t.group));
  const needOf = new Map(need.map((r) => [`${r.group}\u0000${r.id}`, r.need]));
  const gapsByType = new Map(gaps.map((g) => [g.type, g]));
  const out: Contradiction[] = [];
  const unchecked: ObservationContradictionsResult["unchecked"] = [];
  const add = (c: Omit<Contradiction, "direction">) =>
    out.push({ ...c, direction: c.kind === "need-not-in-data" || c.kind === "shortage-but-high-supply" ? "observation-without-data" : "data-without-observation" });
  for (const o of observations) {
    if (!groups.has(o.group)) {
      unchecked.push({ row: o.row, id: o.area, group: o.group, reason: "Zielgruppe ohne Bedarfsurteil und ohne zugeordnete Einrichtungsart" });
      continue;
    }
    const n = needOf.get(`${o.group}\u0000${o.area}`) ?? null;
    const rowOf = (type: string) => gapsByType.get(type)?.rows.find((r) => r.id === o.area);
    if (signalsNeed(o)) {
      if (n === null || n <= threshold) {
        add({ kind: "need-not-in-data", id: o.area, group: o.group, type: null, observationRows: [o.row], need: n, relative: null,
          reason: n === null ? "Bedarf gemeldet, kein Bedarfsindex in den Daten" : `Bedarf gemeldet, Bedarfsindex ${formatGermanNumber(n, { decimals: 2 })} nicht über ${formatGermanNumber(threshold, { decimals: 2 })}` });
      }
      for (const t of servingTypes.filter((x) => concernsType(o, x))) {
        const r = rowOf(t.type);
        if (r && r.relative !== null && r.relative >= 1) {
          add({ kind: "shortage-but-high-supply", id: o.area, group: o.group, type: t.type, observationRows: [o.row], need: n, relative: r.relative,
            reason: `Mangel gemeldet (${t.type}), Angebot ${pct(r.relative)} des Stadtwerts` });
        }
      }
    } else if (signalsNoNeed(o)) {
      const gapTypes = servingTypes.filter((t) => t.group === o.group && rowOf(t.type)?.gap).map((t) => t.type);
      if ((n !== null && n > threshold) || gapTypes.length > 0) {
        const what = [n !== null && n > threshold ? `Bedarfsindex ${formatGermanNumber(n, { decimals: 2 })}` : "", gapTypes.length > 0 ? `Lücke: ${gapTypes.join(", ")}` : ""].filter((s) => s !== "");
        add({ kind: "no-need-but-gap", id: o.area, group: o.group, type: gapTypes[0] ?? null, observationRows: [o.row], need: n, relative: null,
          reason: `kein Bedarf gemeldet, die Daten zeigen ${what.join("; ")}` });
      }
    }
  }
  if (observations.length > 0) {
    const reported = new Set(observations.filter(signalsNeed).map((o) => `${o.group}\u0000${o.area}`));
    for (const g of gaps) {
      for (const r of g.gaps) {
        if (reported.has(`${g.group}\u0000${r.id}`)) continue;
        add({ kind: "gap-not-observed", id: r.id, group: g.group, type: g.type, observationRows: [], need: r.need, relative: r.relative,
          reason: `Lücke (${g.type}, ${pct(r.relative as number)} des Stadtwerts), in keinem Stadtteiltreffen genannt` });
      }
    }
  }
  const order = ["children", "working-age", "elderly", "context"];
  const gi = (x: string) => (order.includes(x) ? order.indexOf(x) : order.length);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  out.sort((a, b) => cmp(a.direction, b.direction) * -1 || gi(a.group) - gi(b.group) || cmp(a.id, b.id) || cmp(a.type ?? "", b.type ?? ""));
  return { name: "observationContradictions", contradictions: out, unchecked };
}
