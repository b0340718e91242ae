import { summarizeSensitivity, type SensitivitySummary, type VariantOutcome } from "./sensitivity.js";
import { spearman } from "../stats/spearman.js";

/** One method variant: a unique German name, its family, what it changes, and the options `evaluate` receives. */
export interface SensitivityVariant<O> {
  /** Unique German name, e.g. "Stichproben-SD (n − 1)". */
  name: string;
  /** Family, e.g. "Mittelwert und SD", "Normierung", "Gewichte", "Schwellen", "Glättung", "Indikator weggelassen". */
  family: string;
  /** German description of what differs from the baseline. */
  description?: string;
  /** Whatever `evaluate` needs to run this variant. */
  options: O;
}

/** What `evaluate` returns per area: its rank (1 = most disadvantaged) and class; null when left out. */
export interface SensitivityOutcomeRow {
  id: string;
  rank: number | null;
  class: string | null;
}

/** Options of {@link runSensitivity}. */
export interface RunSensitivityOptions<O> {
  variants: ReadonlyArray<SensitivityVariant<O>>;
  /** Runs the analysis with one variant's options; called once per variant, in the order given. */
  evaluate: (options: O, variant: SensitivityVariant<O>) => ReadonlyArray<SensitivityOutcomeRow>;
  /** Name of the baseline variant (default: the first variant). */
  baseline?: string;
  /** Compute the variant × variant Spearman matrix (default true up to 100 variants, else false). */
  matrix?: boolean;
  /** German names of the areas (id → name) for tables and figures. */
  labels?: Readonly<Record<string, string>>;
}

/** Spearman correlations between all pairs of variants (over the areas both kept). */
export interface SpearmanMatrix {
  variants: string[];
  /** values[a][b] = ρ(variant a, variant b); NaN where undefined (fewer than 2 common areas, no variation). */
  values: number[][];
  /** Number of areas both variants ranked. */
  n: number[][];
}

/** Per family: how much the variants of this family move ranks and classes. */
export interface FamilySensitivity {
  family: string;
  variants: number;
  /** Smallest Spearman correlation of a variant of this family with the baseline. */
  minSpearman: number;
  /** Number of baseline areas that get another class in at least one variant of this family. */
  areasChangingClass: number;
}

/** Result of {@link runSensitivity}. */
export interface SensitivityResult {
  name: "runSensitivity";
  baseline: string;
  variants: Array<{ name: string; family: string; description: string }>;
  /** Rank and class per area and variant (the input of the summary). */
  outcomes: VariantOutcome[];
  /** Per-area median rank, 5–95 % interval, class stability; Spearman with the baseline; method-dependent areas. */
  summary: SensitivitySummary;
  spearman: SpearmanMatrix | null;
  families: FamilySensitivity[];
  labels: Record<string, string>;
  /** Parameters that produced the variants (seed, draws, shift …), recorded by the generators. */
  parameters: Record<string, unknown>;
  warnings: string[];
}

/**
 * Runs an analysis over method variants and summarises how ranks and classes move (uncertainty and
 * sensitivity analysis of a composite indicator; Saisana, Saltelli & Tarantola 2005, JRSS A 168(2); OECD/JRC
 * *Handbook on Constructing Composite Indicators*, 2008, ch. 7). Generic: `evaluate` maps a variant's options to
 * a rank and a class per area — the variant generators `compositeIndexVariants` (a table of shares, e.g.
 * Berlin MSS) and `analysisVariants` (the pipeline) supply ready-made variants and evaluators.
 *
 * The per-area summary is `summarizeSensitivity` (median rank, 5–95 % interval by R's quantile type 7, class
 * stability, method dependence; the baseline counts as one variant), plus the Spearman matrix of all variant
 * pairs and a summary per family. Deterministic: the same variants give the same result (random variants carry
 * their seed in their options).
 *
 * @example
 * const r = runSensitivity({
 *   variants: [{ name: "Basis", family: "Basis", options: 1 }, { name: "halbe Werte", family: "Skala", options: 0.5 }],
 *   evaluate: (f) => [{ id: "a", rank: 1, class: f > 0.8 ? "hoch" : "mittel" }, { id: "b", rank: 2, class: "mittel" }],
 * });
 * r.summary.methodDependent; // ["a"]
 */
