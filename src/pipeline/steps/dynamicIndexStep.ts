import { compositeIndex, type CompositeIndexResult } from "../../classify/compositeIndex.js";
import { indicatorChanges, type IndicatorChangesResult } from "../../classify/indicatorChanges.js";
import { berlinMssDynamic } from "../../classify/schemes.js";
import type { TableInput } from "../../classify/columns.js";
import { indicatorRows, indicatorValueColumn } from "../../indicators/indicatorRows.js";
import { indicatorStore } from "../../indicators/indicatorStore.js";
import { missing } from "../../table/missing.js";
import type { Exclusion } from "../../table/exclusion.js";
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
  if (config.dynamicIndex && prev === null && (ctx.tables.changes?.length ?? 0) > 0) return publishedChangesIndex(ctx, ind, std, inputs);
  if (previous === null || prev === null || !config.dynamicIndex) return { changes: null, dynamicIndex: null };
  const dynSpec = config.dynamicIndex.indicators;
  ctx.progress(`Veränderungen ${prev}–${cur} berechnen`);
  const changes = indicatorChanges(previousValues(ind, id, dynSpec), std.values, { id, columns: dynSpec.map((s) => s.id) });
  for (const e of changes.excluded) ctx.excluded.push({ ...e, step: "changes" });
  ctx.progress("Dynamik-Index berechnen");
  const prevIndex = new Map(indicatorStore(previous).ids.map((a, i) => [a, i]));
  const options = inputs.indexOptions(dynSpec);
  // The population column is read only as the weights of a weighted mean: without one, no copy of every row.
  const dynRows = options.weights === undefined ? changes.rows : changes.rows.map((r, i) => ({ ...r, __einwohner: inputs.population[i] ?? missing("") }));
  const dynamicIndex = withContext("Dynamik-Index", () =>
    compositeIndex(dynRows, {
      ...options,
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

/**
 * The comparison year's values of the dynamic indicators: columns (NaN for a missing cell, which `indicatorChanges`
 * treats like one) instead of a row per area; the rows where the result has no columns.
 */
function previousValues(ind: IndicatorsPart, id: string, spec: ReadonlyArray<{ id: string }>): TableInput {
  const previous = ind.previous!;
  const columns: Record<string, ArrayLike<unknown>> = { [id]: indicatorStore(previous).ids };
  for (const s of spec) {
    const values = indicatorValueColumn(previous, s.id, ind.valueField);
    if (values === null) return indicatorRows(previous, { field: ind.valueField });
    columns[s.id] = values;
  }
  return columns;
}

/**
 * The dynamic index from published changes (a city's `sources.changes`, e.g. Berlin MSS D1, D3, D4 in percentage
 * points): the change columns enter the index directly, without a comparison year.
 */
function publishedChangesIndex(ctx: AnalysisContext, ind: IndicatorsPart, std: StandardizePart, inputs: IndexInputs): DynamicIndexPart {
  const { id, cur } = ctx;
  const dynSpec = ctx.config.dynamicIndex!.indicators;
  const byId = new Map((ctx.tables.changes ?? []).map((c) => [c.id, c]));
  const unknown = dynSpec.filter((s) => !byId.has(s.id)).map((s) => s.id);
  if (unknown.length) throw new Error(`analyseTables: Dynamik-Index: keine veröffentlichte Veränderung für ${unknown.join(", ")} (sources.changes: ${[...byId.keys()].join(", ")})`);
  ctx.progress(`Veränderungen (veröffentlicht) übernehmen`);
  const rowById = new Map(ind.currentRows.map((r) => [String(r[id]), r]));
  const excluded: Exclusion[] = [];
  const rows = std.ids.map((areaId) => {
    const row: Record<string, string | number | null> = { [id]: areaId };
    for (const s of dynSpec) {
      const c = byId.get(s.id)!;
      const v = rowById.get(areaId)?.[c.column];
      row[s.id] = typeof v === "number" && Number.isFinite(v) ? v : null;
      if (row[s.id] === null) excluded.push({ id: areaId, reason: `${c.label}: ${c.column} fehlt`, step: "changes", column: s.id });
    }
    return row;
  });
  const changes: IndicatorChangesResult = { name: "indicatorChanges", n: rows.length, rows, excluded, warnings: [] };
  ctx.excluded.push(...excluded);
  ctx.progress("Dynamik-Index berechnen");
  const inIndicators = dynSpec.filter((s) => ind.current.indicators.some((d) => d.id === s.id));
  const options = inputs.indexOptions(inIndicators.length === dynSpec.length ? dynSpec : []);
  const dynRows = rows.map((r, i) => ({ ...r, __einwohner: inputs.population[i] ?? missing("") }));
  const dynamicIndex = withContext("Dynamik-Index", () =>
    compositeIndex(dynRows, {
      ...options,
      indicators: dynSpec.map((s) => ({ column: s.id, weight: s.weight, direction: byId.get(s.id)!.direction })),
      label: "Dynamik-Index",
      scheme: berlinMssDynamic,
      valid: (row, i) => inputs.reasonIn(ind.current, i, inIndicators, cur) ?? (dynSpec.every((s) => row[s.id] !== null) ? true : "Veränderung fehlt"),
    }),
  );
  for (const e of dynamicIndex.excluded) ctx.excluded.push({ ...e, step: "dynamicIndex" });
  ctx.warnings.push(...dynamicIndex.warnings);
  return { changes, dynamicIndex };
}
