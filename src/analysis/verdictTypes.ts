import type { Verdict, VerdictRule } from "../classify/conspicuousness.js";
import type { SensitivityResult } from "../audit/sensitivityAnalysis.js";

/**
 * The data model of the verdict sensitivity: the method choices of a variant, its verdicts, and the result of
 * {@link verdictSensitivity}. Kept apart from the functions so that the analysis result can hold it without an
 * import cycle.
 */

/**
 * The method choices of one verdict variant. Every field left out keeps the analysis' own choice, so
 * `evaluate({})` reproduces the analysis' verdicts.
 */
export interface VerdictVariantOptions {
  /** Mean of the z-standardisation ("weighted": by the area's residents, as the pipeline). */
  mean?: "unweighted" | "weighted";
  /** SD of the z-standardisation. */
  sd?: "population" | "sample";
  /** "z" (the analysis' z-values) or "robustZ": (x − median) / (1.4826 · MAD) per indicator. */
  normalization?: "z" | "robustZ";
  /** "empirical-bayes": each rate shrunk toward the city-wide rate (Marshall 1991) before standardising. */
  smoothing?: "none" | "empirical-bayes";
  /** Indicator ids left out; only their target group changes. */
  omit?: readonly string[];
  /** Added to both thresholds ("auffällig" and "stark auffällig"), e.g. ±0.25. */
  thresholdShift?: number;
  /** A Monte Carlo draw: every usable numerator is drawn from Binomial(denominator, observed rate) with this seed. */
  draw?: { seed: number };
}

/** One area's verdict for one target group (null: not assessed — no value, or the variant failed for the group). */
export interface VerdictRow {
  id: string;
  verdict: Verdict | null;
}

/** The verdicts of one variant. */
export interface VerdictEvaluation {
  /** Per target group: one row per area, in the analysis' area order. */
  groups: Record<string, VerdictRow[]>;
  /** The thresholds used. */
  thresholds: { flag: number; strong: number };
  /** Target groups the variant could not assess, with the reason (e.g. robust z undefined because MAD = 0). */
  failed: Record<string, string>;
  warnings: string[];
}

/** One area and target group over all variants. */
export interface VerdictAreaSensitivity {
  id: string;
  name: string;
  targetGroup: string;
  /** The analysis' verdict (null: the group has no value in this area). */
  baselineVerdict: Verdict | null;
  /** Method variants (baseline included) that assessed this area and group. */
  nVariants: number;
  /** How many of them give the baseline verdict. */
  keeps: number;
  /** keeps / nVariants (null when not assessed). */
  stability: number | null;
  /** How often each verdict occurred over the method variants. */
  verdictCounts: Record<string, number>;
  /** The method variants giving another verdict, in variant order. */
  differingVariants: string[];
  /** True when at least one method variant gives another verdict. */
  dependsOnMethod: boolean;
  /** Monte Carlo (baseline included): number of draws assessing the area, and the share keeping the verdict. */
  nDraws: number | null;
  drawStability: number | null;
  /** Number of draws giving another verdict. */
  drawsChanging: number | null;
}

/** The sensitivity of one target group's verdicts. */
export interface VerdictGroupSensitivity {
  targetGroup: string;
  /** German label, e.g. "Kinder und Jugendliche". */
  label: string;
  /** `runSensitivity` over the method variants that apply to this group ("rank" = severity 0/1/2, "class" = verdict). */
  methods: SensitivityResult;
  /** `runSensitivity` over the Monte Carlo draws (null without draws). */
  monteCarlo: SensitivityResult | null;
}

/** Result of {@link verdictSensitivity}. */
export interface VerdictSensitivity {
  name: "verdictSensitivity";
  baseline: string;
  targetGroups: string[];
  /** The method variants (all groups); `targetGroup` marks those that change one group only. */
  variants: Array<{ name: string; family: string; description: string; targetGroup: string | null }>;
  groups: VerdictGroupSensitivity[];
  /** One row per area (analysis order) and target group (group order). */
  areas: VerdictAreaSensitivity[];
  /** The area × group pairs whose verdict depends on the method, in the order of `areas`. */
  methodDependent: Array<{ id: string; targetGroup: string }>;
  labels: Record<string, string>;
  parameters: {
    base: Required<Pick<VerdictVariantOptions, "mean" | "sd" | "normalization" | "smoothing" | "thresholdShift">>;
    thresholds: { flag: number; strong: number };
    thresholdShift: number;
    rule: Required<VerdictRule>;
    seed: number;
    draws: number;
    families: string[];
  };
  warnings: string[];
}
