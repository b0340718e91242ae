import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { needSupplyAnalysis, parseObservations } from "../../src/supply/index.js";
import { supplyMapFigure, gapMapFigure } from "../../src/plot/index.js";
import { supplySection } from "../../src/report/index.js";
import type { Facility } from "../../src/supply/index.js";
import { assertOfflineFigure } from "../../src/render/assertOfflineFigure.js";

const geojson = JSON.parse(readFileSync(new URL("../reference/supply/fixture.geojson", import.meta.url), "utf8"));
// areas "10", "02", "05", "07", "01" (see make-points.ts)
const facilities: Facility[] = [
  { id: "K1", name: "Kita 1", type: "Kita", groups: ["children"], capacity: 100, lon: 7.005, lat: 51.005 }, // in "10"
  { id: "K2", name: "Kita 2", type: "Kita", groups: ["children"], capacity: 50, lon: 7.06, lat: 51.02 }, // in "05"
  { id: "F1", name: "Familienzentrum", type: "Familienzentrum", groups: ["children", "working-age"], capacity: 20, lon: 7.015, lat: 51.015 }, // "02"
  { id: "X", name: "weit weg", type: "Kita", groups: ["children"], capacity: 10, lon: 8, lat: 52 }, // outside
];
const population = [
  { id: "10", children: 1000, "working-age": 3000 },
  { id: "02", children: 200, "working-age": 500 },
  { id: "05", children: 500, "working-age": 1000 },
  { id: "07", children: 800, "working-age": 2000 },
  { id: "01", children: 100, "working-age": 300 },
];
const need = [
  { id: "10", group: "children", need: 0.5 },
  { id: "02", group: "children", need: -1 },
  { id: "05", group: "children", need: 0 },
  { id: "07", group: "children", need: 1.5 },
  { id: "01", group: "children", need: 0.8 },
];
const observations = parseObservations(
  "datum;sozialraum_id;zielgruppe;quelle;text;tags;bedarf\n2018-03-01;02;children;Konferenz;Kita fehlt;kita;hoch\n",
);

