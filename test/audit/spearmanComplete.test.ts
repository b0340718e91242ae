import { describe, expect, it } from "vitest";
import { missing, spearmanComplete } from "../../src/index.js";

describe("spearmanComplete (hand calculation; R cor(..., method = 'spearman', use = 'complete.obs'))", () => {
  it("leaves out the pairs with a missing value", () => {
    // Pairs (1,1), (2,3), (4,2), (5,5): ranks 1 2 3 4 and 1 3 2 4, Σd² = 2, ρ = 1 − 6·2 / (4·15) = 0.8.
    expect(spearmanComplete([1, 2, null, 4, 5], [1, 3, 7, 2, 5])).toBeCloseTo(0.8, 14);
    expect(spearmanComplete([1, 2, missing("."), 4, 5], [1, 3, 7, Number.NaN, 5])).toBeCloseTo(1, 14); // (1,1), (2,3), (5,5)
  });
  it("averages tied ranks", () => {
    // Pairs (1,3), (1,4), (2,5): mid-ranks 1.5 1.5 3 and 1 2 3; ρ = 1.5 / √(1.5 · 2) = √3 / 2.
    expect(spearmanComplete([1, 1, 2, null], [3, 4, 5, 1])).toBeCloseTo(Math.sqrt(3) / 2, 14);
  });
  it("is NaN with fewer than two complete pairs, and checks the lengths", () => {
    expect(spearmanComplete([1, null], [null, 2])).toBeNaN();
    expect(() => spearmanComplete([1, 2], [1])).toThrow("spearmanComplete: x und y müssen gleich lang sein, angegeben: 2 und 1 Werte");
  });
});
