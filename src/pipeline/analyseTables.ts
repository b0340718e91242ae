import type { AnalysisResult } from "../analysis/analysisResult.js";
import type { ResolvedAnalysisConfig } from "../analysis/analysisConfig.js";
import type { Cell } from "../table/missing.js";
import { conspicuousnessStep } from "./steps/conspicuousnessStep.js";
import { analysisContext, type AnalysisRunOptions, type AnalysisTables } from "./steps/context.js";
import { dynamicIndexStep } from "./steps/dynamicIndexStep.js";
import { indexInputs } from "./steps/indexInputs.js";
import { indicatorsStep } from "./steps/indicatorsStep.js";
import { joinAreas } from "./steps/joinAreas.js";
import { mixStep } from "./steps/mixStep.js";
import { needIndexStep } from "./steps/needIndexStep.js";
import { neighbourhoodStep } from "./steps/neighbourhoodStep.js";
import { provenanceStep } from "./steps/provenanceStep.js";
import { rankingStep } from "./steps/rankingStep.js";
import { sensitivityStep } from "./steps/sensitivityStep.js";
import { standardizeStep } from "./steps/standardizeStep.js";
import { statusIndexStep } from "./steps/statusIndexStep.js";
import { supplyStep } from "./steps/supplyStep.js";
import { vernetzungStep } from "./steps/vernetzungStep.js";
import { typesStep } from "./steps/typesStep.js";
import { monitoringStep } from "./steps/monitoringStep.js";

export type { AnalysisProgress, AnalysisRunOptions, AnalysisTables } from "./steps/context.js";

/**
 * The analysis on tables already in memory: indicators per target group (rates with Wilson intervals) →
 * z-values (direction-adjusted) → flags and verdicts per target group → status index and dynamic index
 * (Berlin MSS method) → classes and combined group → ranking. Every intermediate table is in the result; every
 * area left out of a step is listed in `excluded` with a German reason. Inputs are not modified. The area list and
 * the structural data are `AreaTable`s (`readCsv`) or plain rows (wrapped with `areaTableFromRows`); with an area
 * list they are checked and joined by `checkAreaTable` and `joinAreaTables`.
 *
 * @example
 * const result = analyseTables({ gebiete, current, previous }, resolveAnalysisConfig({}));
 * result.ranking[0]; // the area with the highest status index
 */
export function analyseTables(tables: AnalysisTables, config: ResolvedAnalysisConfig, options: AnalysisRunOptions = {}): AnalysisResult {
  // The steps run in this order over one shared context (src/pipeline/steps); each returns its part of the result.
  const ctx = analysisContext(tables, config, options);
  const joined = joinAreas(ctx);
  const ind = indicatorsStep(ctx, joined);
  const std = standardizeStep(ctx, ind);
  const con = conspicuousnessStep(ctx, ind, std);
  const inputs = indexInputs(ctx, ind, std);
  const statusIndex = statusIndexStep(ctx, ind, inputs);
  const dyn = dynamicIndexStep(ctx, ind, std, inputs);
  const ranking = rankingStep(ctx, ind, std, con, statusIndex, dyn);
  const needs = needIndexStep(ctx, ind, con, inputs);
  const names: Record<string, string> = Object.fromEntries(ind.areas.map((a) => [a.id, a.name]));
  const supply = supplyStep(ctx, ind.currentRows, needs.need, names);
  const mix = mixStep(ctx, ind.currentRows, ind.previousRows, names);
  const neighbourhood = neighbourhoodStep(ctx, ind, std, statusIndex, needs.needIndex);
  const vernetzung = vernetzungStep(ctx, ind.areas, con.flags);
  const types = typesStep(ctx, ind, std);
  const monitoring = monitoringStep(ctx);
  const recorded = provenanceStep(ctx);
  const result: AnalysisResult = {
    name: "runAnalysis",
    parameters: config,
    areas: ind.areas,
    data: { current: ind.currentRows, previous: ind.previousRows },
    // The geometry types are being unified (see src/io/geoJsonTypes.ts); until then the result holds the raw-file type.
    geojson: tables.geojson ?? null,
    indicators: { current: ind.current, previous: ind.previous },
    cityValues: ind.cityValues,
    zScores: std.zRows,
    standardization: std.standardization,
    conspicuousness: con.flags,
    statusIndex,
    changes: dyn.changes,
    dynamicIndex: dyn.dynamicIndex,
    ranking,
    needIndex: needs.needIndex,
    need: needs.need,
    supply,
    mix,
    neighbourhood,
    vernetzung,
    sensitivity: null,
    verdictSensitivity: null,
    types,
    monitoring,
    inputs: recorded.inputs,
    provenance: recorded.provenance,
    excluded: ctx.excluded,
    warnings: ctx.warnings,
  };
  return { ...result, ...sensitivityStep(ctx, result, reanalyseRows) };
}

/** Re-runs the analysis on already joined rows with another configuration (for the sensitivity analysis). */
export function reanalyseRows(rows: Record<string, Cell>[], config: ResolvedAnalysisConfig): AnalysisResult {
  // The variants re-run the core analysis only: no types, no monitoring (no surveys passed).
  return analyseTables({ gebiete: null, current: rows, previous: null }, { ...config, types: null });
}
