import { berlinMssStatus } from "../classify/schemes.js";
import { indicatorRows } from "../indicators/indicatorRows.js";
import type { ResolvedAnalysisConfig } from "./analysisConfig.js";
import type { AnalysisResult } from "./analysisResult.js";
import { missing, type Cell } from "../table/missing.js";
import { compositeIndexEvaluator, type CompositeVariantSpec, type IndexVariantArea, type IndexVariantOptions } from "../audit/compositeIndexEvaluator.js";
import {
  compositeIndexVariants,
  monteCarloVariants,
  runVariants,
  type CompositeSensitivityOptions,
  type IndexVariantGeneratorOptions,
  type SensitivityAnalysis,
} from "../audit/compositeIndexVariants.js";
import type { SensitivityOutcomeRow, SensitivityResult, SensitivityVariant } from "../audit/sensitivityAnalysis.js";
import { DEFAULT_SEED } from "../inference/defaultSeed.js";

/**
 * Re-runs the analysis on joined rows with a changed configuration (the pipeline's `analyseTables`). Passed in
 * by the caller so that the sensitivity analysis does not depend on the pipeline that orchestrates it.
 */
export type ReanalyseRows = (rows: Record<string, Cell>[], config: ResolvedAnalysisConfig) => AnalysisResult;

/** The status index of an analysis, ready for method variants. */
export interface AnalysisEvaluator {
  /** The composite index spec built from the analysis (indicator values, counts, population). */
  spec: CompositeVariantSpec;
  /** The method of the analysis itself (its standardisation). */
  base: IndexVariantOptions;
  /** True when `options` can be expressed as an analysis configuration (mean, SD, weights, left-out indicators). */
  runsPipeline(options: IndexVariantOptions): boolean;
  /** Rank and status class per area: re-runs `analyseTables` when possible, else recomputes the index. */
  evaluate(options: IndexVariantOptions): SensitivityOutcomeRow[];
  /** Always recomputes the index from the analysis' indicator values (for checks). */
  evaluateIndex(options: IndexVariantOptions): SensitivityOutcomeRow[];
  /** Always re-runs `analyseTables` with a changed configuration (throws for options it cannot express). */
  evaluatePipeline(options: IndexVariantOptions): SensitivityOutcomeRow[];
  /**
   * Like `evaluate`, with the warnings of the recomputed index (indicators left out because smoothing or a draw
   * made them constant); throws an `UndefinedVariantError` when no varying indicator is left. A variant that
   * leaves an indicator out is taken from the recomputed index (the configuration cannot express it).
   */
  evaluateVariant(options: IndexVariantOptions): { areas: SensitivityOutcomeRow[]; warnings: string[]; leftOut: string[] };
  /** German area names by id. */
  labels: Record<string, string>;
}

const PREFIX_NUM = "__zaehler_";
const PREFIX_DEN = "__bezug_";
const POPULATION = "__einwohner";

/**
 * The status index of a pipeline analysis (`runAnalysis` / `analyseTables`) as an evaluator for method variants.
 *
 * Variants the configuration can express — mean (weighted by residents or not), SD (population or sample),
 * index weights, left-out index indicators — re-run the analysis (`reanalyse`, the pipeline's `analyseTables`) on the analysis' own joined rows with the
 * changed configuration (the dynamic index and the optional steps — supply, mix, neighbourhood, sensitivity — are
 * switched off: they do not enter the status rank). Variants beyond the
 * configuration — robust z, normal scores, percentile ranks, shifted class boundaries, empirical-Bayes
 * smoothing, Monte Carlo draws — recompute the status index from the analysis' indicator values and counts with
 * `compositeIndexEvaluator` (the same `compositeIndex`; both paths agree exactly where both apply, see tests).
 *
 * @example
 * const ev = statusIndexEvaluator(result, (rows, config) => analyseTables({ gebiete: null, current: rows, previous: null }, config));
 * ev.evaluate({ sd: "sample" });               // ranks and status classes with the sample SD
 * ev.evaluate({ normalization: "robustZ" });   // … with robust z-values
 */
