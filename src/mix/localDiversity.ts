import type { Exclusion } from "../table/exclusion.js";
import { inInputOrder, readAreas, type AreaOptions } from "./readAreas.js";
import type { MixInput } from "./types.js";

/** One area of {@link localDiversity}. */
export interface LocalDiversityArea {
  id: string;
  /** Population of the area (null if excluded). */
  total: number | null;
  /** Shannon entropy of the area's composition, −Σ_k p_ik ln p_ik (null if excluded). */
  entropy: number | null;
  /** Normalised entropy, entropy / ln K: 0 = one group only, 1 = all K groups equally large (null if excluded). */
  diversity: number | null;
  /** Entropy relative to the city's, entropy / E: above 1 = more mixed than the city (null if excluded). */
  relativeToCity: number | null;
}

/** Result of {@link localDiversity}. */
export interface LocalDiversityResult {
  name: "localDiversity";
  groups: string[];
  /** Entropy of the city's composition E and its normalised value E / ln K. */
  cityEntropy: number;
  cityDiversity: number;
  n: number;
  /** One entry per input row, in input order. */
  areas: LocalDiversityArea[];
  warnings: string[];
  excluded: Exclusion[];
}

/**
 * Local diversity: the normalised Shannon entropy of each area's composition,
 *
 * h_i = −Σ_k p_ik ln p_ik / ln K   (0 ln 0 = 0)
 *
 * 1 means all K groups are equally large in the area, 0 that only one group lives there (Shannon 1948; Theil
 * 1972; White 1986; PySAL segregation `MultiLocalDiversity`/`MultiLocalEntropy`). The groups must partition the
 * population: `{ groups }` (total = their sum), `{ groups, total }` (the rest is one more group) or
 * `{ group, total }` (the group and everyone else, K = 2). K counts the groups present in the city.
 *
 * @example
 * const rows = [{ a: 50, b: 50 }, { a: 100, b: 0 }];
 * localDiversity(rows, { groups: ["a", "b"] }).areas.map((a) => a.diversity); // [1, 0]
 */
export function localDiversity(rows: MixInput, options: AreaOptions): LocalDiversityResult {
  const fn = "localDiversity";
  const data = readAreas(fn, rows, options, "composition");
  const K = data.groups.length;
  const T = data.populationTotal;
  let E = 0;
  for (const X of data.groupTotals) E -= (X / T) * Math.log(X / T);
  const lnK = Math.log(K);
  const areas = inInputOrder<LocalDiversityArea>(
    data,
    (j, row) => {
      const t = data.totals[j];
      let h = 0;
      for (let k = 0; k < K; k++) {
        const p = data.counts[k][j] / t;
        if (p > 0) h -= p * Math.log(p);
      }
      return { id: data.idOf(row), total: t, entropy: h, diversity: h / lnK, relativeToCity: h / E };
    },
    (row) => ({ id: data.idOf(row), total: null, entropy: null, diversity: null, relativeToCity: null }),
  );
  return { name: fn, groups: data.groups, cityEntropy: E, cityDiversity: E / lnK, n: data.n, areas, warnings: data.warnings, excluded: data.excluded };
}
