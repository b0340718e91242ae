import { describe, expect, it } from "vitest";
import { minMax } from "../../src/standardize/index.js";
import { expectClose, ref } from "./reference.js";

// Reference: base R (x - min) / (max - min), test/reference/standardize/standardize.R.
describe("minMax", () => {
  it("scales to [0, 1] as R, NA stays NA", () => {
    const r = minMax(ref.x);
    expectClose(r.values, ref.min_max);
    expect(r).toMatchObject({ min: 0.4, max: 30, n: 9, missing: [2] });
    expectClose(minMax(ref.x, { direction: -1 }).values, ref.min_max_direction_minus);
  });

  it("hand calculation and error", () => {
    expect(minMax([2, 4, 6]).values).toEqual([0, 0.5, 1]);
    expect(minMax([2, 4, 6], { direction: -1 }).values).toEqual([1, 0.5, 0]);
    expect(() => minMax([4, 4, null])).toThrow("minMax: alle 2 vorhandenen Werte sind 4; die Spannweite ist 0");
  });
});
