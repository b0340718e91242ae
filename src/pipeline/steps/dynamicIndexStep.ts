import { compositeIndex, type CompositeIndexResult } from "../../classify/compositeIndex.js";
import { indicatorChanges, type IndicatorChangesResult } from "../../classify/indicatorChanges.js";
import { berlinMssDynamic } from "../../classify/schemes.js";
import { indicatorRows } from "../../indicators/indicatorRows.js";
import { indicatorStore } from "../../indicators/indicatorStore.js";
import { missing } from "../../table/missing.js";
import { withContext, type AnalysisContext } from "./context.js";
import type { IndexInputs } from "./indexInputs.js";
import type { IndicatorsPart } from "./indicatorsStep.js";
import type { StandardizePart } from "./standardizeStep.js";

/** Result of {@link dynamicIndexStep} (both null without a comparison year or a dynamic index). */
export interface DynamicIndexPart {
  changes: IndicatorChangesResult | null;
  dynamicIndex: CompositeIndexResult | null;
}

/** Steps "Veränderungen … berechnen" and "Dynamik-Index berechnen". */
export function dynamicIndexStep(ctx: AnalysisContext, ind: IndicatorsPart, std: StandardizePart, inputs: IndexInputs): DynamicIndexPart {
  const { config, id, cur, prev } = ctx;
  const { previous, current } = ind;
  if (previous === null || prev === null || !config.dynamicIndex) return { changes: null, dynamicIndex: null };
  const dynSpec = config.dynamicIndex.indicators;
  ctx.progress(`Veränderungen ${prev}–${cur} berechnen`);
  const changes = indicatorChanges(indicatorRows(previous, { field: ind.valueField }), std.values, { id, columns: dynSpec.map((s) => s.id) });
  for (const e of changes.excluded) ctx.excluded.push({ ...e, step: "changes" });
  ctx.progress("Dynamik-Index berechnen");
  const prevIndex = new Map(indicatorStore(previous).ids.map((a, i) => [a, i]));
  const dynRows = changes.rows.map((r, i) => ({ ...r, __einwohner: inputs.population[i] ?? missing("") }));
  const dynamicIndex = withContext("Dynamik-Index", () =>
    compositeIndex(dynRows, {
      ...inputs.indexOptions(dynSpec),
      label: "Dynamik-Index",
      scheme: berlinMssDynamic,
      valid: (_row, i) => {
        const now = inputs.reasonIn(current, i, dynSpec, cur);
        if (now) return now;
        const j = prevIndex.get(std.ids[i]);
        if (j === undefined) return `keine Strukturdaten ${prev}`;
        return inputs.reasonIn(previous, j, dynSpec, prev) ?? true;
      },
    }),
  );
  for (const e of dynamicIndex.excluded) ctx.excluded.push({ ...e, step: "dynamicIndex" });
  ctx.warnings.push(...dynamicIndex.warnings);
  return { changes, dynamicIndex };
}
