import { describe, expect, it } from "vitest";
import { generateSyntheticCity, SURVEY_YEARS, type AreaCounts, type SurveyYear } from "../../src/synth/index.js";
import { readDataCsv } from "./helpers.js";

const city = generateSyntheticCity();
const YEARS = SURVEY_YEARS;
const num = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : null);

/** Every consistency rule of the data contract, as a list of violated rule texts. */
function violations(c: AreaCounts): string[] {
  const out: string[] = [];
  const check = (ok: boolean, rule: string): void => void (ok || out.push(rule));
  check(c.ew_0_5 + c.ew_6_14 + c.ew_15_17 + c.ew_18_24 + c.ew_25_64 + c.ew_65_plus === c.einwohner, "age bands sum to einwohner");
  check(c.sgb2_unter_15 <= c.ew_0_5 + c.ew_6_14, "sgb2_unter_15 <= ew_0_5 + ew_6_14");
  check(c.hh_alleinerziehend <= c.hh_mit_kindern && c.hh_mit_kindern <= c.haushalte, "hh_alleinerziehend <= hh_mit_kindern <= haushalte");
  check(c.haushalte <= c.einwohner, "haushalte <= einwohner");
  check(c.hh_mit_kindern <= c.ew_0_5 + c.ew_6_14 + c.ew_15_17, "hh_mit_kindern <= children under 18");
  check(c.grundsicherung_65_plus <= c.ew_65_plus, "grundsicherung_65_plus <= ew_65_plus");
  check(c.arbeitslose === c.arbeitslose_sgb2 + c.arbeitslose_sgb3, "arbeitslose = sgb2 + sgb3");
  check(c.arbeitslose_15_24 <= c.ew_15_17 + c.ew_18_24 && c.arbeitslose_15_24 <= c.arbeitslose, "arbeitslose_15_24 <= young, <= arbeitslose");
  check(c.sgb2_elb_15_64 <= c.ew_15_17 + c.ew_18_24 + c.ew_25_64, "sgb2_elb_15_64 <= residents 15-64");
  check(c.arbeitslose_sgb2 <= c.sgb2_elb_15_64, "arbeitslose_sgb2 <= sgb2_elb_15_64");
  check(c.sgb2_personen >= c.sgb2_elb_15_64 + c.sgb2_unter_15, "sgb2_personen >= elb + unter_15");
  check(c.sgb2_personen <= c.einwohner - c.ew_65_plus, "sgb2_personen <= residents under 65");
  check(c.migrationshintergrund <= c.einwohner, "migrationshintergrund <= einwohner");
  check(Object.values(c).every((v) => Number.isInteger(v) && v >= 0), "non-negative integers");
  return out;
}

describe("embedded city: hierarchy", () => {
  const gebiete = readDataCsv("gebiete.csv");
  it("has 13 Stadtteile in 3 Stadtbezirke and 40-80 Sozialräume with nested keys", () => {
    expect(new Set(gebiete.map((g) => g.stadtteil_id)).size).toBe(13);
    expect(new Set(gebiete.map((g) => g.stadtbezirk_id)).size).toBe(3);
    expect(gebiete.length).toBeGreaterThanOrEqual(40);
    expect(gebiete.length).toBeLessThanOrEqual(80);
    expect(new Set(gebiete.map((g) => g.sozialraum_id)).size).toBe(gebiete.length);
    expect(new Set(gebiete.map((g) => g.sozialraum_name)).size).toBe(gebiete.length);
    for (const g of gebiete) {
      expect(g.sozialraum_id).toMatch(/^\d{6}$/);
      expect(g.sozialraum_id.slice(0, 4)).toBe(g.stadtteil_id);
      expect(g.stadtteil_id.slice(0, 2)).toBe(g.stadtbezirk_id);
    }
  });
  it("lists the same Sozialräume in every file, in the same order", () => {
    const ids = gebiete.map((g) => g.sozialraum_id);
    for (const y of YEARS) expect(readDataCsv(`strukturdaten_${y}.csv`).map((r) => r.sozialraum_id)).toEqual(ids);
  });
});

