import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileRank, rank } from "../../src/standardize/index.js";
import { expectClose, ref } from "./reference.js";

// Reference: base R rank(-x, ties.method = …), dense = match(-x, sort(unique(-x))), percentile rank
// 100 * (rank(x) - 0.5) / n; test/reference/standardize/standardize.R.
describe("rank", () => {
  it("rank 1 = highest value, ties as R's min / max / average and dense", () => {
    expectClose(rank(ref.x).values, ref.rank_min);
    expectClose(rank(ref.x, { method: "max" }).values, ref.rank_max);
    expectClose(rank(ref.x, { method: "average" }).values, ref.rank_average);
    expectClose(rank(ref.x, { method: "dense" }).values, ref.rank_dense);
    expectClose(rank(ref.x, { direction: -1 }).values, ref.rank_min_direction_minus);
  });

  it("doc example 5 9 7 7", () => {
    expect(rank([5, 9, 7, 7]).values).toEqual([4, 1, 2, 2]);
    expect(rank([5, 9, 7, 7], { method: "average" }).values).toEqual([4, 1, 2.5, 2.5]);
    expect(rank([5, 9, 7, 7], { method: "dense" }).values).toEqual([3, 1, 2, 2]);
    expect(rank([5, 9, 7, 7], { method: "max" }).values).toEqual([4, 1, 3, 3]);
    expect(() => rank([1], { method: "first" as never })).toThrow('rank: Option "method" muss "min", "average", "dense" oder "max" sein, angegeben: "first"');
  });

  it("invariants: average ranks sum to n(n+1)/2; min ≤ average ≤ max", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const n = xs.length;
        const avg = rank(xs, { method: "average" }).values as number[];
        const mn = rank(xs).values as number[];
        const mx = rank(xs, { method: "max" }).values as number[];
        expect(avg.reduce((a, b) => a + b, 0)).toBeCloseTo((n * (n + 1)) / 2, 9);
        avg.forEach((a, i) => {
          expect(mn[i]).toBeLessThanOrEqual(a);
          expect(a).toBeLessThanOrEqual(mx[i]);
        });
      }),
    );
  });
});

describe("percentileRank", () => {
  it("mid-rank percentile as R 100 * (rank(x) - 0.5) / n", () => {
    const r = percentileRank(ref.x);
    expectClose(r.values, ref.percentile_rank);
    expect(r).toMatchObject({ ties: "average", n: 9 });
  });

  it("hand calculation with ties and direction", () => {
    // 10 is below 3 of 4, 20 and 20 tie: (1 + 0.5·2)/4 = 50 %.
    expect(percentileRank([10, 20, 20, 40]).values).toEqual([12.5, 50, 50, 87.5]);
    expect(percentileRank([10, 20, 20, 40], { direction: -1 }).values).toEqual([87.5, 50, 50, 12.5]);
  });
});
