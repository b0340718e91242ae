import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runAnalysis } from "../../src/pipeline/index.js";

// The main job reads the map through io's parseGeoJson: a GeoJSON with a "crs" member (made by ogr2ogr from the
// embedded data/sozialraeume.geojson, test/reference/geometry/make-fixtures.sh) is reprojected to WGS84 and gives
// the same neighbourhood results as the original (supply figures within 1e-5 relative).
/** Paths where a and b differ: numbers by more than `rel` (relative), anything else at all. */
function numbersWithin(a: unknown, b: unknown, rel: number, path = ""): string[] {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)) ? [] : [`${path}: ${a} ≠ ${b}`];
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => numbersWithin((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${path}.${k}`));
  }
  return Object.is(a, b) ? [] : [`${path}: ${String(a)} ≠ ${String(b)}`];
}

describe("runAnalysis with the map in EPSG:25832 and EPSG:3035 (GeoJSON with crs member)", () => {
  const base = runAnalysis({ report: { date: "2024-01-02" } });
  for (const epsg of ["25832", "3035"]) {
    it(`EPSG:${epsg}: identical neighbourhood (Moran's I, LISA) and facility assignment, supply figures within 1e-5`, () => {
      const r = runAnalysis({ data: { geojson: resolve(`test/reference/geometry/sozialraeume_${epsg}.geojson`) }, report: { date: "2024-01-02" } });
      expect(r.geojson!.crs).toBe(`EPSG:${epsg}`);
      expect(r.geojson!.ids).toEqual(base.geojson!.ids);
      expect(base.neighbourhood).not.toBeNull();
      expect(r.neighbourhood).toEqual(base.neighbourhood);
      expect(base.supply).not.toBeNull();
      expect(r.supply!.facilities).toEqual(base.supply!.facilities);
      // Accessibility uses centroid distances, which move with the 1e-9…5e-9° of the round trip through the projection
      // (3035: z of supply differs by up to 1.4e-6, the ranking order not at all).
      expect(numbersWithin(r.supply!.groups, base.supply!.groups, 1e-5)).toEqual([]);
      expect(r.warnings).toEqual(base.warnings);
    });
  }

  it("a projected map without crs member stops the job with the German error naming the likely EPSG", () => {
    const fc = JSON.parse(readFileSync("test/reference/geometry/sozialraeume_25832.geojson", "utf8"));
    delete fc.crs;
    const path = join(mkdtempSync(join(tmpdir(), "sozialraum-crs-")), "karte.geojson");
    writeFileSync(path, JSON.stringify(fc));
    expect(() => runAnalysis({ data: { geojson: path } })).toThrow(/^readGeoJson: .*karte\.geojson: projizierte Koordinaten ohne Angabe des Koordinatensystems .*vermutlich EPSG:25832/);
  });
});
