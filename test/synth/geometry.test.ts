import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/inference/random.js";
import { DATA_DIR, readDataCsv } from "./helpers.js";

type Pt = [number, number];
interface Feature {
  properties: Record<string, string>;
  geometry: { type: "Polygon"; coordinates: Pt[][] } | { type: "MultiPolygon"; coordinates: Pt[][][] };
}
const fc = JSON.parse(readFileSync(resolve(DATA_DIR, "sozialraeume.geojson"), "utf8")) as { type: string; features: Feature[] };
const polygons = (f: Feature): Pt[][][] => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates);
const outerRings = fc.features.map((f) => polygons(f).map((p) => p[0]));
const key = (p: Pt): string => `${p[0]},${p[1]}`;

/** Shoelace signed area in degrees² (planar; only ratios and signs are compared). */
function signedArea(ring: Pt[]): number {
  let s = 0;
  for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return s / 2;
}
function inRing(p: Pt, ring: Pt[]): boolean {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    if (ring[a][1] > p[1] !== ring[b][1] > p[1] && p[0] < ((ring[b][0] - ring[a][0]) * (p[1] - ring[a][1])) / (ring[b][1] - ring[a][1]) + ring[a][0]) inside = !inside;
  }
  return inside;
}

describe("embedded city: geometry", () => {
  it("is a FeatureCollection of simple, closed, counter-clockwise polygons without holes in the Leverkusen box", () => {
    expect(fc.type).toBe("FeatureCollection");
    const ids = readDataCsv("gebiete.csv").map((g) => g.sozialraum_id);
    expect(fc.features.map((f) => f.properties.sozialraum_id)).toEqual(ids);
    expect(fc.features.some((f) => f.geometry.type === "MultiPolygon")).toBe(true);
    for (const f of fc.features) {
      expect(Object.keys(f.properties).sort()).toEqual(["sozialraum_id", "sozialraum_name", "stadtbezirk_id", "stadtteil_id"]);
      for (const poly of polygons(f)) {
        expect(poly.length, f.properties.sozialraum_id).toBe(1);
        const ring = poly[0];
        expect(key(ring[0])).toBe(key(ring[ring.length - 1]));
        expect(signedArea(ring)).toBeGreaterThan(0);
        // no repeated vertex inside the ring: the border never touches itself
        expect(new Set(ring.slice(0, -1).map(key)).size).toBe(ring.length - 1);
        for (const [lon, lat] of ring) {
          expect(lon).toBeGreaterThanOrEqual(6.94);
          expect(lon).toBeLessThanOrEqual(7.16);
          expect(lat).toBeGreaterThanOrEqual(50.99);
          expect(lat).toBeLessThanOrEqual(51.11);
        }
      }
    }
  });

  it("shares borders exactly: every polygon shares an edge with another, no edge is used twice in one direction", () => {
    const directed = new Map<string, number>();
    outerRings.forEach((rings, i) => {
      for (const ring of rings) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const e = `${key(ring[k])}>${key(ring[k + 1])}`;
          expect(directed.has(e), `edge ${e} used twice`).toBe(false);
          directed.set(e, i);
        }
      }
    });
    const hasNeighbour = outerRings.map(() => false);
    for (const [e, i] of directed) {
      const [a, b] = e.split(">");
      const j = directed.get(`${b}>${a}`);
      if (j !== undefined && j !== i) hasNeighbour[i] = true;
    }
    expect(hasNeighbour.every(Boolean)).toBe(true);
  });

  it("covers the city without gaps or overlaps: the unshared edges form one outline whose area equals the sum of the polygons", () => {
    const next = new Map<string, string>();
    const all = new Set<string>();
    for (const rings of outerRings) {
      for (const ring of rings) for (let k = 0; k + 1 < ring.length; k++) all.add(`${key(ring[k])}>${key(ring[k + 1])}`);
    }
    for (const e of all) {
      const [a, b] = e.split(">");
      if (!all.has(`${b}>${a}`)) {
        expect(next.has(a), `outline vertex ${a} twice`).toBe(false);
        next.set(a, b);
      }
    }
    const start = [...next.keys()][0];
    const outline: Pt[] = [];
    let v = start;
    do {
      outline.push(v.split(",").map(Number) as Pt);
      v = next.get(v) as string;
    } while (v !== start && outline.length <= next.size);
    expect(outline.length, "the outline is one ring").toBe(next.size);
    outline.push(outline[0]);
    const sum = outerRings.flat().reduce((s, r) => s + signedArea(r), 0);
    expect(sum / signedArea(outline)).toBeCloseTo(1, 12);

    // independent check: random points inside the outline lie in exactly one polygon, outside in none
    const rng = createRng(7);
    let insideCount = 0;
    for (let k = 0; k < 3000; k++) {
      const p: Pt = [6.95 + 0.2 * rng.next(), 51 + 0.1 * rng.next()];
      const hits = outerRings.filter((rings) => rings.some((r) => inRing(p, r))).length;
      expect(hits).toBe(inRing(p, outline) ? 1 : 0);
      insideCount += hits;
    }
    expect(insideCount).toBeGreaterThan(1000);
  });

  it("places every facility inside exactly one Sozialraum", () => {
    for (const f of readDataCsv("einrichtungen.csv")) {
      const p: Pt = [Number(f.lon.replace(",", ".")), Number(f.lat.replace(",", "."))];
      expect(outerRings.filter((rings) => rings.some((r) => inRing(p, r))).length, f.einrichtung_id).toBe(1);
    }
  });
});
