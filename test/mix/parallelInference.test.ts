import fc from "fast-check";
import { gammaln } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { sampleBinomial } from "../../src/inference/binomial.js";
import { runBlocks } from "../../src/inference/parallel.js";
import { createRng, streamSeed } from "../../src/inference/random.js";
import {
  atkinson,
  biasCorrectedDissimilarity,
  compareSegregation,
  dissimilarity,
  gini,
  interaction,
  isolation,
  multigroupDissimilarity,
  multigroupTheilH,
  normalizedExposure,
  segregationPermutationTest,
  simulateNull,
  theilH,
} from "../../src/mix/index.js";
import { nullLogFactorial, nullSimulate, nullStream, segregationBlock } from "../../src/mix/nullKernels.js";
import { kernelPlan } from "../../src/mix/segregationKernelPlan.js";
import type { SegregationNull } from "../../src/mix/simulateNull.js";

const MODELS: SegregationNull[] = ["random-labelling", "systematic", "evenness"];

/** Small single-group tables: 2–12 areas, totals 1–60, the group neither absent nor everyone. */
const singleRows = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 12 })
  .map((a) => a.map(([t, f], i) => ({ id: `a${i}`, x: Math.round(t * f), t })))
  .filter((rows) => {
    const X = rows.reduce((s, r) => s + r.x, 0);
    return X > 0 && X < rows.reduce((s, r) => s + r.t, 0);
  });

/** Small three-group tables (no total column: the groups are the population), every group present. */
const multiRows = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 30 })), { minLength: 2, maxLength: 10 })
  .map((a) => a.map(([g1, g2, g3], i) => ({ id: `a${i}`, g1, g2, g3 })))
  .filter((rows) => rows.some((r) => r.g1 > 0) && rows.some((r) => r.g2 > 0));

const single = { group: "x", total: "t", id: "id" };
const multi = { groups: ["g1", "g2", "g3"], id: "id" };

describe("the null simulation of the block kernels", () => {
  it("draws the same counts as simulateNull on the generator createRng(streamSeed(seed, r))", () => {
    fc.assert(
      fc.property(singleRows, fc.integer(), fc.integer({ min: 0, max: 50 }), fc.constantFrom(0, 1, 2), (rows, seed, r, model) => {
        const n = rows.length;
        const parts = [Float64Array.from(rows, (q) => q.x), Float64Array.from(rows, (q) => q.t - q.x)];
        const want = simulateNull(parts, n, MODELS[model], createRng(streamSeed(seed, r)));
        const flat = new Float64Array(2 * n);
        flat.set(parts[0]);
        flat.set(parts[1], n);
        const totals = Float64Array.from(rows, (q) => q.t);
        const groupTotals = Float64Array.from(parts, (p) => p.reduce((s, v) => s + v, 0));
        const out = new Float64Array(2 * n);
        nullSimulate(nullStream(seed, r), flat, totals, groupTotals, n, 2, model, out);
        expect(Array.from(out.subarray(0, n))).toEqual(Array.from(want[0]));
        expect(Array.from(out.subarray(n))).toEqual(Array.from(want[1]));
      }),
      { numRuns: 200 },
    );
  });

  it("log n! equals simple-statistics' gammaln(n + 1) to 1e-13 relative, in the table and in Stirling's series", () => {
    const s = nullStream(1, 0);
    for (const k of [0, 1, 2, 10, 500, 1023, 1024, 1025, 5000, 123_456, 9_999_999]) {
      const want = gammaln(k + 1);
      expect(Math.abs(nullLogFactorial(s, k) - want)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(want)));
    }
  });

  it("matches simulateNull for large populations too (log n! beyond its table)", () => {
    const parts = [new Float64Array([1200, 30000, 5, 70000]), new Float64Array([90000, 7000, 4500, 2000]), new Float64Array([10, 2500, 800, 40000])];
    const flat = new Float64Array(12);
    parts.forEach((p, k) => flat.set(p, 4 * k));
    const totals = Float64Array.from({ length: 4 }, (_, i) => parts[0][i] + parts[1][i] + parts[2][i]);
    const groupTotals = Float64Array.from(parts, (p) => p.reduce((s, v) => s + v, 0));
    for (let model = 0; model < 3; model++) {
      for (let r = 0; r < 20; r++) {
        const want = simulateNull(parts, 4, MODELS[model], createRng(streamSeed(5, r)));
        const out = new Float64Array(12);
        nullSimulate(nullStream(5, r), flat, totals, groupTotals, 4, 3, model, out);
        expect(Array.from(out)).toEqual(want.flatMap((p) => Array.from(p)));
      }
    }
  });
});

