import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateCounts, computeIndicators, drillDown, missing, Missing, type IndicatorDefinition } from "../../src/index.js";

/**
 * A tiny city: Stadtbezirk 01 with Stadtteile 0101 (2 Sozialräume) and 0102 (1), Stadtbezirk 02 with 0201 (2).
 */
function hierarchy() {
  return [
    { sozialraum_id: "010101", stadtteil_id: "0101", stadtbezirk_id: "01", stadtteil_name: "Nord", ew_u15: 100, sgb2_u15: 10 },
    { sozialraum_id: "010102", stadtteil_id: "0101", stadtbezirk_id: "01", stadtteil_name: "Nord", ew_u15: 300, sgb2_u15: 90 },
    { sozialraum_id: "010201", stadtteil_id: "0102", stadtbezirk_id: "01", stadtteil_name: "Mitte", ew_u15: 50, sgb2_u15: 5 },
    { sozialraum_id: "020101", stadtteil_id: "0201", stadtbezirk_id: "02", stadtteil_name: "Süd", ew_u15: 200, sgb2_u15: 20 },
    { sozialraum_id: "020102", stadtteil_id: "0201", stadtbezirk_id: "02", stadtteil_name: "Süd", ew_u15: 150, sgb2_u15: 45 },
  ];
}
const KINDERARMUT: IndicatorDefinition[] = [
  { id: "kinderarmut", label: "Kinderarmut", targetGroup: "children", numerator: "sgb2_u15", denominator: "ew_u15", unit: "%", direction: 1, source: "Test" },
];

