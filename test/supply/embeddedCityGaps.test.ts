import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compositeIndex } from "../../src/classify/compositeIndex.js";
import { computeIndicators } from "../../src/indicators/computeIndicators.js";
import { indicatorRows } from "../../src/indicators/indicatorRows.js";
import { readCsv } from "../../src/io/readCsv.js";
import {
  DEFAULT_SERVING_TYPES, areaCentroids, assignPointsToAreas, needSupplyAnalysis, observationContradictions, readFacilities, readObservations,
  supplyGaps, type AreaFeatureCollection, type SupplyGapsResult,
} from "../../src/supply/index.js";
import { supplySection } from "../../src/report/sections/supplySection.js";

// The embedded synthetic city (data/, written by src/synth). Planted supply (data/README.md, src/synth/citySpec.ts):
// Kita-Faktor 0,35 Rheindorf-Mitte (010301), 0,50 Wiesdorf-Ost (010103), 0,60 Steinbüchel-Mitte (030201), 1,30
// Schlebusch-Mitte (030101, well supplied); no Jugendzentrum in Rheindorf. Observations: see stadtteiltreffen.csv.
const DATA = new URL("../../data/", import.meta.url);
const hasData = existsSync(new URL("einrichtungen.csv", DATA));
const path = (f: string) => new URL(f, DATA).pathname;

function city() {
  const geojson = JSON.parse(readFileSync(path("sozialraeume.geojson"), "utf8")) as AreaFeatureCollection;
  const residents = readCsv(path("strukturdaten_2018.csv"), { id: "sozialraum_id" }).rows as Array<Record<string, unknown>>;
  const facilities = readFacilities(path("einrichtungen.csv"));
  const areas = assignPointsToAreas(facilities, geojson, { idProperty: "sozialraum_id" });
  const placed = facilities.map((f, i) => ({ ...f, area: areas[i] }));
  const centroids = areaCentroids(geojson, { idProperty: "sozialraum_id" });
  // Need index per target group as the pipeline builds it: indicators (areas ≥ 300 residents), then the
  // re-standardised sum of the z-values of the group's indicators (compositeIndex).
  const ind = computeIndicators(residents, { id: "sozialraum_id", minimumPopulation: 300 });
  const values = indicatorRows(ind);
  const need: Array<{ id: string; group: string; need: number | null }> = [];
  for (const group of ["children", "working-age", "elderly"]) {
    const spec = ind.indicators.filter((d) => d.targetGroup === group);
    const r = compositeIndex(values, { id: "sozialraum_id", indicators: spec.map((d) => ({ column: d.id, weight: 1, direction: d.direction })) });
    r.areas.forEach((a) => need.push({ id: String(a.id), group, need: a.index }));
  }
  return { geojson, residents, facilities, placed, centroids, need };
}