export function statusIndexEvaluator(result: AnalysisResult, reanalyse: ReanalyseRows): AnalysisEvaluator {
  const fn = "analysisEvaluator";
  if (!result || result.name !== "runAnalysis") throw new Error(`${fn}: erwartet das Ergebnis von runAnalysis oder analyseTables, angegeben: ${result ? `name ${JSON.stringify((result as { name?: unknown }).name)}` : String(result)}`);
  const config = result.parameters;
  const id = config.id;
  const current = result.indicators.current;
  const byId = new Map(current.indicators.map((d) => [d.id, d]));
  const statusSpec = config.statusIndex.indicators;
  for (const s of statusSpec) if (!byId.has(s.id)) throw new Error(`${fn}: Indikator "${s.id}" des Statusindex (statusIndex.indicators) fehlt im Indikatorenkatalog der Analyse`);
  const values = indicatorRows(current);
  const rows = values.map((r, i) => {
    const a = current.areas[i];
    const row: Record<string, unknown> = { ...r, [POPULATION]: a.population ?? missing("") };
    for (const s of statusSpec) {
      const v = a.values[s.id];
      row[PREFIX_NUM + s.id] = v.numerator;
      row[PREFIX_DEN + s.id] = v.denominator;
    }
    return row;
  });
  const spec: CompositeVariantSpec = {
    id,
    label: "Status-Index",
    scheme: berlinMssStatus,
    population: POPULATION,
    populationLabel: "Einwohner",
    indicators: statusSpec.map((s) => {
      const d = byId.get(s.id)!;
      return { column: s.id, label: d.label, weight: s.weight, direction: d.direction, numerator: PREFIX_NUM + s.id, denominator: PREFIX_DEN + s.id, scale: d.unit === "%" ? 100 : 1000 };
    }),
  };
  const evaluator = compositeIndexEvaluator(rows, spec);
  // The analysis' own method is the baseline, smoothing included.
  const base: IndexVariantOptions = { mean: config.standardization.mean, sd: config.standardization.sd, smoothing: config.smoothing ?? "none" };
  const labels = Object.fromEntries(result.areas.map((a) => [a.id, a.name]));

  const runsPipeline = (o: IndexVariantOptions) =>
    (o.normalization ?? "z") === "z" && o.draw === undefined && !o.boundaryShift;
  const outcome = (areas: readonly IndexVariantArea[]) => areas.map((a) => ({ id: a.id, rank: a.rank, class: a.class }));
  const evaluateIndex = (o: IndexVariantOptions) => outcome(evaluator.evaluate(o).areas);
  const evaluatePipeline = (o: IndexVariantOptions): SensitivityOutcomeRow[] => {
    if (!runsPipeline(o)) throw new Error(`${fn}: diese Optionen lassen sich nicht als Analysekonfiguration ausdrücken: ${JSON.stringify(o)}`);
    const omit = new Set(o.omit ?? []);
    const variant: ResolvedAnalysisConfig = {
      ...config,
      standardization: { mean: o.mean ?? "unweighted", sd: o.sd ?? "population" },
      smoothing: o.smoothing ?? "none",
      statusIndex: { indicators: statusSpec.filter((s) => !omit.has(s.id)).map((s) => ({ id: s.id, weight: o.weights?.[s.id] ?? s.weight })) },
      // Only the core of the analysis enters the status rank: the later, slower steps are switched off.
      dynamicIndex: null,
      supply: null,
      mix: null,
      neighbourhood: null,
      vernetzung: null,
      sensitivity: null,
    };
    const r = reanalyse(result.data.current, variant);
    const byArea = new Map(r.ranking.map((x) => [x.sozialraum_id, x]));
    return evaluator.ids.map((areaId) => {
      const x = byArea.get(areaId);
      return { id: areaId, rank: x?.rang ?? null, class: x?.status_klasse ?? null };
    });
  };
  const evaluateVariant = (o: IndexVariantOptions) => {
    // The recomputed index first: it throws UndefinedVariantError, and names indicators it leaves out.
    const r = evaluator.evaluate(o);
    return { areas: runsPipeline(o) && r.leftOut.length === 0 ? evaluatePipeline(o) : outcome(r.areas), warnings: r.warnings, leftOut: r.leftOut };
  };
  return {
    spec,
    base,
    runsPipeline,
    evaluate: (o) => (runsPipeline(o) ? evaluatePipeline(o) : evaluateIndex(o)),
    evaluateIndex,
    evaluatePipeline,
    evaluateVariant,
    labels,
  };
}

/**
 * The method variants of a pipeline analysis' status index: {@link compositeIndexVariants} around the
 * analysis' own method (its mean and SD), with the index indicators of its configuration.
 *
 * @example
 * statusIndexVariants(result, reanalyse).map((v) => v.name);
 */
export function statusIndexVariants(
  result: AnalysisResult,
  reanalyse: ReanalyseRows,
  options: IndexVariantGeneratorOptions = {},
): Array<SensitivityVariant<IndexVariantOptions>> {
  const ev = statusIndexEvaluator(result, reanalyse);
  return compositeIndexVariants(ev.spec, { ...options, base: { ...ev.base, ...(options.base ?? {}) } });
}

/**
 * Sensitivity and uncertainty analysis of a pipeline analysis (`runAnalysis`): the status rank and class of
 * every Sozialraum under the one-at-a-time method variants (re-running the analysis where the configuration
 * allows) and under seeded Monte Carlo draws of the rates (numerator ~ Binomial(denominator, observed rate)).
 * As in `compositeSensitivity`, a variant or draw whose index is undefined for these data (e.g. a single
 * indicator made constant by smoothing or a draw) is skipped and named in the `warnings`; only the baseline
 * must be computable.
 *
 * @example
 * const s = statusIndexSensitivity(result, reanalyse, { seed: 1, draws: 500 });
 * s.methods.summary.methodDependent;     // areas whose status class depends on the method
 * s.monteCarlo!.summary.areas[0].rankP95; // upper end of the 90 % rank interval from sampling noise
 */
export function statusIndexSensitivity(
  result: AnalysisResult,
  reanalyse: ReanalyseRows,
  options: CompositeSensitivityOptions = {},
): SensitivityAnalysis {
  const fn = "analysisSensitivity";
  const ev = statusIndexEvaluator(result, reanalyse);
  const base = { ...ev.base, ...(options.base ?? {}) };
  const variants = compositeIndexVariants(ev.spec, { ...options, base });
  const methods = runVariants(fn, ev.evaluateVariant, variants, ev.labels, "variant");
  methods.parameters = { base, thresholdShift: options.thresholdShift ?? 0.25, families: [...new Set(variants.map((v) => v.family))] };
  const draws = options.draws ?? 1000;
  let monteCarlo: SensitivityResult | null = null;
  if (draws > 0) {
    const seed = options.seed ?? DEFAULT_SEED;
    monteCarlo = runVariants(fn, ev.evaluateVariant, monteCarloVariants({ seed, draws, base }), ev.labels, "draw");
    monteCarlo.parameters = { seed, draws, base };
  }
  return { methods, monteCarlo };
}
