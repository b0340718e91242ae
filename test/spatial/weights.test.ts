import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  binaryWeights,
  contiguityWeights,
  distanceBandWeights,
  dropMissingValues,
  knnWeights,
  readGal,
  rowStandardize,
  spatialLag,
  subsetWeights,
  weightsFromNeighbors,
  writeGal,
} from "../../src/spatial/index.js";
import { missing } from "../../src/table/missing.js";
import { gridGeoJson } from "./helpers.js";

const square = (id: string, x: number, y: number, size = 1) => ({
  type: "Feature",
  properties: { id },
  geometry: { type: "Polygon", coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
});
const point = (id: string, x: number, y: number) => ({ type: "Feature", properties: { id }, geometry: { type: "Point", coordinates: [x, y] } });

describe("weightsFromNeighbors", () => {
  it("builds CSR arrays in the order of ids and finds islands and components", () => {
    const w = weightsFromNeighbors({ a: ["b"], b: ["a", "c"], c: ["b"], d: [] }, { ids: ["a", "b", "c", "d"] });
    expect(Array.from(w.offsets)).toEqual([0, 1, 3, 4, 4]);
    expect(Array.from(w.indices)).toEqual([1, 0, 2, 1]);
    expect(w.transform).toBe("B");
    expect(w.islands).toEqual(["d"]);
    expect(w.components).toBe(2);
    expect(Array.from(w.componentOf)).toEqual([0, 0, 0, 1]);
    expect(w.symmetric).toBe(true);
    expect(w.warnings).toEqual([
      'weightsFromNeighbors: 1 Gebiet ohne Nachbarn (Inseln): "d"',
      "weightsFromNeighbors: der Nachbarschaftsgraph zerfällt in 2 nicht verbundene Teile (Größen 3, 1)",
    ]);
  });
  it("keeps the given id order even for integer-like ids", () => {
    const w = weightsFromNeighbors({ "10": ["2"], "2": ["10"] }, { ids: ["10", "2"] });
    expect(w.ids).toEqual(["10", "2"]);
    expect(w.neighbors).toEqual({ "10": ["2"], "2": ["10"] });
  });
  it("flags asymmetric neighbour lists", () => {
    expect(weightsFromNeighbors({ a: ["b"], b: [] }, { ids: ["a", "b"] }).symmetric).toBe(false);
  });
  it("rejects unknown, duplicate and self neighbours with clear messages", () => {
    expect(() => weightsFromNeighbors({ a: ["x"] })).toThrow('weightsFromNeighbors: Gebiet "a" hat den unbekannten Nachbarn "x"');
    expect(() => weightsFromNeighbors({ a: ["a"] })).toThrow('weightsFromNeighbors: Gebiet "a" nennt sich selbst als Nachbarn');
    expect(() => weightsFromNeighbors({ a: ["b", "b"], b: ["a"] })).toThrow('weightsFromNeighbors: Gebiet "a" nennt den Nachbarn "b" zweimal');
    expect(() => weightsFromNeighbors({ a: ["b"], b: ["a"] }, { ids: ["a", "b", "a"] })).toThrow('weightsFromNeighbors: doppelter Gebietsschlüssel "a"');
    expect(() => weightsFromNeighbors({ a: ["b"], b: ["a"] }, { weights: { a: [1], b: [-1] } })).toThrow(
      'weightsFromNeighbors: Gewicht -1 des Nachbarn "a" von Gebiet "b" ist keine endliche Zahl ≥ 0',
    );
  });
});

describe("rowStandardize, binaryWeights, spatialLag", () => {
  const w = weightsFromNeighbors({ a: ["b", "c"], b: ["a"], c: ["a"], d: [] }, { ids: ["a", "b", "c", "d"] });
  it("row-standardises without touching the input; islands keep an empty row", () => {
    const r = rowStandardize(w);
    expect(r.weights).toEqual({ a: [0.5, 0.5], b: [1], c: [1], d: [] });
    expect(r.transform).toBe("R");
    expect(w.weights.a).toEqual([1, 1]);
    expect(binaryWeights(r).weights.a).toEqual([1, 1]);
    expect(r.warnings).toEqual(w.warnings);
  });
  it("computes the lag as a weighted sum (mean with row-standardised weights)", () => {
    expect(spatialLag([1, 2, 4, 8], w)).toEqual([6, 1, 1, 0]);
    expect(spatialLag([1, 2, 4, 8], w, { transform: "R" })).toEqual([3, 1, 1, 0]);
    expect(() => spatialLag([1, 2], w)).toThrow("spatialLag: 2 Werte für 4 Gebiete (die Werte müssen der Reihenfolge von weights.ids folgen)");
    expect(() => spatialLag([1, 2, NaN, 4], w)).toThrow('spatialLag: Wert NaN von Gebiet "c" (Position 2) ist keine endliche Zahl');
  });
});

describe("GAL files", () => {
  it("reads the plain header, wrapped neighbour lines and islands", () => {
    const w = readGal("4\r\nb 2\r\na\r\nc\r\na 1\r\nb\r\nc 1\r\nb\r\nd 0\r\n\r\n");
    expect(w.ids).toEqual(["b", "a", "c", "d"]);
    expect(w.neighbors).toEqual({ b: ["a", "c"], a: ["b"], c: ["b"], d: [] });
    expect(w.islands).toEqual(["d"]);
    expect(w.kind).toBe("gal");
  });
  it("reads the GeoDa header 0 n shapefile id", () => {
    const w = readGal("0 2 sids2 FIPSNO\n37009 1\n37005\n37005 1\n37009\n");
    expect(w.ids).toEqual(["37009", "37005"]);
  });
  it("names the problem in bad files", () => {
    expect(() => readGal("")).toThrow("readGal: leere GAL-Datei");
    expect(() => readGal("x y\n")).toThrow('readGal: Zeile 1: Kopfzeile "x y" ist weder "n" noch "0 n shapefile id"');
    expect(() => readGal("2\na 1\nb\n")).toThrow("readGal: die Kopfzeile nennt 2 Gebiete, die Datei endet aber nach 1");
    expect(() => readGal("1\na 1\nz\n")).toThrow('readGal: Gebiet "a" hat den Nachbarn "z", der keinen eigenen Eintrag hat');
    expect(() => readGal("1\na x\n")).toThrow('readGal: Zeile 2: Anzahl der Nachbarn "x" von Gebiet "a" ist keine ganze Zahl ≥ 0');
    expect(() => readGal("1\na 0\n\nb 0\n")).toThrow('readGal: Zeile 4: unerwartetes "b" nach den 1 in der Kopfzeile angekündigten Gebieten');
  });
  it("writes both header variants and reads back what it wrote (property)", () => {
    const w = readGal("2\na 1\nb\nb 1\na\n");
    expect(writeGal(w)).toBe("2\na 1\nb\nb 1\na\n");
    expect(writeGal(w, { shapefile: "plr", idVariable: "PLR_ID" }).split("\n")[0]).toBe("0 2 plr PLR_ID");
    expect(() => writeGal(weightsFromNeighbors({ "a b": [] }))).toThrow('writeGal: Gebietsschlüssel "a b" ist leer oder enthält Leerzeichen');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { maxLength: 80 }), (n, links) => {
        const ids = Array.from({ length: n }, (_, i) => `0${i}`);
        const nb: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, [] as string[]]));
        for (const [a, b] of links) if (a < n && b < n && a !== b && !nb[ids[a]].includes(ids[b])) nb[ids[a]].push(ids[b]);
        const w1 = weightsFromNeighbors(nb, { ids });
        const w2 = readGal(writeGal(w1));
        expect(w2.ids).toEqual(w1.ids);
        expect(w2.neighbors).toEqual(w1.neighbors);
      }),
    );
  });
});

