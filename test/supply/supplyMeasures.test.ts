import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  areaCentroids, catchmentWeight, distanceBandNeighbors, haversineKm, supplyRatios, supplyWithinReach,
  targetGroupPopulation, twoStepFloatingCatchment,
} from "../../src/supply/index.js";
import { missing } from "../../src/table/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

const facilities = [
  { id: "K1", area: "01", groups: ["children"], capacity: 60 },
  { id: "K2", area: "02", groups: ["children", "working-age"], capacity: 30 },
  { id: "K3", area: "02", groups: ["children"], capacity: null },
  { id: "K4", area: null, groups: ["children"], capacity: 10 },
  { id: "K5", area: "99", groups: ["children"], capacity: 10 },
  { id: "K6", area: "03", groups: ["children"], capacity: 20 },
  { id: "S1", area: "01", groups: ["elderly"], capacity: 40 },
];
const population = [
  { id: "01", children: 400 },
  { id: "02", children: 600 },
  { id: "03", children: missing(".") },
  { id: "04", children: 0 },
];

describe("supplyRatios (hand calculation)", () => {
  it("facilities and places per 1 000 residents, city level, exclusions", () => {
    const r = supplyRatios(facilities, population, { group: "children" });
    // 01: K1 → 1 facility, 60 places, 400 children: 1/400·1000 = 2.5, 60/400·1000 = 150
    expect(r.rows[0]).toEqual({ id: "01", population: 400, facilities: 1, places: 60, withoutCapacity: 0, facilityRate: 2.5, placeRate: 150 });
    // 02: K2 (30 places) + K3 (no capacity) → 2 facilities, 30 places: 2/600·1000 = 3.333…, 30/600·1000 = 50
    expect(r.rows[1].facilities).toBe(2);
    expect(r.rows[1].withoutCapacity).toBe(1);
    expect(r.rows[1].facilityRate).toBeCloseTo(10 / 3, 14);
    expect(r.rows[1].placeRate).toBe(50);
    // 03 missing, 04 zero: no rate
    expect(r.rows[2].placeRate).toBeNull();
    expect(r.rows[3].placeRate).toBeNull();
    expect(r.excluded).toEqual([
      { id: "03", reason: "Einwohnerzahl der Zielgruppe fehlt", step: "supplyRatios", column: "children" },
      { id: "04", reason: "keine Einwohner der Zielgruppe", step: "supplyRatios", column: "children" },
    ]);
    expect(r.excludedFacilities.map((e) => e.id)).toEqual(["K4", "K5"]);
    // city: areas with a rate (01, 02): 3 facilities, 90 places, 1000 children → 3 and 90 per 1 000
    expect(r.city).toEqual({ population: 1000, facilities: 3, places: 90, facilityRate: 3, placeRate: 90 });
    expect(r.n).toBe(2);
    expect(r.warnings[0]).toContain("1 Einrichtung(en) ohne Angabe der Kapazität");
  });
  it("multiGroup split halves a facility serving two groups", () => {
    const r = supplyRatios(facilities, population, { group: "children", multiGroup: "split" });
    // 02: K2 counts ½ with 15 places, K3 counts 1 → 1.5 facilities, 15 places → 15/600·1000 = 25
    expect(r.rows[1].facilities).toBe(1.5);
    expect(r.rows[1].placeRate).toBe(25);
  });
  it("counts per area via count", () => {
    const r = supplyRatios([{ id: "agg", area: "01", groups: ["children"], capacity: 120, count: 3 }], population, { group: "children" });
    expect(r.rows[0].facilities).toBe(3);
    expect(r.rows[0].placeRate).toBe(300); // 120/400·1000
  });
  it("invariant: the city place rate is the population-weighted mean of the area rates", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 500 })), { minLength: 1, maxLength: 30 }), (areas) => {
        const pop = areas.map(([p], i) => ({ id: `a${i}`, children: p }));
        const fac = areas.map(([, c], i) => ({ id: `f${i}`, area: `a${i}`, groups: ["children"], capacity: c }));
        const r = supplyRatios(fac, pop, { group: "children" });
        const weighted = r.rows.reduce((s, row) => s + (row.placeRate as number) * (row.population as number), 0) / r.city.population;
        return Math.abs(weighted - (r.city.placeRate as number)) <= 1e-9 * Math.max(1, weighted);
      }),
    );
  });
  it("errors name the problem", () => {
    expect(() => supplyRatios([], [{ id: "01", children: -1 }], { group: "children" })).toThrow(
      'supplyRatios: Gebiet "01", Spalte "children": keine Zahl ≥ 0 "-1"',
    );
    expect(() => supplyRatios([], [{ id: "01" }], { group: "children" })).toThrow('supplyRatios: Einwohnerzeile 0 hat keine Spalte "children"');
  });
});

