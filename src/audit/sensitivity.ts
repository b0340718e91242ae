import { quantileType7 } from "../stats/quantileType7.js";
import { spearman } from "../stats/spearman.js";

/** The outcome of one method variant: a rank and a class per area (null when the variant left the area out). */
export interface VariantOutcome {
  /** Variant name, e.g. "gewichteter Mittelwert" or "ohne Kinderarmut". */
  name: string;
  /** Family of the variant, e.g. "Mittelwert", "Schwellen", "Indikator weggelassen", "Monte Carlo". */
  family?: string;
  results: Array<{ id: string; rank: number | null; class: string | null }>;
}

/** Per-area stability over all variants. */
export interface AreaSensitivity {
  id: string;
  baselineRank: number | null;
  baselineClass: string | null;
  /** Median, 5 % and 95 % quantile (R type 7) of the rank over the variants that kept the area. */
  medianRank: number | null;
  rankP05: number | null;
  rankP95: number | null;
  /** Share of variants (that kept the area) giving the baseline's class. */
  classStability: number | null;
  /** How often each class occurred. */
  classCounts: Record<string, number>;
  /** True when at least one variant gives another class than the baseline. */
  dependsOnMethod: boolean;
  /** Variants whose class differs from the baseline. */
  differingVariants: string[];
  /** Number of variants that kept the area. */
  nVariants: number;
}

export interface SensitivitySummary {
  baseline: string;
  variants: string[];
  areas: AreaSensitivity[];
  /** Spearman rank correlation of every variant's ranks with the baseline's (over the areas both kept). */
  correlations: Array<{ variant: string; family?: string; spearman: number; n: number }>;
  /** Ids of the areas whose class depends on the method, in baseline order. */
  methodDependent: string[];
}

/**
 * Summarises how ranks and classes of areas move across method variants: per area the median rank with its
 * 5–95 % interval, how often it keeps its class, and whether its class depends on the method; per variant the
 * Spearman correlation with the baseline (Saisana, Saltelli & Tarantola 2005, "Uncertainty and sensitivity
 * analysis techniques as tools for the quality assessment of composite indicators", JRSS A 168(2)).
 *
 * The baseline itself is counted as a variant. Per-area results keep the baseline's order.
 *
 * @example
 * summarizeSensitivity([
 *   { name: "Basis", results: [{ id: "a", rank: 1, class: "x" }, { id: "b", rank: 2, class: "y" }] },
 *   { name: "V1", results: [{ id: "a", rank: 2, class: "y" }, { id: "b", rank: 1, class: "y" }] },
 * ], { baseline: "Basis" }).methodDependent; // ["a"]
 */
export function summarizeSensitivity(variants: VariantOutcome[], options: { baseline: string }): SensitivitySummary {
  const base = variants.find((v) => v.name === options.baseline);
  if (!base) throw new Error(`summarizeSensitivity: Ausgangsvariante "${options.baseline}" (Option "baseline") nicht unter ${variants.map((v) => `"${v.name}"`).join(", ")}`);
  const names = new Set<string>();
  for (const v of variants) {
    if (names.has(v.name)) throw new Error(`summarizeSensitivity: Variantenname "${v.name}" kommt doppelt vor`);
    names.add(v.name);
  }
  const lookups = variants.map((v) => new Map(v.results.map((r) => [r.id, r])));
  const areas: AreaSensitivity[] = base.results.map((b) => {
    const ranks: number[] = [];
    const classCounts: Record<string, number> = {};
    const differing: string[] = [];
    let kept = 0, same = 0;
    variants.forEach((v, i) => {
      const r = lookups[i].get(b.id);
      if (!r || r.rank === null) return;
      kept++;
      ranks.push(r.rank);
      if (r.class !== null) classCounts[r.class] = (classCounts[r.class] ?? 0) + 1;
      if (r.class === b.class) same++;
      else differing.push(v.name);
    });
    ranks.sort((x, y) => x - y);
    return {
      id: b.id,
      baselineRank: b.rank,
      baselineClass: b.class,
      medianRank: ranks.length ? quantileType7(ranks, 0.5) : null,
      rankP05: ranks.length ? quantileType7(ranks, 0.05) : null,
      rankP95: ranks.length ? quantileType7(ranks, 0.95) : null,
      classStability: kept ? same / kept : null,
      classCounts,
      dependsOnMethod: differing.length > 0,
      differingVariants: differing,
      nVariants: kept,
    };
  });
  const baseLookup = lookups[variants.indexOf(base)];
  const correlations = variants.map((v) => {
    const x: number[] = [], y: number[] = [];
    for (const r of v.results) {
      const b = baseLookup.get(r.id);
      if (b && b.rank !== null && r.rank !== null) {
        x.push(b.rank);
        y.push(r.rank);
      }
    }
    return { variant: v.name, family: v.family, spearman: x.length > 2 ? spearman(x, y) : NaN, n: x.length };
  });
  return {
    baseline: base.name,
    variants: variants.map((v) => v.name),
    areas,
    correlations,
    methodDependent: areas.filter((a) => a.dependsOnMethod).map((a) => a.id),
  };
}