describe("contiguityWeights", () => {
  it("gives queen and rook neighbours on a grid (interior 8 and 4, corners 3 and 2)", () => {
    const g = gridGeoJson(4, 5);
    const q = contiguityWeights(g, { idProperty: "id" });
    const r = contiguityWeights(g, { kind: "rook", idProperty: "id" });
    expect(q.neighbors["1_1"]).toEqual(["0_0", "0_1", "0_2", "1_0", "1_2", "2_0", "2_1", "2_2"]);
    expect(r.neighbors["1_1"]).toEqual(["0_1", "1_0", "1_2", "2_1"]);
    expect(q.neighbors["0_0"]).toHaveLength(3);
    expect(r.neighbors["0_0"]).toHaveLength(2);
    // links: rook 2·(r(c−1) + c(r−1)), queen adds 4·(r−1)(c−1) diagonals
    expect(r.indices.length).toBe(2 * (4 * 4 + 5 * 3));
    expect(q.indices.length).toBe(2 * (4 * 4 + 5 * 3) + 4 * 3 * 4);
    expect(q.warnings).toEqual([]);
  });
  it("is symmetric, rook ⊆ queen, on random grids with missing cells (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (rows, cols, keep) => {
        const g = gridGeoJson(rows, cols);
        g.features = g.features.filter((_, i) => keep[i]);
        if (g.features.length === 0) return;
        const q = contiguityWeights(g, { idProperty: "id" });
        const r = contiguityWeights(g, { kind: "rook", idProperty: "id" });
        expect(q.symmetric).toBe(true);
        expect(r.symmetric).toBe(true);
        for (const id of q.ids) {
          for (const nb of r.neighbors[id]) expect(q.neighbors[id]).toContain(nb);
          // brute force: queen = cells whose row and column differ by at most 1
          const [ra, ca] = id.split("_").map(Number);
          const expected = q.ids.filter((o) => {
            const [rb, cb] = o.split("_").map(Number);
            return o !== id && Math.abs(ra - rb) <= 1 && Math.abs(ca - cb) <= 1;
          });
          expect([...q.neighbors[id]].sort()).toEqual(expected.sort());
        }
      }),
      { numRuns: 60 },
    );
  });
  it("uses holes and all parts of MultiPolygons; reports features without geometry", () => {
    const ring = { type: "Feature", properties: { id: "ring" }, geometry: { type: "Polygon", coordinates: [
      [[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]],
      [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]],
    ] } };
    const multi = { type: "Feature", properties: { id: "multi" }, geometry: { type: "MultiPolygon", coordinates: [
      [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]],
      [[[3, 0], [4, 0], [4, 3], [3, 3], [3, 0]]],
    ] } };
    const g = { type: "FeatureCollection", features: [ring, square("hole", 1, 1), multi, { type: "Feature", properties: { id: "leer" }, geometry: null }] };
    const w = contiguityWeights(g, { kind: "rook", idProperty: "id" });
    expect(w.neighbors).toEqual({ ring: ["hole", "multi"], hole: ["ring"], multi: ["ring"], leer: [] });
    expect(w.warnings[0]).toBe('contiguityWeights: 1 Gebiet(e) ohne Geometrie: "leer"');
    expect(w.warnings[1]).toBe('contiguityWeights: 1 Gebiet ohne Nachbarn (Inseln): "leer"');
  });
  it("needs shared vertices: a T-junction (vertex of one polygon inside an edge of the other) is queen-only via its corner", () => {
    const g = { type: "FeatureCollection", features: [square("big", 0, 0, 2), square("small", 2, 0, 1)] };
    expect(contiguityWeights(g, { idProperty: "id" }).neighbors.big).toEqual(["small"]); // shared corner (2, 0)
    expect(contiguityWeights(g, { idProperty: "id", kind: "rook" }).neighbors.big).toEqual([]); // edge (2,0)–(2,2) ≠ (2,0)–(2,1)
  });
  it("joins vertices within the tolerance", () => {
    const g = { type: "FeatureCollection", features: [square("a", 0, 0), square("b", 1.0000001, 0)] };
    expect(contiguityWeights(g, { idProperty: "id" }).islands).toEqual(["a", "b"]);
    expect(contiguityWeights(g, { idProperty: "id", kind: "rook", tolerance: 1e-6 }).neighbors.a).toEqual(["b"]);
  });
  it("names bad input", () => {
    expect(() => contiguityWeights({ type: "Feature", features: [] } as never)).toThrow("contiguityWeights: geojson muss eine GeoJSON-FeatureCollection sein");
    const g = { type: "FeatureCollection", features: [square("a", 0, 0), square("a", 1, 0)] };
    expect(() => contiguityWeights(g, { idProperty: "id" })).toThrow('contiguityWeights: doppelter Gebietsschlüssel "a" (Features 0 und 1)');
    expect(() => contiguityWeights(g)).toThrow('contiguityWeights: Feature 0 hat keinen Schlüssel; idProperty angeben (z. B. "sozialraum_id")');
    expect(() => contiguityWeights(g, { idProperty: "x" })).toThrow('contiguityWeights: Feature 0 hat keine Eigenschaft "x"');
    expect(() => contiguityWeights({ type: "FeatureCollection", features: [point("p", 0, 0)] }, { idProperty: "id" })).toThrow(
      'contiguityWeights: Gebiet "p" hat die Geometrie Point; erwartet Polygon oder MultiPolygon',
    );
    expect(() => contiguityWeights(g, { kind: "bishop" as never })).toThrow('contiguityWeights: kind muss "queen" oder "rook" sein, angegeben ist "bishop"');
  });
});

