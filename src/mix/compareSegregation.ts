import { permutationInference, type PermutationInference } from "../inference/permutation.js";
import { resolveThreads, runBlocks } from "../inference/parallel.js";
import { createRng } from "../inference/random.js";
import type { Exclusion } from "../table/exclusion.js";
import { partitionOf, permutationSettings, simulatedStatistic, type MixIndexFunction, type PermutationOptions, type Partition } from "./segregationPermutationTest.js";
import { comparisonBlock, comparisonSelection, nullStream } from "./nullKernels.js";
import { kernelPlan } from "./segregationKernelPlan.js";
import type { ColumnarTable, IndexResult, MixInput, MultigroupOptions, SingleGroupOptions } from "./types.js";

/** How the null distribution of the change is simulated. */
export type ComparisonApproach = "random-label" | "paired";

/** Options of {@link compareSegregation}. */
export interface CompareSegregationOptions extends PermutationOptions {
  /**
   * "random-label" (default; PySAL segregation `TwoValueTest(null_approach="random_label")`): the areas of both
   * years are pooled and randomly split into two sets of the original sizes. "paired": for areas present in both
   * years (matched by `id`, which is then required), the two years' rows are swapped with probability ½ each;
   * areas in only one year keep their year. Use "paired" for the same Sozialräume observed twice.
   */
  approach?: ComparisonApproach;
}

/** Result of {@link compareSegregation}. */
export interface CompareSegregationResult<R extends IndexResult = IndexResult> extends PermutationInference {
  name: "compareSegregation";
  /** Name of the index compared. */
  index: string;
  /** Change of the index: second − first (positive = more segregated in the second data set). */
  statistic: number;
  /** The index on each data set. */
  first: R;
  second: R;
  /** Areas in both data sets together. */
  n: number;
  /** Areas matched by id (approach "paired"). */
  matched?: number;
  approach: ComparisonApproach;
  seed: number;
  simulated: number[];
  warnings: string[];
  excluded: Exclusion[];
}

/**
 * Is the change of a segregation index between two data sets (e.g. 2016 and 2018) beyond chance? Both are
 * computed with the same index function and options; the difference second − first is compared with its
 * distribution when the year labels carry no information (random labelling of the areas between the two years,
 * PySAL segregation `TwoValueTest`, Rey et al. 2021 "Comparative spatial segregation analytics"). Pseudo p-value
 * (M + 1)/(R + 1) by {@link permutationInference}, two-sided by default.
 *
 * Simulated data set r draws its split from its own stream (`nullStream(seed, r)`), so the result is the same for
 * any `threads`; the indices with a columnar kernel (those listed at {@link segregationPermutationTest}) run on
 * several threads, any other index function on this thread, on the same splits.
 *
 * @example
 * const res = compareSegregation(dissimilarity, rows2016, rows2018, { group: "sgb2_personen", total: "einwohner", id: "sozialraum_id", approach: "paired", permutations: 999, seed: 1 });
 * res.statistic; // D(2018) − D(2016)
 * res.pSim;      // two-sided pseudo p-value
 */
export function compareSegregation<O extends SingleGroupOptions | MultigroupOptions, R extends IndexResult>(
  index: MixIndexFunction<O, R>,
  first: MixInput,
  second: MixInput,
  options: O & CompareSegregationOptions,
): CompareSegregationResult<R> {
  const fn = "compareSegregation";
  if (typeof index !== "function") throw new Error(`${fn}: das erste Argument muss eine Indexfunktion sein (z. B. dissimilarity), angegeben ist ${typeof index}`);
  const { permutations, seed } = permutationSettings(fn, options ?? {});
  const approach = options.approach ?? "random-label";
  if (approach !== "random-label" && approach !== "paired") throw new Error(`${fn}: unbekannter Wert für approach: ${JSON.stringify(approach)} (möglich: "random-label" oder "paired")`);
  if (approach === "paired" && options.id === undefined) throw new Error(`${fn}: approach "paired" braucht die Option "id", um die Gebiete beider Datensätze einander zuzuordnen`);
  const a = index(first, options);
  const b = index(second, options);
  const pa = partitionOf(fn, first, options);
  const pb = partitionOf(fn, second, options);
  const na = pa.data.n;
  const nb = pb.data.n;
  const K = pa.parts.length;
  if (pb.parts.length !== K) throw new Error(`${fn}: die beiden Datensätze haben verschiedene Gruppen (${pa.data.groups.join(", ")} gegenüber ${pb.data.groups.join(", ")})`);
  // pooled parts: the first data set's areas, then the second's
  const pooled = pa.parts.map((p, k) => {
    const out = new Float64Array(na + nb);
    out.set(p.subarray(0, na), 0);
    out.set(pb.parts[k].subarray(0, nb), na);
    return out;
  });
  const ids = [...Array.from(pa.data.rowIndex, (r) => pa.data.idOf(r)), ...Array.from(pb.data.rowIndex, (r) => pb.data.idOf(r))];
  const tableOf = (select: Uint32Array | Int32Array): ColumnarTable => {
    const cols = pooled.map((p) => {
      const o = new Float64Array(select.length);
      for (let j = 0; j < select.length; j++) o[j] = p[select[j]];
      return o;
    });
    return pa.toTable(cols, options.id !== undefined ? Array.from(select, (j) => ids[j]) : null);
  };

  let pairs = new Int32Array(0);
  let matched: number | undefined;
  if (approach === "paired") {
    // Pairs need unique, present ids: a repeated id would pair one area twice (and drop another from the swap), a
    // missing one would pair areas by row number ("Zeile 3").
    checkPairingIds(fn, pa, "ersten");
    checkPairingIds(fn, pb, "zweiten");
    const posB = new Map<string, number>();
    for (let j = 0; j < nb; j++) posB.set(ids[na + j], na + j);
    const found: number[] = [];
    for (let i = 0; i < na; i++) {
      const j = posB.get(ids[i]);
      if (j !== undefined) found.push(i, j);
    }
    matched = found.length / 2;
    if (matched === 0) throw new Error(`${fn}: approach "paired" hat keinen Gebietsschlüssel gefunden, der in beiden Datensätzen vorkommt`);
    pairs = Int32Array.from(found);
  }
  const simulated = simulateChanges(fn, index, options, { pooled, na, nb, pairs, approach, permutations, seed, tableOf });
  const statistic = b.statistic - a.statistic;
  const inference = permutationInference(statistic, simulated, { alternative: options.alternative ?? "two-sided" });
  const warnings = [...a.warnings.map((w) => `erster Datensatz: ${w}`), ...b.warnings.map((w) => `zweiter Datensatz: ${w}`)];
  return {
    name: fn,
    index: a.name,
    statistic,
    first: a,
    second: b,
    n: na + nb,
    ...(matched !== undefined ? { matched } : {}),
    approach,
    seed,
    ...inference,
    simulated,
    warnings,
    excluded: [...a.excluded, ...b.excluded],
  };
}