describe("embedded city: counts", () => {
  it("keeps every consistency rule in every Sozialraum and year (true counts)", () => {
    for (const a of city.areas) for (const y of YEARS) expect(violations(a.counts[y]), `${a.id} ${y}`).toEqual([]);
  });

  it("publishes the true counts except for marked cells, and marks only areas under 300 residents", () => {
    for (const y of YEARS) {
      const rows = readDataCsv(`strukturdaten_${y}.csv`);
      rows.forEach((row, k) => {
        const truth = city.areas[k].counts[y];
        for (const [col, text] of Object.entries(row)) {
          if (col === "sozialraum_id") continue;
          const v = num(text);
          if (v !== null) {
            expect(v, `${row.sozialraum_id} ${col}`).toBe(truth[col as keyof AreaCounts]);
            continue;
          }
          expect(truth.einwohner, `${row.sozialraum_id} ${col} "${text}" in a large area`).toBeLessThan(300);
          expect([".", "-", ""]).toContain(text);
          if (text === "-") expect(truth[col as keyof AreaCounts]).toBe(0);
          if (text === "" ) expect(col).toBe("migrationshintergrund");
        }
      });
    }
  });

  it("has a few very small areas, with both markers '.' and '-'", () => {
    const small = city.areas.filter((a) => a.counts[2016].einwohner < 300);
    expect(small.length).toBeGreaterThanOrEqual(2);
    expect(small.length).toBeLessThanOrEqual(5);
    const text = readDataCsv("strukturdaten_2016.csv").flatMap((r) => Object.values(r));
    expect(text).toContain(".");
    expect(text).toContain("-");
  });

  it("never leaves a lone '.' in a group that adds up (secondary suppression)", () => {
    const groups = [["ew_0_5", "ew_6_14", "ew_15_17", "ew_18_24", "ew_25_64", "ew_65_plus"], ["arbeitslose", "arbeitslose_sgb2", "arbeitslose_sgb3"]];
    for (const y of YEARS) {
      for (const row of readDataCsv(`strukturdaten_${y}.csv`)) {
        for (const g of groups) expect(g.filter((c) => row[c] === ".").length, `${y} ${row.sozialraum_id}`).not.toBe(1);
      }
    }
  });

  it("has realistic German levels city-wide and in the extremes", () => {
    const sum = (y: SurveyYear, k: keyof AreaCounts): number => city.areas.reduce((s, a) => s + a.counts[y][k], 0);
    const regular = city.areas.filter((a) => a.counts[2016].einwohner >= 300);
    for (const y of YEARS) {
      const sgb2 = sum(y, "sgb2_personen") / (sum(y, "einwohner") - sum(y, "ew_65_plus"));
      const kids = sum(y, "sgb2_unter_15") / (sum(y, "ew_0_5") + sum(y, "ew_6_14"));
      const old = sum(y, "grundsicherung_65_plus") / sum(y, "ew_65_plus");
      const mig = sum(y, "migrationshintergrund") / sum(y, "einwohner");
      expect(sgb2).toBeGreaterThan(0.08);
      expect(sgb2).toBeLessThan(0.12);
      expect(kids).toBeGreaterThan(0.15);
      expect(kids).toBeLessThan(0.2);
      expect(old).toBeGreaterThan(0.03);
      expect(old).toBeLessThan(0.05);
      expect(mig).toBeGreaterThan(0.3);
      expect(mig).toBeLessThan(0.4);
      const maxSgb2 = Math.max(...regular.map((a) => a.counts[y].sgb2_personen / (a.counts[y].einwohner - a.counts[y].ew_65_plus)));
      expect(maxSgb2).toBeGreaterThan(0.2);
      expect(maxSgb2).toBeLessThan(0.33);
      const maxKids = Math.max(...regular.map((a) => a.counts[y].sgb2_unter_15 / (a.counts[y].ew_0_5 + a.counts[y].ew_6_14)));
      expect(maxKids).toBeGreaterThan(0.3);
      expect(maxKids).toBeLessThan(0.46);
    }
  });

  it("changes between 2016 and 2018: some areas improve, some worsen", () => {
    const rate = (a: (typeof city.areas)[number], y: 2016 | 2018): number => a.counts[y].sgb2_personen / (a.counts[y].einwohner - a.counts[y].ew_65_plus);
    const regular = city.areas.filter((a) => a.counts[2016].einwohner >= 300);
    expect(regular.filter((a) => rate(a, 2018) < rate(a, 2016) - 0.02).length).toBeGreaterThanOrEqual(3);
    expect(regular.filter((a) => rate(a, 2018) > rate(a, 2016) + 0.02).length).toBeGreaterThanOrEqual(3);
  });

  it("clusters disadvantage in space: neighbouring Sozialräume have similar SGB II rates (Moran's I > 0.3)", () => {
    // rook neighbours from shared border edges; Moran's I with row-standardised weights, computed by hand here
    const edgeOwner = new Map<string, number>();
    const nb: Array<Set<number>> = city.areas.map(() => new Set());
    city.areas.forEach((a, i) => {
      for (let k = 0; k + 1 < a.ring.length; k++) {
        const key = [a.ring[k], a.ring[k + 1]].map((p) => p.join(",")).sort().join("|");
        const j = edgeOwner.get(key);
        if (j === undefined) edgeOwner.set(key, i);
        else if (j !== i) {
          nb[i].add(j);
          nb[j].add(i);
        }
      }
    });
    const x = city.areas.map((a) => a.counts[2016].sgb2_personen / (a.counts[2016].einwohner - a.counts[2016].ew_65_plus));
    const m = x.reduce((s, v) => s + v, 0) / x.length;
    const zx = x.map((v) => v - m);
    const num = zx.reduce((s, zi, i) => s + zi * [...nb[i]].reduce((t, j) => t + zx[j] / nb[i].size, 0), 0);
    const I = num / zx.reduce((s, zi) => s + zi * zi, 0);
    expect(I).toBeGreaterThan(0.3);
  });
});

