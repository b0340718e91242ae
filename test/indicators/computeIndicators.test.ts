import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Missing,
  computeIndicators,
  empiricalBayesRates,
  indicatorLongRows,
  indicatorRows,
  missing,
  wilsonInterval,
  type IndicatorDefinition,
} from "../../src/index.js";

/** Three hand-made Sozialräume with the synthetic city's columns. */
function cityRows() {
  return [
    {
      sozialraum_id: "010101", einwohner: 1000, ew_0_5: 60, ew_6_14: 90, ew_15_17: 30, ew_18_24: 80, ew_25_64: 560, ew_65_plus: 180,
      haushalte: 500, hh_mit_kindern: 100, hh_alleinerziehend: 20, sgb2_personen: 120, sgb2_elb_15_64: 70, sgb2_unter_15: 40,
      arbeitslose: 50, arbeitslose_sgb2: 30, arbeitslose_sgb3: 20, arbeitslose_15_24: 5, grundsicherung_65_plus: 9, migrationshintergrund: 300,
    },
    {
      sozialraum_id: "010102", einwohner: 212, ew_0_5: 10, ew_6_14: 12, ew_15_17: 5, ew_18_24: 15, ew_25_64: 120, ew_65_plus: 50,
      haushalte: 100, hh_mit_kindern: 15, hh_alleinerziehend: missing("."), sgb2_personen: 20, sgb2_elb_15_64: 10, sgb2_unter_15: 4,
      arbeitslose: 8, arbeitslose_sgb2: 5, arbeitslose_sgb3: 3, arbeitslose_15_24: missing("-"), grundsicherung_65_plus: 2, migrationshintergrund: 50,
    },
    {
      sozialraum_id: "020101", einwohner: 640, ew_0_5: 0, ew_6_14: 0, ew_15_17: 12, ew_18_24: 100, ew_25_64: 400, ew_65_plus: 128,
      haushalte: 400, hh_mit_kindern: 0, hh_alleinerziehend: 0, sgb2_personen: 60, sgb2_elb_15_64: 55, sgb2_unter_15: 0,
      arbeitslose: 30, arbeitslose_sgb2: 20, arbeitslose_sgb3: 10, arbeitslose_15_24: 6, grundsicherung_65_plus: 14, migrationshintergrund: 200,
    },
  ];
}

