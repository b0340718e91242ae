import type { NeedRow } from "../../analysis/analysisResult.js";
import { targetGroupLabel } from "../../analysis/germanLabels.js";
import { indicatorStore } from "../../indicators/indicatorStore.js";
import { compositeIndex, type CompositeIndexResult } from "../../classify/compositeIndex.js";
import { withContext, type AnalysisContext } from "./context.js";
import type { ConspicuousnessPart } from "./conspicuousnessStep.js";
import type { IndexInputs } from "./indexInputs.js";
import type { IndicatorsPart } from "./indicatorsStep.js";

/** Result of {@link needIndexStep}. */
export interface NeedIndexPart {
  needIndex: Record<string, CompositeIndexResult>;
  /** One row per area and target group: the need (index) and whether the group is flagged there. */
  need: NeedRow[];
}

/** Step "Bedarfsindex je Zielgruppe berechnen": the status-index method on each target group's indicators. */
export function needIndexStep(ctx: AnalysisContext, ind: IndicatorsPart, con: ConspicuousnessPart, inputs: IndexInputs): NeedIndexPart {
  ctx.progress("Bedarfsindex je Zielgruppe berechnen");
  const { flags, valued } = con;
  const needIndex: Record<string, CompositeIndexResult> = {};
  for (const g of flags.targetGroups) {
    const spec = valued.filter((d) => d.targetGroup === g).map((d) => ({ id: d.id, weight: 1 }));
    const label = `Bedarfsindex ${targetGroupLabel(g)}`;
    const r = withContext(label, () =>
      compositeIndex(inputs.indexRows, { ...inputs.indexOptions(spec), label, valid: (_row, i) => inputs.reasonIn(ind.current, i, spec, ctx.cur) ?? true }),
    );
    needIndex[g] = r;
    for (const e of r.excluded) ctx.excluded.push({ ...e, step: "needIndex", reason: `${targetGroupLabel(g)}: ${e.reason}` });
    ctx.warnings.push(...r.warnings.map((w) => `${label}: ${w}`));
  }
  // The index and verdict columns, not `.areas`: reading those would build objects per area and group.
  const groupIndex = flags.targetGroups.map((g) => needIndex[g].columns.index);
  // Verdict codes 2 and 3: auffällig, stark auffällig.
  const groupVerdicts = flags.targetGroups.map((g) => flags.verdicts[g]);
  const ids = indicatorStore(ind.current).ids;
  const groups = flags.targetGroups;
  const need = new Array<NeedRow>(ids.length * groups.length);
  for (let i = 0, at = 0; i < ids.length; i++) {
    for (let k = 0; k < groups.length; k++) {
      const x = groupIndex[k][i];
      need[at++] = { id: ids[i], group: groups[k], need: x === x ? x : null, flagged: groupVerdicts[k][i] >= 2 };
    }
  }
  return { needIndex, need };
}
