import { permutationInference, type PermutationInference } from "../inference/permutation.js";
import { resolveThreads, runBlocks } from "../inference/parallel.js";
import { createRng } from "../inference/random.js";
import { columnarTable } from "./columnarTable.js";
import { nullSimulate, nullStream, segregationBlock } from "./nullKernels.js";
import type { CountData } from "./readCounts.js";
import { readMultigroup, readSingleGroup } from "./runIndex.js";
import { kernelPlan } from "./segregationKernelPlan.js";
import type { SegregationNull } from "./simulateNull.js";
import type { ColumnarTable, IndexResult, MixInput, MultigroupOptions, SingleGroupOptions } from "./types.js";

/** Options of the inference functions, on top of the index's own options. */
export interface PermutationOptions {
  /** Number of simulated data sets R (default 999). */
  permutations?: number;
  /** Seed of the random generator (default 1): the same seed gives the same result to the byte. */
  seed?: number;
  /** Tail counted by the pseudo p-value; default "greater" ("less" for `interaction`, where segregation lowers it). */
  alternative?: PermutationInference["alternative"];
  /**
   * Threads including this one (default: the available cores, at most 8, for large jobs, else 1). The result is
   * the same for any number: simulated data set r always draws from `createRng(streamSeed(seed, r))`.
   */
  threads?: number;
}

/** Options of {@link segregationPermutationTest}. */
export interface SegregationTestOptions extends PermutationOptions {
  /** Null model of no segregation (default "random-labelling"; see {@link simulateNull}). */
  null?: SegregationNull;
}

/** Fields the permutation test adds to the index result (the statistic stays as it is). */
export interface SegregationTestFields extends PermutationInference {
  seed: number;
  null: SegregationNull;
  /** The simulated index values, in simulation order. */
  simulated: number[];
}

/** An index function of this module (single-group or multigroup). */
export type MixIndexFunction<O, R extends IndexResult> = (rows: MixInput, options: O) => R;

/** Reads the options shared by the inference functions. */
export function permutationSettings(fn: string, options: PermutationOptions, defaultPermutations = 999): { permutations: number; seed: number } {
  const permutations = options.permutations ?? defaultPermutations;
  if (!Number.isInteger(permutations) || permutations < 1) throw new Error(`${fn}: permutations muss eine ganze Zahl ≥ 1 sein, angegeben ist ${String(permutations)}`);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`${fn}: seed muss eine ganze Zahl sein, angegeben ist ${String(seed)}`);
  return { permutations, seed };
}

/** The areas of an index input as group counts that partition each area, plus a function that writes simulated counts back as a table. */
export interface Partition {
  data: CountData;
  /** Group counts partitioning each area (for a single group: the group and everyone else). */
  parts: Float64Array[];
  /**
   * Builds an index input (with the index's column names) from group counts partitioning each area, e.g.
   * simulated ones; `ids` label the areas (default: the included areas' own ids, when `id` was given).
   */
  toTable(parts: Float64Array[], ids?: string[] | null): ColumnarTable;
}

/** Splits the input of a single-group (`group`) or multigroup (`groups`) index into a partition of each area. */
export function partitionOf(fn: string, rows: MixInput, options: SingleGroupOptions | MultigroupOptions): Partition {
  const single = typeof (options as SingleGroupOptions).group === "string";
  const data = single ? readSingleGroup(fn, rows, options as SingleGroupOptions) : readMultigroup(fn, rows, options as MultigroupOptions);
  const { n } = data;
  let parts: Float64Array[];
  if (single) {
    const rest = new Float64Array(n);
    for (let i = 0; i < n; i++) rest[i] = data.totals[i] - data.counts[0][i];
    parts = [data.counts[0], rest];
  } else {
    parts = data.counts;
  }
  const ownIds = options.id !== undefined ? Array.from(data.rowIndex, (r) => data.idOf(r)) : null;
  const toTable = (sim: Float64Array[], ids: string[] | null = ownIds): ColumnarTable => {
    const m = sim[0].length;
    const total = new Float64Array(m);
    for (const p of sim) for (let j = 0; j < m; j++) total[j] += p[j];
    const columns: Record<string, ArrayLike<unknown>> = {};
    if (single) {
      const o = options as SingleGroupOptions;
      columns[o.group] = sim[0];
      columns[o.total] = total;
    } else {
      const o = options as MultigroupOptions;
      o.groups.forEach((g, k) => (columns[g] = sim[k]));
      if (o.total !== undefined) columns[o.total] = total;
    }
    if (options.id !== undefined && ids) columns[options.id] = ids;
    return columnarTable(columns);
  };
  return { data, parts, toTable };
}

