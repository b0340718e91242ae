import { expect, it } from "vitest";
import { describeShared } from "../helpers/shared-data.js";
import {
  atkinson,
  correlationRatio,
  dissimilarity,
  gini,
  interaction,
  isolation,
  multigroupDissimilarity,
  multigroupDiversity,
  multigroupGini,
  multigroupTheilH,
  normalizedExposure,
  theilH,
} from "../../src/index.js";
import { deepFreeze, sacramentoExpected, sacramentoRows } from "./helpers.js";

// Reference: PySAL segregation's own unit tests (pysal/segregation @ 2aa26d81, segregation/tests/test_*.py),
// copied into ../shared/data/pysal-examples/sacramento2/expected_values.json.
describeShared("PySAL segregation reference values, Sacramento (403 tracts)", () => {
  const rows = deepFreeze(sacramentoRows());
  const expected = sacramentoExpected();
  const single = expected.single_group_HISP_vs_TOT_POP;
  const multi = expected.multi_group_WHITE_BLACK_ASIAN_HISP;
  const one = { group: "HISP_", total: "TOT_POP", id: "FIPS" };
  const groups = { groups: ["WHITE_", "BLACK_", "ASIAN_", "HISP_"], id: "FIPS" };

  it.each([
    ["dissimilarity", () => dissimilarity(rows, one), single.Dissim],
    ["gini", () => gini(rows, one), single.Gini],
    ["isolation", () => isolation(rows, one), single.Isolation],
    ["interaction", () => interaction(rows, one), single.Interaction],
    ["atkinson (b = 0.5, default)", () => atkinson(rows, one), single["Atkinson_b0.5"]],
    ["atkinson (b = 0.5, explicit)", () => atkinson(rows, { ...one, b: 0.5 }), single["Atkinson_b0.5"]],
    ["correlationRatio", () => correlationRatio(rows, one), single.CorrelationR],
    ["multigroupDissimilarity", () => multigroupDissimilarity(rows, groups), multi.MultiDissim],
    ["multigroupGini", () => multigroupGini(rows, groups), multi.MultiGini],
    ["multigroupTheilH", () => multigroupTheilH(rows, groups), multi.MultiInfoTheory_TheilH],
    ["normalizedExposure", () => normalizedExposure(rows, groups), multi.MultiNormExposure],
    ["multigroupDiversity", () => multigroupDiversity(rows, groups), multi.MultiDiversity_entropy_ln],
    ["multigroupDiversity (normalized)", () => multigroupDiversity(rows, { ...groups, normalized: true }), multi.MultiDiversity_normalized],
  ])("%s equals PySAL to 1e-9", (_name, run, value) => {
    const res = run();
    expect(Math.abs(res.statistic - value)).toBeLessThan(1e-9);
    expect(res.n).toBe(403);
  });

  it("theilH equals PySAL's Entropy (published with decimal=4; agrees to 1e-9 here)", () => {
    const res = theilH(rows, one);
    expect(Math.abs(res.statistic - single.Entropy_TheilH.value)).toBeLessThan(0.5 * 10 ** -single.Entropy_TheilH.test_decimal);
    expect(Math.abs(res.statistic - single.Entropy_TheilH.value)).toBeLessThan(1e-9);
  });

  it("returns the PySAL-style result shape with the city totals", () => {
    const res = dissimilarity(rows, one);
    expect(res.name).toBe("dissimilarity");
    expect(res.group).toBe("HISP_");
    expect(res.total).toBe("TOT_POP");
    const T = rows.reduce((s, r) => s + (r.TOT_POP as number), 0);
    const X = rows.reduce((s, r) => s + (r.HISP_ as number), 0);
    expect(res.populationTotal).toBe(T);
    expect(res.groupTotal).toBe(X);
    expect(res.proportion).toBe(X / T);
    expect(res.excluded).toEqual([]);
    // one tract has fewer than 100 inhabitants: the small-area warning names it
    expect(res.warnings).toEqual([expect.stringContaining("1 von 403 Gebieten haben weniger als 100 Personen")]);
    const m = multigroupDissimilarity(rows, groups);
    expect(m.groups).toEqual(groups.groups);
    expect(m.proportions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it("multigroup indices with two groups (group, rest) equal the single-group ones", () => {
    const two = { groups: ["HISP_"], total: "TOT_POP" };
    expect(multigroupDissimilarity(rows, two).groups).toEqual(["HISP_", "rest"]);
    expect(multigroupDissimilarity(rows, two).statistic).toBeCloseTo(single.Dissim, 12);
    expect(multigroupGini(rows, two).statistic).toBeCloseTo(single.Gini, 12);
    expect(multigroupTheilH(rows, two).statistic).toBeCloseTo(theilH(rows, one).statistic, 12);
    expect(normalizedExposure(rows, two).statistic).toBeCloseTo(single.CorrelationR, 12);
  });
});
