import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignPointsToAreas, createAreaIndex, readFacilities } from "../../src/supply/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

const ref = (name: string) => new URL(`../reference/supply/${name}`, import.meta.url);

/** Reads a CSV written by make-points.ts / st_within.R (comma separated, "#" comment lines). */
function readCsv(url: URL): Array<Record<string, string>> {
  const lines = readFileSync(url, "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  const head = lines[0].split(",");
  return lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [head[i], v])));
}
function points(url: URL) {
  return readCsv(url).map((r) => ({ id: r.id, lon: Number(r.lon), lat: Number(r.lat) }));
}

/** Compares with R sf st_within/st_intersects (planar, sf_use_s2(FALSE)), see test/reference/supply/st_within.R. */
function compareWithSf(geojson: any, idProperty: string, pointsFile: string, expectedFile: string) {
  const pts = points(ref(pointsFile));
  const expected = readCsv(ref(expectedFile));
  expect(expected.map((e) => e.id)).toEqual(pts.map((p) => p.id));
  const got = assignPointsToAreas(pts, geojson, { idProperty });
  const index = createAreaIndex(geojson, { idProperty });
  const mismatches: string[] = [];
  pts.forEach((p, i) => {
    const want = expected[i].area === "" ? null : expected[i].area;
    const loc = index.locate(p.lon, p.lat);
    if (got[i] !== want || loc.area !== want || String(loc.onBorder).toUpperCase() !== expected[i].on_border) {
      mismatches.push(`${p.id}: got ${got[i]} (border ${loc.onBorder}), sf ${want} (border ${expected[i].on_border})`);
    }
  });
  expect(mismatches).toEqual([]);
  return { n: pts.length, border: expected.filter((e) => e.on_border === "TRUE").length, outside: got.filter((g) => g === null).length };
}

const fixture = JSON.parse(readFileSync(ref("fixture.geojson"), "utf8"));

describe("assignPointsToAreas against R sf (GEOS 3.11.1, sf 1.0.9, planar)", () => {
  it("fixture with holes, an island, a MultiPolygon and partial shared edges: 2 549 points", () => {
    const { n, border, outside } = compareWithSf(fixture, "area_id", "fixture-points.csv", "fixture-expected.csv");
    expect(n).toBe(2549);
    expect(border).toBe(175); // the lattice and the vertices put many points exactly on borders
    expect(outside).toBeGreaterThan(100);
  });
});

describeShared("assignPointsToAreas against R sf on the 542 Berlin Planungsräume", () => {
  it("10 000 seeded points (8 000 random, 1 000 vertices, 1 000 edge midpoints) agree with st_within", () => {
    const g = JSON.parse(readFileSync(sharedPath("berlin-mss-2021", "lor_planungsraeume_2021_542_wgs84.geojson"), "utf8"));
    const { n, border } = compareWithSf(g, "PLR_ID", "berlin-points.csv", "berlin-expected.csv");
    expect(n).toBe(10000);
    expect(border).toBe(1264);
  });
});

