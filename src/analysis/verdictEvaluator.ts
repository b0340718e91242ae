import { conspicuousness, VERDICT_CODES, type Verdict, type VerdictRule } from "../classify/conspicuousness.js";
import { empiricalBayesRates } from "../indicators/empiricalBayesRates.js";
import { indicatorRows } from "../indicators/indicatorRows.js";
import { sampleBinomial } from "../inference/binomial.js";
import { createRng } from "../inference/random.js";
import type { AnalysisResult } from "./analysisResult.js";
import type { VerdictEvaluation, VerdictRow, VerdictVariantOptions } from "./verdictTypes.js";

export type { VerdictEvaluation, VerdictRow, VerdictVariantOptions } from "./verdictTypes.js";
import { robustZ } from "../standardize/robustZ.js";
import { zScores } from "../standardize/zScores.js";
import type { Cell } from "../table/missing.js";

/** The verdicts per target group of an analysis, ready for method variants. */
export interface VerdictEvaluator {
  /** Target groups with a verdict (the analysis' order; "context" has none). */
  targetGroups: string[];
  /** The indicators behind the verdicts, in catalogue order. */
  indicators: Array<{ id: string; label: string; targetGroup: string }>;
  /** The analysis' own method (mean, SD, z, no smoothing, no shift). */
  base: Required<Pick<VerdictVariantOptions, "mean" | "sd" | "normalization" | "smoothing" | "thresholdShift">>;
  thresholds: { flag: number; strong: number };
  rule: Required<VerdictRule>;
  /** Area ids in the analysis' order. */
  ids: string[];
  /** German area names by id. */
  labels: Record<string, string>;
  evaluate(options?: VerdictVariantOptions): VerdictEvaluation;
}

/**
 * The verdicts per target group ("unauffällig" / "auffällig" / "stark auffällig") of a pipeline analysis
 * (`runAnalysis` / `analyseTables`) as an evaluator for method variants. Each evaluation recomputes the
 * direction-adjusted values of the indicators outside "context" and applies `conspicuousness` with the
 * analysis' verdict rule:
 *
 *     z_i = d · (x_i − m) / s                      (zScores; m, s by `mean` and `sd`, as the pipeline)
 *     z_i = d · (x_i − median) / (1.4826 · MAD)    (robustZ, with normalization "robustZ")
 *     auffällig: z > flag + shift, stark auffällig: z > strong + shift
 *
 * Smoothing replaces each usable rate k/n by its empirical-Bayes estimate (`empiricalBayesRates`, prior over the
 * usable areas); a draw replaces k by k* ~ Binomial(round(n), k/n) (`sampleBinomial`, `createRng(draw.seed)`,
 * areas in order, indicators in catalogue order) and the rate by k* / round(n). Values the analysis left out
 * (missing counts, minimum population or base) stay out. Without draw and smoothing the analysis' own values
 * are standardised, so `evaluate({})` gives the analysis' verdicts exactly.
 *
 * A standardisation that is undefined in a variant (robust z when more than half the values are equal, SD 0
 * after smoothing) does not stop the run: the indicator's target group is not assessed in that variant
 * (verdicts null, reason in `failed`).
 *
 * @example
 * const ev = verdictEvaluator(runAnalysis());
 * ev.evaluate().groups.children[0];                   // { id: "010101", verdict: "auffällig" } as in the analysis
 * ev.evaluate({ thresholdShift: 0.25 }).groups.children[0];   // … with thresholds 1.25 / 1.75
 */