/**
 * Runs the index on one simulated data set. A null model can leave a group without anyone in the simulated city
 * (a very small group under "evenness", or a random split of the areas): the index is undefined there, and the
 * index's own message ("die Gruppe … hat in der ganzen Stadt 0 Personen") would wrongly point at the user's data.
 */
export function simulatedStatistic(fn: string, what: string, compute: () => number): number {
  try {
    return compute();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${fn}: ${what}: ${message} — die Gruppen sind zu klein oder es gibt zu wenige Gebiete für dieses Nullmodell`);
  }
}

/** Checks that every count is a whole number (the null models draw persons). */
export function requireWholeCounts(fn: string, partition: Partition, names: string[]): void {
  const { data, parts } = partition;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    for (let i = 0; i < data.n; i++) {
      if (!Number.isInteger(p[i])) {
        const row = data.rowIndex[i];
        const where = data.hasId ? `Gebiet ${JSON.stringify(data.idOf(row))}` : `Zeile ${row + 1}`;
        throw new Error(`${fn}: um Personen zu simulieren, müssen die Anzahlen ganze Zahlen sein; Spalte "${names[k]}" hat in ${where} den Wert ${p[i]}`);
      }
    }
  }
}

/**
 * Permutation (Monte Carlo) test of a segregation index against a null model of no segregation: the index is
 * recomputed on `permutations` simulated cities and the pseudo p-value is p = (M + 1) / (R + 1)
 * ({@link permutationInference}). By default under random labelling: the group labels are shuffled among all
 * persons, keeping each area's population and each group's city total, so p answers "could this much
 * segregation arise if people were distributed at random over the existing homes?" (PySAL segregation
 * `SingleValueTest` / `simulate_person_permutation`; Allen et al. 2015 for "systematic").
 *
 * Takes any index function of this module (single-group with `group`/`total`, multigroup with `groups`) and
 * its options; returns the index's own result with the inference fields added — the statistic is unchanged.
 * Under random labelling every index has an expected value above 0 (small-area bias); `meanSim` shows it.
 *
 * Simulated data set r draws from its own generator `createRng(streamSeed(seed, r))`, so the result is the same
 * for any `threads`. The indices dissimilarity, theilH, isolation, interaction, atkinson, multigroupDissimilarity,
 * multigroupTheilH and normalizedExposure run on several threads (their columnar kernels run in worker threads);
 * any other index function (gini, correlationRatio, multigroupGini, a function of your own) runs on this thread
 * only, on the same simulated data sets, and gives the same result it would on several.
 *
 * @example
 * const res = segregationPermutationTest(dissimilarity, rows, { group: "sgb2", total: "ew", permutations: 99, seed: 7 });
 * res.statistic; // the same as dissimilarity(rows, …).statistic
 * res.pSim;      // e.g. 0.01
 */
export function segregationPermutationTest<O extends SingleGroupOptions | MultigroupOptions, R extends IndexResult>(
  index: MixIndexFunction<O, R>,
  rows: MixInput,
  options: O & SegregationTestOptions,
): R & SegregationTestFields {
  const fn = "segregationPermutationTest";
  if (typeof index !== "function") throw new Error(`${fn}: das erste Argument muss eine Indexfunktion sein (z. B. dissimilarity), angegeben ist ${typeof index}`);
  const { permutations, seed } = permutationSettings(fn, options ?? {});
  const model = options.null ?? "random-labelling";
  if (model !== "random-labelling" && model !== "systematic" && model !== "evenness") {
    throw new Error(`${fn}: unbekannter Wert für null: ${JSON.stringify(model)} (möglich: "random-labelling", "systematic" oder "evenness")`);
  }
  const observed = index(rows, options);
  const partition = partitionOf(fn, rows, options);
  const names = typeof (options as SingleGroupOptions).group === "string" ? [(options as SingleGroupOptions).group, "rest"] : partition.data.groups;
  requireWholeCounts(fn, partition, names);
  const simulated = simulateStatistics(fn, index, partition, options, model, permutations, seed);
  const alternative = options.alternative ?? (observed.name === "interaction" ? "less" : "greater");
  const inference = permutationInference(observed.statistic, simulated, { alternative });
  return { ...observed, ...inference, seed, null: model, simulated };
}

const NULL_CODES: Record<SegregationNull, number> = { "random-labelling": 0, systematic: 1, evenness: 2 };

/** The index on simulated data set r, on the table path (the index function itself, with all its checks). */
function tableStatistic<O, R extends IndexResult>(fn: string, index: MixIndexFunction<O, R>, partition: Partition, columns: Columns, options: O, model: SegregationNull, seed: number, r: number): number {
  const { n, K } = columns;
  const out = new Float64Array(K * n);
  nullSimulate(nullStream(seed, r), columns.parts, columns.totals, columns.groupTotals, n, K, NULL_CODES[model], out);
  const sim = partition.parts.map((_, k) => out.subarray(k * n, (k + 1) * n));
  return simulatedStatistic(fn, `simulierter Datensatz ${r + 1} (null "${model}")`, () => index(partition.toTable(sim), options).statistic);
}

/** The partition in the block kernels' layout: group k of area i at parts[k·n + i]; area and city totals. */
interface Columns {
  parts: Float64Array;
  totals: Float64Array;
  groupTotals: Float64Array;
  n: number;
  K: number;
}

function columnsOf(parts: Float64Array[], n: number): Columns {
  const K = parts.length;
  const flat = new Float64Array(K * n);
  const totals = new Float64Array(n);
  const groupTotals = new Float64Array(K);
  parts.forEach((p, k) => {
    flat.set(p, k * n);
    for (let i = 0; i < n; i++) {
      groupTotals[k] += p[i];
      totals[i] += p[i];
    }
  });
  return { parts: flat, totals, groupTotals, n, K };
}

/**
 * The simulated statistics, r = 0 … R−1. Indices with a shippable kernel: blocks (one per data set) on
 * `threads` threads; a data set the kernel leaves to the table path (NaN, see `segregationBlock`) and every
 * other index: the table path on this thread.
 */
function simulateStatistics<O extends SingleGroupOptions | MultigroupOptions, R extends IndexResult>(
  fn: string,
  index: MixIndexFunction<O, R>,
  partition: Partition,
  options: O & SegregationTestOptions,
  model: SegregationNull,
  permutations: number,
  seed: number,
): number[] {
  createRng(seed); // checks the seed's range, with createRng's message
  const columns = columnsOf(partition.parts, partition.data.n);
  const { n, K } = columns;
  const plan = kernelPlan(segregationBlock, index, options as unknown as Record<string, unknown>);
  const threads = resolveThreads(fn, options.threads, n * K * permutations);
  const sims = new Float64Array(permutations).fill(NaN);
  if (plan) {
    const single = K === 2 && typeof (options as SingleGroupOptions).group === "string" ? 1 : 0;
    const data = { ...columns, model: NULL_CODES[model], seed, extra: plan.extra, single, sims };
    runBlocks({ kernel: plan.kernel, helpers: plan.helpers, data, blocks: permutations, threads });
  }
  const simulated = new Array<number>(permutations);
  for (let r = 0; r < permutations; r++) simulated[r] = Number.isNaN(sims[r]) ? tableStatistic(fn, index, partition, columns, options, model, seed, r) : sims[r];
  return simulated;
}