describe("assignPointsToAreas rules by hand", () => {
  // "10" = [7.00, 7.04] × [51.00, 51.04] with hole [7.01, 7.02]², filled by island "02";
  // "05" east of "10" sharing x = 7.04; "07" MultiPolygon with a hole [7.06, 7.07] × [51.06, 51.07] (not filled).
  const pts = [
    { id: "a", lon: 7.005, lat: 51.005 }, // interior of "10"
    { id: "b", lon: 7.015, lat: 51.015 }, // in the hole of "10" = interior of the island "02"
    { id: "c", lon: 7.04, lat: 51.01 }, // on the shared edge "10" | "05": smallest id "05"
    { id: "d", lon: 7.01, lat: 51.015 }, // on the hole boundary of "10" = boundary of "02": "02"
    { id: "e", lon: 7.065, lat: 51.065 }, // in the unfilled hole of "07": outside
    { id: "f", lon: 7.01, lat: 51.06 }, // first part of MultiPolygon "07"
    { id: "g", lon: 7.06, lat: 51.065 }, // on the hole boundary of "07": border of "07" only
    { id: "h", lon: 8, lat: 52 }, // far outside
  ];
  it("interior, hole, island, shared border, MultiPolygon", () => {
    expect(assignPointsToAreas(pts, fixture, { idProperty: "area_id" })).toEqual(["10", "02", "05", "02", null, "07", "07", null]);
  });
  it("the border rule does not depend on the feature order", () => {
    const reversed = { ...fixture, features: [...fixture.features].reverse() };
    expect(assignPointsToAreas(pts, reversed, { idProperty: "area_id" })).toEqual(["10", "02", "05", "02", null, "07", "07", null]);
  });
  it("strict: lists every outside point", () => {
    expect(() => assignPointsToAreas(pts, fixture, { idProperty: "area_id", strict: true })).toThrow(
      'assignPointsToAreas: 2 Punkt(e) außerhalb aller Gebiete: "e" (7.065, 51.065), "h" (8, 52)',
    );
  });
  it("does not mutate its inputs and keeps order and length", () => {
    const before = JSON.stringify([pts, fixture]);
    const out = assignPointsToAreas(pts, fixture, { idProperty: "area_id" });
    expect(out).toHaveLength(pts.length);
    expect(JSON.stringify([pts, fixture])).toBe(before);
  });
  it("errors name the problem", () => {
    expect(() => assignPointsToAreas([{ id: 1, lon: NaN, lat: 51 }], fixture, { idProperty: "area_id" })).toThrow(
      'assignPointsToAreas: 1 Punkt(e) ohne endliche Koordinaten: Punkt 1 (id "1"): lon NaN, lat 51',
    );
    expect(() => assignPointsToAreas([], fixture, { idProperty: "nope" })).toThrow('createAreaIndex: Feature 0 hat keine Eigenschaft "nope"');
    const open = { type: "FeatureCollection", features: [{ type: "Feature", properties: { k: "x" }, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } }] } as any;
    expect(() => assignPointsToAreas([], open, { idProperty: "k" })).toThrow('createAreaIndex: Gebiet "x" hat einen nicht geschlossenen Ring');
    const dup = { ...fixture, features: [fixture.features[0], fixture.features[0]] };
    expect(() => assignPointsToAreas([], dup, { idProperty: "area_id" })).toThrow('createAreaIndex: doppelter Gebietsschlüssel "10" (Feature 1)');
  });
  it("property: a point inside a square grid cell is assigned to that cell", () => {
    // 10 × 10 grid of unit cells over [7, 8] × [51, 52], ids "r,c"
    const cells = [];
    for (let r = 0; r < 10; r++) for (let c = 0; c < 10; c++) {
      const x0 = 7 + c / 10, y0 = 51 + r / 10, x1 = 7 + (c + 1) / 10, y1 = 51 + (r + 1) / 10;
      cells.push({ type: "Feature", properties: { k: `${r},${c}` }, geometry: { type: "Polygon", coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } });
    }
    const grid = { type: "FeatureCollection", features: cells } as any;
    const index = createAreaIndex(grid, { idProperty: "k" });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (r, c, u, v) => {
        const loc = index.locate(7 + (c + u) / 10, 51 + (r + v) / 10);
        return loc.area === `${r},${c}` && !loc.onBorder;
      }),
    );
  });
});

const dataDir = new URL("../../data/", import.meta.url);
const hasCity = existsSync(new URL("sozialraeume.geojson", dataDir)) && existsSync(new URL("einrichtungen.csv", dataDir));
describe.skipIf(!hasCity)("assignPointsToAreas against R sf on the embedded city (data/)", () => {
  it("every facility of data/einrichtungen.csv and 5 000 random points + vertices agree with st_within", () => {
    const g = JSON.parse(readFileSync(new URL("sozialraeume.geojson", dataDir), "utf8"));
    const { n } = compareWithSf(g, "sozialraum_id", "einrichtungen-points.csv", "einrichtungen-expected.csv");
    expect(n).toBeGreaterThan(5000);
    // the facilities themselves all lie inside an area (synth contract)
    const facilities = readFacilities(fileURLToPath(new URL("einrichtungen.csv", dataDir)));
    expect(assignPointsToAreas(facilities, g, { idProperty: "sozialraum_id", strict: true })).toHaveLength(facilities.length);
  });
});