describe("needSupplyAnalysis + supplySection", () => {
  const analysis = needSupplyAnalysis(
    { geojson, facilities, population, need, observations, names: { "07": "Nordost" } },
    { idProperty: "area_id", groups: ["children"], facilityTypes: { children: ["Kita", "Familienzentrum"] } },
  );
  it("assigns facilities, names those outside, computes supply per group", () => {
    expect(analysis.facilities.map((f) => f.area)).toEqual(["10", "05", "02", null]);
    expect(analysis.excludedFacilities.map((e) => e.id)).toEqual(["X"]);
    const g = analysis.groups[0];
    // places per 1 000 children: "10" 100/1000·1000 = 100, "02" 20/200·1000 = 100, "05" 50/500·1000 = 100, "07" 0, "01" 0
    expect(g.ratios.rows.map((r) => r.placeRate)).toEqual([100, 100, 100, 0, 0]);
    // city: 170 places / 2600 children · 1000 = 65.38…
    expect(g.comparison.supplyLevel).toBeCloseTo((170 / 2600) * 1000, 12);
    // high need: need index > 1 (the flag threshold of conspicuousness, the default): only "07" (1.5), supply 0 < 65.4
    expect(g.comparison.needLevel).toBe(1);
    expect(g.comparison.gaps.map((r) => r.id).sort()).toEqual(["07"]);
    // the old rule on request: need above the median of (0.5, −1, 0, 1.5, 0.8) = 0.5 adds "01" (0.8)
    const median = needSupplyAnalysis({ geojson, facilities, population, need }, { idProperty: "area_id", groups: ["children"], facilityTypes: { children: ["Kita", "Familienzentrum"] }, needLevel: "median" });
    expect(median.groups[0].comparison.gaps.map((r) => r.id).sort()).toEqual(["01", "07"]);
    // observation in "02" (need −1 ≤ 0.5): not visible in the data
    expect(g.notVisible.map((r) => r.id)).toEqual(["02"]);
  });
  it("builds the report section with figures, tables and sheets", () => {
    const s = supplySection(analysis, { geojson });
    expect(s.id).toBe("bedarf-angebot");
    expect(s.title).toBe("Bedarf und Angebot");
    expect(s.tables!.map((t) => t.title)).toEqual(["Angebot je Sozialraum", "Lücken Bedarf und Angebot", "Beobachtungen Stadtteiltreffen", "Bedarf nicht in Daten sichtbar", "Widersprüche Treffen und Daten"]);
    for (const t of s.tables!) {
      expect(t.title.length).toBeLessThanOrEqual(31);
      for (const row of t.rows) for (const c of t.columns) expect(c.key in row).toBe(true);
    }
    const gaps = s.tables![1].rows;
    expect(gaps.map((r) => r.id)).toEqual(["07"]); // need 1.5 > 1, supply 0 (without residents: the quadrant gap list)
    expect(gaps[0].name).toBe("Nordost");
    expect(s.tables![0].highlight!.map((h) => s.tables![0].rows[h.row].id).sort()).toEqual(["07"]);
    expect(s.figures!.map((f) => f.title)).toEqual(["Bedarf und Angebot: Kinder und Jugendliche", "Angebot: Kinder und Jugendliche", "Lücken: Kinder und Jugendliche"]);
    for (const f of s.figures!) assertOfflineFigure(f.figure, f.title);
    expect(s.paragraphs!.join(" ")).toContain("1 liegen außerhalb aller Sozialräume und bleiben unberücksichtigt: X");
    expect(s.paragraphs!.join(" ")).toContain("1 von 5 Sozialräumen haben hohen Bedarf und geringes Angebot: Nordost (07)");
    // the rates' base is named: the default children's population (0–17) and the facility types counted
    expect(analysis.groups[0].populationBase).toBe("0–17 Jahre");
    expect(s.tables![0].columns.slice(3, 5).map((c) => c.label)).toEqual(["Bezugsgruppe", "Einwohner der Bezugsgruppe"]);
    expect(new Set(s.tables![0].rows.map((r) => r.base))).toEqual(new Set(["0–17 Jahre (Kita, Familienzentrum)"]));
    expect(s.paragraphs!.join(" ")).toContain("Plätze je 1.000 Einwohner (0–17 Jahre) in der Gesamtstadt");
  });
  it("names the base of Kita rates when the population is the Kita age (populationColumns)", () => {
    const kita = needSupplyAnalysis(
      { geojson, facilities, population, need },
      { idProperty: "area_id", groups: ["children"], facilityTypes: { children: ["Kita"] }, populationColumns: { children: ["ew_0_5"] } },
    );
    const t = supplySection(kita).tables![0];
    expect(t.rows.map((r) => r.base)).toEqual(Array(5).fill("0–5 Jahre (Kita)"));
    // numbers unchanged by the label: 100 places / 1000 children in "10"
    expect(t.rows[0].placeRate).toBe(100);
  });
  it("maps: every area drawn once, missing values grey", () => {
    const fig = supplyMapFigure([{ id: "10", placeRate: 5 }, { id: "02", placeRate: null }], { geojson, idProperty: "area_id" });
    expect(fig.data[0].locations).toEqual(["10"]);
    expect(fig.data[0].z).toEqual([5]);
    expect(fig.data[1].locations).toEqual(["02", "05", "07", "01"]);
    expect(fig.data[1].name).toBe("ohne Wert (ausgeschlossen)");
    // more supply = darker: the colour scale runs from light yellow to dark blue (ColorBrewer YlGnBu)
    const scale = fig.data[0].colorscale as Array<[number, string]>;
    const lightness = (c: string) => [1, 3, 5].reduce((sum, k) => sum + parseInt(c.slice(k, k + 2), 16), 0);
    expect(scale[0]).toEqual([0, "#ffffd9"]);
    expect(scale[scale.length - 1]).toEqual([1, "#081d58"]);
    for (let k = 1; k < scale.length; k++) expect(lightness(scale[k][1])).toBeLessThan(lightness(scale[k - 1][1]));
    expect(fig.data[0].reversescale).toBe(false);
    // the long colour-bar title is broken into lines
    expect((fig.data[0].colorbar as { title: { text: string } }).title.text).toBe("Plätze je 1.000<br>Einwohner der<br>Zielgruppe");
    // typed result rows (interfaces without an index signature) are accepted as rows
    const typed = supplyMapFigure(analysis.groups[0].ratios.rows, { geojson, idProperty: "area_id" });
    expect(typed.data[0].z).toEqual([100, 100, 100, 0, 0]);
    const gap = gapMapFigure(analysis.groups[0].comparison, { geojson, idProperty: "area_id" });
    const drawn = gap.data.flatMap((t) => t.locations as string[]).sort();
    expect(drawn).toEqual(["01", "02", "05", "07", "10"]);
    // the gap quadrant comes first, in red, with "07" (need 1.5 > 1)
    expect(gap.data[0].name).toBe("hoher Bedarf, geringes Angebot");
    expect((gap.data[0].locations as string[]).sort()).toEqual(["07"]);
    expect(gap.data[0].colorscale).toEqual([[0, "#d73027"], [1, "#d73027"]]);
  });
  it("withinReach needs weights; catchment measure uses the 2SFCA city level", () => {
    expect(() => needSupplyAnalysis({ geojson, facilities, population, need }, { idProperty: "area_id", supplyMeasure: "withinReach" })).toThrow(
      'needSupplyAnalysis: supplyMeasure "withinReach" braucht input.weights',
    );
    const a = needSupplyAnalysis({ geojson, facilities, population, need }, { idProperty: "area_id", groups: ["children"], supplyMeasure: "catchment", radiusKm: 3 });
    expect(a.groups[0].comparison.supplyLevel).toBe(a.groups[0].catchment.cityLevel);
  });
});

