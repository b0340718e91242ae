import { compositeIndex, type CompositeIndexResult } from "../../classify/compositeIndex.js";
import { berlinMssStatus } from "../../classify/schemes.js";
import { withContext, type AnalysisContext } from "./context.js";
import type { IndexInputs } from "./indexInputs.js";
import type { IndicatorsPart } from "./indicatorsStep.js";

/** Step "Status-Index berechnen" (Berlin MSS method: sum of z-values, classes by SD). */
export function statusIndexStep(ctx: AnalysisContext, ind: IndicatorsPart, inputs: IndexInputs): CompositeIndexResult {
  const { config, cur } = ctx;
  ctx.progress("Status-Index berechnen");
  const statusSpec = config.statusIndex.indicators;
  const statusIndex = withContext("Status-Index", () =>
    compositeIndex(inputs.indexRows, {
      ...inputs.indexOptions(statusSpec),
      label: "Status-Index",
      scheme: berlinMssStatus,
      valid: (_row, i) => inputs.reasonIn(ind.current, i, statusSpec, cur) ?? true,
    }),
  );
  for (const e of statusIndex.excluded) ctx.excluded.push({ ...e, step: "statusIndex" });
  ctx.warnings.push(...statusIndex.warnings);
  return statusIndex;
}
