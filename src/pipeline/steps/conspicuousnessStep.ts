import { targetGroupLabel } from "../../analysis/germanLabels.js";
import { conspicuousness, type ConspicuousnessResult } from "../../classify/conspicuousness.js";
import type { IndicatorResult } from "../../indicators/computeIndicators.js";
import type { AnalysisContext } from "./context.js";
import type { IndicatorsPart } from "./indicatorsStep.js";
import type { StandardizePart } from "./standardizeStep.js";

/** Result of {@link conspicuousnessStep}. */
export interface ConspicuousnessPart {
  flags: ConspicuousnessResult;
  /** The indicators with a target group (all but "context"). */
  valued: IndicatorResult["indicators"];
}

/** Step "Auffälligkeiten je Zielgruppe bestimmen": flags and verdicts per target group. */
export function conspicuousnessStep(ctx: AnalysisContext, ind: IndicatorsPart, std: StandardizePart): ConspicuousnessPart {
  const fn = "analyseTables";
  const { config, id } = ctx;
  ctx.progress("Auffälligkeiten je Zielgruppe bestimmen");
  const valued = ind.current.indicators.filter((d) => d.targetGroup !== "context");
  if (valued.length === 0) throw new Error(`${fn}: der Indikatorenkatalog (${ind.current.indicators.map((d) => d.id).join(", ")}) hat keinen Indikator außerhalb der Zielgruppe "context"; nichts zu bewerten`);
  const flags = conspicuousness(std.zRows, {
    id,
    indicators: valued.map((d) => ({ id: d.id, targetGroup: d.targetGroup, label: d.label })),
    thresholds: config.thresholds,
    rule: config.verdictRule,
  });
  // The group id in the reason becomes its German label ("Zielgruppe elderly" → "Zielgruppe Ältere").
  for (const e of flags.excluded) {
    ctx.excluded.push({ ...e, step: "conspicuousness", reason: e.reason.replace(/Zielgruppe (\S+)/, (_m, g: string) => `Zielgruppe ${targetGroupLabel(g)}`) });
  }
  ctx.warnings.push(...flags.warnings);
  return { flags, valued };
}
