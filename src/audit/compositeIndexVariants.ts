import { CHANGE_SIGN, formatGermanNumber } from "../io/formatGermanNumber.js";
import { createRng } from "../inference/random.js";
import type { Row } from "../classify/columns.js";
import {
  compositeIndexEvaluator,
  type CompositeVariantSpec,
  type IndexNormalization,
  type IndexVariantOptions,
} from "./compositeIndexEvaluator.js";
import { UNDEFINED_VARIANT_ERROR } from "./undefinedVariantError.js";
import { runSensitivity, type SensitivityOutcomeRow, type SensitivityResult, type SensitivityVariant } from "./sensitivityAnalysis.js";
import { DEFAULT_SEED } from "../inference/defaultSeed.js";

/** The families of method variants {@link compositeIndexVariants} can generate. */
export type VariantFamilyId = "meanSd" | "normalization" | "weights" | "thresholds" | "smoothing" | "leaveOneOut";

/** German family names, as they appear in tables. */
export const VARIANT_FAMILY_LABELS: Readonly<Record<VariantFamilyId | "baseline" | "monteCarlo", string>> = Object.freeze({
  baseline: "Basis",
  meanSd: "Mittelwert und SD",
  normalization: "Normierung",
  weights: "Gewichte",
  thresholds: "Klassengrenzen",
  smoothing: "Glättung",
  leaveOneOut: "Indikator weggelassen",
  monteCarlo: "Monte Carlo",
});

/** Options of {@link compositeIndexVariants}. */
export interface IndexVariantGeneratorOptions {
  /** The baseline method (default: Berlin MSS — unweighted mean, population SD, z, spec weights, no smoothing). */
  base?: IndexVariantOptions;
  /** Class boundaries are moved by ± this (default 0.25). */
  thresholdShift?: number;
  /**
   * Alternative weight sets (weights by indicator column). Default: each indicator's weight doubled in turn
   * (and equal weights when the baseline's are not equal).
   */
  weightSets?: ReadonlyArray<{ name: string; description?: string; weights: Readonly<Record<string, number>> }>;
  /** Families to generate (default all that apply; "smoothing" needs every indicator's denominator). */
  families?: readonly VariantFamilyId[];
}

const NORMALIZATION_LABELS: Record<IndexNormalization, [string, string]> = {
  z: ["z-Werte", "z = (x − Mittelwert) / SD in beiden Stufen"],
  robustZ: ["robuste z-Werte", "(x − Median) / (1,4826 · MAD) in beiden Stufen"],
  normalScores: ["Normal-Scores", "Perzentilrang PR = (r − ½)/n, dann Φ⁻¹(PR), in beiden Stufen"],
  percentile: ["Perzentilränge", "Summe der Perzentilränge (0–100), Summe als Normal-Score Φ⁻¹(PR) klassiert"],
};


/** German description of a variant's method (for the baseline row of the variants table). */
export function describeIndexMethod(o: IndexVariantOptions = {}, populationLabel = "Einwohner"): string {
  const norm = o.normalization ?? "z";
  const parts: string[] = [];
  if (norm === "z") {
    parts.push(o.mean === "weighted" ? `gewichteter Mittelwert (${populationLabel})` : "ungewichteter Mittelwert");
    parts.push(o.sd === "sample" ? "Stichproben-SD (n − 1)" : "Grundgesamtheits-SD (n)");
  }
  parts.push(NORMALIZATION_LABELS[norm][0]);
  const w = Object.entries(o.weights ?? {});
  parts.push(w.length ? `Gewichte ${w.map(([k, v]) => `${k} = ${formatGermanNumber(v)}`).join(", ")}` : "Gewichte wie festgelegt");
  if (o.omit?.length) parts.push(`ohne ${o.omit.join(", ")}`);
  if (o.boundaryShift) parts.push(`Klassengrenzen ${formatGermanNumber(o.boundaryShift, { sign: CHANGE_SIGN })}`);
  parts.push(o.smoothing === "empirical-bayes" ? "Empirical-Bayes-geglättet" : "ungeglättet");
  return parts.join(", ");
}

