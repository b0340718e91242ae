import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IndicatorDefinition } from "../../src/indicators/index.js";
import { readCsv } from "../../src/io/index.js";
import { indicatorTimeSeries, monitorYears, yearVerdicts } from "../../src/monitoring/index.js";
import { DATA_DIR } from "../synth/helpers.js";

// One indicator, so the overall verdict is the verdict of its target group.
const QUOTE: IndicatorDefinition = {
  id: "quote", label: "Quote", targetGroup: "working-age", numerator: ["k"], denominator: ["n"], unit: "%", direction: 1, source: "Test",
};
const opts = { id: "id", indicators: [QUOTE] };
const table = (ks: Record<string, number>) => Object.entries(ks).map(([id, k]) => ({ id, k, n: 100, einwohner: 100 }));

// Hand calculation (rates in %, population SD, thresholds z > 1 auffällig, z > 1,5 stark auffällig):
// 2019: A–D 10, E 30 → mean 14, sd 8: z(E) = 2 → stark; others −0,5.
// 2021: D absent; A–C 10, E 30 → mean 15, sd √75 = 8,660: z(E) = 1,732 → stark; others −0,577.
// 2023: A–C 0, D and E 10 → mean 4, sd √24 = 4,899: z(D) = z(E) = 1,225 → auffällig.
const years = [
  { year: 2019, rows: table({ A: 10, B: 10, C: 10, D: 10, E: 30 }) },
  { year: 2021, rows: table({ A: 10, B: 10, C: 10, E: 30 }) },
  { year: 2023, rows: table({ A: 0, B: 0, C: 0, D: 10, E: 10 }) },
];

describe("monitorYears (hand calculation)", () => {
  const m = monitorYears(years, opts);

  it("gives the verdict per year", () => {
    expect(m.years).toEqual([2019, 2021, 2023]);
    expect(m.verdictsByYear.map((y) => y.classes)).toEqual([
      { A: "unauffällig", B: "unauffällig", C: "unauffällig", D: "unauffällig", E: "stark auffällig" },
      { A: "unauffällig", B: "unauffällig", C: "unauffällig", D: null, E: "stark auffällig" },
      { A: "unauffällig", B: "unauffällig", C: "unauffällig", D: "auffällig", E: "auffällig" },
    ]);
    expect(m.perYear[2].conspicuousness.areas[4].flags[0].z).toBeCloseTo(6 / Math.sqrt(24), 12);
  });

  it("counts transitions between consecutive years in the order unauffällig, auffällig, stark auffällig", () => {
    expect(m.transitions.map((t) => [t.from, t.to, t.counts, t.total])).toEqual([
      [2019, 2021, [[3, 0, 0], [0, 0, 0], [0, 0, 1]], 4],
      [2021, 2023, [[3, 0, 0], [0, 0, 0], [0, 1, 0]], 4],
    ]);
    expect(m.transitions[1].changes).toEqual([{ id: "E", from: "stark auffällig", to: "auffällig" }]);
    expect(m.transitions[0].excluded).toEqual([{ id: "D", step: "classTransitions", reason: "keine Klasse im Jahr 2021" }]);
  });

  it("E is seit drei Erhebungen auffällig; D's streak restarts after the missing survey", () => {
    const by = Object.fromEntries(m.persistence.map((p) => [p.id, p]));
    expect(by.E.streak).toBe(3);
    expect(by.E.streakYears).toEqual([2019, 2021, 2023]);
    expect(by.D).toMatchObject({ streak: 1, streakYears: [2023], missingYears: [2021] });
    expect(by.A.streak).toBe(0);
  });

  it("gives the time series per area and indicator, and lists the area missing in a year", () => {
    const s = Object.fromEntries(m.series.map((r) => [r.id, r]));
    expect(m.series.map((r) => r.id)).toEqual(["A", "B", "C", "D", "E"]);
    expect(s.E).toMatchObject({ indicator: "quote", label: "Quote", unit: "%", years: [2019, 2021, 2023], values: [30, 30, 10], change: -20 });
    expect(s.D).toMatchObject({ values: [10, null, 10], change: 0 });
    expect(m.excluded).toEqual([{ id: "D", step: "monitorYears", reason: "nicht in den Daten des Jahres 2021", year: 2021 }]);
  });

  it("errors name the function, the year and the entry", () => {
    expect(() => monitorYears([], opts)).toThrow("monitorYears: tables ist leer");
    expect(() => monitorYears([years[0], years[0]], opts)).toThrow("monitorYears: Jahr 2019 kommt doppelt vor (Eintrag 2)");
    expect(() => monitorYears([years[1], years[0]], opts)).toThrow("monitorYears: Jahre müssen zeitlich geordnet sein, 2019 (Eintrag 2) folgt auf 2021");
    expect(() => monitorYears([{ year: 2019, rows: [{ id: "A", k: 1 }] }], opts)).toThrow(/^monitorYears: Jahr 2019: computeIndicators/);
    expect(() => indicatorTimeSeries([{ year: 1, result: m.perYear[0].indicators }], { indicators: ["x"] })).toThrow('indicatorTimeSeries: Indikator "x" kommt in keinem der Jahre vor');
  });
});

