import { describe, expect, it } from "vitest";
import { robustZ, standardizeTable, zScores } from "../../src/standardize/index.js";
import { missing } from "../../src/table/missing.js";

describe("standardizeTable", () => {
  const rows = [
    { id: "a", sgb2: 10, abi: 40, ew: 100 },
    { id: "b", sgb2: 20, abi: 20, ew: 300 },
    { id: "c", sgb2: missing("."), abi: 30, ew: 200 },
    { id: "d", sgb2: 15, abi: 10, ew: 400 },
  ];

  it("standardises every column like the single-column functions, with direction, keeping order and ids", () => {
    const t = standardizeTable(rows, { id: "id", indicators: ["sgb2", { id: "abi", direction: -1 }] });
    expect(t.rows.map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
    expect(t.rows.map((r) => r.sgb2)).toEqual(zScores([10, 20, null, 15]).values);
    expect(t.rows.map((r) => r.abi)).toEqual(zScores([40, 20, 30, 10], { direction: -1 }).values);
    expect(t.parameters.sgb2).toMatchObject({ name: "zScores", mean: 15, n: 3 });
    expect(t.excluded).toEqual([{ id: "c", reason: 'fehlender Wert (".")', step: "standardizeTable", column: "sgb2" }]);
    expect(standardizeTable([{ id: "a", sgb2: 10, abi: 40 }, { id: "b", sgb2: 20, abi: 20 }], { id: "id", indicators: ["sgb2", { id: "abi", direction: -1 }] }).rows).toEqual([
      { id: "a", sgb2: -1, abi: -1 },
      { id: "b", sgb2: 1, abi: 1 },
    ]);
  });

  it("other methods and weights", () => {
    expect(standardizeTable(rows, { id: "id", indicators: ["abi"], method: "robustZ" }).rows.map((r) => r.abi)).toEqual(robustZ([40, 20, 30, 10]).values);
    const w = standardizeTable(rows, { id: "id", indicators: ["abi"], mean: "weighted", weights: "ew" });
    expect(w.rows.map((r) => r.abi)).toEqual(zScores([40, 20, 30, 10], { mean: "weighted", weights: [100, 300, 200, 400] }).values);
    expect(() => standardizeTable(rows, { id: "id", indicators: ["nope"] })).toThrow('standardizeTable: Spalte "nope" nicht gefunden');
  });

  it("refuses what it would otherwise overwrite or ignore silently", () => {
    // A repeated id used to overwrite the first column's values; an indicator named like the id column its ids.
    expect(() => standardizeTable(rows, { id: "id", indicators: ["abi", { id: "abi", direction: -1 }] })).toThrow('standardizeTable: Indikator "abi" ist doppelt angegeben');
    expect(() => standardizeTable(rows, { id: "id", indicators: [{ id: "id", column: "sgb2" }] })).toThrow('standardizeTable: Indikator "id" trägt den Namen der Kennungsspalte');
    // Weights with a method that has no weights were ignored.
    expect(() => standardizeTable(rows, { id: "id", indicators: ["abi"], method: "percentileRank", mean: "weighted", weights: "ew" })).toThrow(
      'standardizeTable: die Optionen "mean", "sd" und "weights" gelten nur für method "zScores", angegeben: "percentileRank"',
    );
    expect(() => standardizeTable(rows, { id: "id", indicators: ["abi"], mean: "weighted", weights: "einwohner" })).toThrow('standardizeTable: Gewichtsspalte "einwohner" (Option "weights") nicht gefunden');
    expect(() => standardizeTable(rows, { id: "id", indicators: ["abi"], method: "zz" as never })).toThrow('standardizeTable: Option "method" muss "zScores", "robustZ", "minMax" oder "percentileRank" sein, angegeben: "zz"');
  });
});