/**
 * One-at-a-time method variants of a composite index around a baseline (OECD/JRC *Handbook on Constructing
 * Composite Indicators* 2008, ch. 7): each variant changes one choice.
 *
 * - "Mittelwert und SD": the 2 × 2 grid unweighted/weighted (by `spec.population`) × population/sample SD —
 *   including the baseline's own combination, which must give the baseline exactly;
 * - "Normierung": robust z, normal scores of percentile ranks, plain percentile ranks (or z when the baseline
 *   is not z);
 * - "Gewichte": each indicator's weight doubled in turn (or `weightSets`);
 * - "Klassengrenzen": every class boundary moved by ± `thresholdShift` (ranks unchanged, classes move);
 * - "Glättung": empirical-Bayes smoothing on (off when the baseline smooths) — needs the denominators;
 * - "Indikator weggelassen": each indicator left out in turn.
 *
 * The first variant is the baseline "Basis".
 *
 * @example
 * const variants = compositeIndexVariants({ id: "PLR_ID", indicators: ["S1", "S3", "S4"], scheme: berlinMssStatus, population: "EW" });
 * variants.map((v) => v.name); // ["Basis", "ungewichtet, SD Grundgesamtheit (n)", …, "ohne S4"]
 */
export function compositeIndexVariants(spec: CompositeVariantSpec, options: IndexVariantGeneratorOptions = {}): Array<SensitivityVariant<IndexVariantOptions>> {
  const fn = "compositeIndexVariants";
  const base: IndexVariantOptions = { ...(options.base ?? {}) };
  const shift = options.thresholdShift ?? 0.25;
  if (typeof shift !== "number" || !(shift > 0) || !Number.isFinite(shift)) throw new Error(`${fn}: Option "thresholdShift" muss eine positive Zahl sein, angegeben: ${JSON.stringify(shift)}`);
  const all: VariantFamilyId[] = ["meanSd", "normalization", "weights", "thresholds", "smoothing", "leaveOneOut"];
  const families = new Set(options.families ?? all);
  for (const f of families) if (!all.includes(f)) throw new Error(`${fn}: unbekannte Variantenfamilie "${f}" in Option "families" (bekannt: ${all.join(", ")})`);
  const inds = spec.indicators.map((s) => (typeof s === "string" ? { column: s } : s));
  const label = (c: string) => inds.find((d) => d.column === c)?.label ?? c;
  const baseWeight = (c: string) => base.weights?.[c] ?? inds.find((d) => d.column === c)?.weight ?? 1;
  const norm = base.normalization ?? "z";
  const popLabel = spec.populationLabel ?? "Einwohner";

  const out: Array<SensitivityVariant<IndexVariantOptions>> = [
    { name: VARIANT_FAMILY_LABELS.baseline, family: VARIANT_FAMILY_LABELS.baseline, description: describeIndexMethod(base, popLabel), options: base },
  ];
  const add = (family: VariantFamilyId, name: string, description: string, change: IndexVariantOptions) =>
    out.push({ name, family: VARIANT_FAMILY_LABELS[family], description, options: { ...base, ...change } });

  if (families.has("meanSd") && norm === "z") {
    const means: Array<"unweighted" | "weighted"> = spec.population !== undefined ? ["unweighted", "weighted"] : ["unweighted"];
    for (const mean of means) {
      for (const sd of ["population", "sample"] as const) {
        const m = mean === "weighted" ? `gewichtet (${popLabel})` : "ungewichtet";
        const s = sd === "population" ? "SD Grundgesamtheit (n)" : "SD Stichprobe (n − 1)";
        add("meanSd", `${m}, ${s}`, `Mittelwert ${m}, ${s}, sonst wie Basis`, { mean, sd });
      }
    }
  }
  if (families.has("normalization")) {
    for (const k of ["z", "robustZ", "normalScores", "percentile"] as const) {
      if (k === norm) continue;
      add("normalization", NORMALIZATION_LABELS[k][0], NORMALIZATION_LABELS[k][1], k === "z" ? { normalization: k } : { normalization: k, mean: undefined, sd: undefined });
    }
  }
  if (families.has("weights")) {
    const sets = options.weightSets ?? [
      ...(inds.every((d) => baseWeight(d.column) === baseWeight(inds[0].column))
        ? []
        : [{ name: "gleiche Gewichte", description: "jeder Indikator mit Gewicht 1", weights: Object.fromEntries(inds.map((d) => [d.column, 1])) }]),
      ...(inds.length > 1
        ? inds.map((d) => ({
            name: `doppeltes Gewicht: ${label(d.column)}`,
            description: `Gewicht von ${label(d.column)} verdoppelt (${formatGermanNumber(baseWeight(d.column))} → ${formatGermanNumber(2 * baseWeight(d.column))})`,
            weights: { [d.column]: 2 * baseWeight(d.column) },
          }))
        : []),
    ];
    for (const s of sets) add("weights", s.name, s.description ?? `Gewichte ${Object.entries(s.weights).map(([k, v]) => `${k} = ${formatGermanNumber(v)}`).join(", ")}`, { weights: { ...(base.weights ?? {}), ...s.weights } });
  }
  if (families.has("thresholds")) {
    for (const d of [shift, -shift]) {
      add("thresholds", `Klassengrenzen ${formatGermanNumber(d, { sign: CHANGE_SIGN })}`, `jede Klassengrenze um ${formatGermanNumber(d, { sign: CHANGE_SIGN })} verschoben`, { boundaryShift: (base.boundaryShift ?? 0) + d });
    }
  }
  if (families.has("smoothing") && inds.every((d) => d.denominator !== undefined)) {
    if (base.smoothing === "empirical-bayes") add("smoothing", "ohne Glättung", "Rohanteile statt Empirical-Bayes-Schätzungen", { smoothing: "none" });
    else add("smoothing", "Empirical-Bayes-Glättung", "Anteile zum Gesamtanteil hin geschrumpft (Marshall 1991), je stärker, je kleiner die Bezugsgröße", { smoothing: "empirical-bayes" });
  }
  if (families.has("leaveOneOut") && inds.length > 1) {
    for (const d of inds) {
      if (base.omit?.includes(d.column)) continue;
      add("leaveOneOut", `ohne ${label(d.column)}`, `Index ohne ${label(d.column)}, übrige Indikatoren mit ihren Gewichten`, { omit: [...(base.omit ?? []), d.column] });
    }
  }
  return out;
}

