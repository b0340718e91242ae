/**
 * Generates the point sets for the point-in-polygon reference (st_within.R computes the expected areas).
 * Re-run from the project root:  npx tsx test/reference/supply/make-points.ts && Rscript test/reference/supply/st_within.R
 *
 * - fixture.geojson: a small hand-made map with holes, an island filling a hole, a MultiPolygon (one part with a
 *   hole), shared borders with shared vertices and a diagonal edge.
 * - fixture-points.csv: seeded random points, a 0.005° lattice (many points exactly on borders), every vertex and
 *   every edge midpoint of the fixture.
 * - berlin-points.csv: over the 542 Berlin Planungsräume (../shared/data/berlin-mss-2021): 8 000 seeded random
 *   points in the (slightly enlarged) bounding box, 1 000 random vertices and 1 000 random edge midpoints.
 * - einrichtungen-points.csv: every facility of the embedded city (data/einrichtungen.csv) plus 5 000 seeded random
 *   points over data/sozialraeume.geojson and every 7th vertex (only when data/ exists).
 * Coordinates are written with 17 significant digits so that R and JavaScript read the same doubles.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { createRng } from "../../../src/inference/index.js";
import { readFacilities } from "../../../src/supply/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.SOZIALRAUM_SHARED_DATA ?? resolve(here, "..", "..", "..", "..", "shared", "data");
type Ring = number[][];

const sq = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const fixture = {
  type: "FeatureCollection",
  features: [
    // "10": square with a square hole; the hole is filled by the island "02"
    { type: "Feature", properties: { area_id: "10" }, geometry: { type: "Polygon", coordinates: [sq(7.0, 51.0, 7.04, 51.04), sq(7.01, 51.01, 7.02, 51.02).reverse()] } },
    { type: "Feature", properties: { area_id: "02" }, geometry: { type: "Polygon", coordinates: [sq(7.01, 51.01, 7.02, 51.02)] } },
    // "05": east neighbour of "10", shares the edge x = 7.04 (with an extra shared vertex at 51.02); diagonal east edge
    { type: "Feature", properties: { area_id: "05" }, geometry: { type: "Polygon", coordinates: [[[7.04, 51.0], [7.08, 51.0], [7.09, 51.04], [7.04, 51.04], [7.04, 51.02], [7.04, 51.0]]] } },
    // "07": MultiPolygon, two parts, the second with a hole (not filled: points there are outside)
    { type: "Feature", properties: { area_id: "07" }, geometry: { type: "MultiPolygon", coordinates: [
      [sq(7.0, 51.05, 7.02, 51.07)],
      [sq(7.05, 51.05, 7.08, 51.08), sq(7.06, 51.06, 7.07, 51.07).reverse()],
    ] } },
    // "01": touches "07" part 1 along y = 51.05 between 7.00 and 7.02 and "10" along y = 51.04 (no shared vertices
    // with "07" at 7.03)
    { type: "Feature", properties: { area_id: "01" }, geometry: { type: "Polygon", coordinates: [sq(7.0, 51.04, 7.03, 51.05)] } },
  ],
};

function verticesAndMidpoints(rings: Ring[]): { vertices: number[][]; midpoints: number[][] } {
  const vertices: number[][] = [], midpoints: number[][] = [];
  for (const r of rings) for (let i = 0; i + 1 < r.length; i++) {
    vertices.push(r[i]);
    midpoints.push([(r[i][0] + r[i + 1][0]) / 2, (r[i][1] + r[i + 1][1]) / 2]);
  }
  return { vertices, midpoints };
}
function ringsOf(g: { type: string; coordinates: any }): Ring[] {
  return g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
}
const fmt = (x: number) => {
  const s = x.toPrecision(17);
  if (Number(s) !== x) throw new Error("round trip failed for " + x);
  return s;
};
function writePoints(file: string, pts: Array<{ id: string; lon: number; lat: number }>) {
  writeFileSync(file, "id,lon,lat\n" + pts.map((p) => `${p.id},${fmt(p.lon)},${fmt(p.lat)}`).join("\n") + "\n");
}

// --- fixture
writeFileSync(resolve(here, "fixture.geojson"), JSON.stringify(fixture, null, 1) + "\n");
{
  const rng = createRng(20240601);
  const pts: Array<{ id: string; lon: number; lat: number }> = [];
  for (let i = 0; i < 2000; i++) pts.push({ id: `r${i}`, lon: 6.99 + rng.next() * 0.11, lat: 50.99 + rng.next() * 0.1 });
  let k = 0;
  for (let a = 0; a <= 22; a++) for (let b = 0; b <= 20; b++) {
    pts.push({ id: `g${k++}`, lon: Number((6.99 + a * 0.005).toFixed(3)), lat: Number((50.99 + b * 0.005).toFixed(3)) });
  }
  k = 0;
  for (const f of fixture.features) {
    const { vertices, midpoints } = verticesAndMidpoints(ringsOf(f.geometry));
    for (const v of vertices) pts.push({ id: `v${k++}`, lon: v[0], lat: v[1] });
    for (const m of midpoints) pts.push({ id: `m${k++}`, lon: m[0], lat: m[1] });
  }
  writePoints(resolve(here, "fixture-points.csv"), pts);
}

// --- Berlin
{
  const g = JSON.parse(readFileSync(resolve(shared, "berlin-mss-2021", "lor_planungsraeume_2021_542_wgs84.geojson"), "utf8"));
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const rings: Ring[] = [];
  for (const f of g.features) for (const r of ringsOf(f.geometry)) {
    rings.push(r);
    for (const [x, y] of r) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  }
  const { vertices, midpoints } = verticesAndMidpoints(rings);
  const rng = createRng(542);
  const pts: Array<{ id: string; lon: number; lat: number }> = [];
  const dx = (maxX - minX) * 0.02, dy = (maxY - minY) * 0.02;
  for (let i = 0; i < 8000; i++) {
    pts.push({ id: `r${i}`, lon: minX - dx + rng.next() * (maxX - minX + 2 * dx), lat: minY - dy + rng.next() * (maxY - minY + 2 * dy) });
  }
  for (let i = 0; i < 1000; i++) { const v = vertices[rng.int(vertices.length)]; pts.push({ id: `v${i}`, lon: v[0], lat: v[1] }); }
  for (let i = 0; i < 1000; i++) { const m = midpoints[rng.int(midpoints.length)]; pts.push({ id: `m${i}`, lon: m[0], lat: m[1] }); }
  writePoints(resolve(here, "berlin-points.csv"), pts);
}
// --- embedded synthetic city
const dataDir = resolve(here, "..", "..", "..", "data");
if (existsSync(resolve(dataDir, "einrichtungen.csv")) && existsSync(resolve(dataDir, "sozialraeume.geojson"))) {
  const g = JSON.parse(readFileSync(resolve(dataDir, "sozialraeume.geojson"), "utf8"));
  const pts: Array<{ id: string; lon: number; lat: number }> = readFacilities(resolve(dataDir, "einrichtungen.csv")).map((f) => ({ id: f.id, lon: f.lon, lat: f.lat }));
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const rings: Ring[] = [];
  for (const f of g.features) for (const r of ringsOf(f.geometry)) {
    rings.push(r);
    for (const [x, y] of r) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  }
  const rng = createRng(2018);
  for (let i = 0; i < 5000; i++) pts.push({ id: `r${i}`, lon: minX + rng.next() * (maxX - minX), lat: minY + rng.next() * (maxY - minY) });
  verticesAndMidpoints(rings).vertices.forEach((v, i) => { if (i % 7 === 0) pts.push({ id: `v${i}`, lon: v[0], lat: v[1] }); });
  writePoints(resolve(here, "einrichtungen-points.csv"), pts);
  console.log("written einrichtungen-points.csv");
}
console.log("written fixture.geojson, fixture-points.csv, berlin-points.csv");
