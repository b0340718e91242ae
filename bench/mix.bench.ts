/**
 * Durchmischung on 1 000 000 areas: every single-group and multigroup index, the per-area measures, one
 * permutation test with a modest R, each timed on plain row objects (the common input); the bias-corrected D on
 * the first 100 000 areas.
 * Rows: BENCH_MIX_ROWS (default 1e6); permutations: BENCH_MIX_PERMUTATIONS (default 9).
 * The permutation test and the bias-corrected D are timed on 1 thread and on all cores (`threads`, at most 8),
 * side by side; the note says whether the results are identical (they must be).
 * Run alone: node bench/run.mjs mix
 */
import os from "node:os";
import { createRng } from "../src/inference/random.js";
import {
  atkinson,
  biasCorrectedDissimilarity,
  compareSegregation,
  correlationRatio,
  dissimilarity,
  gini,
  interaction,
  isolation,
  localDiversity,
  locationQuotients,
  mixDeviation,
  multigroupDissimilarity,
  multigroupGini,
  multigroupTheilH,
  normalizedExposure,
  segregationPermutationTest,
  theilH,
} from "../src/mix/index.js";
import { measure } from "./measure.js";

const n = Number(process.env.BENCH_MIX_ROWS ?? 1_000_000);
const R = Number(process.env.BENCH_MIX_PERMUTATIONS ?? 9);

/** Seeded areas of 200–2 000 residents in four age bands, with an SGB II count that varies between areas. */
function generate(): Array<Record<string, number | string>> {
  const rng = createRng(2018);
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const ew = 200 + rng.int(1801);
    const level = 0.03 + 0.3 * rng.next() ** 2; // a skewed SGB II share
    const sgb2 = Math.round(ew * level * (0.8 + 0.4 * rng.next()));
    const young = Math.round(ew * (0.1 + 0.15 * rng.next()));
    const old = Math.round(ew * (0.1 + 0.2 * rng.next()));
    const kids = Math.round(ew * (0.05 + 0.1 * rng.next()));
    rows[i] = { id: String(i).padStart(7, "0"), ew, sgb2: Math.min(ew, sgb2), kids, young, old, mid: ew - kids - young - old };
  }
  return rows;
}

const rows = await measure("mix: generate rows", `${n} areas`, generate);
const one = { group: "sgb2", total: "ew", id: "id" };
const bands = { groups: ["kids", "young", "mid", "old"], id: "id" };
const note = (r: { statistic: number }) => `statistic ${r.statistic.toFixed(6)}`;

for (const [name, f] of Object.entries({ dissimilarity, gini, theilH, isolation, interaction, atkinson, correlationRatio })) {
  const r = await measure(`mix: ${name}`, `${n} areas`, () => f(rows, one));
  console.log(name, note(r));
}
for (const [name, f] of Object.entries({ multigroupDissimilarity, multigroupGini, multigroupTheilH, normalizedExposure })) {
  const r = await measure(`mix: ${name}`, `${n} areas, 4 groups`, () => f(rows, bands));
  console.log(name, note(r));
}
await measure("mix: locationQuotients", `${n} areas, 4 groups`, () => locationQuotients(rows, bands));
await measure("mix: localDiversity", `${n} areas, 4 groups`, () => localDiversity(rows, bands));
await measure("mix: mixDeviation", `${n} areas, 4 groups`, () => mixDeviation(rows, bands));
const cores = Math.min(os.availableParallelism(), 8);
let simulatedOne = "";
for (const threads of [1, cores]) {
  const t = await measure(`mix: segregationPermutationTest(dissimilarity), threads ${threads}`, `${n} areas, R = ${R}`, () =>
    segregationPermutationTest(dissimilarity, rows, { ...one, permutations: R, seed: 1, threads }),
  );
  const key = JSON.stringify(t.simulated);
  if (threads === 1) simulatedOne = key;
  const same = threads === 1 ? "" : key === simulatedOne ? ", identical to 1 thread" : ", DIFFERENT from 1 thread";
  console.log(`permutation test, threads ${threads}`, `p = ${t.pSim}, mean under H0 ${t.meanSim.toFixed(6)}${same}`);
}
// The bootstrap draws 2 multinomials over all areas per replication: measured on the first 100 000 areas.
const some = rows.slice(0, Math.min(n, 100_000));
let bootstrapOne = NaN;
for (const threads of [1, cores]) {
  const b = await measure(`mix: biasCorrectedDissimilarity, threads ${threads}`, `${some.length} areas, B = 100`, () =>
    biasCorrectedDissimilarity(some, { ...one, replications: 100, seed: 1, threads }),
  );
  if (threads === 1) bootstrapOne = b.statistic;
  const same = threads === 1 ? "" : b.statistic === bootstrapOne ? ", identical to 1 thread" : ", DIFFERENT from 1 thread";
  console.log(`bias-corrected D, threads ${threads}`, `D_bc = ${b.statistic}${same}`);
}
// Change between two years (PySAL TwoValueTest): each simulated split recomputes the index on both halves.
const second = some.map((r, i) => ({ ...r, [one.group]: Math.max(0, Number(r[one.group]) - (i % 3 === 0 ? 1 : 0)) }));
let changeOne = "";
for (const threads of [1, cores]) {
  const c = await measure(`mix: compareSegregation(dissimilarity, random-label), threads ${threads}`, `2 × ${some.length} areas, R = 99`, () =>
    compareSegregation(dissimilarity, some, second, { ...one, permutations: 99, seed: 1, threads }),
  );
  const key = JSON.stringify(c.simulated);
  if (threads === 1) changeOne = key;
  const same = threads === 1 ? "" : key === changeOne ? ", identical to 1 thread" : ", DIFFERENT from 1 thread";
  console.log(`compareSegregation, threads ${threads}`, `change ${c.statistic.toExponential(3)}, p = ${c.pSim}${same}`);
}
