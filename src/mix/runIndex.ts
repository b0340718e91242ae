import { readCounts, type CountData } from "./readCounts.js";
import type { MixInput, MultigroupOptions, MultigroupResult, SingleGroupOptions, SingleGroupResult } from "./types.js";

/** Kernel of a single-group index: group counts x, totals t (both length n, every t > 0), city totals X and T. */
export type SingleGroupKernel = (x: Float64Array, t: Float64Array, n: number, X: number, T: number) => number;

/** Kernel of a multigroup index: one count array per group, totals t, city group totals and T. */
export type MultigroupKernel = (counts: Float64Array[], t: Float64Array, n: number, groupTotals: number[], T: number) => number;

function checkOptions(fn: string, options: unknown): asserts options is Record<string, unknown> {
  if (options === null || typeof options !== "object") throw new Error(`${fn}: an options object is required`);
}

/** Reads a single-group input (checking the options) into typed arrays. */
export function readSingleGroup(fn: string, rows: MixInput, options: SingleGroupOptions): CountData {
  checkOptions(fn, options);
  if (typeof options.group !== "string") throw new Error(`${fn}: option "group" (column of the group count) is required`);
  if (typeof options.total !== "string") throw new Error(`${fn}: option "total" (column of the total population) is required`);
  return readCounts(fn, rows, { groups: [options.group], total: options.total, single: true, id: options.id, missing: options.missing });
}

/** Reads a multigroup input (checking the options) into typed arrays. */
export function readMultigroup(fn: string, rows: MixInput, options: MultigroupOptions): CountData {
  checkOptions(fn, options);
  const { groups } = options;
  if (!Array.isArray(groups) || groups.length === 0 || groups.some((g) => typeof g !== "string")) {
    throw new Error(`${fn}: option "groups" (array of group count columns) is required`);
  }
  if (new Set(groups).size !== groups.length) throw new Error(`${fn}: option "groups" names a column twice: ${groups.join(", ")}`);
  if (options.total !== undefined && groups.includes(options.total)) {
    throw new Error(`${fn}: the total column "${options.total}" is also listed in "groups"`);
  }
  return readCounts(fn, rows, {
    groups,
    total: options.total,
    restGroup: options.restGroup,
    id: options.id,
    missing: options.missing,
  });
}

/** Builds the PySAL-style result of a single-group index from its data and value. */
export function singleGroupResult(fn: string, data: CountData, options: SingleGroupOptions, statistic: number): SingleGroupResult {
  const X = data.groupTotals[0];
  const T = data.populationTotal;
  return {
    name: fn,
    statistic,
    n: data.n,
    warnings: data.warnings,
    excluded: data.excluded,
    group: options.group,
    total: options.total,
    groupTotal: X,
    populationTotal: T,
    proportion: X / T,
  };
}

/** Builds the PySAL-style result of a multigroup index from its data and value. */
export function multigroupResult(fn: string, data: CountData, statistic: number): MultigroupResult {
  const T = data.populationTotal;
  return {
    name: fn,
    statistic,
    n: data.n,
    warnings: data.warnings,
    excluded: data.excluded,
    groups: data.groups,
    groupTotals: data.groupTotals,
    populationTotal: T,
    proportions: data.groupTotals.map((g) => g / T),
  };
}

/** Reads, checks and computes a single-group index. */
export function runSingleGroup(fn: string, rows: MixInput, options: SingleGroupOptions, kernel: SingleGroupKernel): SingleGroupResult {
  const data = readSingleGroup(fn, rows, options);
  const statistic = kernel(data.counts[0], data.totals, data.n, data.groupTotals[0], data.populationTotal);
  return singleGroupResult(fn, data, options, statistic);
}

/** Reads, checks and computes a multigroup index. */
export function runMultigroup(fn: string, rows: MixInput, options: MultigroupOptions, kernel: MultigroupKernel): MultigroupResult {
  const data = readMultigroup(fn, rows, options);
  const statistic = kernel(data.counts, data.totals, data.n, data.groupTotals, data.populationTotal);
  return multigroupResult(fn, data, statistic);
}
