import type { StandardizationParameters } from "../../analysis/analysisResult.js";
import { indicatorRows } from "../../indicators/indicatorRows.js";
import { indicatorStore } from "../../indicators/indicatorStore.js";
import { zScores } from "../../standardize/zScores.js";
import type { Cell } from "../../table/missing.js";
import type { AnalysisContext } from "./context.js";
import type { IndicatorsPart } from "./indicatorsStep.js";

/** Result of {@link standardizeStep}. */
export interface StandardizePart {
  /** Indicator values (the `valueField`) per area, one row per area (`indexInputs` adds the population, "__einwohner"). */
  values: Record<string, Cell>[];
  /** Area ids in the order of the indicator result. */
  ids: string[];
  /** Direction-adjusted z-values per area (the value itself where no z-value exists). */
  zRows: Record<string, Cell>[];
  standardization: StandardizationParameters[];
}

/** Step "Indikatoren standardisieren (z-Werte)". */
export function standardizeStep(ctx: AnalysisContext, ind: IndicatorsPart): StandardizePart {
  const fn = "analyseTables";
  const { config, id } = ctx;
  const { current } = ind;
  ctx.progress("Indikatoren standardisieren (z-Werte)");
  const values = indicatorRows(current, { field: ind.valueField });
  const store = indicatorStore(current);
  const ids = store.ids;
  const weights = config.standardization.mean === "weighted" ? Array.from(store.population) : undefined;
  const zRows: Record<string, Cell>[] = ids.map((key) => ({ [id]: key }));
  const standardization: StandardizationParameters[] = [];
  for (const d of current.indicators) {
    const column = values.map((r) => r[d.id]);
    let z;
    try {
      z = zScores(column, { direction: d.direction, ids, column: d.id, mean: config.standardization.mean, sd: config.standardization.sd, weights });
    } catch (e) {
      throw new Error(`${fn}: Indikator "${d.id}" (${d.label}) kann nicht standardisiert werden: ${(e as Error).message}`);
    }
    z.values.forEach((v, i) => {
      zRows[i][d.id] = v === null ? (column[i] as Cell) : v;
    });
    standardization.push({ indicator: d.id, label: d.label, targetGroup: d.targetGroup, direction: d.direction, mean: z.mean, sd: z.sd, n: z.n });
  }
  return { values, ids, zRows, standardization };
}
