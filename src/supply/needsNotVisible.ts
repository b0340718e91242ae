import { formatGermanNumber } from "../io/formatGermanNumber.js";

import { TARGET_GROUP_LABELS, type TargetGroup } from "../indicators/targetGroups.js";
import type { Observation } from "./parseObservations.js";

/** Need categories that say "no need" (compared in lower case); such observations signal no need. */
export const NO_NEED_CATEGORIES: readonly string[] = ["kein", "keiner", "keine", "nein", "gering", "niedrig"];

/** Options of {@link needsNotVisible}. */
export interface NeedsNotVisibleOptions {
  /**
   * Need at or below this value counts as "not visible in the data" (e.g. 1 for a z-based index, "auffällig"
   * from z > 1). Required unless every need row carries a boolean `flagged`, which then decides.
   */
  threshold?: number;
  /** Which observations signal a need (default: a need category is given and is not in {@link NO_NEED_CATEGORIES}). */
  signalsNeed?: (observation: Observation) => boolean;
}

/** An area and target group where meetings report a need that the data do not show. */
export interface NeedNotVisibleRow {
  id: string;
  group: string;
  groupLabel: string;
  /** Observations signalling a need, and their need categories, sources and dates. */
  observations: number;
  categories: string[];
  sources: string[];
  firstDate: string;
  lastDate: string;
  /** The need value in the data (null: the area has no value for this group). */
  need: number | null;
  flagged: boolean | null;
  /** German explanation. */
  reason: string;
}


/**
 * Lists the areas (per target group) where district meetings report a need that the statistics do not show:
 * at least one observation signals a need, but the area's need value is at or below `threshold` (or its
 * `flagged` is false, when the need rows carry one), or the area has no need value at all. Sorted by target group
 * (children, working-age, elderly, context, then others) and area id.
 *
 * @example
 * needsNotVisible(observations, [{ id: "010101", group: "children", need: 0.2 }], { threshold: 1 });
 * // [{ id: "010101", group: "children", need: 0.2, reason: "in Stadtteiltreffen genannt, Bedarf 0,2 ≤ Schwelle 1", … }]
 */
export function needsNotVisible(
  observations: ReadonlyArray<Observation>,
  need: ReadonlyArray<{ id: string; group: string; need: number | null; flagged?: boolean }>,
  options: NeedsNotVisibleOptions = {},
): NeedNotVisibleRow[] {
  const fn = "needsNotVisible";
  const allFlagged = need.length > 0 && need.every((r) => typeof r.flagged === "boolean");
  if (options.threshold === undefined && !allFlagged) {
    throw new Error(`${fn}: die Option threshold angeben oder in jeder Bedarfszeile einen Wahrheitswert "flagged"`);
  }
  const signals = options.signalsNeed ?? ((o: Observation) => o.need !== null && !NO_NEED_CATEGORIES.includes(o.need.toLowerCase()));
  const key = (id: string, group: string) => `${group}\u0000${id}`;
  const needBy = new Map<string, { need: number | null; flagged?: boolean }>();
  for (const r of need) {
    const k = key(String(r.id), r.group);
    if (needBy.has(k)) throw new Error(`${fn}: doppelte Bedarfszeile für Gebiet "${r.id}", Zielgruppe "${r.group}"`);
    needBy.set(k, r);
  }
  const grouped = new Map<string, Observation[]>();
  for (const o of observations) {
    if (!signals(o)) continue;
    const k = key(o.area, o.group);
    const list = grouped.get(k);
    if (list) list.push(o);
    else grouped.set(k, [o]);
  }
  const out: NeedNotVisibleRow[] = [];
  for (const list of grouped.values()) {
    const { area: id, group } = list[0];
    const r = needBy.get(key(id, group));
    const value = r?.need ?? null;
    const flagged = r && typeof r.flagged === "boolean" ? r.flagged : null;
    let reason: string | null;
    if (r === undefined || value === null) reason = "in Stadtteiltreffen genannt, aber kein Bedarfswert in den Daten";
    else if (flagged !== null) reason = flagged ? null : `in Stadtteiltreffen genannt, in den Daten unauffällig (Bedarf ${formatGermanNumber(value, { decimals: 2 })})`;
    else reason = value <= (options.threshold as number) ? `in Stadtteiltreffen genannt, Bedarf ${formatGermanNumber(value, { decimals: 2 })} ≤ Schwelle ${formatGermanNumber(options.threshold as number, { maxDecimals: 2 })}` : null;
    if (reason === null) continue;
    const dates = list.map((o) => o.date).sort();
    out.push({
      id,
      group,
      groupLabel: TARGET_GROUP_LABELS[group as TargetGroup] ?? group,
      observations: list.length,
      categories: [...new Set(list.map((o) => o.need as string))],
      sources: [...new Set(list.map((o) => o.source))],
      firstDate: dates[0],
      lastDate: dates[dates.length - 1],
      need: value,
      flagged,
      reason,
    });
  }
  const order = ["children", "working-age", "elderly", "context"];
  const g = (x: string) => (order.includes(x) ? order.indexOf(x) : order.length);
  return out.sort((a, b) => g(a.group) - g(b.group) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
