import type { Verdict } from "../classify/conspicuousness.js";
import type { SpatialFeatureCollection } from "../spatial/geometry.js";
import { contiguityWeights } from "../spatial/contiguityWeights.js";
import { neighbourhoodPosition, type NeighbourhoodPosition } from "../spatial/neighbourhoodPosition.js";
import type { Observation } from "../supply/parseObservations.js";
import type { AnalysisResult } from "./analysisResult.js";
import { targetGroupLabel } from "./germanLabels.js";

/** One target group of an auffälliger Sozialraum: the verdict, what is behind it, and what the other steps add. */
export interface SummaryGroupVerdict {
  group: string;
  label: string;
  verdict: Verdict;
  /** The flagged indicators (labels, strongest z first) and the German reason of the classification. */
  indicators: string[];
  reason: string;
  /** Share of the method variants keeping the verdict (null: no sensitivity analysis). */
  stability: number | null;
  dependsOnMethod: boolean | null;
  /** Neighbours (contiguity), how many are auffällig for the same group, and the position (null: no map). */
  neighbours: number | null;
  flaggedNeighbours: number | null;
  position: NeighbourhoodPosition | null;
  /** "Bedarf und Angebot": quadrant label, gap rank (1 = largest gap), supply value (null: no supply step or group). */
  supplyQuadrant: string | null;
  supplyGapRank: number | null;
  supply: number | null;
  /** True when the area is in the quadrant "hoher Bedarf, geringes Angebot". */
  supplyGap: boolean;
}

/** One auffälliger Sozialraum of the summary. */
export interface SummaryArea {
  id: string;
  name: string;
  stadtteil: string;
  rank: number | null;
  groups: SummaryGroupVerdict[];
  /** Contiguity neighbours with their verdict per target group, in the order of the weights. */
  neighbours: Array<{ id: string; name: string; verdicts: Record<string, Verdict | null> }>;
  /** "auffällig, aber kaum vernetzt" (null: no Vernetzung step) and the reason. */
  poorlyNetworked: boolean | null;
  networkReason: string | null;
  /** Observations of district meetings (Stadtteiltreffen) for the area, in file order. */
  observations: Observation[];
}

/** Result of {@link healthyMixSummary}. */
export interface HealthyMixSummary {
  name: "healthyMixSummary";
  /** Number of ranked Sozialräume, and of those unauffällig in every target group. */
  ranked: number;
  unremarkable: number;
  /** True when every ranked Sozialraum is unauffällig in every target group (the city's "gesunde Mischung"). */
  healthyMix: boolean;
  /** Per target group: the auffällige and stark auffällige ranked Sozialräume (ids, ranking order). */
  targetGroups: Array<{ group: string; label: string; auffaellig: string[]; starkAuffaellig: string[] }>;
  /** The auffälligen Sozialräume (at least one group auffällig or stark auffällig), in ranking order. */
  areas: SummaryArea[];
  /** What the summary could not use (German), e.g. "keine Gebietsgrenzen: keine Nachbarschaft". */
  notes: string[];
}

const FLAGGED = (v: Verdict | null | undefined): v is "auffällig" | "stark auffällig" => v === "auffällig" || v === "stark auffällig";

/**
 * The answer to the city's question: a healthy social mix means every Sozialraum is unauffällig on the
 * indicators of every target group. Counts the ranked Sozialräume (`ranking[].rang` not null) and those with
 * the verdict "unauffällig" in every target group; lists per target group the auffälligen and stark auffälligen;
 * and for every auffälligen Sozialraum and group the indicators behind the verdict, its stability under the
 * method variants (`verdictSensitivity`), its neighbourhood position among the contiguity neighbours
 * (`neighbourhoodPosition`: allein / im Verbund / am Rand eines Verbunds, by the neighbours auffällig for the same
 * group), the need–supply quadrant, "auffällig, aber kaum vernetzt" and the observations of district meetings.
 * Parts whose step did not run are null and named in `notes`.
 *
 * @example
 * const s = healthyMixSummary(runAnalysis());
 * `${s.unremarkable} von ${s.ranked} Sozialräumen sind in allen Zielgruppen unauffällig`;
 */
