import type { IndicatorResult } from "../../indicators/computeIndicators.js";
import { indicatorStore } from "../../indicators/indicatorStore.js";
import { missing, type Cell } from "../../table/missing.js";
import type { AnalysisContext } from "./context.js";
import type { IndicatorsPart } from "./indicatorsStep.js";
import type { StandardizePart } from "./standardizeStep.js";

/** What the index steps (status, dynamic, need) share: their input rows, options and exclusion reasons. */
export interface IndexInputs {
  /** Indicator values plus the population ("__einwohner", the weights of a weighted mean). */
  indexRows: Record<string, Cell>[];
  population: Array<number | null>;
  /** `compositeIndex` options for an index of these indicators and weights. */
  indexOptions(spec: Array<{ id: string; weight: number }>): {
    id: string;
    indicators: Array<{ column: string; weight: number; direction: 1 | -1 }>;
    mean: "unweighted" | "weighted";
    sd: "population" | "sample";
    weights: string | undefined;
  };
  /** Why area `i` of `result` cannot enter an index of `spec` (null: it can): population rule, then each indicator. */
  reasonIn(result: IndicatorResult, i: number, spec: Array<{ id: string }>, year: number): string | null;
}

/** The shared inputs of the index steps. */
export function indexInputs(ctx: AnalysisContext, ind: IndicatorsPart, std: StandardizePart): IndexInputs {
  const { config, id } = ctx;
  const byId = new Map(ind.current.indicators.map((d) => [d.id, d]));
  const population = Array.from(indicatorStore(ind.current).population, (x) => (x === x ? x : null));
  // The value rows of the standardise step (made for this run, not in the result) gain the population column in
  // place: a copy of every row would cost as much as the index computations.
  const indexRows = std.values;
  indexRows.forEach((r, i) => {
    r.__einwohner = population[i] ?? missing("");
  });
  const indexOptions = (spec: Array<{ id: string; weight: number }>) => ({
    id,
    indicators: spec.map((s) => ({ column: s.id, weight: s.weight, direction: byId.get(s.id)!.direction })),
    mean: config.standardization.mean,
    sd: config.standardization.sd,
    weights: config.standardization.mean === "weighted" ? "__einwohner" : undefined,
  });
  // Why an area cannot enter an index: the population rule first, then each unusable indicator.
  const popReasons = new Map<IndicatorResult, Map<string, string>>();
  const populationReason = (result: IndicatorResult, areaId: string): string | undefined => {
    let m = popReasons.get(result);
    if (!m) {
      m = new Map(result.excluded.filter((e) => e.step === "minimumPopulation").map((e) => [e.id, e.reason]));
      popReasons.set(result, m);
    }
    return m.get(areaId);
  };
  const reasonIn = (result: IndicatorResult, i: number, spec: Array<{ id: string }>, year: number): string | null => {
    // The columns, not `result.areas` (one object per area and indicator); status 0 = "ok", 3 = below minimum population.
    const store = indicatorStore(result);
    const population = store.population[i];
    const belowMinimum = result.minimumPopulation > 0 && !(population >= result.minimumPopulation);
    let reasons: string[] | null = null;
    if (belowMinimum) {
      const popReason = populationReason(result, store.ids[i]);
      if (popReason) reasons = [popReason];
    }
    for (const s of spec) {
      const c = store.columns[s.id];
      const status = c.status[i];
      if (status !== 0 && status !== 3) (reasons ??= []).push(c.reason.get(i) ?? `${s.id} nicht verwendbar`);
    }
    return reasons ? ctx.yearPrefix(year) + [...new Set(reasons)].join("; ") : null;
  };
  return { indexRows, population, indexOptions, reasonIn };
}
