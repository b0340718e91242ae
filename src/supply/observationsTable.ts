import { TARGET_GROUP_LABELS, type TargetGroup } from "../indicators/targetGroups.js";
import type { CompareNeedSupplyResult } from "./compareNeedSupply.js";
import type { Observation } from "./parseObservations.js";

/** One observation next to the statistics of its area and target group. */
export interface ObservationTableRow {
  /** Date as TT.MM.JJJJ. */
  date: string;
  area: string;
  areaName: string;
  group: string;
  source: string;
  text: string;
  /** Tags joined with ", ". */
  tags: string;
  needCategory: string;
  /** Need, supply, gap rank and quadrant of the area for the observation's group (null: not compared). */
  need: number | null;
  supply: number | null;
  rank: number | null;
  quadrant: string | null;
}

/**
 * Puts each observation next to the statistics of its area and target group: need, supply, gap rank and quadrant
 * from {@link compareNeedSupply} (one result per target group). Rows are sorted by area, target group and date.
 *
 * @example
 * observationsTable(observations, { comparisons: { children: cmp }, areaNames: { "010101": "Altstadt" } });
 */
export function observationsTable(
  observations: ReadonlyArray<Observation>,
  options: { comparisons?: Readonly<Record<string, CompareNeedSupplyResult>>; areaNames?: Readonly<Record<string, string>> } = {},
): ObservationTableRow[] {
  const lookup = new Map<string, Map<string, CompareNeedSupplyResult["rows"][number]>>();
  for (const [group, cmp] of Object.entries(options.comparisons ?? {})) lookup.set(group, new Map(cmp.rows.map((r) => [r.id, r])));
  const sorted = [...observations].sort(
    (a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.row - b.row,
  );
  return sorted.map((o) => {
    const stats = lookup.get(o.group)?.get(o.area);
    const [y, m, d] = o.date.split("-");
    return {
      date: o.date === "" ? "" : `${d}.${m}.${y}`,
      area: o.area,
      areaName: options.areaNames?.[o.area] ?? "",
      group: TARGET_GROUP_LABELS[o.group as TargetGroup] ?? o.group,
      source: o.source,
      text: o.text,
      tags: o.tags.join(", "),
      needCategory: o.need ?? "",
      need: stats?.need ?? null,
      supply: stats?.supply ?? null,
      rank: stats?.rank ?? null,
      quadrant: stats?.quadrantLabel ?? null,
    };
  });
}