describe("targetGroupPopulation", () => {
  it("sums the age bands; a suppressed band makes the group null", () => {
    const rows = [
      { sozialraum_id: "010101", einwohner: 100, ew_0_5: 6, ew_6_14: 9, ew_15_17: 3, ew_18_24: 8, ew_25_64: 54, ew_65_plus: 20 },
      { sozialraum_id: "010102", einwohner: 50, ew_0_5: missing("."), ew_6_14: 5, ew_15_17: 2, ew_18_24: 5, ew_25_64: 28, ew_65_plus: 10 },
    ];
    const [a, b] = targetGroupPopulation(rows);
    // children 6 + 9 + 3 = 18; working-age 3 + 8 + 54 = 65
    expect(a).toEqual({ id: "010101", children: 18, "working-age": 65, elderly: 20, context: 100, missing: {} });
    expect(b.children).toBeNull();
    expect(b.missing).toEqual({ children: ["ew_0_5"] });
    expect(b["working-age"]).toBe(35);
  });
});

describe("supplyWithinReach (hand calculation)", () => {
  it("pools each area with its neighbours", () => {
    const r = supplyRatios(facilities, population, { group: "children" });
    const weights = { ids: ["01", "02", "03", "04"], neighbors: { "01": ["02"], "02": ["01", "03"], "03": ["02", "04"], "04": ["03"] } };
    const w = supplyWithinReach(r, { weights });
    // 01 + 02: (60 + 30) / (400 + 600) · 1000 = 90
    expect(w.rows[0]).toMatchObject({ id: "01", members: ["01", "02"], population: 1000, places: 90, placeRate: 90 });
    // 02 + 01 (03 has no population → left out, warned)
    expect(w.rows[1]).toMatchObject({ members: ["02", "01"], placeRate: 90 });
    expect(w.warnings).toEqual(['Sozialraum "02": Nachbar "03" ohne Einwohnerzahl nicht einbezogen']);
    expect(w.rows[2].placeRate).toBeNull();
    expect(w.excluded.map((e) => e.id)).toEqual(["03", "04"]);
  });
  it("distance bands on points", () => {
    // 0.01° of latitude = 1.11195 km; a–b 1.11 km, a–c 2.22 km, b–c 1.11 km
    const nb = distanceBandNeighbors([{ id: "a", lon: 7, lat: 51 }, { id: "b", lon: 7, lat: 51.01 }, { id: "c", lon: 7, lat: 51.02 }], { km: 1.5 });
    expect(nb).toEqual({ ids: ["a", "b", "c"], neighbors: { a: ["b"], b: ["a", "c"], c: ["b"] } });
  });
});

describe("haversineKm", () => {
  it("one degree of latitude is R·π/180 = 6371.0088 · 0.01745329 = 111.19508 km", () => {
    expect(haversineKm(7, 51, 7, 52)).toBeCloseTo((6371.0088 * Math.PI) / 180, 9);
  });
  it("along the equator one degree of longitude is the same; at 60° N half of it (cos 60° = ½, small angle)", () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.1950802335, 9);
    expect(haversineKm(0, 60, 0.001, 60)).toBeCloseTo(0.111195 / 2, 6);
  });
});