describe("computeIndicators", () => {
  const result = computeIndicators(cityRows(), { id: "sozialraum_id", minimumPopulation: 300 });

  it("computes rates by hand with their Wilson intervals", () => {
    const k = result.areas[0].values.kinderarmut;
    // 40 / (60 + 90) = 0.266667 → 26.67 %
    expect(k).toMatchObject({ numerator: 40, denominator: 150, rate: 40 / 150, status: "ok", usable: true });
    expect(k.value).toBeCloseTo(26.6666667, 6);
    const ci = wilsonInterval(40, 150);
    expect(k.lower).toBe(ci.lower * 100);
    expect(k.upper).toBe(ci.upper * 100);
    // SGB-II-Quote: 70 / (30 + 80 + 560) = 10.4478 %
    expect(result.areas[0].values.sgb2_quote.value).toBeCloseTo(100 * 70 / 670, 12);
    // Transferbezug: (120 + 9) / 1000 = 12.9 %
    expect(result.areas[0].values.transferbezug.value).toBeCloseTo(12.9, 12);
    // Altersarmut in 020101: 14 / 128 = 10.9375 %
    expect(result.areas[2].values.altersarmut.value).toBeCloseTo(10.9375, 12);
  });

  it("keeps input order and length and carries the id", () => {
    expect(result.areas.map((a) => a.id)).toEqual(["010101", "010102", "020101"]);
    expect(result.n).toBe(3);
    expect(result.areas.map((a) => a.population)).toEqual([1000, 212, 640]);
  });

  it("lists every excluded area with a German reason", () => {
    expect(result.excluded).toEqual([
      { id: "010102", reason: "Einwohner unter 300 (212)", step: "minimumPopulation", column: "einwohner" },
      { id: "010102", reason: 'Alleinerziehende: hh_alleinerziehend fehlt (".")', step: "missing", column: "alleinerziehende" },
      { id: "010102", reason: 'Jugendarbeitslosigkeit: arbeitslose_15_24 fehlt ("-")', step: "missing", column: "jugendarbeitslosigkeit" },
      { id: "020101", reason: "Kinderarmut: Bezugsgröße ew_0_5 + ew_6_14 ist 0", step: "zeroDenominator", column: "kinderarmut" },
      { id: "020101", reason: "Alleinerziehende: Bezugsgröße hh_mit_kindern ist 0", step: "zeroDenominator", column: "alleinerziehende" },
    ]);
  });

  it("keeps the values of a small area but marks them unusable", () => {
    const v = result.areas[1].values.kinderarmut;
    expect(v).toMatchObject({ status: "below-minimum-population", usable: false, reason: "Einwohner unter 300 (212)", numerator: 4, denominator: 22 });
    expect(v.value).toBeCloseTo((100 * 4) / 22, 12);
    expect(result.areas[1].values.alleinerziehende).toMatchObject({ status: "missing", marker: ".", value: null, numerator: null, denominator: 15 });
  });

  it("never gives NaN for a zero denominator", () => {
    const v = result.areas[2].values.kinderarmut;
    expect(v).toMatchObject({ value: null, rate: null, lower: null, upper: null, numerator: 0, denominator: 0, status: "zero-denominator" });
  });

  it("applies an indicator's minimumBase and uses ‰", () => {
    const custom: IndicatorDefinition[] = [
      { id: "jugend_alq", label: "Jugendarbeitslosigkeit", targetGroup: "children", numerator: "arbeitslose_15_24", denominator: ["ew_15_17", "ew_18_24"], unit: "‰", direction: 1, minimumBase: 111, source: "Test" },
    ];
    const r = computeIndicators(cityRows(), { id: "sozialraum_id", indicators: custom });
    // 5 / 110 = 45.45 ‰ with a base of 110 < 111; 6 / 112 = 53.57 ‰
    expect(r.areas[0].values.jugend_alq).toMatchObject({ status: "below-minimum-base", reason: "Jugendarbeitslosigkeit: Bezugsgröße unter 111 (110)" });
    expect(r.areas[0].values.jugend_alq.value).toBeCloseTo(1000 * 5 / 110, 12);
    expect(r.areas[2].values.jugend_alq).toMatchObject({ status: "ok", value: (6 / 112) * 1000 });
    expect(r.excluded.map((e) => [e.id, e.step])).toEqual([["010101", "minimumBase"], ["010102", "missing"]]);
    expect(r.minimumPopulation).toBe(0);
  });

  it("formats the population rule in German", () => {
    const r = computeIndicators(cityRows(), { id: "sozialraum_id", minimumPopulation: 1500.5 });
    expect(r.excluded[0].reason).toBe("Einwohner unter 1.500,5 (1.000)");
  });

  it("uses the confidence option", () => {
    const r = computeIndicators(cityRows(), { id: "sozialraum_id", confidence: 0.9 });
    expect(r.areas[0].values.kinderarmut.lower).toBe(wilsonInterval(40, 150, { confidence: 0.9 }).lower * 100);
  });

  it("smooths with global empirical Bayes over the areas that have a rate", () => {
    const r = computeIndicators(cityRows(), { id: "sozialraum_id", smoothing: "empirical-bayes" });
    const eb = empiricalBayesRates([70, 10, 55], [670, 140, 512]);
    expect(r.areas.map((a) => a.values.sgb2_quote.smoothed)).toEqual(eb.smoothed.map((s) => s * 100));
    // Kinderarmut has no rate in 020101 (0 / 0): smoothed null there, prior from the other two
    expect(r.areas[2].values.kinderarmut.smoothed).toBeNull();
    expect(r.smoothing?.find((s) => s.indicator === "kinderarmut")).toMatchObject({ n: 2, priorMean: 44 / 172 });
    expect(r.areas[0].values.sgb2_quote.value).toBe((70 / 670) * 100); // the statistic is unchanged
  });

  it("accepts an arquero table and does not modify its input", () => {
    const rows = cityRows();
    const before = structuredClone(rows);
    Object.freeze(rows);
    rows.forEach((r) => Object.freeze(r));
    const fromRows = computeIndicators(rows, { id: "sozialraum_id" });
    expect(rows).toEqual(before);
    const fromTable = computeIndicators(aq.from(cityRows()), { id: "sozialraum_id" });
    expect(fromTable).toEqual(fromRows);
    // an AreaTable as readCsv returns it (only `rows` is read)
    const areaTable = { file: "strukturdaten.csv", columns: Object.keys(rows[0]), columnTypes: {}, rows: cityRows(), rowNumbers: [2, 3, 4], warnings: [] };
    expect(computeIndicators(areaTable, { id: "sozialraum_id" })).toEqual(fromRows);
    expect(() => computeIndicators(42 as unknown as [], { id: "sozialraum_id" })).toThrow(
      "computeIndicators: erwartet wird eine Liste von Zeilen, eine AreaTable oder eine arquero-Tabelle, angegeben ist number",
    );
  });

  it("gives a wide table with explicit missing cells and a long table", () => {
    const wide = indicatorRows(result);
    expect(wide[0]).toMatchObject({ sozialraum_id: "010101", kinderarmut: (40 / 150) * 100 });
    expect(wide[1].alleinerziehende).toEqual(new Missing("."));
    expect(wide[1].kinderarmut).toEqual(new Missing("x")); // below the minimum population
    expect(indicatorRows(result, { usableOnly: false })[1].kinderarmut).toBeCloseTo((100 * 4) / 22, 12);
    expect(indicatorRows(result, { field: "numerator" })[0].altersarmut).toBe(9);
    const long = indicatorLongRows(result);
    expect(long.length).toBe(3 * result.indicators.length);
    expect(long[0]).toMatchObject({ id: "010101", indicator: "kinderarmut", label: "Kinderarmut", targetGroup: "children", unit: "%" });
  });

  it("keeps every value inside its interval (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 20 }), (pairs) => {
        const rows = pairs.map(([a, b], i) => ({ id: String(i).padStart(3, "0"), k: Math.min(a, b), n: Math.max(a, b) }));
        const r = computeIndicators(rows, {
          id: "id",
          indicators: [{ id: "q", label: "Q", targetGroup: "context", numerator: "k", denominator: "n", unit: "%", direction: 1, source: "Test" }],
        });
        r.areas.forEach((a, i) => {
          const v = a.values.q;
          if (rows[i].n === 0) {
            expect(v.status).toBe("zero-denominator");
          } else {
            expect(v.lower!).toBeLessThanOrEqual(v.value!);
            expect(v.upper!).toBeGreaterThanOrEqual(v.value!);
            expect(v.lower!).toBeGreaterThanOrEqual(0);
            expect(v.upper!).toBeLessThanOrEqual(100);
          }
        });
        expect(r.excluded.length).toBe(rows.filter((x) => x.n === 0).length);
      }),
    );
  });

  it("reports errors naming area, columns and values", () => {
    const rows = cityRows();
    rows[2].sgb2_unter_15 = 3;
    expect(() => computeIndicators(rows, { id: "sozialraum_id" })).toThrow(
      'computeIndicators: Zähler 3 (sgb2_unter_15) übersteigt den Nenner 0 (ew_0_5 + ew_6_14) von Indikator "kinderarmut" in Gebiet "020101"',
    );
    const text = cityRows() as Record<string, unknown>[];
    text[0].arbeitslose = "12,5";
    expect(() => computeIndicators(text, { id: "sozialraum_id" })).toThrow('computeIndicators: Spalte "arbeitslose" hat in Gebiet "010101" keine Anzahl: "12,5"');
    const negative = cityRows();
    negative[0].arbeitslose = -2;
    expect(() => computeIndicators(negative, { id: "sozialraum_id" })).toThrow('computeIndicators: Spalte "arbeitslose" hat einen negativen Wert in Gebiet "010101": -2');
    const numericId = cityRows() as Record<string, unknown>[];
    numericId[1].sozialraum_id = 10102;
    expect(() => computeIndicators(numericId, { id: "sozialraum_id" })).toThrow(
      'computeIndicators: Spalte "sozialraum_id" muss in Zeile 2 eine nicht leere Zeichenkette sein (Gebietsschlüssel behalten führende Nullen), angegeben ist 10102',
    );
    const twice = cityRows();
    twice[2].sozialraum_id = "010101";
    expect(() => computeIndicators(twice, { id: "sozialraum_id" })).toThrow('computeIndicators: Gebiet "010101" kommt doppelt vor (Zeilen 1 und 3)');
    expect(() =>
      computeIndicators(cityRows(), {
        id: "sozialraum_id",
        indicators: [{ id: "x", label: "X", targetGroup: "children", numerator: "kinder", denominator: "einwohner", unit: "%", direction: 1, source: "Test" }],
      }),
    ).toThrow('computeIndicators: validateIndicators: 1 Problem in der Indikatorkonfiguration:\n  - Indikator "x": unbekannte Spalte "kinder" in numerator');
    expect(() => computeIndicators(cityRows(), { id: "sozialraum_id", zeroMarkers: "-" as unknown as string[] })).toThrow(
      'computeIndicators: zeroMarkers muss eine Liste von Zeichenketten sein, angegeben ist "-"',
    );
    expect(() => computeIndicators(cityRows(), { id: "sozialraum_id", minimumPopulation: 300, population: "ew" })).toThrow(
      'computeIndicators: minimumPopulation braucht die Bevölkerungsspalte(n) "ew", die in den Zeilen fehlen',
    );
  });

  it("excludes an area whose population is missing under the minimum-population rule", () => {
    const rows = cityRows() as Record<string, unknown>[];
    rows[0].einwohner = missing("-");
    const r = computeIndicators(rows, { id: "sozialraum_id", minimumPopulation: 300 });
    expect(r.excluded[0]).toEqual({ id: "010101", reason: 'Einwohner fehlt ("-")', step: "minimumPopulation", column: "einwohner" });
    expect(r.areas[0].population).toBeNull();
  });
});