describe("segregationPermutationTest on worker threads", () => {
  const singles = [dissimilarity, theilH, isolation, interaction, atkinson];
  const multis = [multigroupDissimilarity, multigroupTheilH, normalizedExposure];

  it("gives the same result for threads 1, 2, 3 and 4 (fast-check over seeds, tables and null models)", () => {
    fc.assert(
      fc.property(singleRows, multiRows, fc.integer(), fc.constantFrom(...MODELS), fc.integer({ min: 0, max: 7 }), (rows, mrows, seed, model, which) => {
        const run = (threads: number) => {
          const o = { permutations: 29, seed, null: model, threads };
          try {
            return which < 5
              ? segregationPermutationTest(singles[which], rows, { ...single, ...o })
              : segregationPermutationTest(multis[which - 5], mrows, { ...multi, ...o });
          } catch (e) {
            return (e as Error).message; // a null model that empties a group: the same message for any threads
          }
        };
        const one = run(1);
        for (const threads of [2, 3, 4]) expect(run(threads)).toEqual(one);
      }),
      { numRuns: 25 },
    );
  });

  it("a shipped index kernel gives exactly what the index function gives on the simulated tables", () => {
    // A wrapper is not a known index: it runs the index function itself on every simulated table (table path).
    fc.assert(
      fc.property(singleRows, multiRows, fc.integer(), fc.constantFrom(...MODELS), (rows, mrows, seed, model) => {
        const o = { permutations: 9, seed, null: model, threads: 2 };
        const both = (f: (r: never, o: never) => { statistic: number }, data: object[], opts: object) => {
          try {
            const wrapped = (r: never, q: never) => f(r, q);
            const a = segregationPermutationTest(f as never, data as never, { ...opts, ...o } as never) as { simulated: number[] };
            const b = segregationPermutationTest(wrapped as never, data as never, { ...opts, ...o, threads: 1 } as never) as { simulated: number[] };
            expect(a.simulated).toEqual(b.simulated);
          } catch (e) {
            expect((e as Error).message).toMatch(/simulierter Datensatz \d+/);
          }
        };
        for (const f of singles) both(f as never, rows, single);
        for (const f of multis) both(f as never, mrows, multi);
      }),
      { numRuns: 30 },
    );
  });

  it("worker threads compute blocks of the test (from the kernel's source text), with the same values as one thread", () => {
    const n = 4000;
    const x = Float64Array.from({ length: n }, (_, i) => (i * 37) % 50);
    const t = Float64Array.from({ length: n }, (_, i) => 60 + (i % 40));
    const parts = new Float64Array(2 * n);
    parts.set(x);
    for (let i = 0; i < n; i++) parts[n + i] = t[i] - x[i];
    const X = x.reduce((s, v) => s + v, 0);
    const T = t.reduce((s, v) => s + v, 0);
    const plan = kernelPlan(segregationBlock, multigroupDissimilarity, {})!;
    const run = (threads: number) => {
      const sims = new Float64Array(32);
      const data = { parts, totals: t, groupTotals: new Float64Array([X, T - X]), n, K: 2, model: 0, seed: 11, extra: 0, single: 0, sims };
      return { sims, byWorkers: runBlocks({ kernel: plan.kernel, helpers: plan.helpers, data, blocks: 32, threads }).byWorkers };
    };
    const one = run(1).sims;
    // Warm workers take blocks while this thread works on its own (on a busy machine not always: retry a few times).
    let byWorkers = 0;
    for (let attempt = 0; attempt < 5 && byWorkers === 0; attempt++) {
      const r = run(3);
      expect(r.sims).toEqual(one);
      byWorkers = r.byWorkers;
    }
    expect(byWorkers).toBeGreaterThan(0);
    expect(one.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it("runs other index functions (gini) on this thread with the same result for any threads", () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ x: (i * 7) % 13, t: 20 + i }));
    const a = segregationPermutationTest(gini, rows, { group: "x", total: "t", permutations: 49, seed: 3, threads: 1 });
    const b = segregationPermutationTest(gini, rows, { group: "x", total: "t", permutations: 49, seed: 3, threads: 3 });
    expect(b).toEqual(a);
  });

  it("checks threads", () => {
    const rows = [{ x: 1, t: 10 }, { x: 5, t: 10 }];
    expect(() => segregationPermutationTest(dissimilarity, rows, { group: "x", total: "t", threads: 0 })).toThrow(
      'segregationPermutationTest: Option "threads" muss eine ganze Zahl ≥ 1 sein, angegeben: 0',
    );
    expect(() => biasCorrectedDissimilarity(rows, { group: "x", total: "t", threads: 1.5 })).toThrow('biasCorrectedDissimilarity: Option "threads" muss eine ganze Zahl ≥ 1 sein, angegeben: 1.5');
  });
});