describe("knnWeights and distanceBandWeights", () => {
  it("finds the k nearest centroids, ties by feature order", () => {
    const fc1 = { type: "FeatureCollection", features: [point("a", 0, 0), point("b", 1, 0), point("c", 3, 0), point("d", -1, 0)] };
    const w = knnWeights(fc1, { k: 1, idProperty: "id", longLat: false });
    expect(w.neighbors).toEqual({ a: ["b"], b: ["a"], c: ["b"], d: ["a"] }); // a: b and d tie at 1 → b (earlier)
    expect(w.symmetric).toBe(false);
    expect(() => knnWeights(fc1, { k: 4, idProperty: "id", longLat: false })).toThrow("knnWeights: k = 4 braucht mehr als 4 Gebiete mit Geometrie, vorhanden sind 4");
  });
  it("equals a brute-force search (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { minLength: 5, maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (pts, k) => {
        const g = { type: "FeatureCollection", features: pts.map(([x, y], i) => point(`p${i}`, x, y)) };
        const w = knnWeights(g, { k, idProperty: "id", longLat: false });
        pts.forEach(([x, y], i) => {
          const others = pts.map(([u, v], j) => ({ j, d: Math.hypot(u - x, v - y) })).filter((o) => o.j !== i);
          others.sort((a, b) => a.d - b.d || a.j - b.j);
          const expected = others.slice(0, k).map((o) => o.j).sort((a, b) => a - b).map((j) => `p${j}`);
          expect(w.neighbors[`p${i}`]).toEqual(expected);
        });
        const d = distanceBandWeights(g, { threshold: 5, idProperty: "id", longLat: false });
        expect(d.symmetric).toBe(true);
        pts.forEach(([x, y], i) => {
          const expected = pts.map(([u, v], j) => ({ j, d: Math.hypot(u - x, v - y) })).filter((o) => o.j !== i && o.d <= 5).map((o) => `p${o.j}`);
          expect(d.neighbors[`p${i}`]).toEqual(expected);
        });
      }),
      { numRuns: 50 },
    );
  });
  it("uses polygon centroids and km for longitude/latitude", () => {
    // Two squares 0.01° apart in longitude at 51° N: about 0.01 · 111.2 km · cos 51° ≈ 0.70 km.
    const g = { type: "FeatureCollection", features: [square("a", 7, 51, 0.01), square("b", 7.01, 51, 0.01)] };
    expect(distanceBandWeights(g, { threshold: 0.69, idProperty: "id" }).islands).toEqual(["a", "b"]);
    const w = distanceBandWeights(g, { threshold: 0.71, idProperty: "id", binary: false });
    expect(w.weights.a[0]).toBeCloseTo(1 / (0.01 * (Math.PI / 180) * 6371.0088 * Math.cos((51.005 * Math.PI) / 180)), 6);
    expect(() => distanceBandWeights(gridGeoJson(1, 200) as never, { threshold: 1, idProperty: "id" })).toThrow(
      'distanceBandWeights: Gebiet "0_180" hat den Schwerpunkt [180.5, 0.5], das ist nicht Länge/Breite; für projizierte Koordinaten longLat: false angeben',
    );
  });
});