describe("supply within reach with the spatial helper's contiguityWeights", () => {
  it("pools each area with its queen neighbours", async () => {
    const { contiguityWeights } = await import("../../src/spatial/index.js");
    const weights = contiguityWeights(geojson, { idProperty: "area_id" });
    const a = needSupplyAnalysis({ geojson, facilities, population, need, weights }, { idProperty: "area_id", groups: ["children"], supplyMeasure: "withinReach" });
    const g = a.groups[0];
    const places: Record<string, number> = { "10": 100, "02": 20, "05": 50, "07": 0, "01": 0 };
    const kids = Object.fromEntries(population.map((p) => [p.id, p.children]));
    for (const row of g.withinReach!.rows) {
      const members = [row.id, ...weights.neighbors[row.id]];
      expect(row.members.sort()).toEqual(members.sort());
      const want = (members.reduce((s, m) => s + places[m], 0) / members.reduce((s, m) => s + kids[m], 0)) * 1000;
      expect(row.placeRate).toBeCloseTo(want, 12);
    }
    // "10" touches the island "02", "05" and "01": (100 + 20 + 50 + 0) / (1000 + 200 + 500 + 100) · 1000 = 94.4…
    expect(g.withinReach!.rows[0].placeRate).toBeCloseTo((170 / 1800) * 1000, 12);
  });
});

describe("supplySection without residents of the group (review fix)", () => {
  it("writes no \"NaN\" when the city place rate is undefined", () => {
    // every area has 0 children: supplyRatios' city.placeRate is null; the 2SFCA still compares (accessibility 0)
    const empty = population.map((r) => ({ ...r, children: 0 }));
    const analysis = needSupplyAnalysis(
      { geojson, facilities, population: empty, need },
      { idProperty: "area_id", groups: ["children"], supplyMeasure: "catchment" },
    );
    expect(analysis.groups[0].ratios.city.placeRate).toBeNull();
    const text = (supplySection(analysis).paragraphs ?? []).join("\n");
    expect(text).not.toMatch(/NaN/);
    expect(text).toContain("keine Platzquote der Gesamtstadt (keine Einwohner der Bezugsgruppe mit Angabe)");
  });
});