describe("embedded city: facilities and observations", () => {
  it("has all five facility types with target groups and positive capacity", () => {
    const rows = readDataCsv("einrichtungen.csv");
    expect(new Set(rows.map((r) => r.typ))).toEqual(new Set(["Kita", "Jugendzentrum", "Familienzentrum", "Seniorentreff", "Beratungsstelle"]));
    for (const r of rows) {
      expect(r.einrichtung_id).toMatch(/^E\d{3}$/);
      expect(Number(r.kapazitaet)).toBeGreaterThan(0);
      for (const g of r.zielgruppe.split("|")) expect(["children", "working-age", "elderly", "context"]).toContain(g);
      expect(r.lon).toMatch(/^\d+,\d+$/);
    }
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it("under-supplies the planted needy areas: fewer Kita places per child than the city", () => {
    const kitaPlaces = (id: string): number => city.einrichtungen.filter((f) => f.typ === "Kita" && insideArea(id, f)).reduce((s, f) => s + f.kapazitaet, 0);
    const all = city.areas.reduce((s, a) => s + a.counts[2018].ew_0_5, 0);
    const places = city.einrichtungen.filter((f) => f.typ === "Kita").reduce((s, f) => s + f.kapazitaet, 0);
    for (const a of city.areas.filter((x) => x.supply.kitaFactor < 1)) {
      expect(kitaPlaces(a.id) / a.counts[2018].ew_0_5, a.name).toBeLessThan((0.75 * places) / all);
    }
    expect(city.einrichtungen.some((f) => f.typ === "Jugendzentrum" && city.areas.some((a) => a.stadtteilName === "Rheindorf" && insideArea(a.id, f)))).toBe(false);
  });

  it("has ~20 observations, some backed by the data and some where the data show nothing", () => {
    const rows = readDataCsv("stadtteiltreffen.csv");
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.length).toBeLessThanOrEqual(25);
    const ids = new Set(city.gebiete.map((g) => g.sozialraum_id));
    for (const r of rows) {
      expect(r.datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ids.has(r.sozialraum_id)).toBe(true);
      expect(["children", "working-age", "elderly", "context"]).toContain(r.zielgruppe);
      expect(["hoch", "mittel", "niedrig"]).toContain(r.bedarf);
    }
    const befund = city.stadtteiltreffen.map((o) => o.befund);
    expect(befund.filter((b) => b === "ohne Datenbefund").length).toBeGreaterThanOrEqual(3);
    expect(befund.filter((b) => b === "von Daten gestützt").length).toBeGreaterThanOrEqual(10);
  });
});

function insideArea(id: string, f: { lon: number; lat: number }): boolean {
  const ring = (city.areas.find((a) => a.id === id) as (typeof city.areas)[number]).ring;
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    if (ring[a][1] > f.lat !== ring[b][1] > f.lat && f.lon < ((ring[b][0] - ring[a][0]) * (f.lat - ring[a][1])) / (ring[b][1] - ring[a][1]) + ring[a][0]) inside = !inside;
  }
  return inside;
}