describe("yearVerdicts", () => {
  it("gives no verdict to an area under the minimum population, with the reason", () => {
    const rows = [...table({ A: 10, B: 10, C: 30 }), { id: "S", k: 1, n: 40, einwohner: 40 }];
    const y = yearVerdicts(rows, { ...opts, minimumPopulation: 50 });
    expect(y.overall.S).toBeNull();
    expect(y.excluded).toEqual([{ id: "S", step: "yearVerdicts", reason: "Einwohner unter 50 (40)" }]);
  });
});

describe("monitorYears (invariants)", () => {
  const yearTables = fc
    .record({ nAreas: fc.integer({ min: 3, max: 8 }), nYears: fc.integer({ min: 1, max: 4 }) })
    .chain(({ nAreas, nYears }) =>
      fc.array(
        fc.array(fc.record({ present: fc.double({ min: 0, max: 1, noNaN: true }), k: fc.integer({ min: 0, max: 60 }) }), { minLength: nAreas, maxLength: nAreas }),
        { minLength: nYears, maxLength: nYears },
      ),
    )
    .map((grid) =>
      grid.map((areas, t) => ({
        year: 2010 + 2 * t,
        // A0 and A1 are always present with k = 0 and 60: every year has a spread, so z-values exist.
        rows: areas.flatMap((a, i) => (a.present < 0.85 || i < 2 ? [{ id: `A${i}`, k: i === 0 ? 0 : i === 1 ? 60 : a.k, n: 100, einwohner: 100 }] : [])),
      })),
    );

  it("transition tables sum to the areas with a verdict in both years; streaks never exceed the surveys", () => {
    fc.assert(
      fc.property(yearTables, (tables) => {
        const m = monitorYears(tables, opts);
        m.transitions.forEach((tr, t) => {
          const a = m.verdictsByYear[t].classes;
          const b = m.verdictsByYear[t + 1].classes;
          const both = Object.keys(a).filter((id) => a[id] != null && b[id] != null).length;
          const sum = tr.counts.flat().reduce((s, x) => s + x, 0);
          expect(sum).toBe(both);
          expect(tr.total).toBe(both);
          expect(tr.unchanged + tr.changes.length).toBe(both);
        });
        expect(m.transitions.length).toBe(tables.length - 1);
        for (const p of m.persistence) {
          expect(p.streak).toBeLessThanOrEqual(tables.length);
          expect(p.streak).toBeLessThanOrEqual(tables.length - p.missingYears.length);
        }
        const ids = new Set(tables.flatMap((t) => t.rows.map((r) => r.id)));
        expect(m.series.length).toBe(ids.size);
        for (const s of m.series) expect(s.values.length).toBe(tables.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe("monitorYears on the embedded city 2014–2020 (planted patterns, data/README.md)", () => {
  const tables = [2014, 2016, 2018, 2020].map((year) => ({ year, rows: readCsv(`${DATA_DIR}/strukturdaten_${year}.csv`, { id: "sozialraum_id" }).rows }));
  const m = monitorYears(tables, { id: "sozialraum_id", minimumPopulation: 300 });
  const p = Object.fromEntries(m.persistence.map((x) => [x.id, x]));

  it("finds the persistently deprived areas auffällig in all four surveys", () => {
    // Wiesdorf-Mitte, -Ost, -Süd; Rheindorf-Mitte, -Nord, -Südost, -Südwest, -Nordwest; Küppersteg-Süd; Quettingen-Nordwest
    for (const id of ["010101", "010103", "010104", "010301", "010302", "010303", "010305", "010306", "010503", "020203"]) expect(p[id].streak, id).toBe(4);
  });

  it("finds Opladen improving and Manfort-Nordwest seit drei Erhebungen auffällig", () => {
    for (const id of ["020101", "020102", "020105"]) expect(p[id].auffaelligYears, id).toEqual([2014, 2016]);
    expect(p["020107"].auffaelligYears).toEqual([2014]);
    expect(p["010204"]).toMatchObject({ streak: 3, streakYears: [2016, 2018, 2020] });
  });

  it("leaves the three very small areas out of every year, with the reason", () => {
    expect(m.excluded.map((e) => `${e.year} ${e.id}`)).toEqual([2014, 2016, 2018, 2020].flatMap((y) => ["010106", "020204", "030205"].map((id) => `${y} ${id}`)));
    expect(m.excluded.every((e) => e.reason.startsWith("Einwohner unter 300"))).toBe(true);
    for (const t of m.transitions) expect(t.total).toBe(58);
  });
});
