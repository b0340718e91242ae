import type { Verdict } from "../classify/conspicuousness.js";
import type { AnalysisResult } from "./analysisResult.js";
import type { VerdictAreaSensitivity, VerdictGroupSensitivity, VerdictSensitivity } from "./verdictTypes.js";

export type { VerdictAreaSensitivity, VerdictGroupSensitivity, VerdictSensitivity } from "./verdictTypes.js";
import { targetGroupLabel } from "./germanLabels.js";
import { monteCarloVariants } from "../audit/compositeIndexVariants.js";
import { runSensitivity, type SensitivityOutcomeRow, type SensitivityResult } from "../audit/sensitivityAnalysis.js";
import { verdictEvaluator, type VerdictEvaluation, type VerdictEvaluator, type VerdictVariantOptions } from "./verdictEvaluator.js";
import { verdictVariants, type VerdictVariant, type VerdictVariantGeneratorOptions } from "./verdictVariants.js";

/** Severity of a verdict: the "rank" of an area × group in the sensitivity engine (0, 1, 2). */
export const VERDICT_SEVERITY: Readonly<Record<Verdict, number>> = Object.freeze({ unauffällig: 0, auffällig: 1, "stark auffällig": 2 });

/** Options of {@link verdictSensitivity}. */
export interface VerdictSensitivityOptions extends VerdictVariantGeneratorOptions {
  /** Seed of the Monte Carlo draws (default: the analysis' `seed`). */
  seed?: number;
  /** Monte Carlo draws of the rates (default 1000; 0: none). */
  draws?: number;
}

/**
 * How robust are the verdicts per target group ("unauffällig" / "auffällig" / "stark auffällig")? Recomputes
 * them under the one-at-a-time variants of {@link verdictVariants} (mean/SD kind, robust z, thresholds ± shift,
 * empirical-Bayes smoothing, each indicator left out — in its own group only) and under seeded Monte Carlo draws
 * of the small-area rates (numerator ~ Binomial(denominator, observed rate), seeds from `monteCarloVariants`),
 * and reports per area and target group the baseline verdict, how often it is kept, which variants change it,
 * and the areas whose verdict depends on the method.
 *
 * Uses the sensitivity engine (`runSensitivity` → `summarizeSensitivity`) once per target group, with the
 * verdict as the "class" and its severity (0, 1, 2) as the "rank"; the baseline counts as one variant (as for the
 * status index). A variant that cannot assess a group (e.g. robust z with MAD = 0) leaves it out there and says
 * so in `warnings`. Deterministic: the same analysis and seed give the same result.
 *
 * @example
 * const v = verdictSensitivity(runAnalysis(), { seed: 1, draws: 200 });
 * v.methodDependent;                      // [{ id: "010203", targetGroup: "children" }, …]
 * v.areas.find((a) => a.dependsOnMethod); // { baselineVerdict: "auffällig", keeps: 8, nVariants: 11, differingVariants: ["Schwellen +0,25", …], … }
 */