/** What {@link simulateChanges} needs of the two data sets. */
interface ChangeSimulation {
  /** Group k of the pooled areas (the first data set's na, then the second's nb). */
  pooled: Float64Array[];
  na: number;
  nb: number;
  /** Matched pairs (first, second) as pooled positions, flat. */
  pairs: Int32Array;
  approach: ComparisonApproach;
  permutations: number;
  seed: number;
  tableOf(select: Uint32Array | Int32Array): ColumnarTable;
}

/**
 * The simulated changes, r = 0 … R−1; data set r draws its split from `nullStream(seed, r)`. Indices with a
 * shippable kernel: blocks on `threads` threads; a data set the kernel leaves to the table path (NaN) and every
 * other index: the index function itself on this thread, on the same split.
 */
function simulateChanges<O extends SingleGroupOptions | MultigroupOptions, R extends IndexResult>(
  fn: string,
  index: MixIndexFunction<O, R>,
  options: O & CompareSegregationOptions,
  sim: ChangeSimulation,
): number[] {
  createRng(sim.seed); // checks the seed's range, with createRng's message
  const { pooled, na, nb, pairs, permutations, seed } = sim;
  const N = na + nb;
  const K = pooled.length;
  const code = sim.approach === "random-label" ? 0 : 1;
  const sims = new Float64Array(permutations).fill(NaN);
  const plan = kernelPlan(comparisonBlock, index, options as unknown as Record<string, unknown>);
  if (plan) {
    const parts = new Float64Array(K * N);
    pooled.forEach((p, k) => parts.set(p, k * N));
    const single = K === 2 && typeof (options as SingleGroupOptions).group === "string" ? 1 : 0;
    const threads = resolveThreads(fn, options.threads, 2 * N * K * permutations);
    const data = { parts, N, na, K, approach: code, pairs, seed, extra: plan.extra, single, sims };
    runBlocks({ kernel: plan.kernel, helpers: plan.helpers, data, blocks: permutations, threads });
  } else {
    resolveThreads(fn, options.threads, 0); // checks the option
  }
  const simulated = new Array<number>(permutations);
  const first = new Int32Array(na);
  const second = new Int32Array(nb);
  for (let r = 0; r < permutations; r++) {
    if (!Number.isNaN(sims[r])) {
      simulated[r] = sims[r];
      continue;
    }
    comparisonSelection(nullStream(seed, r), N, na, code, pairs, first, second);
    const what = code === 0 ? `zufällige Aufteilung ${r + 1} der zusammengelegten Gebiete` : `paarweiser Tausch ${r + 1}`;
    simulated[r] = simulatedStatistic(fn, what, () => index(sim.tableOf(second), options).statistic - index(sim.tableOf(first), options).statistic);
  }
  return simulated;
}

function checkPairingIds(fn: string, p: Partition, which: string): void {
  const seen = new Map<string, number>();
  for (let k = 0; k < p.data.n; k++) {
    const row = p.data.rowIndex[k];
    if (p.data.idMissing(row)) throw new Error(`${fn}: approach "paired" braucht in jedem Gebiet einen Gebietsschlüssel; Zeile ${row + 1} des ${which} Datensatzes hat keinen`);
    const id = p.data.idOf(row);
    const before = seen.get(id);
    if (before !== undefined) throw new Error(`${fn}: approach "paired": Gebietsschlüssel ${JSON.stringify(id)} kommt im ${which} Datensatz doppelt vor (Zeilen ${before + 1} und ${row + 1})`);
    seen.set(id, row);
  }
}