/** Options of {@link monteCarloVariants}. */
export interface MonteCarloOptions {
  /** Seed of the draws (default DEFAULT_SEED). */
  seed?: number;
  /** Number of draws (default 1000). */
  draws?: number;
  /** The method used for every draw (default the baseline of `compositeIndexVariants`). */
  base?: IndexVariantOptions;
}

/**
 * The baseline plus `draws` seeded Monte Carlo draws: in draw k every numerator is drawn from
 * Binomial(denominator, observed rate) (`sampleBinomial`) and the index recomputed. The per-draw seeds come
 * from `createRng(seed)`, so the same seed gives the same draws.
 *
 * @example
 * monteCarloVariants({ seed: 1, draws: 2 }).map((v) => v.name); // ["Basis", "Ziehung 1", "Ziehung 2"]
 */
export function monteCarloVariants(options: MonteCarloOptions = {}): Array<SensitivityVariant<IndexVariantOptions>> {
  const fn = "monteCarloVariants";
  const seed = options.seed ?? DEFAULT_SEED;
  const draws = options.draws ?? 1000;
  if (!Number.isInteger(seed)) throw new Error(`${fn}: Option "seed" muss eine ganze Zahl sein, angegeben: ${JSON.stringify(seed)}`);
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`${fn}: Option "draws" muss eine ganze Zahl ≥ 1 sein, angegeben: ${JSON.stringify(draws)}`);
  const base = { ...(options.base ?? {}) };
  const master = createRng(seed);
  const out: Array<SensitivityVariant<IndexVariantOptions>> = [
    { name: VARIANT_FAMILY_LABELS.baseline, family: VARIANT_FAMILY_LABELS.baseline, description: "beobachtete Anteile", options: base },
  ];
  for (let k = 1; k <= draws; k++) {
    const s = master.int(2147483647);
    out.push({ name: `Ziehung ${k}`, family: VARIANT_FAMILY_LABELS.monteCarlo, description: `Zähler ~ Binomial(Bezugsgröße, Anteil), Startwert ${s}`, options: { ...base, draw: { seed: s } } });
  }
  return out;
}

/** Options of {@link compositeSensitivity}. */
export interface CompositeSensitivityOptions extends IndexVariantGeneratorOptions {
  /** Seed of the Monte Carlo draws (default DEFAULT_SEED). */
  seed?: number;
  /** Monte Carlo draws (default 1000; 0: none). Needs every indicator's denominator. */
  draws?: number;
  /** Column with the German area name (for tables and figures). */
  name?: string;
}

/** Method variants and Monte Carlo draws of one analysis. */
export interface SensitivityAnalysis {
  /** One-at-a-time method variants around the baseline. */
  methods: SensitivityResult;
  /** Seeded Monte Carlo draws of the rates (null without draws or without denominators). */
  monteCarlo: SensitivityResult | null;
}

