import { CHANGE_SIGN, formatGermanNumber } from "../io/formatGermanNumber.js";
import { targetGroupLabel } from "./germanLabels.js";
import { VARIANT_FAMILY_LABELS } from "../audit/compositeIndexVariants.js";
import type { SensitivityVariant } from "../audit/sensitivityAnalysis.js";
import type { VerdictEvaluator, VerdictVariantOptions } from "./verdictEvaluator.js";

/** The families of verdict variants {@link verdictVariants} can generate. */
export type VerdictFamilyId = "meanSd" | "normalization" | "thresholds" | "smoothing" | "leaveOneOut";

/** German family names of the verdict variants, as they appear in tables. */
export const VERDICT_FAMILY_LABELS: Readonly<Record<VerdictFamilyId | "baseline" | "monteCarlo", string>> = Object.freeze({
  baseline: VARIANT_FAMILY_LABELS.baseline,
  meanSd: VARIANT_FAMILY_LABELS.meanSd,
  normalization: VARIANT_FAMILY_LABELS.normalization,
  thresholds: "Schwellen",
  smoothing: VARIANT_FAMILY_LABELS.smoothing,
  leaveOneOut: VARIANT_FAMILY_LABELS.leaveOneOut,
  monteCarlo: VARIANT_FAMILY_LABELS.monteCarlo,
});

/** Options of {@link verdictVariants}. */
export interface VerdictVariantGeneratorOptions {
  /** Both thresholds are moved by ± this (default 0.25). */
  thresholdShift?: number;
  /** Families to generate (default all). */
  families?: readonly VerdictFamilyId[];
}

/** A verdict variant; `targetGroup` is set when the variant changes only that group (an indicator left out). */
export interface VerdictVariant extends SensitivityVariant<VerdictVariantOptions> {
  targetGroup?: string;
}


/**
 * One-at-a-time method variants of the verdicts per target group (OECD/JRC *Handbook on Constructing Composite
 * Indicators* 2008, ch. 7: each variant changes one choice against the analysis' own method, "Basis"):
 *
 * - "Mittelwert und SD": the other three combinations of unweighted/weighted (by residents) mean × population/
 *   sample SD (the analysis' own combination is the baseline and is not repeated, so it is not counted twice);
 * - "Normierung": robust z-values (z when the baseline were robust);
 * - "Schwellen": both thresholds moved by + and − `thresholdShift` (e.g. auffällig z > 1,25 / 0,75);
 * - "Glättung": empirical-Bayes smoothing of the rates on;
 * - "Indikator weggelassen": each indicator left out in turn — only its own target group changes, and only in
 *   groups with at least two indicators (`targetGroup` names the group).
 *
 * @example
 * verdictVariants(verdictEvaluator(runAnalysis())).map((v) => v.name);
 * // ["Basis", "ungewichtet, SD Stichprobe (n − 1)", …, "robuste z-Werte", "Schwellen +0,25", "Schwellen −0,25", …]
 */
export function verdictVariants(evaluator: VerdictEvaluator, options: VerdictVariantGeneratorOptions = {}): VerdictVariant[] {
  const fn = "verdictVariants";
  const shift = options.thresholdShift ?? 0.25;
  if (typeof shift !== "number" || !(shift > 0) || !Number.isFinite(shift)) throw new Error(`${fn}: Option "thresholdShift" muss eine positive Zahl sein, angegeben: ${JSON.stringify(shift)}`);
  const all: VerdictFamilyId[] = ["meanSd", "normalization", "thresholds", "smoothing", "leaveOneOut"];
  const families = new Set(options.families ?? all);
  for (const f of families) if (!all.includes(f)) throw new Error(`${fn}: unbekannte Variantenfamilie "${f}" in Option "families" (bekannt: ${all.join(", ")})`);
  const base = evaluator.base;
  const t = evaluator.thresholds;
  const out: VerdictVariant[] = [
    {
      name: VERDICT_FAMILY_LABELS.baseline,
      family: VERDICT_FAMILY_LABELS.baseline,
      description: `${describeMean(base.mean, base.sd)}, z-Werte, ${base.smoothing === "empirical-bayes" ? "Empirical-Bayes-geglättet" : "ungeglättet"}; auffällig ab z > ${formatGermanNumber(t.flag)}, stark auffällig ab z > ${formatGermanNumber(t.strong)}`,
      options: {},
    },
  ];
  const add = (family: VerdictFamilyId, name: string, description: string, change: VerdictVariantOptions, targetGroup?: string) =>
    out.push({ name, family: VERDICT_FAMILY_LABELS[family], description, options: change, ...(targetGroup ? { targetGroup } : {}) });

  if (families.has("meanSd")) {
    for (const mean of ["unweighted", "weighted"] as const) {
      for (const sd of ["population", "sample"] as const) {
        if (mean === base.mean && sd === base.sd) continue;
        const m = mean === "weighted" ? "gewichtet (Einwohner)" : "ungewichtet";
        const s = sd === "population" ? "SD Grundgesamtheit (n)" : "SD Stichprobe (n − 1)";
        add("meanSd", `${m}, ${s}`, `Mittelwert ${m}, ${s}, sonst wie Basis`, { mean, sd });
      }
    }
  }
  if (families.has("normalization")) {
    add("normalization", "robuste z-Werte", "(x − Median) / (1,4826 · MAD) je Indikator statt z-Werten", { normalization: "robustZ" });
  }
  if (families.has("thresholds")) {
    for (const d of [shift, -shift]) {
      add("thresholds", `Schwellen ${formatGermanNumber(d, { sign: CHANGE_SIGN })}`, `auffällig ab z > ${formatGermanNumber(t.flag + d)}, stark auffällig ab z > ${formatGermanNumber(t.strong + d)}`, { thresholdShift: d });
    }
  }
  if (families.has("smoothing")) {
    if (evaluator.base.smoothing === "empirical-bayes") {
      add("smoothing", "ohne Glättung", "rohe Anteile statt der Empirical-Bayes-geglätteten Anteile der Analyse", { smoothing: "none" });
    } else {
      add("smoothing", "Empirical-Bayes-Glättung", "Anteile zum Gesamtanteil hin geschrumpft (Marshall 1991), je stärker, je kleiner die Bezugsgröße", { smoothing: "empirical-bayes" });
    }
  }
  if (families.has("leaveOneOut")) {
    for (const d of evaluator.indicators) {
      if (evaluator.indicators.filter((x) => x.targetGroup === d.targetGroup).length < 2) continue;
      add("leaveOneOut", `ohne ${d.label}`, `Bewertung ${targetGroupLabel(d.targetGroup)} ohne ${d.label}`, { omit: [d.id] }, d.targetGroup);
    }
  }
  return out;
}

function describeMean(mean: "unweighted" | "weighted", sd: "population" | "sample"): string {
  return `${mean === "weighted" ? "gewichteter Mittelwert (Einwohner)" : "ungewichteter Mittelwert"}, ${sd === "sample" ? "Stichproben-SD (n − 1)" : "Grundgesamtheits-SD (n)"}`;
}
