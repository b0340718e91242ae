import { describe, expect, it } from "vitest";
import { permutationInference } from "../../src/index.js";

describe("permutationInference", () => {
  it("counts tails and gives esda's z_sim (sd with divisor R)", () => {
    // Hand calculation: simulated [1, 2, 3, 4], observed 3.5.
    // #≥ = 1, #≤ = 3 → folded M = 1, p = 2/5; greater p = 2/5; less p = 4/5; two-sided p = 4/5.
    // mean 2.5; np.std([1, 2, 3, 4]) = √(5/4) = 1.118033988749895 (esda seI_sim); z = 1/1.1180… = 0.894427190999916
    const sim = [1, 2, 3, 4];
    const r = permutationInference(3.5, sim);
    expect(r).toMatchObject({ permutations: 4, extreme: 1, pSim: 0.4, alternative: "folded", meanSim: 2.5 });
    expect(r.sdSim).toBeCloseTo(Math.sqrt(5 / 4), 15);
    expect(r.zSim).toBeCloseTo(0.894427190999916, 14);
    expect(permutationInference(3.5, sim, { alternative: "greater" }).pSim).toBe(0.4);
    expect(permutationInference(3.5, sim, { alternative: "less" }).pSim).toBe(0.8);
    expect(permutationInference(3.5, sim, { alternative: "two-sided" }).pSim).toBe(0.8);
  });

  it("never gives a NaN z: one permutation or identical simulated values", () => {
    expect(permutationInference(2, [2]).zSim).toBe(0);
    expect(permutationInference(3, [2, 2, 2]).zSim).toBe(Infinity);
    expect(permutationInference(1, [2, 2]).zSim).toBe(-Infinity);
  });

  it("rejects NaN statistics and an empty simulation", () => {
    expect(() => permutationInference(NaN, [1, 2])).toThrow("permutationInference: die beobachtete Statistik ist NaN");
    expect(() => permutationInference(1, [1, NaN])).toThrow("permutationInference: simulierte Statistik 1 ist NaN");
    expect(() => permutationInference(1, [])).toThrow('permutationInference: keine simulierten Statistiken (Option "permutations" muss ≥ 1 sein)');
  });
});