export function verdictSensitivity(result: AnalysisResult, options: VerdictSensitivityOptions = {}): VerdictSensitivity {
  const fn = "verdictSensitivity";
  const ev = verdictEvaluator(result);
  const variants = verdictVariants(ev, options);
  const seed = options.seed ?? result.parameters.seed;
  const draws = options.draws ?? 1000;
  if (!Number.isInteger(draws) || draws < 0) throw new Error(`${fn}: Option "draws" muss eine ganze Zahl ≥ 0 sein, angegeben: ${JSON.stringify(draws)}`);
  const warnings: string[] = [];

  // Each variant is evaluated once for all groups (the engine then reads one group at a time).
  const cache = new Map<string, VerdictEvaluation>();
  const evaluation = (v: VerdictVariant | { name: string; options: VerdictVariantOptions }, prefix: string): VerdictEvaluation => {
    const key = prefix + v.name;
    let e = cache.get(key);
    if (!e) {
      try {
        e = ev.evaluate(v.options);
      } catch (err) {
        throw new Error(`${fn}: Variante "${v.name}": ${(err as Error).message}`);
      }
      if (v.name === variants[0].name && Object.keys(e.failed).length > 0) {
        throw new Error(`${fn}: die Ausgangsvariante lässt sich nicht beurteilen: ${Object.values(e.failed).join("; ")}`);
      }
      if (prefix === "") {
        for (const [g, why] of Object.entries(e.failed)) warnings.push(`${fn}: Variante "${v.name}" beurteilt ${targetGroupLabel(g)} nicht: ${why}`);
        for (const w of e.warnings) warnings.push(`${fn}: Variante "${v.name}": ${w}`);
      }
      cache.set(key, e);
    }
    return e;
  };
  const rows = (e: VerdictEvaluation, group: string): SensitivityOutcomeRow[] =>
    e.groups[group].map((r) => ({ id: r.id, rank: r.verdict === null ? null : VERDICT_SEVERITY[r.verdict], class: r.verdict }));

  const mcVariants = draws > 0 ? monteCarloVariants({ seed, draws }).map((v) => ({ ...v, options: v.options.draw ? { draw: v.options.draw } : {} })) : [];
  const groups: VerdictGroupSensitivity[] = ev.targetGroups.map((g) => {
    const own = variants.filter((v) => v.targetGroup === undefined || v.targetGroup === g);
    const methods = runSensitivity({ variants: own, evaluate: (_o, v) => rows(evaluation(v, ""), g), labels: ev.labels, matrix: false });
    let monteCarlo: SensitivityResult | null = null;
    if (mcVariants.length > 0) {
      monteCarlo = runSensitivity({ variants: mcVariants, evaluate: (_o, v) => rows(evaluation(v, "\u0000mc:"), g), labels: ev.labels, matrix: false });
      monteCarlo.parameters = { seed, draws };
    }
    methods.parameters = { thresholdShift: options.thresholdShift ?? 0.25, targetGroup: g };
    warnings.push(...methods.warnings.map((w) => `${fn}: ${targetGroupLabel(g)}: ${w}`));
    return { targetGroup: g, label: targetGroupLabel(g), methods, monteCarlo };
  });
  // Failures in draws would repeat per draw: count them instead.
  const mcFailures = [...cache.entries()].filter(([k, e]) => k.startsWith("\u0000mc:") && Object.keys(e.failed).length > 0).length;
  if (mcFailures > 0) warnings.push(`${fn}: ${mcFailures} von ${draws} Monte-Carlo-Ziehungen konnten nicht jede Zielgruppe beurteilen`);

  const areas: VerdictAreaSensitivity[] = [];
  ev.ids.forEach((areaId, i) => {
    for (const gs of groups) {
      const a = gs.methods.summary.areas[i];
      const m = gs.monteCarlo?.summary.areas[i] ?? null;
      areas.push({
        id: areaId,
        name: ev.labels[areaId],
        targetGroup: gs.targetGroup,
        baselineVerdict: a.baselineClass as Verdict | null,
        nVariants: a.nVariants,
        keeps: a.nVariants - a.differingVariants.length,
        stability: a.classStability,
        verdictCounts: a.classCounts,
        differingVariants: a.differingVariants,
        dependsOnMethod: a.dependsOnMethod,
        nDraws: m ? m.nVariants : null,
        drawStability: m ? m.classStability : null,
        drawsChanging: m ? m.differingVariants.length : null,
      });
    }
  });
  return {
    name: fn,
    baseline: variants[0].name,
    targetGroups: ev.targetGroups,
    variants: variants.map((v) => ({ name: v.name, family: v.family, description: v.description ?? "", targetGroup: v.targetGroup ?? null })),
    groups,
    areas,
    methodDependent: areas.filter((a) => a.dependsOnMethod).map((a) => ({ id: a.id, targetGroup: a.targetGroup })),
    labels: ev.labels,
    parameters: {
      base: ev.base,
      thresholds: ev.thresholds,
      thresholdShift: options.thresholdShift ?? 0.25,
      rule: ev.rule,
      seed,
      draws,
      families: [...new Set(variants.map((v) => v.family))],
    },
    warnings,
  };
}