it("reads a count of -0 as 0, so no -0 reaches a value (review fix)", () => {
  const custom: IndicatorDefinition[] = [
    { id: "q", label: "Q", targetGroup: "context", numerator: "k", denominator: "n", unit: "%", direction: 1, source: "Test" },
  ];
  const r = computeIndicators([{ id: "01", k: -0, n: 10 }], { id: "id", indicators: custom });
  expect(Object.is(r.areas[0].values.q.value, 0)).toBe(true);
  expect(Object.is(r.areas[0].values.q.numerator, 0)).toBe(true);
});

describe("computeIndicators id check (ascending ids skip the Map)", () => {
  it("names the first repeated id and both rows, for sorted and unsorted id lists", () => {
    // Reference: scan in row order with a Map; the first id seen before is the error.
    const expectedError = (ids: string[]): string | null => {
      const seen = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) {
        if (seen.has(ids[i])) return `computeIndicators: Gebiet "${ids[i]}" kommt doppelt vor (Zeilen ${seen.get(ids[i])! + 1} und ${i + 1})`;
        seen.set(ids[i], i);
      }
      return null;
    };
    const indicators = [{ id: "x", label: "X", targetGroup: "children" as const, numerator: "k", denominator: "n", unit: "%" as const, direction: 1 as const, source: "Test" }];
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 1, maxLength: 8 }), fc.boolean(), (raw, sort) => {
        const ids = sort ? [...raw].sort() : raw;
        const rows = ids.map((id) => ({ id, k: 1, n: 2 }));
        const expected = expectedError(ids);
        if (expected === null) expect(computeIndicators(rows, { id: "id", indicators }).n).toBe(ids.length);
        else expect(() => computeIndicators(rows, { id: "id", indicators })).toThrow(expected);
      }),
      { numRuns: 300 },
    );
  });
});
