import { describe, expect, it } from "vitest";
import { describeShared } from "../helpers/shared-data.js";
import {
  atkinson,
  biasCorrectedDissimilarity,
  compareSegregation,
  dissimilarity,
  interaction,
  multigroupDissimilarity,
  segregationPermutationTest,
} from "../../src/index.js";
import { deepFreeze, mixReference, sacramentoExpected, sacramentoRows } from "./helpers.js";

const one = { group: "HISP_", total: "TOT_POP", id: "FIPS" };
const four = { groups: ["WHITE_", "BLACK_", "ASIAN_", "HISP_"], id: "FIPS" };

describeShared("inference on Sacramento (403 tracts)", () => {
  const rows = deepFreeze(sacramentoRows());
  // Reference: numpy Monte Carlo, test/reference/mix/sacramento_null.py → sacramento_null.json
  const ref = mixReference("sacramento_null.json");

  it("the permutation test leaves the statistic unchanged and is reproducible with its seed", () => {
    const res = segregationPermutationTest(dissimilarity, rows, { ...one, permutations: 99, seed: 7 });
    const plain = dissimilarity(rows, one);
    expect(res.statistic).toBe(plain.statistic);
    expect(res.name).toBe("dissimilarity");
    expect(res.group).toBe("HISP_");
    expect(res.permutations).toBe(99);
    expect(res.simulated).toHaveLength(99);
    expect(res.alternative).toBe("greater");
    expect(res.null).toBe("random-labelling");
    // D = 0.32 is far above anything random labelling gives: M = 0, p = 1/100
    expect(res.extreme).toBe(0);
    expect(res.pSim).toBe(0.01);
    expect(segregationPermutationTest(dissimilarity, rows, { ...one, permutations: 99, seed: 7 })).toEqual(res);
    expect(segregationPermutationTest(dissimilarity, rows, { ...one, permutations: 99, seed: 8 }).simulated).not.toEqual(res.simulated);
  });

  it("the null distribution under random labelling matches an independent numpy simulation", () => {
    const R = 399;
    const d = segregationPermutationTest(dissimilarity, rows, { ...one, permutations: R, seed: 1 });
    const m = segregationPermutationTest(multigroupDissimilarity, rows, { ...four, permutations: R, seed: 1 });
    for (const [res, want] of [
      [d, ref.randomLabelling.dissimilarity],
      [m, ref.randomLabelling.multigroupDissimilarity],
    ] as const) {
      // 5 standard errors of the difference of two Monte Carlo means
      const se = Math.sqrt(want.sd ** 2 / R + want.sd ** 2 / ref.randomLabelling.permutations);
      expect(Math.abs(res.meanSim - want.mean)).toBeLessThan(5 * se);
      expect(res.sdSim / want.sd).toBeGreaterThan(0.85);
      expect(res.sdSim / want.sd).toBeLessThan(1.15);
    }
  });

  it("interaction is tested in the lower tail; options such as Atkinson's b reach the index", () => {
    const res = segregationPermutationTest(interaction, rows, { ...one, permutations: 19, seed: 2 });
    expect(res.alternative).toBe("less");
    expect(res.pSim).toBe(0.05);
    const a = segregationPermutationTest(atkinson, rows, { ...one, b: 0.3, permutations: 9, seed: 2, null: "systematic" });
    expect(a.b).toBe(0.3);
    expect(a.statistic).toBe(atkinson(rows, { ...one, b: 0.3 }).statistic);
  });

  it("biasCorrectedDissimilarity reproduces PySAL's published value and an independent numpy bootstrap", () => {
    const res = biasCorrectedDissimilarity(rows, { ...one, replications: 500, seed: 3 });
    expect(res.dissimilarity).toBe(dissimilarity(rows, one).statistic);
    // PySAL publishes 0.32136474449360836 with decimal = 3 (its draws are random)
    const pysal = sacramentoExpected().single_group_HISP_vs_TOT_POP.BiasCorrectedDissim_random;
    expect(Math.abs(res.statistic - pysal.value)).toBeLessThan(1.5 * 10 ** -pysal.test_decimal);
    // numpy with 20 000 replications: D̄_b = 0.32231, sd 0.00097; 5 standard errors of our mean of 500
    const want = ref.biasCorrected;
    expect(Math.abs(res.bootstrapMean - want.bootstrapMean)).toBeLessThan((5 * want.bootstrapSd) / Math.sqrt(500));
    expect(res.bias).toBeGreaterThan(0);
    expect(res.statistic).toBeCloseTo(2 * res.dissimilarity - res.bootstrapMean, 15);
  });

  it("compareSegregation: a real change is detected, identical years are not", () => {
    // second "year": Hispanic residents concentrated further in the tracts where they are already over-represented
    const P = 0.2;
    const later = deepFreeze(
      rows.map((r) => {
        const x = r.HISP_ as number, t = r.TOT_POP as number;
        return { ...r, HISP_: x / t > P ? Math.min(t, Math.round(x * 1.3)) : Math.round(x * 0.8) };
      }),
    );
    for (const approach of ["random-label", "paired"] as const) {
      const res = compareSegregation(dissimilarity, rows, later, { ...one, approach, permutations: 99, seed: 4 });
      expect(res.statistic).toBeCloseTo(dissimilarity(later, one).statistic - dissimilarity(rows, one).statistic, 15);
      expect(res.statistic).toBeGreaterThan(0.05);
      expect(res.pSim).toBeLessThan(0.05);
      expect(res.alternative).toBe("two-sided");
      const same = compareSegregation(dissimilarity, rows, rows, { ...one, approach, permutations: 99, seed: 4 });
      expect(same.statistic).toBe(0);
      expect(same.pSim).toBeGreaterThan(0.5);
    }
    const paired = compareSegregation(multigroupDissimilarity, rows, rows, { ...four, approach: "paired", permutations: 9, seed: 1 });
    expect(paired.matched).toBe(403);
    expect(paired.index).toBe("multigroupDissimilarity");
  });
});

