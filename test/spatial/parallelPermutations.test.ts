import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { permutationInference } from "../../src/inference/permutation.js";
import { createRng, streamSeed } from "../../src/inference/random.js";
import { geary, localMoran, moran, weightsFromNeighbors, type SpatialWeights } from "../../src/spatial/index.js";
import { kernelSource } from "../../src/inference/parallel.js";
import { KERNEL_HELPERS, globalPermutationBlock, kernelPseudoP, kernelRngFill, kernelRngSeed, lisaPermutationBlock } from "../../src/spatial/permutationKernels.js";

/** A random symmetric graph on n areas (density p; islands and dense rows included) and random values. */
const graphAndValues = fc
  .record({
    n: fc.integer({ min: 5, max: 60 }),
    density: fc.double({ min: 0.02, max: 0.9, noNaN: true }),
    graphSeed: fc.integer({ min: 0, max: 1_000_000 }),
    seed: fc.integer({ min: -2147483648, max: 2147483647 }),
  })
  .map(({ n, density, graphSeed, seed }) => {
    const rng = createRng(graphSeed);
    const ids = Array.from({ length: n }, (_, i) => `a${i}`);
    const nb: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, []]));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (rng.next() < density) {
          nb[ids[i]].push(ids[j]);
          nb[ids[j]].push(ids[i]);
        }
      }
    }
    if (nb[ids[0]].length === 0) {
      nb[ids[0]].push(ids[1]); // at least one link (the global tests need S0 > 0)
      nb[ids[1]].push(ids[0]);
    }
    const values = ids.map(() => Math.round(rng.next() * 20) / 4); // ties included
    values[0] = 0;
    values[1] = 7; // never all equal
    return { w: weightsFromNeighbors(nb, { ids }) as SpatialWeights, values, seed };
  });

describe("permutation tests on worker threads", () => {
  it("the kernels' generator gives the numbers of createRng(streamSeed(seed, index))", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2147483648, max: 2147483647 }), fc.nat(), (seed, index) => {
        const rng = createRng(streamSeed(seed, index));
        const state = new Int32Array(4);
        kernelRngSeed(state, seed, index);
        const buf = new Float64Array(700);
        for (let round = 0; round < 3; round++) {
          kernelRngFill(state, buf);
          for (let q = 0; q < buf.length; q++) if (buf[q] !== rng.next()) return false;
        }
        return true;
      }),
      { numRuns: 50 },
    );
  });

  it("the kernels are self-contained: compiled from their source text (as in a worker) they compute the same", () => {
    const n = 30;
    const offsets = Int32Array.from({ length: n + 1 }, (_, i) => 3 * i);
    const indices = Int32Array.from({ length: 3 * n }, (_, p) => (Math.floor(p / 3) + 1 + (p % 3) * 7) % n);
    const weights = new Float64Array(3 * n).fill(1 / 3);
    const z = Float64Array.from({ length: n }, (_, i) => Math.sin(i) - 0.1);
    const lisa = (out: Float64Array) => ({ z, offsets, weights, Ii: z.map((v) => v * 0.3), out, n, s2: 0.5, permutations: 99, seed: 5, alternative: 0, blockSize: 8, poolSets: new Int32Array(0), poolRows: 0, poolWidth: 0 });
    const global = (out: Float64Array) => ({ z, offsets, indices, weights, out, n, kind: 1, scale: 0.2, permutations: 70, seed: 5, blockSize: 32 });
    for (const [kernel, data, blocks] of [
      [lisaPermutationBlock, lisa, 4],
      [globalPermutationBlock, global, 3],
    ] as const) {
      const compiled = new Function(`${kernelSource(kernel, KERNEL_HELPERS)}\nreturn ${kernel.name};`)();
      const a = new Float64Array(n * 3);
      const b = new Float64Array(n * 3);
      for (let block = 0; block < blocks; block++) {
        kernel(data(a), block);
        compiled(data(b), block);
      }
      expect(b).toEqual(a);
      expect(a.some((v) => v !== 0)).toBe(true);
    }
  });

  it("the kernels' pseudo p-value is permutationInference's, for every alternative", () => {
    const alternatives = ["folded", "greater", "less", "two-sided"] as const;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: -6, max: 6 }), (sims, observed) => {
        alternatives.forEach((alternative, code) => {
          expect(kernelPseudoP(observed / 2, Float64Array.from(sims, (v) => v / 2), code)).toBe(permutationInference(observed / 2, sims.map((v) => v / 2), { alternative }).pSim);
        });
      }),
    );
  });

  it("streamSeed gives distinct seeds for distinct indices of one seed", () => {
    for (const seed of [0, 1, 12345, -7]) {
      const seen = new Set(Array.from({ length: 100_000 }, (_, i) => streamSeed(seed, i)));
      expect(seen.size).toBe(100_000);
    }
  });

  it("localMoran: the same result for threads 1, 2, 3 and 4 (random graphs, seeds, both samplings)", () => {
    fc.assert(
      fc.property(graphAndValues, fc.constantFrom("independent", "pooled") as fc.Arbitrary<"independent" | "pooled">, ({ w, values, seed }, sampling) => {
        const one = JSON.stringify(localMoran(values, w, { permutations: 59, seed, sampling, threads: 1 }));
        for (const threads of [2, 3, 4]) expect(JSON.stringify(localMoran(values, w, { permutations: 59, seed, sampling, threads }))).toBe(one);
      }),
      { numRuns: 25 },
    );
  });

  it("moran and geary: the same result for threads 1, 2, 3 and 4", () => {
    fc.assert(
      fc.property(graphAndValues, ({ w, values, seed }) => {
        const m = JSON.stringify(moran(values, w, { permutations: 99, seed, threads: 1 }));
        const g = JSON.stringify(geary(values, w, { permutations: 99, seed, threads: 1 }));
        for (const threads of [2, 3, 4]) {
          expect(JSON.stringify(moran(values, w, { permutations: 99, seed, threads }))).toBe(m);
          expect(JSON.stringify(geary(values, w, { permutations: 99, seed, threads }))).toBe(g);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("the default threads (all cores for large jobs) gives the result of threads: 1", () => {
    const n = 400;
    const ids = Array.from({ length: n }, (_, i) => `a${i}`);
    const nb = Object.fromEntries(ids.map((id, i) => [id, [ids[(i + 1) % n], ids[(i + n - 1) % n], ids[(i + 20) % n], ids[(i + n - 20) % n]]]));
    const w = weightsFromNeighbors(nb, { ids });
    const values = ids.map((_, i) => Math.sin(i / 7) + (i % 5));
    const lisa = localMoran(values, w, { permutations: 4999, seed: 3 }); // n · R ≥ 2 000 000: default uses every core
    expect(JSON.stringify(lisa)).toBe(JSON.stringify(localMoran(values, w, { permutations: 4999, seed: 3, threads: 1 })));
    const m = moran(values, w, { permutations: 49_999, seed: 3 });
    expect(m).toEqual(moran(values, w, { permutations: 49_999, seed: 3, threads: 1 }));
  });

  it("rejects a bad threads option, naming the function and the value", () => {
    const w = weightsFromNeighbors({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c"] });
    expect(() => localMoran([1, 2, 3, 5], w, { threads: 0 })).toThrow("localMoran: threads must be a whole number ≥ 1, got 0");
    expect(() => moran([1, 2, 3, 5], w, { threads: 1.5 })).toThrow("moran: threads must be a whole number ≥ 1, got 1.5");
    expect(() => geary([1, 2, 3, 5], w, { threads: -1 })).toThrow("geary: threads must be a whole number ≥ 1, got -1");
  });
});