export function verdictEvaluator(result: AnalysisResult): VerdictEvaluator {
  const fn = "verdictEvaluator";
  if (!result || result.name !== "runAnalysis") throw new Error(`${fn}: erwartet das Ergebnis von runAnalysis oder analyseTables, angegeben: ${result ? `name ${JSON.stringify((result as { name?: unknown }).name)}` : String(result)}`);
  const config = result.parameters;
  const id = config.id;
  const current = result.indicators.current;
  const targetGroups = [...result.conspicuousness.targetGroups];
  const groupSet = new Set(targetGroups);
  const indicators = current.indicators
    .filter((d) => groupSet.has(d.targetGroup))
    .map((d) => ({ id: d.id, label: d.label, targetGroup: d.targetGroup as string, direction: d.direction, scale: d.unit === "%" ? 100 : 1000 }));
  const ids = current.areas.map((a) => a.id);
  const n = ids.length;
  // The analysis' own values: smoothed rates when the analysis smoothed, raw rates otherwise; and the raw rates
  // for a "without smoothing" variant of a smoothed analysis.
  const analysisSmoothing = config.smoothing ?? "none";
  const cells = indicatorRows(current, { field: analysisSmoothing === "empirical-bayes" ? "smoothed" : "value" });
  const rawCells = analysisSmoothing === "empirical-bayes" ? indicatorRows(current, { field: "value" }) : cells;
  const weights = current.areas.map((a) => a.population ?? Number.NaN);
  const thresholds = { flag: config.thresholds.flag, strong: config.thresholds.strong };
  const rule = { ...config.verdictRule };
  const base = { mean: config.standardization.mean, sd: config.standardization.sd, normalization: "z" as const, smoothing: analysisSmoothing as "none" | "empirical-bayes", thresholdShift: 0 };
  const names = new Map(result.areas.map((a) => [a.id, a.name]));
  const labels = Object.fromEntries(ids.map((x) => [x, names.get(x) ?? x]));
  // Counts of the usable values (NaN elsewhere): the input of draws and smoothing.
  const counts = indicators.map((d) => {
    const num = new Float64Array(n).fill(Number.NaN);
    const den = new Float64Array(n).fill(Number.NaN);
    current.areas.forEach((a, i) => {
      const v = a.values[d.id];
      if (v.usable && v.numerator !== null && v.denominator !== null && v.denominator > 0) {
        num[i] = v.numerator;
        den[i] = v.denominator;
      }
    });
    return { num, den };
  });

  function evaluate(options: VerdictVariantOptions = {}): VerdictEvaluation {
    const o = { ...base, ...stripUndefined(options) };
    if (o.mean !== "unweighted" && o.mean !== "weighted") throw new Error(`${fn}: Option "mean" muss "unweighted" oder "weighted" sein, angegeben: ${JSON.stringify(o.mean)}`);
    if (o.sd !== "population" && o.sd !== "sample") throw new Error(`${fn}: Option "sd" muss "population" oder "sample" sein, angegeben: ${JSON.stringify(o.sd)}`);
    if (o.normalization !== "z" && o.normalization !== "robustZ") throw new Error(`${fn}: Option "normalization" muss "z" oder "robustZ" sein, angegeben: ${JSON.stringify(o.normalization)}`);
    if (o.smoothing !== "none" && o.smoothing !== "empirical-bayes") throw new Error(`${fn}: Option "smoothing" muss "none" oder "empirical-bayes" sein, angegeben: ${JSON.stringify(o.smoothing)}`);
    if (typeof o.thresholdShift !== "number" || !Number.isFinite(o.thresholdShift)) throw new Error(`${fn}: Option "thresholdShift" muss eine endliche Zahl sein, angegeben: ${JSON.stringify(o.thresholdShift)}`);
    const omit = new Set(options.omit ?? []);
    for (const x of omit) if (!indicators.some((d) => d.id === x)) throw new Error(`${fn}: Option "omit" nennt "${x}", das ist kein Indikator mit Auffälligkeitsurteil (${indicators.map((d) => d.id).join(", ")})`);
    for (const g of targetGroups) {
      if (indicators.every((d) => d.targetGroup !== g || omit.has(d.id))) throw new Error(`${fn}: Option "omit" lässt die Zielgruppe "${g}" ohne Indikatoren`);
    }
    const warnings: string[] = [];

    // Numerators and denominators of this variant: drawn and/or smoothed copies of the usable counts.
    let num = counts.map((c) => c.num);
    let den = counts.map((c) => c.den);
    // Without a draw, the analysis' values serve as they are (smoothed or raw, as the variant asks); a draw, or
    // smoothing that the analysis did not do, recomputes the rates from the counts.
    const changed = options.draw !== undefined || (o.smoothing === "empirical-bayes" && analysisSmoothing !== "empirical-bayes");
    const given = o.smoothing === analysisSmoothing ? cells : rawCells;
    if (options.draw !== undefined) {
      const seed = options.draw?.seed;
      if (!Number.isInteger(seed)) throw new Error(`${fn}: Option "draw.seed" muss eine ganze Zahl sein, angegeben: ${JSON.stringify(seed)}`);
      const rng = createRng(seed);
      num = counts.map((c) => Float64Array.from(c.num));
      den = counts.map((c) => Float64Array.from(c.den));
      for (let i = 0; i < n; i++) {
        counts.forEach((c, j) => {
          if (!(c.den[i] > 0)) return;
          const size = Math.round(c.den[i]);
          if (size === 0) return;
          const p = Math.min(1, Math.max(0, c.num[i] / c.den[i]));
          num[j][i] = sampleBinomial(rng, size, p);
          den[j][i] = size;
        });
      }
    }
    const values: Array<ArrayLike<unknown>> = indicators.map((d, j) => {
      if (!changed) return given.map((r) => r[d.id]);
      const v = new Float64Array(n).fill(Number.NaN);
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (den[j][i] > 0) idx.push(i);
      if (o.smoothing === "empirical-bayes" && idx.length > 0) {
        const eb = empiricalBayesRates(idx.map((i) => num[j][i]), idx.map((i) => den[j][i]));
        for (const w of eb.warnings) warnings.push(`${fn}: ${d.id}: ${w}`);
        idx.forEach((i, k) => (v[i] = eb.smoothed[k] * d.scale));
      } else {
        for (const i of idx) v[i] = (num[j][i] / den[j][i]) * d.scale;
      }
      return v;
    });

    const zRows: Record<string, Cell>[] = ids.map((x) => ({ [id]: x }));
    const failed: Record<string, string> = {};
    const used: typeof indicators = [];
    indicators.forEach((d, j) => {
      if (omit.has(d.id)) return;
      const column = values[j];
      let z: Array<number | null>;
      try {
        z = o.normalization === "robustZ"
          ? robustZ(column, { direction: d.direction, ids, column: d.id }).values
          : zScores(column, { direction: d.direction, ids, column: d.id, mean: o.mean, sd: o.sd, weights: o.mean === "weighted" ? weights : undefined }).values;
      } catch (e) {
        failed[d.targetGroup] ??= `${d.label}: ${(e as Error).message}`;
        return;
      }
      // As the pipeline: a missing z keeps the cell's own marker.
      z.forEach((v, i) => (zRows[i][d.id] = v === null ? (changed ? Number.NaN : (column[i] as Cell)) : v));
      used.push(d);
    });
    const assessed = used.filter((d) => failed[d.targetGroup] === undefined);
    const shifted = { flag: thresholds.flag + o.thresholdShift, strong: thresholds.strong + o.thresholdShift };
    const flags = assessed.length
      ? conspicuousness(zRows, { id, indicators: assessed.map((d) => ({ id: d.id, targetGroup: d.targetGroup, label: d.label })), thresholds: shifted, rule })
      : null;
    const groups: Record<string, VerdictRow[]> = {};
    for (const g of targetGroups) {
      // The verdict columns, not `flags.areas` (flags and German reasons per area and group, not needed here).
      const codes = flags && flags.targetGroups.includes(g) ? flags.verdicts[g] : null;
      groups[g] = ids.map((x, i) => ({ id: x, verdict: codes ? VERDICT_CODES[codes[i]] : null }));
    }
    return { groups, thresholds: shifted, failed, warnings };
  }

  return {
    targetGroups,
    indicators: indicators.map((d) => ({ id: d.id, label: d.label, targetGroup: d.targetGroup })),
    base,
    thresholds,
    rule,
    ids,
    labels,
    evaluate,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