describe("inference argument checks", () => {
  const rows = [
    { id: "01", x: 10, t: 100 },
    { id: "02", x: 30, t: 100 },
  ];
  it("names the problem", () => {
    expect(() => segregationPermutationTest(dissimilarity, rows, { group: "x", total: "t", permutations: 0 })).toThrow(
      "segregationPermutationTest: permutations muss eine ganze Zahl ≥ 1 sein, angegeben ist 0",
    );
    expect(() => segregationPermutationTest(dissimilarity, [{ id: "01", x: 1.5, t: 10 }, ...rows], { group: "x", total: "t", id: "id" })).toThrow(
      'segregationPermutationTest: um Personen zu simulieren, müssen die Anzahlen ganze Zahlen sein; Spalte "x" hat in Gebiet "01" den Wert 1.5',
    );
    expect(() => compareSegregation(dissimilarity, rows, rows, { group: "x", total: "t", approach: "paired" })).toThrow(
      'compareSegregation: approach "paired" braucht die Option "id", um die Gebiete beider Datensätze einander zuzuordnen',
    );
    expect(() => biasCorrectedDissimilarity(rows, { group: "x", total: "t", replications: 1 })).toThrow(
      "biasCorrectedDissimilarity: replications muss eine ganze Zahl ≥ 2 sein, angegeben ist 1",
    );
  });
  it("paired comparison refuses repeated or missing ids (they used to pair areas twice or by row number)", () => {
    const a = [{ id: "a", x: 10, t: 100 }, { id: "a", x: 50, t: 100 }, { id: "b", x: 5, t: 100 }];
    const b = [{ id: "a", x: 20, t: 100 }, { id: "b", x: 40, t: 100 }, { id: "c", x: 30, t: 100 }];
    const o = { group: "x", total: "t", id: "id", approach: "paired" as const, permutations: 9, seed: 1 };
    expect(() => compareSegregation(dissimilarity, a, b, o)).toThrow('compareSegregation: approach "paired": Gebietsschlüssel "a" kommt im ersten Datensatz doppelt vor (Zeilen 1 und 2)');
    expect(() => compareSegregation(dissimilarity, b, a, o)).toThrow('Gebietsschlüssel "a" kommt im zweiten Datensatz doppelt vor (Zeilen 1 und 2)');
    const c = [{ id: null, x: 10, t: 100 }, { id: "q", x: 50, t: 100 }];
    expect(() => compareSegregation(dissimilarity, c, b, o)).toThrow('compareSegregation: approach "paired" braucht in jedem Gebiet einen Gebietsschlüssel; Zeile 1 des ersten Datensatzes hat keinen');
    // random labelling needs no ids
    expect(compareSegregation(dissimilarity, a, b, { group: "x", total: "t", permutations: 9, seed: 1 }).simulated).toHaveLength(9);
  });

  it("a simulated city in which the group vanishes is reported as such, not as a problem of the user's data", () => {
    // One person of the group among 2000: under "evenness" P(no one drawn) = (1 − 1/2000)^2000 ≈ e⁻¹ per data set.
    const rare = Array.from({ length: 40 }, (_, i) => ({ id: String(i), x: i === 3 ? 1 : 0, t: 50 }));
    expect(() => segregationPermutationTest(dissimilarity, rare, { group: "x", total: "t", null: "evenness", permutations: 99, seed: 1 })).toThrow(
      /^segregationPermutationTest: simulierter Datensatz \d+ \(null "evenness"\): dissimilarity: die Gruppe "x" hat in der ganzen Stadt 0 Personen; der Index ist nicht definiert — die Gruppen sind zu klein oder es gibt zu wenige Gebiete für dieses Nullmodell$/,
    );
    // random labelling keeps the group's city total: no problem there
    expect(segregationPermutationTest(dissimilarity, rare, { group: "x", total: "t", permutations: 19, seed: 1 }).simulated).toHaveLength(19);
    const e1 = [{ x: 0, t: 100 }, { x: 0, t: 100 }, { x: 5, t: 100 }];
    const e2 = [{ x: 0, t: 100 }, { x: 0, t: 100 }, { x: 9, t: 100 }];
    expect(() => compareSegregation(dissimilarity, e1, e2, { group: "x", total: "t", permutations: 99, seed: 1 })).toThrow(
      /^compareSegregation: zufällige Aufteilung \d+ der zusammengelegten Gebiete: dissimilarity: die Gruppe "x" hat in der ganzen Stadt 0 Personen/,
    );
  });

  it("a small city's D under random labelling is well above 0 (small-area bias)", () => {
    const small = Array.from({ length: 30 }, (_, i) => ({ id: String(i), x: 2, t: 10 }));
    const res = segregationPermutationTest(dissimilarity, small, { group: "x", total: "t", permutations: 199, seed: 5 });
    expect(res.statistic).toBe(0);
    expect(res.meanSim).toBeGreaterThan(0.15);
    expect(res.pSim).toBe(1);
  });
});
