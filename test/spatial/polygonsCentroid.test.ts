import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { polygonsCentroid } from "../../src/spatial/geometry.js";
import { areaCentroids } from "../../src/supply/index.js";

describe("polygonsCentroid (shared by the spatial weights and areaCentroids)", () => {
  it("gives centroid and area of a square, holes subtracting whatever their winding", () => {
    expect(polygonsCentroid([[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]])).toEqual({ x: 1, y: 1, area: 4 });
    // By hand: 4×4 square at the origin (area 16, centroid (2, 2)) minus the 1×1 hole [2, 3]² (area 1, centroid
    // (2.5, 2.5)): x = (16·2 − 1·2.5)/15 = 29.5/15.
    const outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const holeCcw = [[2, 2], [3, 2], [3, 3], [2, 3], [2, 2]];
    const holeCw = [...holeCcw].reverse();
    for (const hole of [holeCcw, holeCw]) {
      const c = polygonsCentroid([[outer, hole]])!;
      expect(c.area).toBe(15);
      expect(c.x).toBeCloseTo(29.5 / 15, 14);
      expect(c.y).toBeCloseTo(29.5 / 15, 14);
    }
    // MultiPolygon parts weigh by area: unit square at x ∈ [0, 1] and 2×2 square at x ∈ [3, 5] → (0.5·1 + 4·4)/5.
    const c = polygonsCentroid([[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[3, 0], [5, 0], [5, 2], [3, 2], [3, 0]]]])!;
    expect(c.area).toBe(5);
    expect(c.x).toBeCloseTo(16.5 / 5, 14);
  });

  it("falls back to the mean vertex for zero area and gives null without vertices", () => {
    expect(polygonsCentroid([[[[0, 0], [2, 0], [4, 0], [0, 0]]]])).toEqual({ x: 1.5, y: 0, area: 0 });
    expect(polygonsCentroid([])).toBeNull();
    expect(polygonsCentroid([[[]]])).toBeNull();
  });

  it("is invariant under translation (up to rounding) and areaCentroids refuses a polygon without area", () => {
    fc.assert(
      fc.property(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true }), (dx, dy) => {
        const ring = [[0, 0], [0.02, 0], [0.03, 0.01], [0.01, 0.03], [0, 0]].map(([x, y]) => [x + dx, y + dy]);
        const c = polygonsCentroid([[ring]])!;
        // Shoelace by hand (Python, exact decimals): A = 0.0005, C = (0.014, 0.011333…).
        expect(c.x - dx).toBeCloseTo(0.014, 9);
        expect(c.y - dy).toBeCloseTo(0.0113333333333333, 9);
      }),
    );
    const flat = { type: "FeatureCollection" as const, features: [{ type: "Feature" as const, properties: { id: "01" }, geometry: { type: "Polygon" as const, coordinates: [[[7, 51], [7.1, 51], [7, 51]]] } }] };
    expect(() => areaCentroids(flat, { idProperty: "id" })).toThrow('areaCentroids: Gebiet "01" hat keine Fläche');
  });
});
