import type { Exclusion } from "../table/exclusion.js";
import { chiSquaredUpperTail } from "./chiSquaredUpperTail.js";
import { simpsonInteraction } from "./multigroupDissimilarity.js";
import { inInputOrder, readAreas, type AreaOptions } from "./readAreas.js";
import type { MixInput } from "./types.js";

/** Default of {@link MixDeviationOptions.threshold}: 10 % of the area's population. */
export const MIX_DEVIATION_THRESHOLD = 0.1;
/** Default of {@link MixDeviationOptions.alpha}. */
export const MIX_DEVIATION_ALPHA = 0.05;

/** Options of {@link mixDeviation}. */
export interface MixDeviationOptions extends AreaOptions {
  /** Flag an area when its local dissimilarity d_i is at least this (default 0.10). */
  threshold?: number;
  /** … and its chi-squared p-value is below this (default 0.05). */
  alpha?: number;
}

/** One area of {@link mixDeviation}. */
export interface MixDeviationArea {
  id: string;
  /** Population of the area (null if excluded). */
  total: number | null;
  /**
   * Local dissimilarity d_i = ½ Σ_k |p_ik − P_k|: the share of the area's population that would have to belong to
   * another group for the area to have the city's mix (0 … 1).
   */
  dissimilarity: number | null;
  /** The area's contribution to the multigroup dissimilarity index, t_i Σ_k |p_ik − P_k| / (2 T I); they sum to D. */
  contribution: number | null;
  /** Pearson's χ²_i = Σ_k (x_ik − t_i P_k)² / (t_i P_k): the deviation measured against chance (multinomial sampling). */
  chiSquare: number | null;
  /** Upper-tail p-value of χ²_i with K − 1 degrees of freedom. */
  pValue: number | null;
  /** The group most over-represented in the area (largest p_ik − P_k). */
  overrepresented: string | null;
  /** True when d_i ≥ threshold and p < alpha: the area's mix differs clearly and beyond chance from the city's. */
  flag: boolean;
}

/** Result of {@link mixDeviation}. */
export interface MixDeviationResult {
  name: "mixDeviation";
  groups: string[];
  /** City shares P_k. */
  proportions: Record<string, number>;
  /** Multigroup dissimilarity index D (the sum of the contributions). */
  dissimilarity: number;
  /** Degrees of freedom of the chi-squared test, K − 1. */
  df: number;
  threshold: number;
  alpha: number;
  n: number;
  /** Number of flagged areas. */
  flagged: number;
  /** One entry per input row, in input order. */
  areas: MixDeviationArea[];
  warnings: string[];
  excluded: Exclusion[];
}

/**
 * How far each area's composition deviates from the city's mix.
 *
 * - local dissimilarity d_i = ½ Σ_k |p_ik − P_k| (the effect size, in shares of the area's population);
 * - the area's contribution to the multigroup dissimilarity index, c_i = t_i Σ_k |p_ik − P_k| / (2 T I),
 *   I = Σ_k P_k (1 − P_k), so that Σ_i c_i = D (Sakoda 1981);
 * - Pearson's χ²_i = Σ_k (x_ik − t_i P_k)² / (t_i P_k) with K − 1 degrees of freedom, the standardised deviation
 *   of the area's counts from what drawing t_i people at random from the city would give.
 *
 * Flag (documented threshold): d_i ≥ `threshold` (default 0.10, i.e. at least a tenth of the area's population
 * would have to be exchanged) AND p < `alpha` (default 0.05). Both are needed: in large areas tiny, irrelevant
 * deviations are "significant", and in very small areas large deviations arise by chance. The chi-squared
 * p-value is an approximation that is rough where an expected count t_i P_k is below 5 (a warning says how many
 * areas that concerns).
 * The groups must partition the population (`{ groups }`, `{ groups, total }` with a rest group, or
 * `{ group, total }` for a group against everyone else).
 *
 * @example
 * const rows = [{ id: "01", sgb2: 10, ew: 100 }, { id: "02", sgb2: 30, ew: 100 }];
 * mixDeviation(rows, { group: "sgb2", total: "ew", id: "id" }).areas.map((a) => a.dissimilarity); // [0.1, 0.1]
 */
export function mixDeviation(rows: MixInput, options: MixDeviationOptions): MixDeviationResult {
  const fn = "mixDeviation";
  const threshold = options?.threshold ?? MIX_DEVIATION_THRESHOLD;
  const alpha = options?.alpha ?? MIX_DEVIATION_ALPHA;
  if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1)) throw new Error(`${fn}: threshold muss in [0, 1] liegen, angegeben ist ${String(threshold)}`);
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha muss in (0, 1) liegen, angegeben ist ${String(alpha)}`);
  const data = readAreas(fn, rows, options, "composition");
  const { groups, totals, counts } = data;
  const K = groups.length;
  const T = data.populationTotal;
  const P = data.groupTotals.map((X) => X / T);
  const I = simpsonInteraction(data.groupTotals, T);
  let D = 0;
  let flagged = 0;
  let lowExpected = 0;
  const areas = inInputOrder<MixDeviationArea>(
    data,
    (j, row) => {
      const t = totals[j];
      let abs = 0;
      let chi = 0;
      let best = -Infinity;
      let over: string | null = null;
      let low = false;
      for (let k = 0; k < K; k++) {
        const expected = t * P[k];
        if (expected < 5) low = true;
        const diff = counts[k][j] - expected;
        abs += Math.abs(diff);
        chi += (diff * diff) / expected;
        if (diff / t > best) {
          best = diff / t;
          over = groups[k];
        }
      }
      if (low) lowExpected++;
      const contribution = abs / (2 * T * I);
      D += contribution;
      const d = abs / (2 * t);
      const pValue = chiSquaredUpperTail(chi, K - 1);
      const flag = d >= threshold && pValue < alpha;
      if (flag) flagged++;
      return { id: data.idOf(row), total: t, dissimilarity: d, contribution, chiSquare: chi, pValue, overrepresented: best > 0 ? over : null, flag };
    },
    (row) => ({ id: data.idOf(row), total: null, dissimilarity: null, contribution: null, chiSquare: null, pValue: null, overrepresented: null, flag: false }),
  );
  return {
    name: fn,
    groups,
    proportions: Object.fromEntries(groups.map((g, k) => [g, P[k]])),
    dissimilarity: D,
    df: K - 1,
    threshold,
    alpha,
    n: data.n,
    flagged,
    areas,
    warnings:
      lowExpected > 0
        ? [...data.warnings, `${lowExpected} Gebiete mit erwarteten Anzahlen unter 5: dort ist der Chi-Quadrat-p-Wert nur eine grobe Näherung.`]
        : data.warnings,
    excluded: data.excluded,
  };
}
