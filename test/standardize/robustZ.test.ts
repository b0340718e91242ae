import { describe, expect, it } from "vitest";
import { MAD_CONSTANT, robustZ } from "../../src/standardize/index.js";
import { expectClose, ref } from "./reference.js";

// Reference: base R 4.2 median() and mad() (constant 1.4826), test/reference/standardize/standardize.R.
describe("robustZ", () => {
  it("centres on the median and scales by R's mad()", () => {
    const r = robustZ(ref.x);
    expect(r.median).toBe(ref.median);
    expect(Math.abs(r.mad - ref.mad)).toBeLessThan(1e-14);
    expect(Math.abs(r.rawMad - ref.mad_raw)).toBeLessThan(1e-14);
    expect(r.constant).toBe(MAD_CONSTANT);
    expectClose(r.values, ref.robust_z);
  });

  it("hand calculation: 1 2 3 4 100 → median 3, MAD 1 · 1.4826; the outlier does not shrink the others", () => {
    const r = robustZ([1, 2, 3, 4, 100]);
    expect(r.median).toBe(3);
    expect(r.mad).toBe(1.4826);
    expect(r.values).toEqual([-2 / 1.4826, -1 / 1.4826, 0, 1 / 1.4826, 97 / 1.4826]);
    expect(robustZ([1, 2, 3, 4, 100], { direction: -1 }).values[4]).toBe(-97 / 1.4826);
    expect(robustZ([1, 2, 3, 4, 100], { constant: 1 }).values[0]).toBe(-2);
  });

  it("throws when the MAD is 0", () => {
    expect(() => robustZ([5, 5, 5, 1, 9])).toThrow("robustZ: mittlere absolute Abweichung vom Median (MAD) ist 0 (mehr als die Hälfte der 5 Werte ist 5); zScores verwenden");
    // Exactly half equal to the median is not enough: 5 5 1 9 has median 5, deviations 0 0 4 4, MAD 2.
    expect(robustZ([5, 5, 1, 9]).rawMad).toBe(2);
    expect(() => robustZ([1, 2], { constant: 0 })).toThrow('robustZ: Option "constant" muss eine positive Zahl sein, angegeben: 0');
  });
});