describe("twoStepFloatingCatchment (hand calculation)", () => {
  // Demand on one meridian: A (51.00) 1000, B (51.01) 3000, C (51.03) 500; supply X at A (100 places), Y at C (50).
  // Distances: A–X 0, B–X 1.112 km, C–X 3.336, A–Y 3.336, B–Y 2.224, C–Y 0; radius d0 = 1.5 km.
  const demand = [
    { id: "A", lon: 7, lat: 51.0, population: 1000 },
    { id: "B", lon: 7, lat: 51.01, population: 3000 },
    { id: "C", lon: 7, lat: 51.03, population: 500 },
  ];
  const supply = [{ id: "X", lon: 7, lat: 51.0, capacity: 100 }, { id: "Y", lon: 7, lat: 51.03, capacity: 50 }];
  it("classic 2SFCA (Luo & Wang 2003)", () => {
    const r = twoStepFloatingCatchment({ demand, supply }, { radiusKm: 1.5 });
    // step 1: R_X = 100 / (1000 + 3000) = 0.025; R_Y = 50 / 500 = 0.1
    expect(r.supplyRatios.map((s) => s.ratio)).toEqual([0.025, 0.1]);
    // step 2: A_A = R_X = 0.025 → 25 per 1 000; A_B = 25; A_C = R_Y → 100
    expect(r.rows.map((x) => x.accessibility)).toEqual([25, 25, 100]);
    expect(r.rows.map((x) => x.suppliesInReach)).toEqual([1, 1, 1]);
    // city level: 150 / 4500 · 1000 = 33.33…
    expect(r.cityLevel).toBeCloseTo(100 / 3, 12);
  });
  it("Gaussian decay (E2SFCA)", () => {
    // d(B, X) = 0.01° · π/180 · 6371.0088 = 1.111951 km;
    // G = (exp(−½ · (1.111951/1.5)²) − e^−½) / (1 − e^−½) = (0.759761 − 0.606531) / 0.393469 = 0.389411
    expect(catchmentWeight(haversineKm(7, 51, 7, 51.01), 1.5, { type: "gaussian" })).toBeCloseTo(0.389411, 6);
    const r = twoStepFloatingCatchment({ demand, supply }, { radiusKm: 1.5, decay: { type: "gaussian" } });
    // R_X = 100 / (1000 · 1 + 3000 · 0.389411) = 100 / 2168.233 = 0.0461205
    expect(r.supplyRatios[0].ratio).toBeCloseTo(0.0461205, 7);
    // A_A = 0.0461205 · 1 → 46.1205; A_B = 0.0461205 · 0.389411 → 17.9598; A_C = 0.1 → 100
    expect(r.rows[0].accessibility).toBeCloseTo(46.1205, 4);
    expect(r.rows[1].accessibility).toBeCloseTo(17.9598, 4);
    expect(r.rows[2].accessibility).toBeCloseTo(100, 12);
  });
  it("stepwise weights (Luo & Qi 2009)", () => {
    const r = twoStepFloatingCatchment({ demand, supply }, { radiusKm: 1.5, decay: { type: "steps", steps: [{ upToKm: 1, weight: 1 }, { upToKm: 1.5, weight: 0.5 }] } });
    // B–X falls in the second step (weight ½): R_X = 100 / (1000 + 3000 · 0.5) = 0.04
    // A_A = 0.04 → 40, A_B = 0.04 · 0.5 → 20, A_C = 100
    expect(r.rows.map((x) => x.accessibility)).toEqual([40, 20, 100]);
  });
  it("invariant: supply is conserved, Σ A_i P_i = Σ S_j (every supply has demand in reach)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 0.05, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<"none" | "gaussian">("none", "gaussian"),
        (areas, caps, decay) => {
          const dem = areas.map(([x, y, p], i) => ({ id: `a${i}`, lon: 7 + x, lat: 51 + y, population: p }));
          // put each supply at an area's centroid so that it has demand in reach
          const sup = caps.map((c, j) => ({ id: `s${j}`, lon: dem[j % dem.length].lon, lat: dem[j % dem.length].lat, capacity: c }));
          const r = twoStepFloatingCatchment({ demand: dem, supply: sup }, { radiusKm: 2, decay: { type: decay }, per: 1 });
          const got = r.rows.reduce((s, row, i) => s + (row.accessibility as number) * dem[i].population, 0);
          const want = caps.reduce((s, c) => s + c, 0);
          return Math.abs(got - want) <= 1e-9 * Math.max(1, want);
        },
      ),
    );
  });
  it("a supply without demand in reach is named; missing population excluded", () => {
    const r = twoStepFloatingCatchment(
      { demand: [{ id: "A", lon: 7, lat: 51, population: null }, { id: "B", lon: 7, lat: 51, population: 10 }], supply: [{ id: "far", lon: 8, lat: 52, capacity: 5 }] },
      { radiusKm: 1 },
    );
    expect(r.excluded).toEqual([{ id: "A", reason: "Einwohnerzahl der Zielgruppe fehlt", step: "twoStepFloatingCatchment" }]);
    expect(r.warnings).toEqual(['Angebot "far": keine Einwohner im Einzugsbereich (1 km), nicht verteilt']);
    expect(r.rows[1].accessibility).toBe(0);
    expect(() => twoStepFloatingCatchment({ demand: [], supply: [] }, { radiusKm: 0 })).toThrow(
      "twoStepFloatingCatchment: die Option radiusKm muss eine positive Zahl sein, angegeben ist 0",
    );
  });
});

