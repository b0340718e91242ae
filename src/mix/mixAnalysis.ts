import { DEFAULT_SEED } from "../inference/defaultSeed.js";
import { tableAccess, type TableAccess } from "../table/tableLike.js";
import { atkinson } from "./atkinson.js";
import { compareSegregation } from "./compareSegregation.js";
import { correlationRatio } from "./correlationRatio.js";
import { dissimilarity } from "./dissimilarity.js";
import { gini } from "./gini.js";
import { isolation } from "./isolation.js";
import { locationQuotients } from "./locationQuotients.js";
import { mixDeviation } from "./mixDeviation.js";
import { multigroupDissimilarity } from "./multigroupDissimilarity.js";
import { multigroupTheilH } from "./multigroupTheilH.js";
import { segregationPermutationTest } from "./segregationPermutationTest.js";
import { theilH } from "./theilH.js";
import type { MissingPolicy, MixInput } from "./types.js";

/** Options of {@link mixAnalysis}. */
export interface MixAnalysisOptions {
  /** Column with the area key (e.g. "sozialraum_id"). */
  id: string;
  /** Column with the total population (e.g. "einwohner"). */
  total: string;
  /** The groups, each measured against the total: column → German label (e.g. { sgb2_personen: "SGB-II-Leistungsberechtigte" }). */
  groups: Readonly<Record<string, string>>;
  /** Optional composition (groups partitioning the population, e.g. age bands): column → German label. */
  composition?: Readonly<Record<string, string>>;
  /** German label of the composition (default "Altersgruppen"). */
  compositionLabel?: string;
  /** Earlier data of the same areas (same columns), to test the change of D (paired random labelling). */
  previous?: MixInput;
  /** Labels of the two years (default "Vorjahr", "aktuell"). */
  years?: [string, string];
  /** Column with area names. */
  name?: string;
  /** Permutations of the tests (default 999) and seed (default {@link DEFAULT_SEED}). */
  permutations?: number;
  seed?: number;
  /** Treatment of missing counts (default "exclude": suppressed cells of very small areas leave the area out). */
  missing?: MissingPolicy;
}

/** City-wide indices of one group. */
export interface MixGroupIndices {
  group: string;
  label: string;
  /** Share of the group in the city (0–1). */
  proportion: number;
  /** Dissimilarity D, its permutation p-value and its mean under random allocation. */
  d: number;
  p: number;
  dRandom: number;
  gini: number;
  theilH: number;
  eta2: number;
  /** Atkinson (b = 0.5). */
  atkinson: number;
  isolation: number;
  /** The change of D against `previous` (null without earlier data). */
  change: { dBefore: number; change: number; p: number } | null;
}

/** One area: location quotient and deviation from the city's mix per group. */
export interface MixArea {
  id: string;
  name: string | null;
  population: number | null;
  /** Location quotient per group column. */
  lq: Record<string, number | null>;
  /** Dissimilarity of the area's mix from the city's per group column (0–1; null: area left out). */
  deviation: Record<string, number | null>;
  /** True where the deviation is clear and beyond chance ({@link mixDeviation}). */
  flagged: Record<string, boolean>;
}

/** Result of {@link mixAnalysis}: the numbers of the "Durchmischung" report section. */
export interface MixAnalysis {
  name: "mixAnalysis";
  groups: Readonly<Record<string, string>>;
  permutations: number;
  seed: number;
  /** Labels of the two years, or null without earlier data. */
  years: [string, string] | null;
  indices: MixGroupIndices[];
  /** Multigroup D (with p-value) and Theil H of the composition (null without one). */
  composition: { label: string; d: number; p: number; theilH: number } | null;
  /** One row per area, in input order. */
  areas: MixArea[];
  /** Whether `name` was given (the areas carry names). */
  named: boolean;
  /** Flag threshold and significance level of the deviation (of the first group). */
  threshold: number;
  alpha: number;
}

/**
 * The mix ("Durchmischung") of a city's population: city-wide segregation indices per group with permutation
 * p-values, the change against earlier data, the location quotients per Sozialraum and the areas whose mix
 * deviates clearly from the city's ({@link mixDeviation}). Rendered by `mixSection` / `mixAnalysisSection`.
 *
 * @example
 * const mix = mixAnalysis(rows2018, { id: "sozialraum_id", total: "einwohner", groups: { sgb2_personen: "SGB II" }, previous: rows2016 });
 * mix.indices[0].d; // segregation index D of the SGB-II recipients
 */
export function mixAnalysis(rows: MixInput, options: MixAnalysisOptions): MixAnalysis {
  const fn = "mixSection";
  const groupCols = Object.keys(options.groups ?? {});
  if (groupCols.length === 0) throw new Error(`${fn}: die Option "groups" braucht mindestens eine Spalte`);
  const base = { total: options.total, id: options.id, missing: options.missing ?? "exclude" };
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? DEFAULT_SEED;
  const indices = groupCols.map((g): MixGroupIndices => {
    const o = { ...base, group: g };
    const test = segregationPermutationTest(dissimilarity, rows, { ...o, permutations, seed });
    let change: MixGroupIndices["change"] = null;
    if (options.previous) {
      const c = compareSegregation(dissimilarity, options.previous, rows, { ...o, approach: "paired", permutations, seed });
      change = { dBefore: c.first.statistic, change: c.statistic, p: c.pSim };
    }
    return {
      group: g,
      label: options.groups[g],
      proportion: test.proportion,
      d: test.statistic,
      p: test.pSim,
      dRandom: test.meanSim,
      gini: gini(rows, o).statistic,
      theilH: theilH(rows, o).statistic,
      eta2: correlationRatio(rows, o).statistic,
      atkinson: atkinson(rows, o).statistic,
      isolation: isolation(rows, o).statistic,
      change,
    };
  });
  let composition: MixAnalysis["composition"] = null;
  if (options.composition) {
    const o = { groups: Object.keys(options.composition), id: options.id, missing: options.missing ?? "exclude" };
    const md = segregationPermutationTest(multigroupDissimilarity, rows, { ...o, permutations, seed });
    composition = { label: options.compositionLabel ?? "Altersgruppen", d: md.statistic, p: md.pSim, theilH: multigroupTheilH(rows, o).statistic };
  }
  const lq = locationQuotients(rows, { groups: groupCols, ...base });
  const devs = groupCols.map((g) => mixDeviation(rows, { group: g, ...base }));
  const names = options.name ? readNames(rows, options.name) : null;
  const areas = lq.areas.map((a, i): MixArea => ({
    id: a.id,
    name: names ? names[i] : null,
    population: a.total,
    lq: Object.fromEntries(groupCols.map((g) => [g, a.lq[g]])),
    deviation: Object.fromEntries(groupCols.map((g, k) => [g, devs[k].areas[i].dissimilarity])),
    flagged: Object.fromEntries(groupCols.map((g, k) => [g, Boolean(devs[k].areas[i].flag)])),
  }));
  return {
    name: "mixAnalysis",
    groups: options.groups,
    permutations,
    seed,
    years: options.previous ? options.years ?? ["Vorjahr", "aktuell"] : null,
    indices,
    composition,
    areas,
    named: names !== null,
    threshold: devs[0].threshold,
    alpha: devs[0].alpha,
  };
}

function readNames(rows: MixInput, column: string): string[] {
  const t = tableAccess(rows) as TableAccess;
  return Array.from(t.column(column), (v) => String(v ?? ""));
}