export function runSensitivity<O>(options: RunSensitivityOptions<O>): SensitivityResult {
  const fn = "runSensitivity";
  const variants = options.variants;
  if (!Array.isArray(variants) || variants.length === 0) throw new Error(`${fn}: Option "variants" muss mindestens eine Variante nennen`);
  if (typeof options.evaluate !== "function") throw new Error(`${fn}: Option "evaluate" muss eine Funktion (options) => {id, rank, class}[] sein, angegeben: ${typeof options.evaluate}`);
  const seen = new Set<string>();
  for (const v of variants) {
    if (!v || typeof v.name !== "string" || v.name === "") throw new Error(`${fn}: jede Variante braucht einen Namen (name), angegeben: ${JSON.stringify(v?.name)}`);
    if (seen.has(v.name)) throw new Error(`${fn}: Variantenname "${v.name}" kommt doppelt vor`);
    seen.add(v.name);
  }
  const baseline = options.baseline ?? variants[0].name;
  if (!seen.has(baseline)) throw new Error(`${fn}: Ausgangsvariante "${baseline}" (Option "baseline") nicht unter den ${variants.length} Varianten`);

  const outcomes: VariantOutcome[] = variants.map((v) => {
    const rows = options.evaluate(v.options, v);
    if (!Array.isArray(rows)) throw new Error(`${fn}: evaluate lieferte für Variante "${v.name}" keine Liste`);
    const ids = new Set<string>();
    const results = rows.map((r, i) => {
      if (!r || typeof r.id !== "string") throw new Error(`${fn}: Zeile ${i + 1} von Variante "${v.name}" hat keine Kennung (id) als Text`);
      if (ids.has(r.id)) throw new Error(`${fn}: Gebiet "${r.id}" kommt in Variante "${v.name}" doppelt vor`);
      ids.add(r.id);
      if (r.rank !== null && !(typeof r.rank === "number" && Number.isFinite(r.rank))) {
        throw new Error(`${fn}: Rang ${typeof r.rank === "number" ? String(r.rank) : JSON.stringify(r.rank)} von Gebiet "${r.id}" in Variante "${v.name}" ist weder eine endliche Zahl noch null`);
      }
      if (r.class !== null && typeof r.class !== "string") {
        throw new Error(`${fn}: Klasse ${JSON.stringify(r.class)} von Gebiet "${r.id}" in Variante "${v.name}" ist weder Text noch null`);
      }
      return { id: r.id, rank: r.rank, class: r.class };
    });
    return { name: v.name, family: v.family, results };
  });

  const summary = summarizeSensitivity(outcomes, { baseline });
  const wantMatrix = options.matrix ?? variants.length <= 100;
  const matrix = wantMatrix ? spearmanMatrix(outcomes) : null;

  const baseOutcome = outcomes.find((o) => o.name === baseline)!;
  const familyNames = [...new Set(variants.map((v) => v.family))];
  const correlation = new Map(summary.correlations.map((c) => [c.variant, c.spearman]));
  const families: FamilySensitivity[] = familyNames.map((family) => {
    const names = new Set(variants.filter((v) => v.family === family).map((v) => v.name));
    const changing = summary.areas.filter((a) => a.differingVariants.some((d) => names.has(d))).length;
    const rhos = [...names].map((n) => correlation.get(n)!).filter((x) => !Number.isNaN(x));
    return { family, variants: names.size, minSpearman: rhos.length ? Math.min(...rhos) : NaN, areasChangingClass: changing };
  });

  const warnings: string[] = [];
  const baseIds = new Set(baseOutcome.results.filter((r) => r.rank !== null).map((r) => r.id));
  for (const o of outcomes) {
    const ranked = new Set(o.results.filter((r) => r.rank !== null).map((r) => r.id));
    let missingCount = 0;
    for (const id of baseIds) if (!ranked.has(id)) missingCount++;
    if (missingCount > 0) warnings.push(`${fn}: Variante "${o.name}" lässt ${missingCount} ${missingCount === 1 ? "Gebiet" : "Gebiete"} aus, ${missingCount === 1 ? "das" : "die"} die Ausgangsvariante einstuft`);
  }
  return {
    name: fn,
    baseline,
    variants: variants.map((v) => ({ name: v.name, family: v.family, description: v.description ?? "" })),
    outcomes,
    summary,
    spearman: matrix,
    families,
    labels: { ...(options.labels ?? {}) },
    parameters: {},
    warnings,
  };
}

/**
 * Spearman correlations between the rankings of every pair of variants, each over the areas both ranked.
 *
 * @example
 * spearmanMatrix(outcomes).values[0][1]; // ρ of the first two variants
 */
export function spearmanMatrix(outcomes: ReadonlyArray<VariantOutcome>): SpearmanMatrix {
  const maps = outcomes.map((o) => {
    const m = new Map<string, number>();
    for (const r of o.results) if (r.rank !== null) m.set(r.id, r.rank);
    return m;
  });
  const k = outcomes.length;
  const values = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  const n = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const x: number[] = [], y: number[] = [];
      for (const [id, ra] of maps[a]) {
        const rb = maps[b].get(id);
        if (rb !== undefined) {
          x.push(ra);
          y.push(rb);
        }
      }
      const rho = spearman(x, y);
      values[a][b] = values[b][a] = rho;
      n[a][b] = n[b][a] = x.length;
    }
  }
  return { variants: outcomes.map((o) => o.name), values, n };
}
