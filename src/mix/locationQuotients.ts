import type { Exclusion } from "../table/exclusion.js";
import { inInputOrder, readAreas, type AreaOptions } from "./readAreas.js";
import type { MixInput } from "./types.js";

/** One area of {@link locationQuotients}. */
export interface LocationQuotientArea {
  /** Area key (the `id` column, or "Zeile n"). */
  id: string;
  /** Population of the area (null if excluded). */
  total: number | null;
  /** Share of each group in the area, x_ik / t_i (null if excluded). */
  share: Record<string, number | null>;
  /** Location quotient of each group, (x_ik / t_i) / (X_k / T) (null if excluded). */
  lq: Record<string, number | null>;
}

/** Result of {@link locationQuotients}: per-area values in input order. */
export interface LocationQuotientsResult {
  name: "locationQuotients";
  /** The groups with a quotient. */
  groups: string[];
  /** City share of each group, P_k = X_k / T. */
  proportions: Record<string, number>;
  /** Number of areas with values (after exclusions). */
  n: number;
  /** One entry per input row, in input order. */
  areas: LocationQuotientArea[];
  warnings: string[];
  excluded: Exclusion[];
}

/**
 * Location quotient of each group in each area: its share in the area relative to its share in the city,
 *
 * LQ_ik = (x_ik / t_i) / (X_k / T)
 *
 * LQ > 1: the group is over-represented (LQ 2 = twice its city share), LQ < 1: under-represented (Isard 1960;
 * PySAL segregation `MultiLocationQuotient`). With `{ group, total }` or `{ groups, total }` each group is a share
 * of the total on its own (groups may overlap, e.g. SGB II and migration background); with `{ groups }` alone the
 * total is their sum. Areas with total 0 get null and are listed in `excluded`.
 *
 * @example
 * const rows = [{ id: "01", sgb2: 10, ew: 100 }, { id: "02", sgb2: 30, ew: 100 }];
 * locationQuotients(rows, { group: "sgb2", total: "ew", id: "id" }).areas.map((a) => a.lq.sgb2); // [0.5, 1.5]
 */
export function locationQuotients(rows: MixInput, options: AreaOptions): LocationQuotientsResult {
  const fn = "locationQuotients";
  const data = readAreas(fn, rows, options, "shares");
  const T = data.populationTotal;
  const P = data.groupTotals.map((X) => X / T);
  const groups = data.groups;
  const areas = inInputOrder<LocationQuotientArea>(
    data,
    (j, row) => {
      const t = data.totals[j];
      const share: Record<string, number | null> = {};
      const lq: Record<string, number | null> = {};
      for (let k = 0; k < groups.length; k++) {
        share[groups[k]] = data.counts[k][j] / t;
        lq[groups[k]] = data.counts[k][j] / t / P[k];
      }
      return { id: data.idOf(row), total: t, share, lq };
    },
    (row) => {
      const nulls = (): Record<string, null> => Object.fromEntries(groups.map((g) => [g, null]));
      return { id: data.idOf(row), total: null, share: nulls(), lq: nulls() };
    },
  );
  return {
    name: fn,
    groups,
    proportions: Object.fromEntries(groups.map((g, k) => [g, P[k]])),
    n: data.n,
    areas,
    warnings: data.warnings,
    excluded: data.excluded,
  };
}
