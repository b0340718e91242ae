/**
 * Benchmark of the supply module: point-in-polygon assignment of 100 000 seeded points to the 542 Berlin
 * Planungsräume and to a synthetic 80 × 80 grid (6 400 polygons, 24 vertices each), and a 2SFCA with 542 demand
 * × 5 000 supply locations. Run: node bench/run.mjs supply
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createRng } from "../src/inference/index.js";
import { assignPointsToAreas, areaCentroids, twoStepFloatingCatchment } from "../src/supply/index.js";
import { measure } from "./measure.js";

const shared = process.env.SOZIALRAUM_SHARED_DATA ?? resolve(import.meta.dirname, "..", "..", "shared", "data");
const rng = createRng(1);
const N = 100_000;

const berlin = JSON.parse(readFileSync(resolve(shared, "berlin-mss-2021", "lor_planungsraeume_2021_542_wgs84.geojson"), "utf8"));
const pts = Array.from({ length: N }, (_, i) => ({ id: i, lon: 13.08 + rng.next() * 0.69, lat: 52.33 + rng.next() * 0.35 }));
const out = await measure("assignPointsToAreas", "100 000 points × 542 Berlin polygons", () => assignPointsToAreas(pts, berlin, { idProperty: "PLR_ID" }));
console.log(`inside: ${out.filter((x) => x !== null).length}`);

// grid of 80 × 80 cells, each edge split into 6 segments (24 vertices per ring)
const features = [];
const K = 80, seg = 6;
for (let r = 0; r < K; r++) for (let c = 0; c < K; c++) {
  const x0 = 7 + c / 100, y0 = 51 + r / 100, s = 1 / 100;
  const ring: number[][] = [];
  for (let k = 0; k < seg; k++) ring.push([x0 + (s * k) / seg, y0]);
  for (let k = 0; k < seg; k++) ring.push([x0 + s, y0 + (s * k) / seg]);
  for (let k = 0; k < seg; k++) ring.push([x0 + s - (s * k) / seg, y0 + s]);
  for (let k = 0; k < seg; k++) ring.push([x0, y0 + s - (s * k) / seg]);
  ring.push(ring[0]);
  features.push({ type: "Feature" as const, properties: { k: `${r}-${c}` }, geometry: { type: "Polygon" as const, coordinates: [ring] } });
}
const grid = { type: "FeatureCollection" as const, features };
const gridPts = Array.from({ length: N }, (_, i) => ({ id: i, lon: 7 + rng.next() * 0.8, lat: 51 + rng.next() * 0.8 }));
await measure("assignPointsToAreas", "100 000 points × 6 400 grid polygons", () => assignPointsToAreas(gridPts, grid, { idProperty: "k" }));

const demand = areaCentroids(berlin, { idProperty: "PLR_ID" }).map((c) => ({ ...c, population: 1000 + rng.int(5000) }));
const supply = Array.from({ length: 5000 }, (_, j) => ({ id: `s${j}`, lon: 13.08 + rng.next() * 0.69, lat: 52.33 + rng.next() * 0.35, capacity: 10 + rng.int(90) }));
await measure("twoStepFloatingCatchment", "542 areas × 5 000 supplies, Gaussian, 2 km", () =>
  twoStepFloatingCatchment({ demand, supply }, { radiusKm: 2, decay: { type: "gaussian" } }),
);
