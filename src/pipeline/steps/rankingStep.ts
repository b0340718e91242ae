import type { RankingRow } from "../../analysis/analysisResult.js";
import { berlinMssGroup } from "../../classify/berlinMssGroup.js";
import { VERDICT_CODES } from "../../classify/conspicuousness.js";
import type { CompositeIndexResult } from "../../classify/compositeIndex.js";
import { indicatorStore } from "../../indicators/indicatorStore.js";
import { rank } from "../../standardize/rank.js";
import type { AnalysisContext } from "./context.js";
import type { ConspicuousnessPart } from "./conspicuousnessStep.js";
import type { DynamicIndexPart } from "./dynamicIndexStep.js";
import type { IndicatorsPart } from "./indicatorsStep.js";
import type { StandardizePart } from "./standardizeStep.js";

/**
 * Step "Klassen und Rangfolge bestimmen": one row per area, ranked by the status index (rank 1 = highest;
 * ties share the lowest rank); areas without a status index follow in input order with their reason.
 */
export function rankingStep(
  ctx: AnalysisContext,
  ind: IndicatorsPart,
  std: StandardizePart,
  con: ConspicuousnessPart,
  statusIndex: CompositeIndexResult,
  dyn: DynamicIndexPart,
): RankingRow[] {
  ctx.progress("Klassen und Rangfolge bestimmen");
  const { flags } = con;
  const { dynamicIndex } = dyn;
  const { areas } = ind;
  // The columns, not `.areas` (which would build one object per area); NaN marks an excluded area.
  const num = (x: number) => (x === x ? x : null);
  const sCols = statusIndex.columns;
  const dCols = dynamicIndex ? dynamicIndex.columns : null;
  const ranks = rank(Array.from(sCols.index, num), { ids: std.ids, method: "min" }).values;
  const statusReason = new Map(statusIndex.excluded.map((e) => [e.id, e.reason]));
  const store = indicatorStore(ind.current);
  // The verdict columns, not `flags.areas` (flags and reasons per area and group, built only for the report).
  const groupVerdicts = flags.targetGroups.map((g) => [g, flags.verdicts[g]] as const);
  const ranking: RankingRow[] = store.ids.map((id, i) => {
    const s = { index: num(sCols.index[i]), class: sCols.class[i] };
    const d = dCols ? { index: num(dCols.index[i]), class: dCols.class[i] } : null;
    const verdicts: Record<string, RankingRow["verdicts"][string]> = {};
    let flagged = 0;
    for (const [g, codes] of groupVerdicts) {
      verdicts[g] = VERDICT_CODES[codes[i]];
      if (codes[i] >= 2) flagged++; // auffällig or stark auffällig
    }
    return {
      rang: ranks[i],
      sozialraum_id: id,
      sozialraum_name: areas[i].name,
      stadtteil_name: areas[i].stadtteil,
      stadtbezirk_name: areas[i].stadtbezirk,
      einwohner: num(store.population[i]),
      status_index: s.index,
      status_klasse: s.class,
      dynamik_index: d ? d.index : null,
      dynamik_klasse: d ? d.class : null,
      gruppe: d ? berlinMssGroup(s.class, d.class) : null,
      verdicts,
      auffaellige_zielgruppen: flagged,
      grund: s.index === null ? statusReason.get(id) ?? "kein Status-Index" : null,
    };
  });
  return byRank(ranking);
}

/**
 * The rows by rank, ties and the rows without a rank (last) in input order: a counting sort, since the ranks are
 * whole numbers 1…n (same order as sorting by rank, then position).
 */
function byRank(ranking: RankingRow[]): RankingRow[] {
  const n = ranking.length;
  const start = new Int32Array(n + 2);
  for (const r of ranking) start[r.rang === null ? n + 1 : r.rang]++;
  for (let k = 1, at = 0; k <= n + 1; k++) {
    const c = start[k];
    start[k] = at;
    at += c;
  }
  const out = new Array<RankingRow>(n);
  for (const r of ranking) out[start[r.rang === null ? n + 1 : r.rang]++] = r;
  return out;
}
