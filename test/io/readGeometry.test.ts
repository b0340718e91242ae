import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readGeometry, type AreaGeometries } from "../../src/io/index.js";
import { contiguityWeights, localMoran, moran, rowStandardize } from "../../src/spatial/index.js";

// Fixtures made by test/reference/geometry/make-fixtures.sh with ogr2ogr (GDAL 3.6.2) from data/sozialraeume.geojson
// (the embedded synthetic city, 61 polygons, WGS84): projected GeoJSON with a "crs" member, Shapefiles with
// .prj/.cpg, and ogr2ogr's own back-transformation of each projected GeoJSON to WGS84 (back_<epsg>.geojson).
const REF = "test/reference/geometry";
const EPSG = ["25832", "25833", "3035"] as const;
const INPUTS: Array<{ name: string; path: string; idProperty: string; crs: string }> = [
  { name: "WGS84 original", path: "data/sozialraeume.geojson", idProperty: "sozialraum_id", crs: "EPSG:4326" },
  ...EPSG.map((e) => ({ name: `GeoJSON EPSG:${e}`, path: `${REF}/sozialraeume_${e}.geojson`, idProperty: "sozialraum_id", crs: `EPSG:${e}` })),
  // ogr2ogr shortens .dbf column names to 10 characters: sozialraum_id → sozialraum
  ...EPSG.map((e) => ({ name: `Shapefile EPSG:${e}`, path: `${REF}/shp_${e}/sozialraeume.shp`, idProperty: "sozialraum", crs: `EPSG:${e}` })),
];

const original = JSON.parse(readFileSync("data/sozialraeume.geojson", "utf8")) as { features: Array<{ properties: Record<string, string> }> };
const ids = original.features.map((f) => f.properties.sozialraum_id);
// Any fixed values will do: the statistics depend on the geometry only through the weights.
const values = ids.map((_, i) => Math.sin(i * 1.7) * 10 + (i % 5));

const vertices = (a: AreaGeometries, i: number): number[][] => {
  const g = a.features[i].geometry;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  return polys.flat(1).flatMap((ring) => ring.slice(0, -1)).map((p) => [p[0], p[1]]);
};
const sorted = (vs: number[][]) => [...vs].sort((p, q) => p[0] - q[0] || p[1] - q[1]);

describe("readGeometry: the same neighbourhood results from GeoJSON and Shapefile in EPSG:4326/25832/25833/3035", async () => {
  const read = await Promise.all(INPUTS.map((i) => readGeometry(i.path, { idProperty: i.idProperty })));
  const base = read[0];
  const queen0 = contiguityWeights(base, { kind: "queen", idProperty: "sozialraum_id" });
  const rook0 = contiguityWeights(base, { kind: "rook", idProperty: "sozialraum_id" });

  it("the original has a real neighbourhood structure (so that equality below means something)", () => {
    expect(base.ids).toEqual(ids);
    expect(queen0.warnings).toEqual([]);
    const links = (w: typeof queen0) => Object.values(w.neighbors).reduce((s, n) => s + n.length, 0);
    expect(links(queen0)).toBeGreaterThan(200);
    expect(links(rook0)).toBeLessThanOrEqual(links(queen0));
  });

  INPUTS.forEach((input, k) => {
    it(`${input.name}: keys, CRS, queen and rook contiguity, Moran's I and LISA identical to the original`, () => {
      const a = read[k];
      expect(a.crs).toBe(input.crs);
      expect(a.ids).toEqual(ids);
      expect(a.features.map((f) => f.properties[input.idProperty])).toEqual(ids);
      const queen = contiguityWeights(a, { kind: "queen", idProperty: input.idProperty });
      const rook = contiguityWeights(a, { kind: "rook", idProperty: input.idProperty });
      expect(queen.neighbors).toEqual(queen0.neighbors);
      expect(rook.neighbors).toEqual(rook0.neighbors);
      const w = rowStandardize(queen);
      expect(moran(values, w, { permutations: 99, seed: 7 })).toEqual(moran(values, rowStandardize(queen0), { permutations: 99, seed: 7 }));
      expect(localMoran(values, w, { permutations: 99, seed: 7 })).toEqual(localMoran(values, rowStandardize(queen0), { permutations: 99, seed: 7 }));
    });
  });

  // ogr2ogr's back-transformations carry the crs member "urn:ogc:def:crs:OGC:1.3:CRS84" (read as WGS84, unchanged)
  const backs = await Promise.all(EPSG.map((e) => readGeometry(`${REF}/back_${e}.geojson`, { idProperty: "sozialraum_id" })));
  EPSG.forEach((e, b) => {
    const backAreas = backs[b];
    for (const kind of ["GeoJSON", "Shapefile"] as const) {
      it(`${kind} EPSG:${e}: every reprojected vertex within 1e-7° of ogr2ogr -t_srs EPSG:4326, and of the original`, () => {
        const a = read[INPUTS.findIndex((i) => i.name === `${kind} EPSG:${e}`)];
        let worstGdal = 0;
        let worstOriginal = 0;
        a.features.forEach((_, i) => {
          // Shapefiles may reorder rings and reverse their orientation: compare the sorted vertex lists.
          const ours = sorted(vertices(a, i));
          const gdal = sorted(vertices(backAreas, i));
          const orig = sorted(vertices(base, i));
          expect(ours.length).toBe(gdal.length);
          ours.forEach((p, j) => {
            worstGdal = Math.max(worstGdal, Math.abs(p[0] - gdal[j][0]), Math.abs(p[1] - gdal[j][1]));
            worstOriginal = Math.max(worstOriginal, Math.abs(p[0] - orig[j][0]), Math.abs(p[1] - orig[j][1]));
          });
        });
        if (process.env.GEOMETRY_FIGURES) console.log(`${kind} EPSG:${e}: max |Δ| to ogr2ogr ${worstGdal.toExponential(2)}°, to the original ${worstOriginal.toExponential(2)}°`);
        expect(backAreas.crs).toBe("EPSG:4326");
        expect(worstGdal).toBeLessThan(1e-7);
        expect(worstOriginal).toBeLessThan(1e-7);
      });
    }
  });

  it("reads a windows-1252 .dbf without .cpg (ArcGIS default): umlauts intact, a warning says so", async () => {
    const a = await readGeometry(`${REF}/shp_1252/sozialraeume.shp`, { idProperty: "sozialraum" });
    expect(a.features.map((f) => f.properties.sozialra_1)).toEqual(original.features.map((f) => f.properties.sozialraum_name));
    expect(a.features.map((f) => f.properties.sozialra_1)).toContain("Wiesdorf-Süd");
    expect(a.warnings).toEqual([`readShapefile: ${REF}/shp_1252/sozialraeume.shp: keine .cpg-Datei; die Texte der .dbf werden als windows-1252 gelesen`]);
  });
});
