import { readCounts, type CountData } from "./readCounts.js";
import type { MixInput, MultigroupOptions, MultigroupResult, SingleGroupOptions, SingleGroupResult } from "./types.js";

/** Kernel of a single-group index: group counts x, totals t (both length n, every t > 0), city totals X and T. */
export type SingleGroupKernel = (x: Float64Array, t: Float64Array, n: number, X: number, T: number) => number;

/** Kernel of a multigroup index: one count array per group, totals t, city group totals and T. */
export type MultigroupKernel = (counts: Float64Array[], t: Float64Array, n: number, groupTotals: number[], T: number) => number;

function checkOptions(fn: string, options: unknown): asserts options is Record<string, unknown> {
  if (options === null || typeof options !== "object") throw new Error(`${fn}: ein Optionsobjekt ist erforderlich, angegeben ist ${String(options)}`);
}

/** Reads a single-group input (checking the options) into typed arrays. */
export function readSingleGroup(fn: string, rows: MixInput, options: SingleGroupOptions): CountData {
  checkOptions(fn, options);
  if (typeof options.group !== "string") throw new Error(`${fn}: die Option "group" (Spalte mit der Anzahl der Gruppe) ist erforderlich`);
  if (typeof options.total !== "string") throw new Error(`${fn}: die Option "total" (Spalte der Gesamtbevölkerung) ist erforderlich`);
  return readCounts(fn, rows, { groups: [options.group], total: options.total, single: true, id: options.id, missing: options.missing });
}

/** Reads a multigroup input (checking the options) into typed arrays. */
export function readMultigroup(fn: string, rows: MixInput, options: MultigroupOptions): CountData {
  checkOptions(fn, options);
  const { groups } = options;
  if (!Array.isArray(groups) || groups.length === 0 || groups.some((g) => typeof g !== "string")) {
    throw new Error(`${fn}: die Option "groups" (Liste der Spalten mit den Anzahlen der Gruppen) ist erforderlich`);
  }
  if (new Set(groups).size !== groups.length) throw new Error(`${fn}: die Option "groups" nennt eine Spalte zweimal: ${groups.join(", ")}`);
  if (options.total !== undefined && groups.includes(options.total)) {
    throw new Error(`${fn}: die Gesamtspalte "${options.total}" ist auch in "groups" angegeben`);
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