describe("aggregateCounts", () => {
  const stadtteile = aggregateCounts(hierarchy(), {
    id: "sozialraum_id", parent: "stadtteil_id", counts: ["ew_u15", "sgb2_u15"], keep: ["stadtbezirk_id", "stadtteil_name"],
  });

  it("sums counts per parent and records the children", () => {
    expect(stadtteile.id).toBe("stadtteil_id");
    expect(stadtteile.rows).toEqual([
      { stadtteil_id: "0101", stadtbezirk_id: "01", stadtteil_name: "Nord", ew_u15: 400, sgb2_u15: 100 },
      { stadtteil_id: "0102", stadtbezirk_id: "01", stadtteil_name: "Mitte", ew_u15: 50, sgb2_u15: 5 },
      { stadtteil_id: "0201", stadtbezirk_id: "02", stadtteil_name: "Süd", ew_u15: 350, sgb2_u15: 65 },
    ]);
    expect(stadtteile.groups.map((g) => [g.id, g.children])).toEqual([
      ["0101", ["010101", "010102"]],
      ["0102", ["010201"]],
      ["0201", ["020101", "020102"]],
    ]);
  });

  it("recomputes the parent's rate from summed counts, not the mean of the children's rates", () => {
    const rates = computeIndicators(stadtteile.rows, { id: stadtteile.id, indicators: KINDERARMUT });
    // Stadtteil 0101: (10 + 90) / (100 + 300) = 25 %; mean of the rates (10 % and 30 %) would be 20 %
    expect(rates.areas[0].values.kinderarmut.value).toBe(25);
    expect(rates.areas[0].values.kinderarmut.value).not.toBe((10 + 30) / 2);
    // Stadtteil 0201: 65 / 350 = 18.571 %; mean of 10 % and 30 % would be 20 %
    expect(rates.areas[2].values.kinderarmut.value).toBeCloseTo(18.5714286, 6);
  });

  it("chains Stadtteil → Stadtbezirk → Stadt", () => {
    const bezirke = aggregateCounts(stadtteile.rows, { id: "stadtteil_id", parent: "stadtbezirk_id", counts: ["ew_u15", "sgb2_u15"] });
    expect(bezirke.rows).toEqual([
      { stadtbezirk_id: "01", ew_u15: 450, sgb2_u15: 105 },
      { stadtbezirk_id: "02", ew_u15: 350, sgb2_u15: 65 },
    ]);
    expect(bezirke.groups[0].children).toEqual(["0101", "0102"]);
    const stadt = aggregateCounts(bezirke.rows, { id: "stadtbezirk_id", parent: null, counts: ["ew_u15", "sgb2_u15"], totalId: "Stadt" });
    expect(stadt.rows).toEqual([{ stadtbezirk_id: "Stadt", ew_u15: 800, sgb2_u15: 170 }]);
    expect(stadt.groups[0].children).toEqual(["01", "02"]);
    // 170 / 800 = 21.25 %
    expect(computeIndicators(stadt.rows, { id: stadt.id, indicators: KINDERARMUT }).areas[0].values.kinderarmut.value).toBe(21.25);
  });

  it("propagates a missing count by default, or sums what is there and reports it", () => {
    const rows = hierarchy() as Record<string, unknown>[];
    rows[1].sgb2_u15 = missing(".");
    const propagated = aggregateCounts(rows, { id: "sozialraum_id", parent: "stadtteil_id", counts: ["ew_u15", "sgb2_u15"] });
    expect(propagated.rows[0].sgb2_u15).toEqual(new Missing("."));
    expect(propagated.groups[0].incomplete).toEqual([{ column: "sgb2_u15", children: ["010102"] }]);
    expect(propagated.warnings).toEqual([]);
    const rates = computeIndicators(propagated.rows, { id: "stadtteil_id", indicators: KINDERARMUT });
    expect(rates.excluded).toEqual([{ id: "0101", reason: 'Kinderarmut: sgb2_u15 fehlt (".")', step: "missing", column: "kinderarmut" }]);

    const summed = aggregateCounts(rows, { id: "sozialraum_id", parent: "stadtteil_id", counts: ["ew_u15", "sgb2_u15"], missing: "sum-available" });
    expect(summed.rows[0].sgb2_u15).toBe(10);
    expect(summed.warnings).toEqual([
      'aggregateCounts: stadtteil_id "0101": sgb2_u15 ohne 1 Teilgebiet(e) mit fehlender Anzahl summiert ("010102")',
    ]);
  });

  it("conserves totals and never modifies its input (property)", () => {
    const row = fc.record({
      st: fc.constantFrom("01", "02", "03"),
      a: fc.integer({ min: 0, max: 10_000 }),
      b: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (raw) => {
        const rows = raw.map((r, i) => Object.freeze({ id: `x${i}`, ...r }));
        const agg = aggregateCounts(rows, { id: "id", parent: "st", counts: ["a", "b"] });
        const total = (xs: readonly Record<string, unknown>[], c: string) => xs.reduce((s, r) => s + (r[c] as number), 0);
        expect(total(agg.rows, "a")).toBe(total(rows, "a"));
        expect(total(agg.rows, "b")).toBe(total(rows, "b"));
        expect(agg.groups.flatMap((g) => g.children).sort()).toEqual(rows.map((r) => r.id).sort());
      }),
    );
  });

  it("reports errors naming area, column and values", () => {
    const rows = hierarchy() as Record<string, unknown>[];
    rows[1].stadtbezirk_id = "02";
    expect(() => aggregateCounts(rows, { id: "sozialraum_id", parent: "stadtteil_id", counts: ["ew_u15"], keep: ["stadtbezirk_id"] })).toThrow(
      'aggregateCounts: Spalte "stadtbezirk_id" ist innerhalb von stadtteil_id "0101" nicht einheitlich: "01" (Gebiet "010101") gegenüber "02" (Gebiet "010102")',
    );
    expect(() => aggregateCounts(hierarchy(), { id: "sozialraum_id", parent: "stadtteil_id", counts: ["ew_u18"] })).toThrow(
      'aggregateCounts: unbekannte Spalte "ew_u18"',
    );
    const orphan = hierarchy() as Record<string, unknown>[];
    orphan[3].stadtteil_id = missing("");
    expect(() => aggregateCounts(orphan, { id: "sozialraum_id", parent: "stadtteil_id", counts: ["ew_u15"] })).toThrow(
      'aggregateCounts: Gebiet "020101" hat in Spalte "stadtteil_id" keinen gültigen übergeordneten Schlüssel (angegeben ist fehlend "")',
    );
  });
});

describe("drillDown", () => {
  it("selects the children of a parent in input order", () => {
    expect(drillDown(hierarchy(), { parent: "stadtbezirk_id", value: "02" }).map((r) => r.sozialraum_id)).toEqual(["020101", "020102"]);
    expect(drillDown(hierarchy(), { parent: "stadtteil_id", value: "0102" }).map((r) => r.sozialraum_id)).toEqual(["010201"]);
  });
  it("names an unknown parent", () => {
    expect(() => drillDown(hierarchy(), { parent: "stadtteil_id", value: "0199" })).toThrow(
      'drillDown: keine Zeile mit stadtteil_id = "0199" (vorhanden: "0101", "0102", "0201")',
    );
  });
});