describe("compareSegregation on worker threads", () => {
  const singles = [dissimilarity, theilH, isolation, interaction, atkinson];
  const multis = [multigroupDissimilarity, multigroupTheilH, normalizedExposure];
  /** The second year: the same areas with the group shifted, so that paired swaps change something. */
  const later = <T extends Record<string, number | string>>(rows: T[], key: string) => rows.map((r, i) => ({ ...r, [key]: Math.max(0, Number(r[key]) - (i % 2)) }));

  it("gives the same result for threads 1, 2 and 3, both approaches (fast-check over seeds and tables)", () => {
    fc.assert(
      fc.property(singleRows, multiRows, fc.integer(), fc.constantFrom("random-label" as const, "paired" as const), fc.integer({ min: 0, max: 7 }), (rows, mrows, seed, approach, which) => {
        const run = (threads: number) => {
          const o = { permutations: 29, seed, approach, threads };
          try {
            return which < 5
              ? compareSegregation(singles[which], rows, later(rows, "x"), { ...single, ...o })
              : compareSegregation(multis[which - 5], mrows, later(mrows, "g3"), { ...multi, ...o });
          } catch (e) {
            return (e as Error).message; // e.g. a second year without the group: the same message for any threads
          }
        };
        const one = run(1);
        for (const threads of [2, 3]) expect(run(threads)).toEqual(one);
      }),
      { numRuns: 25 },
    );
  });

  it("a shipped index kernel gives exactly what the index function gives on the same splits", () => {
    fc.assert(
      fc.property(singleRows, multiRows, fc.integer(), fc.constantFrom("random-label" as const, "paired" as const), (rows, mrows, seed, approach) => {
        const o = { permutations: 9, seed, approach, threads: 2 };
        const both = (f: (r: never, o: never) => { statistic: number }, a: object[], b: object[], opts: object) => {
          const wrapped = (r: never, q: never) => f(r, q); // not a known index: the table path
          const simulated = (g: typeof f, threads: number) => {
            try {
              return (compareSegregation(g as never, a as never, b as never, { ...opts, ...o, threads } as never) as { simulated: number[] }).simulated;
            } catch (e) {
              return (e as Error).message; // the same message on both paths
            }
          };
          expect(simulated(f, 2)).toEqual(simulated(wrapped, 1));
        };
        for (const f of singles) both(f as never, rows, later(rows, "x"), single);
        for (const f of multis) both(f as never, mrows, later(mrows, "g3"), multi);
      }),
      { numRuns: 30 },
    );
  });
});

describe("biasCorrectedDissimilarity on worker threads", () => {
  /** The bootstrap written out with the public samplers: replication b from createRng(streamSeed(seed, b)). */
  function reference(rows: { x: number; t: number }[], B: number, seed: number): number {
    const n = rows.length;
    const x = rows.map((r) => r.x);
    const other = rows.map((r) => r.t - r.x);
    const X = x.reduce((s, v) => s + v, 0);
    const T = rows.reduce((s, r) => s + r.t, 0);
    const draw = (rng: ReturnType<typeof createRng>, size: number, w: number[]) => {
      let mass = w.reduce((s, v) => s + v, 0);
      let left = size;
      return w.map((wi, i) => {
        let v = 0;
        if (i === n - 1) v = left;
        else if (left > 0 && wi > 0) left -= v = sampleBinomial(rng, left, Math.min(1, wi / mass));
        mass -= wi;
        return v;
      });
    };
    let sum = 0;
    for (let b = 0; b < B; b++) {
      const rng = createRng(streamSeed(seed, b));
      const sx = draw(rng, X, x);
      const so = draw(rng, T - X, other);
      sum += dissimilarity(sx.map((v, i) => ({ x: v, t: v + so[i] })).filter((r) => r.t > 0), { group: "x", total: "t" }).statistic;
    }
    return sum / B;
  }

  it("gives the same result for threads 1, 2 and 3, and the bootstrap mean of the public samplers", () => {
    fc.assert(
      fc.property(singleRows, fc.integer(), (rows, seed) => {
        const o = { ...single, replications: 40, seed };
        const one = biasCorrectedDissimilarity(rows, { ...o, threads: 1 });
        expect(biasCorrectedDissimilarity(rows, { ...o, threads: 2 })).toEqual(one);
        expect(biasCorrectedDissimilarity(rows, { ...o, threads: 3 })).toEqual(one);
        expect(one.bootstrapMean).toBeCloseTo(reference(rows, 40, seed), 12);
      }),
      { numRuns: 25 },
    );
  });
});
