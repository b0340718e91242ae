import type { Exclusion } from "../table/exclusion.js";
import type { TableLike } from "../table/tableLike.js";

/**
 * A column-oriented table, as arquero's `ColumnTable` provides it: the mix functions read whole columns at once,
 * so an arquero table can be passed as it is, and the permutation tests pass simulated columns (typed arrays)
 * without building row objects.
 */
export interface ColumnarTable {
  numRows(): number;
  columnNames(): string[];
  array(name: string): ArrayLike<unknown>;
}

/**
 * What the mix functions read. Alias of the library's one table input `TableLike` (kept for existing code):
 * plain row objects (one per area), an `AreaTable`, an arquero table or `columnarTable(…)`, or column data.
 */
export type MixInput = TableLike;

/** How a missing count (a `Missing` cell, null, undefined, NaN) is treated. */
export type MissingPolicy = "error" | "exclude";

/** Options shared by every mix function. */
export interface MixBaseOptions {
  /** Column with the area key; errors and exclusions then name the area, otherwise the row number (1-based). */
  id?: string;
  /**
   * A missing count: "error" (default) stops with an error naming the area; "exclude" leaves the area out and
   * lists it in `excluded` (e.g. a suppressed cell "." in a very small area).
   */
  missing?: MissingPolicy;
}

/** Options of a single-group index: one group against the total population of each area. */
export interface SingleGroupOptions extends MixBaseOptions {
  /** Column with the group count of each area (e.g. "sgb2_personen"). */
  group: string;
  /** Column with the total population of each area (e.g. "einwohner"). */
  total: string;
}

/** Options of a multigroup index. */
export interface MultigroupOptions extends MixBaseOptions {
  /** Columns with the count of each group; the groups must not overlap. */
  groups: string[];
  /**
   * Optional column with the total population. Without it the groups are taken as exhaustive (total = their
   * sum, as in PySAL segregation). With it, the rest (total − sum of the groups) is added as one more group
   * named `restGroup`, so `{ groups: ["sgb2_personen"], total: "einwohner" }` compares SGB II against not SGB II.
   */
  total?: string;
  /** Name of the rest group when `total` is given (default "rest"). */
  restGroup?: string;
}

/** What every city-wide index returns (PySAL style). */
export interface IndexResult {
  /** Name of the index function, e.g. "dissimilarity". */
  name: string;
  /** The value of the index. */
  statistic: number;
  /** Number of areas that entered the index (after exclusions). */
  n: number;
  /** German or English notes for the reader, e.g. on excluded or very small areas. */
  warnings: string[];
  /** Areas left out (population 0, or a missing count with `missing: "exclude"`), with a German reason. */
  excluded: Exclusion[];
}

/** Result of a single-group index. */
export interface SingleGroupResult extends IndexResult {
  group: string;
  total: string;
  /** City total of the group (X). */
  groupTotal: number;
  /** City total population (T). */
  populationTotal: number;
  /** City share of the group, P = X / T. */
  proportion: number;
}

/** Result of a multigroup index. */
export interface MultigroupResult extends IndexResult {
  /** The groups, including the rest group when `total` was given. */
  groups: string[];
  /** City total of each group, in the order of `groups`. */
  groupTotals: number[];
  /** City total population T. */
  populationTotal: number;
  /** City share of each group, P_k. */
  proportions: number[];
}

/** A single-group index function as exported by this module (used by the inference functions). */
export type SingleGroupIndex<O extends SingleGroupOptions = SingleGroupOptions, R extends SingleGroupResult = SingleGroupResult> = (
  rows: MixInput,
  options: O,
) => R;

/** A multigroup index function as exported by this module. */
export type MultigroupIndex<O extends MultigroupOptions = MultigroupOptions, R extends MultigroupResult = MultigroupResult> = (
  rows: MixInput,
  options: O,
) => R;
