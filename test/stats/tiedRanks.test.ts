import { describe, expect, it } from "vitest";
import { tiedRanks } from "../../src/stats/tiedRanks.js";

const all = new Float64Array([30, 10, 20, 10, 40]);
const present = Int32Array.from([0, 1, 2, 3, 4]);

describe("tiedRanks", () => {
  // Hand ranks. Ascending (direction −1): 10, 10 → positions 1–2; 20 → 3; 30 → 4; 40 → 5.
  it("ranks ascending with direction −1, ties averaged (as R rank(x))", () => {
    expect(Array.from(tiedRanks(all, present, -1, "average"))).toEqual([4, 1.5, 3, 1.5, 5]);
  });

  it("ranks descending with direction 1 and each tie rule", () => {
    expect(Array.from(tiedRanks(all, present, 1, "average"))).toEqual([2, 4.5, 3, 4.5, 1]);
    expect(Array.from(tiedRanks(all, present, 1, "min"))).toEqual([2, 4, 3, 4, 1]);
    expect(Array.from(tiedRanks(all, present, 1, "max"))).toEqual([2, 5, 3, 5, 1]);
    expect(Array.from(tiedRanks(all, present, 1, "dense"))).toEqual([2, 4, 3, 4, 1]);
  });

  it("ranks only the present positions", () => {
    expect(Array.from(tiedRanks(all, Int32Array.from([0, 2, 4]), -1, "average"))).toEqual([2, 1, 3]);
  });
});