/**
 * Sensitivity and uncertainty analysis of a composite index table (Berlin-MSS-like: shares, indicators, class
 * scheme): the method variants of {@link compositeIndexVariants} and the Monte Carlo draws of
 * {@link monteCarloVariants}, each summarised by {@link runSensitivity}.
 *
 * A variant whose smoothing or draw makes an indicator equal in every area (empirical-Bayes prior variance 0:
 * the rates vary no more than by chance; or a draw of only zeros) leaves that indicator out; a variant whose
 * index is undefined for these data (no varying indicator left, e.g. a single indicator with small bases, or
 * robust z with MAD 0) is skipped. Both are named in the `warnings` of `methods` or `monteCarlo`. Only the
 * baseline must be computable.
 *
 * @example
 * const s = compositeSensitivity(rows, { id: "PLR_ID", indicators: ["S1", "S3", "S4"], scheme: berlinMssStatus,
 *   valid: { column: "KOM", value: "gültig" }, population: "EW" }, { draws: 0 });
 * s.methods.summary.methodDependent.length; // areas whose class depends on the method
 */
export function compositeSensitivity(rows: ReadonlyArray<Row>, spec: CompositeVariantSpec, options: CompositeSensitivityOptions = {}): SensitivityAnalysis {
  const fn = "compositeSensitivity";
  const evaluator = compositeIndexEvaluator(rows, spec);
  const labels: Record<string, string> = {};
  if (options.name !== undefined) rows.forEach((r, i) => (labels[evaluator.ids[i]] = String(r[options.name!] ?? evaluator.ids[i])));
  const variants = compositeIndexVariants(spec, options);
  const methods = runVariants(fn, (o) => evaluator.evaluate(o), variants, labels, "variant");
  methods.parameters = {
    base: options.base ?? {},
    thresholdShift: options.thresholdShift ?? 0.25,
    families: [...new Set(variants.map((v) => v.family))],
  };
  const draws = options.draws ?? 1000;
  let monteCarlo: SensitivityResult | null = null;
  if (draws > 0) {
    if (!evaluator.hasDenominators) {
      methods.warnings.push(`${fn}: keine Monte-Carlo-Ziehungen: nicht jeder Indikator hat einen Nenner (denominator)`);
    } else {
      const seed = options.seed ?? DEFAULT_SEED;
      monteCarlo = runVariants(fn, (o) => evaluator.evaluate(o), monteCarloVariants({ seed, draws, base: options.base }), labels, "draw");
      monteCarlo.parameters = { seed, draws, base: options.base ?? {} };
    }
  }
  return { methods, monteCarlo };
}

/** Evaluates one variant: ranks and classes per area, and its warnings (e.g. indicators left out). */
export type VariantEvaluation = (options: IndexVariantOptions) => { areas: SensitivityOutcomeRow[]; warnings: readonly string[]; leftOut: readonly string[] };

/**
 * Evaluates every variant once, skips those whose index is undefined for the data (`UNDEFINED_VARIANT_ERROR`
 * of `compositeIndexEvaluator`) and runs {@link runSensitivity} on the rest. Warnings of left-out indicators and
 * skipped variants are collected per message, so 1 000 draws do not repeat one message 1 000 times. Shared by
 * `compositeSensitivity` and `analysisSensitivity` (internal: not in the barrel).
 */
export function runVariants(
  fn: string,
  evaluate: VariantEvaluation,
  variants: ReadonlyArray<SensitivityVariant<IndexVariantOptions>>,
  labels: Record<string, string>,
  what: "variant" | "draw",
): SensitivityResult {
  const results = new Map<string, SensitivityOutcomeRow[]>();
  const kept: Array<SensitivityVariant<IndexVariantOptions>> = [];
  const notes = new Map<string, string[]>();
  const note = (message: string, variant: string) => notes.set(message, [...(notes.get(message) ?? []), variant]);
  variants.forEach((v, k) => {
    let r;
    try {
      r = evaluate(v.options);
    } catch (e) {
      if ((e as Error).name !== UNDEFINED_VARIANT_ERROR) throw e;
      if (k === 0) throw new Error(`${fn}: die Ausgangsvariante "${v.name}" lässt sich nicht berechnen: ${(e as Error).message}`);
      note(` übersprungen: ${(e as Error).message}`, v.name);
      return;
    }
    for (const w of r.leftOut) note(`: ${w}`, v.name);
    results.set(v.name, r.areas);
    kept.push(v);
  });
  const result = runSensitivity({ variants: kept, evaluate: (_o, v) => results.get(v.name)!, labels });
  for (const [message, names] of notes) {
    const shown = names.slice(0, 5).map((n) => `"${n}"`).join(", ") + (names.length > 5 ? ", …" : "");
    const whom = what === "draw" ? `${names.length} von ${variants.length - 1} Monte-Carlo-Ziehungen (${shown})` : `${names.length === 1 ? "Variante" : "Varianten"} ${shown}`;
    result.warnings.push(`${fn}: ${whom}${message}`);
  }
  return result;
}