/** Centroids from R sf st_centroid (planar, sf_use_s2(FALSE)), test/reference/supply/st_within.R. */
function readCentroids(name: string) {
  const lines = readFileSync(new URL(`../reference/supply/${name}`, import.meta.url), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  return lines.slice(1).map((l) => { const [id, lon, lat] = l.split(","); return { id, lon: Number(lon), lat: Number(lat) }; });
}
describe("areaCentroids against R sf st_centroid", () => {
  it("fixture with holes and a MultiPolygon", () => {
    const g = JSON.parse(readFileSync(new URL("../reference/supply/fixture.geojson", import.meta.url), "utf8"));
    const got = areaCentroids(g, { idProperty: "area_id" });
    const want = readCentroids("fixture-centroids.csv");
    expect(got.map((c) => c.id)).toEqual(want.map((c) => c.id));
    got.forEach((c, i) => {
      expect(Math.abs(c.lon - want[i].lon)).toBeLessThan(1e-12);
      expect(Math.abs(c.lat - want[i].lat)).toBeLessThan(1e-12);
    });
    // by hand: "10" = 0.04² square minus 0.01² hole at (7.015, 51.015): (0.0016·7.02 − 0.0001·7.015) / 0.0015 = 7.0203333
    expect(got[0].lon).toBeCloseTo(7.0203333333, 9);
  });
});
describeShared("areaCentroids on the 542 Berlin Planungsräume", () => {
  it("equals st_centroid to 1e-11 degrees", () => {
    const g = JSON.parse(readFileSync(sharedPath("berlin-mss-2021", "lor_planungsraeume_2021_542_wgs84.geojson"), "utf8"));
    const got = areaCentroids(g, { idProperty: "PLR_ID" });
    const want = readCentroids("berlin-centroids.csv");
    expect(got.length).toBe(542);
    let worst = 0;
    got.forEach((c, i) => {
      expect(c.id).toBe(want[i].id);
      worst = Math.max(worst, Math.abs(c.lon - want[i].lon), Math.abs(c.lat - want[i].lat));
    });
    expect(worst).toBeLessThan(1e-11);
  });
});
