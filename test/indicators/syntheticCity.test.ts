import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  aggregateCounts,
  computeIndicators,
  drillDown,
  indicatorColumns,
  joinAreaTables,
  readCsv,
  type IndicatorDefinition,
} from "../../src/index.js";

// The embedded synthetic city (data/, written by scripts/generate-data.ts). Reference values: the city totals
// and the small-area table in data/README.md, computed by the generator (src/synth) from the same counts.
const DATA = new URL("../../data/", import.meta.url);
const hasData = existsSync(new URL("strukturdaten_2018.csv", DATA));

function city(year: 2016 | 2018) {
  const s = readCsv(new URL(`strukturdaten_${year}.csv`, DATA).pathname, { id: "sozialraum_id" });
  const g = readCsv(new URL("gebiete.csv", DATA).pathname, { id: "sozialraum_id", types: { stadtteil_id: "string", stadtbezirk_id: "string" } });
  return joinAreaTables(s, g, { id: "sozialraum_id" }).table.rows;
}
const COUNTS = [...new Set([...indicatorColumns(), "einwohner"])];

(hasData ? describe : describe.skip)("the embedded synthetic city", () => {
  it("excludes the three tiny Sozialräume under 300 Einwohner (data/README.md)", () => {
    const r = computeIndicators(city(2018), { id: "sozialraum_id", minimumPopulation: 300 });
    expect(r.n).toBe(61);
    expect(r.excluded.filter((e) => e.step === "minimumPopulation")).toEqual([
      { id: "010106", reason: "Einwohner unter 300 (130)", step: "minimumPopulation", column: "einwohner" },
      { id: "020204", reason: "Einwohner unter 300 (241)", step: "minimumPopulation", column: "einwohner" },
      { id: "030205", reason: "Einwohner unter 300 (59)", step: "minimumPopulation", column: "einwohner" },
    ]);
    // Chempark 2018: hh_alleinerziehend "." → Alleinerziehende missing
    expect(r.excluded).toContainEqual({ id: "010106", reason: 'Alleinerziehende: hh_alleinerziehend fehlt (".")', step: "missing", column: "alleinerziehende" });
  });

  it("reads \"-\" as zero only when asked", () => {
    // Fixheide 2018: arbeitslose_15_24 "-" (nichts vorhanden)
    const strict = computeIndicators(city(2018), { id: "sozialraum_id" });
    const zero = computeIndicators(city(2018), { id: "sozialraum_id", zeroMarkers: ["-"] });
    const i = strict.areas.findIndex((a) => a.id === "020204");
    expect(strict.areas[i].values.jugendarbeitslosigkeit).toMatchObject({ status: "missing", marker: "-" });
    expect(zero.areas[i].values.jugendarbeitslosigkeit).toMatchObject({ status: "ok", numerator: 0, value: 0 });
  });

  it("reproduces the planted SGB-II-Quote and Kinderarmut of the most deprived Sozialräume (2016)", () => {
    // data/README.md defines this SGB-II-Quote as sgb2_personen / (einwohner − ew_65_plus) = persons / residents under 65
    const readme: IndicatorDefinition[] = [
      { id: "sgb2_u65", label: "SGB-II-Quote", targetGroup: "working-age", numerator: "sgb2_personen", denominator: ["ew_0_5", "ew_6_14", "ew_15_17", "ew_18_24", "ew_25_64"], unit: "%", direction: 1, source: "data/README.md" },
      { id: "kinderarmut", label: "Kinderarmut", targetGroup: "children", numerator: "sgb2_unter_15", denominator: ["ew_0_5", "ew_6_14"], unit: "%", direction: 1, source: "data/README.md" },
    ];
    const r = computeIndicators(city(2016), { id: "sozialraum_id", indicators: readme });
    const byId = new Map(r.areas.map((a) => [a.id, a.values]));
    const table: [string, number, number][] = [
      ["010306", 27.6, 35.0], ["010301", 22.4, 37.8], ["010101", 23.1, 31.1], ["010305", 21.2, 34.4], ["010103", 18.1, 29.0],
    ];
    for (const [id, sgb2, kinder] of table) {
      expect(Math.round(byId.get(id)!.sgb2_u65.value! * 10) / 10).toBe(sgb2);
      expect(Math.round(byId.get(id)!.kinderarmut.value! * 10) / 10).toBe(kinder);
    }
  });

  it("reproduces the city totals of data/README.md from summed counts", () => {
    // README: 2018 Kinderarmut 19,2 %, Altersarmut 3,9 %, Migrationshintergrund 34,4 %, Arbeitslose je 15–64 5,6 %
    const stadt = aggregateCounts(city(2018), { id: "sozialraum_id", parent: null, counts: COUNTS, missing: "sum-available", totalId: "Stadt" });
    expect(stadt.rows[0].einwohner).toBe(164220);
    const v = computeIndicators(stadt.rows, { id: stadt.id }).areas[0].values;
    const round1 = (x: number | null) => Math.round(x! * 10) / 10;
    expect(round1(v.kinderarmut.value)).toBe(19.2);
    expect(round1(v.altersarmut.value)).toBe(3.9);
    expect(round1(v.migrationshintergrund.value)).toBe(34.4);
    expect(round1(v.arbeitslosigkeit.value)).toBe(5.6);
    // the suppressed cells are reported, not hidden
    expect(stadt.groups[0].incomplete.map((e) => e.column)).toContain("grundsicherung_65_plus");
    expect(stadt.warnings.length).toBeGreaterThan(0);
  });

  it("drills down Stadtbezirk → Stadtteil → Sozialraum with consistent totals", () => {
    const rows = city(2018);
    const stadtteile = aggregateCounts(rows, { id: "sozialraum_id", parent: "stadtteil_id", counts: COUNTS, keep: ["stadtteil_name", "stadtbezirk_id"], zeroMarkers: ["-"] });
    expect(stadtteile.n).toBe(13);
    const bezirke = aggregateCounts(stadtteile.rows, { id: "stadtteil_id", parent: "stadtbezirk_id", counts: COUNTS, missing: "sum-available" });
    expect(bezirke.n).toBe(3);
    const inBezirk01 = drillDown(stadtteile.rows, { parent: "stadtbezirk_id", value: "01" });
    expect(inBezirk01.map((r) => r.stadtteil_id)).toEqual(bezirke.groups[0].children);
    const einwohner = (xs: readonly Record<string, unknown>[]) => xs.reduce((s, r) => s + (r.einwohner as number), 0);
    expect(einwohner(inBezirk01)).toBe(bezirke.rows[0].einwohner);
    expect(einwohner(drillDown(rows, { parent: "stadtbezirk_id", value: "01" }))).toBe(bezirke.rows[0].einwohner);
  });
});