(hasData ? describe : describe.skip)("gaps on the embedded city (default rules)", () => {
  const c = hasData ? city() : null!;
  const gapsOf = (type: string): SupplyGapsResult =>
    supplyGaps(
      { facilities: c.placed, residents: c.residents, centroids: c.centroids, need: c.need },
      { servingType: DEFAULT_SERVING_TYPES.find((t) => t.type === type)! },
    );

  it("Kita: finds the planted child-care gaps, not the well-supplied Schlebusch-Mitte; a short list", () => {
    const kita = gapsOf("Kita");
    const ids = kita.gaps.map((g) => g.id);
    for (const planted of ["010301", "010103", "030201"]) expect(ids).toContain(planted);
    expect(ids).not.toContain("030101");
    expect(kita.rows.find((r) => r.id === "030101")!.relative!).toBeGreaterThan(1.2);
    expect(ids.length).toBeLessThanOrEqual(Math.floor(61 / 4));
    // the two planted gaps with high need lead the list
    expect(ids.slice(0, 2)).toEqual(["010301", "010103"]);
    expect(kita.gaps.slice(0, 2).every((g) => g.highNeed)).toBe(true);
    // Steinbüchel-Mitte is a gap by its own Versorgungsquote (about 0,6 × 0,6 places per child), not by need
    const st = kita.rows.find((r) => r.id === "030201")!;
    expect(st).toMatchObject({ scale: "area", highNeed: false });
    expect(st.relative!).toBeLessThan(0.6);
  });

  it("Jugendzentrum: Rheindorf-Mitte (no Jugendzentrum in Rheindorf, high need) is a gap; every list is short and has high need", () => {
    const jz = gapsOf("Jugendzentrum");
    expect(jz.gaps.map((g) => g.id)).toContain("010301");
    for (const t of DEFAULT_SERVING_TYPES) {
      const g = gapsOf(t.type);
      expect(g.gaps.length, t.type).toBeLessThanOrEqual(15);
      if (t.gapRule === "highNeedLowSupply") expect(g.gaps.every((r) => r.highNeed === true && r.need! > 1), t.type).toBe(true);
      expect(g.gaps.map((r) => r.id), t.type).not.toContain("030101");
    }
  });

  it("contradictions: the Kita waiting list in Rheindorf-Südwest (supply above the city) and the 'ohne Datenbefund' observations", () => {
    const observations = readObservations(path("stadtteiltreffen.csv"));
    const gaps = DEFAULT_SERVING_TYPES.map((t) => gapsOf(t.type));
    const r = observationContradictions(observations, c.need, gaps, [...DEFAULT_SERVING_TYPES]);
    const a = r.contradictions.filter((x) => x.direction === "observation-without-data");
    // row 5: "Eltern finden keinen Kita-Platz, die Wartelisten sind länger als ein Jahr." (010305, tags Kita|Betreuung)
    expect(a).toContainEqual(expect.objectContaining({ kind: "shortage-but-high-supply", id: "010305", type: "Kita", observationRows: [5] }));
    // the observations planted "ohne Datenbefund" in children, working-age, elderly (data/README.md) all show up
    const without = [["030107", "working-age"], ["030302", "elderly"], ["030304", "children"], ["020104", "elderly"], ["020304", "children"]];
    for (const [id, group] of without) expect(a).toContainEqual(expect.objectContaining({ kind: "need-not-in-data", id, group }));
    // none of the observations planted "von Daten gestützt" (children, working-age, elderly) is a need-not-in-data
    const supported = ["010103", "010301", "010305", "010204", "010503", "010306", "010101", "010302"];
    expect(a.filter((x) => x.kind === "need-not-in-data" && supported.includes(x.id))).toEqual([]);
    // B: Steinbüchel-Mitte's Kita gap is mentioned by no observation
    expect(r.contradictions).toContainEqual(expect.objectContaining({ kind: "gap-not-observed", id: "030201", type: "Kita" }));
    // context observations have no need judgement: listed as unchecked, not dropped
    expect(r.unchecked.map((u) => u.row)).toEqual([11, 19, 21]);
  });

  it("needSupplyAnalysis carries the rules, the gaps per facility type and the contradictions", () => {
    const population = c.residents.map((r) => ({ id: String(r.sozialraum_id), children: r.ew_0_5, "working-age": 1, elderly: 1, context: 1 }));
    const a = needSupplyAnalysis(
      { geojson: c.geojson, facilities: c.facilities, population, need: c.need, residents: c.residents, observations: readObservations(path("stadtteiltreffen.csv")) },
      { radiusKm: 1.5, decay: { type: "gaussian" } },
    );
    expect(a.rules.needThreshold).toBe(1);
    expect(a.rules.lowSupplyShare).toBe(0.75);
    expect(a.typeGaps.map((g) => g.type)).toEqual(["Kita", "Jugendzentrum", "Familienzentrum", "Seniorentreff", "Beratungsstelle"]);
    expect(a.typeGaps[0].gaps.map((g) => g.id)).toEqual(gapsOf("Kita").gaps.map((g) => g.id));
    // the quadrants use the same high-need rule (need index > 1), no longer the median
    for (const g of a.groups) expect(g.comparison.needLevel).toBe(1);
    expect(a.contradictions.contradictions.length).toBeGreaterThan(0);
    // the section's "Lücken" table lists the gaps per facility type, with the columns the workbook sheet keeps
    const s = supplySection(a);
    const lucken = s.tables!.find((t) => t.title === "Lücken Bedarf und Angebot")!;
    expect(lucken.columns.map((c) => c.label)).toEqual(expect.arrayContaining(["Zielgruppe", "Sozialraum", "Einrichtungsart", "hoher Bedarf"]));
    expect(lucken.rows.length).toBe(a.typeGaps.reduce((n, g) => n + g.gaps.length, 0));
    expect(lucken.rows.filter((r) => r.type === "Kita").map((r) => r.id)).toEqual(a.typeGaps[0].gaps.map((g) => g.id));
    const w = s.tables!.find((t) => t.title === "Widersprüche Treffen und Daten")!;
    expect(w.rows.length).toBe(a.contradictions.contradictions.length);
  });
});
