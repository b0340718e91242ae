import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median } from "../../src/stats/median.js";

describe("median", () => {
  it("matches hand-computed medians", () => {
    expect(median([1, 2, 3, 10])).toBe(2.5); // (2 + 3) / 2
    expect(median([-4, 0.5, 7])).toBe(0.5); // middle of three
    expect(median([5])).toBe(5);
    expect(median([0.1, 0.2])).toBeCloseTo(0.15, 15);
    expect(median(new Float64Array([1, 1, 2, 9, 9, 9]))).toBe(5.5); // (2 + 9) / 2
    expect(median([])).toBeNaN();
  });

  it("has as many values at or below it as at or above it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const m = median(sorted);
        expect(2 * sorted.filter((x) => x <= m).length).toBeGreaterThanOrEqual(sorted.length);
        expect(2 * sorted.filter((x) => x >= m).length).toBeGreaterThanOrEqual(sorted.length);
      }),
    );
  });
});