export function healthyMixSummary(result: AnalysisResult): HealthyMixSummary {
  const groups = result.conspicuousness.targetGroups;
  const ranked = result.ranking.filter((r) => r.rang !== null);
  const names = new Map(result.areas.map((a) => [a.id, a.name]));
  const verdictOf = new Map(result.ranking.map((r) => [r.sozialraum_id, r.verdicts]));
  const flaggedRows = ranked.filter((r) => groups.some((g) => FLAGGED(r.verdicts[g])));
  const notes: string[] = [];

  const neighbours = neighbourLists(result, notes);
  const reasons = new Map(result.conspicuousness.areas.map((a) => [a.id, new Map(a.groups.map((g) => [g.targetGroup, g]))]));
  const labels = new Map(result.indicators.current.indicators.map((d) => [d.id, d.label]));
  const stability = new Map((result.verdictSensitivity?.areas ?? []).map((a) => [`${a.id}\u0000${a.targetGroup}`, a]));
  if (!result.verdictSensitivity) notes.push("keine Sensitivitätsanalyse: Stabilität der Bewertungen nicht bestimmt");
  if (!result.supply) notes.push("kein Schritt „Bedarf und Angebot“: Angebot nicht einbezogen");
  if (!result.vernetzung) notes.push("kein Schritt „Vernetzung“: Vernetzung nicht einbezogen");
  const observations = result.supply?.observations ?? [];

  const areas = flaggedRows.map((r): SummaryArea => {
    const own = neighbours?.get(r.sozialraum_id) ?? null;
    const net = result.vernetzung?.poorly.rows.find((x) => x.id === r.sozialraum_id) ?? null;
    return {
      id: r.sozialraum_id,
      name: r.sozialraum_name,
      stadtteil: r.stadtteil_name,
      rank: r.rang,
      groups: groups
        .filter((g) => FLAGGED(r.verdicts[g]))
        .map((g) => {
          const gv = reasons.get(r.sozialraum_id)?.get(g);
          const s = stability.get(`${r.sozialraum_id}\u0000${g}`);
          const flaggedNeighbours = own ? own.filter((n) => FLAGGED(verdictOf.get(n)?.[g])).length : null;
          const sg = result.supply?.groups.find((x) => x.group === g);
          const row = sg?.comparison.rows.find((x) => x.id === r.sozialraum_id);
          return {
            group: g,
            label: targetGroupLabel(g),
            verdict: r.verdicts[g] as Verdict,
            indicators: (gv?.indicators ?? []).map((i) => labels.get(i) ?? i),
            reason: gv?.reason ?? "",
            stability: s?.stability ?? null,
            dependsOnMethod: s ? s.dependsOnMethod : null,
            neighbours: own ? own.length : null,
            flaggedNeighbours,
            position: own && flaggedNeighbours !== null ? neighbourhoodPosition(flaggedNeighbours, own.length) : null,
            supplyQuadrant: row?.quadrantLabel ?? null,
            supplyGapRank: row?.rank ?? null,
            supply: row?.supply ?? null,
            supplyGap: row?.quadrant === "high-need-low-supply",
          };
        }),
      neighbours: (own ?? []).map((n) => ({ id: n, name: names.get(n) ?? n, verdicts: { ...(verdictOf.get(n) ?? {}) } })),
      poorlyNetworked: net ? net.poorlyNetworked : null,
      networkReason: net ? net.reason : null,
      observations: observations.filter((o) => o.area === r.sozialraum_id),
    };
  });
  return {
    name: "healthyMixSummary",
    ranked: ranked.length,
    unremarkable: ranked.length - flaggedRows.length,
    healthyMix: flaggedRows.length === 0,
    targetGroups: groups.map((g) => ({
      group: g,
      label: targetGroupLabel(g),
      auffaellig: ranked.filter((r) => r.verdicts[g] === "auffällig").map((r) => r.sozialraum_id),
      starkAuffaellig: ranked.filter((r) => r.verdicts[g] === "stark auffällig").map((r) => r.sozialraum_id),
    })),
    areas,
    notes,
  };
}

/** Contiguity neighbours of every area on the map (the weights of "Nachbarschaft" when it ran, else queen). */
function neighbourLists(result: AnalysisResult, notes: string[]): Map<string, string[]> | null {
  if (!result.geojson) {
    notes.push("keine Gebietsgrenzen: Nachbarschaft nicht einbezogen");
    return null;
  }
  const w =
    result.neighbourhood?.weights ??
    contiguityWeights(result.geojson as unknown as SpatialFeatureCollection, { kind: result.parameters.neighbourhood?.contiguity ?? "queen", idProperty: result.parameters.id });
  return new Map(w.ids.map((id) => [id, [...(w.neighbors[id] ?? [])]]));
}