describe("subsetWeights and dropMissingValues", () => {
  const w = weightsFromNeighbors({ a: ["b", "c"], b: ["a", "c"], c: ["a", "b", "d"], d: ["c"] }, { ids: ["a", "b", "c", "d"] });
  it("drops links to left-out areas, re-standardises rows and reports new islands", () => {
    const s = subsetWeights(rowStandardize(w), ["d", "a", "b"]);
    expect(s.ids).toEqual(["a", "b", "d"]);
    expect(s.weights).toEqual({ a: [1], b: [1], d: [] });
    expect(s.islands).toEqual(["d"]);
    expect(() => subsetWeights(w, ["x"])).toThrow('subsetWeights: Gebiet "x" ist nicht in den Gewichten enthalten');
  });
  it("leaves out areas without a value and lists them with a German reason", () => {
    const r = dropMissingValues([1, missing("."), 3, Number.NaN], w);
    expect(r.values).toEqual([1, 3]);
    expect(r.weights.ids).toEqual(["a", "c"]);
    expect(r.weights.neighbors).toEqual({ a: ["c"], c: ["a"] });
    expect(r.excluded).toEqual([
      { id: "b", reason: "kein Wert (fehlend oder geheim gehalten)", step: "dropMissingValues" },
      { id: "d", reason: "kein Wert (fehlend oder geheim gehalten)", step: "dropMissingValues" },
    ]);
    expect(dropMissingValues([1, 2, 3, 4], w).weights).toBe(w);
  });
});
