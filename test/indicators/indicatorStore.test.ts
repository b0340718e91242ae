import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/indicators/computeIndicators.js";
import { indicatorRows, indicatorValueColumn } from "../../src/indicators/indicatorRows.js";
import { Missing } from "../../src/table/missing.js";
import { missing } from "../../src/table/missing.js";

describe("computeIndicators keeps columns", () => {
  it("builds the area rows on first access with the fields in the documented order", () => {
    const rows = [
      { id: "a", einwohner: 500, sgb2_unter_15: 10, ew_0_5: 40, ew_6_14: 60 },
      { id: "b", einwohner: 100, sgb2_unter_15: missing("."), ew_0_5: 10, ew_6_14: 5 },
      { id: "c", einwohner: 400, sgb2_unter_15: 0, ew_0_5: 0, ew_6_14: 0 },
    ];
    const indicators = [{ id: "kinderarmut", label: "Kinderarmut", numerator: ["sgb2_unter_15"], denominator: ["ew_0_5", "ew_6_14"], unit: "%" as const, targetGroup: "children" as const, direction: 1 as const, source: "Test" }];
    const r = computeIndicators(rows, { id: "id", indicators, minimumPopulation: 300 });
    expect(Object.keys(r)).toEqual(["name", "id", "n", "confidence", "minimumPopulation", "indicators", "areas", "excluded", "warnings"]);
    const [a, b, c] = r.areas.map((x) => x.values.kinderarmut);
    // 10 / 100 = 10 %; Wilson limits from R prop.test(10, 100, correct = FALSE)$conf.int: 0.05522914, 0.17436566.
    expect(Object.keys(a)).toEqual(["indicator", "value", "rate", "numerator", "denominator", "lower", "upper", "status", "usable"]);
    expect(a.value).toBeCloseTo(10, 12);
    expect(a.lower! / 100).toBeCloseTo(0.05522914, 7);
    expect(a.upper! / 100).toBeCloseTo(0.17436566, 7);
    expect(b).toMatchObject({ value: null, numerator: null, denominator: 15, status: "missing", usable: false, marker: "." });
    expect(Object.keys(b).slice(-2)).toEqual(["marker", "reason"]);
    expect(c).toMatchObject({ value: null, numerator: 0, denominator: 0, status: "zero-denominator", reason: "Kinderarmut: Bezugsgröße ew_0_5 + ew_6_14 ist 0" });
    expect(r.areas.map((x) => x.population)).toEqual([500, 100, 400]);
    expect(r.areas).toBe(r.areas);
    // indicatorRows from the columns equals indicatorRows from the rows (a spread copy has only the rows).
    expect(indicatorRows(r)).toEqual(indicatorRows({ ...r }));
  });
});

describe("indicatorValueColumn", () => {
  it("holds the numbers of the indicatorRows column, NaN where that column has a missing cell", () => {
    const rows = [
      { id: "a", einwohner: 500, sgb2_unter_15: 10, ew_0_5: 40, ew_6_14: 60 },
      { id: "b", einwohner: 100, sgb2_unter_15: missing("."), ew_0_5: 10, ew_6_14: 5 },
      { id: "c", einwohner: 400, sgb2_unter_15: 0, ew_0_5: 0, ew_6_14: 0 },
      { id: "d", einwohner: 200, sgb2_unter_15: 3, ew_0_5: 10, ew_6_14: 20 },
      { id: "e", einwohner: 900, sgb2_unter_15: 30, ew_0_5: 100, ew_6_14: 100 },
    ];
    const indicators = [{ id: "kinderarmut", label: "Kinderarmut", numerator: ["sgb2_unter_15"], denominator: ["ew_0_5", "ew_6_14"], unit: "%" as const, targetGroup: "children" as const, direction: 1 as const, source: "Test" }];
    for (const smoothing of ["none", "empirical-bayes"] as const) {
      const r = computeIndicators(rows, { id: "id", indicators, minimumPopulation: 300, smoothing });
      for (const field of smoothing === "none" ? (["value", "lower", "rate"] as const) : (["smoothed"] as const)) {
        const expected = indicatorRows(r, { field }).map((row) => (row.kinderarmut instanceof Missing ? NaN : row.kinderarmut));
        expect(Array.from(indicatorValueColumn(r, "kinderarmut", field)!)).toEqual(expected);
        expect(expected.filter((x) => x === x).length).toBe(2); // a and e are usable; b missing, c zero base, d below 300
      }
    }
    expect(indicatorValueColumn(computeIndicators(rows, { id: "id", indicators }), "other")).toBeNull();
  });
});
