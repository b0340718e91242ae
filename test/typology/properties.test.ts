import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adjustedRandIndex,
  clusterStability,
  cutTree,
  hierarchicalClustering,
  kMeans,
  principalComponents,
  silhouette,
  sozialraumTypes,
  typeProfiles,
  varimax,
} from "../../src/typology/index.js";

const point = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 2 });
const points = fc.array(point, { minLength: 3, maxLength: 25 });

describe("typology invariants (fast-check)", () => {
  it("cutTree: k clusters, numbered 1…k by first appearance; nested as k grows", () => {
    fc.assert(
      fc.property(points, fc.constantFrom("ward", "average", "complete" as const), (x, method) => {
        const tree = hierarchicalClustering(x, { method });
        expect(tree.order.slice().sort((a, b) => a - b)).toEqual(x.map((_, i) => i + 1));
        expect(tree.height.every((h, i) => i === 0 || h >= tree.height[i - 1] - 1e-9)).toBe(true);
        let previous: number[] | null = null;
        for (let k = 1; k <= x.length; k++) {
          const cut = cutTree(tree, k);
          expect(new Set(cut).size).toBe(k);
          let seen = 0;
          for (const c of cut) { expect(c <= seen + 1).toBe(true); seen = Math.max(seen, c); }
          // every cluster of the finer cut lies in one cluster of the coarser cut
          if (previous) { const p = previous; cut.forEach((c, i) => cut.forEach((d, j) => { if (c === d) expect(p[i]).toBe(p[j]); })); }
          previous = cut;
        }
      }),
      { numRuns: 60 },
    );
  });

  it("silhouette widths lie in [−1, 1]; singletons have width 0", () => {
    fc.assert(
      fc.property(points, fc.integer({ min: 2, max: 4 }), (x, k) => {
        const cut = cutTree(hierarchicalClustering(x, { method: "ward" }), Math.min(k, x.length));
        const s = silhouette(x, cut);
        s.widths.forEach((w, i) => {
          expect(Math.abs(w)).toBeLessThanOrEqual(1 + 1e-12);
          if (cut.filter((c) => c === cut[i]).length === 1) expect(w).toBe(0);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("adjustedRandIndex is 1 for relabelled partitions and symmetric", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 40, maxLength: 40 }), (a, other) => {
        const b = other.slice(0, a.length);
        expect(adjustedRandIndex(a, a.map((v) => 10 - v))).toBeCloseTo(1, 12);
        expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
      }),
    );
  });

  it("kMeans: same seed, same bytes; no worse than its first start; each row nearest its own centre", () => {
    fc.assert(
      fc.property(points, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1000 }), (x, k, seed) => {
        const kk = Math.min(k, new Set(x.map((r) => r.join())).size);
        const a = kMeans(x, { k: kk, seed, starts: 10 });
        expect(JSON.stringify(kMeans(x, { k: kk, seed, starts: 10 }))).toBe(JSON.stringify(a));
        const sq = (r: number[], c: number[]) => r.reduce((s, v, j) => s + (v - c[j]) ** 2, 0);
        x.forEach((r, i) => {
          const own = sq(r, a.centers[a.cluster[i] - 1]);
          for (const c of a.centers) expect(own).toBeLessThanOrEqual(sq(r, c) + 1e-9);
        });
        // the first of the 10 starts is the single start with the same seed
        expect(a.totalWithinSS).toBeLessThanOrEqual(kMeans(x, { k: kk, seed, starts: 1 }).totalWithinSS + 1e-9);
      }),
      { numRuns: 40 },
    );
  });

});

describe("typology documentation examples and errors", () => {
  it("hierarchicalClustering / cutTree / silhouette examples", () => {
    const tree = hierarchicalClustering([[0], [1], [5], [6.5]], { method: "ward" });
    expect(tree.merge).toEqual([[-1, -2], [-3, -4], [1, 2]]);
    expect(cutTree(tree, 2)).toEqual([1, 1, 2, 2]);
    // a: 1, 1, 1, 1; b: 5.5, 4.5, 4.5, 5.5 → s = 1 − a/b
    expect(silhouette([[0], [1], [5], [6]], [1, 1, 2, 2]).mean).toBeCloseTo((2 * (1 - 1 / 5.5) + 2 * (1 - 1 / 4.5)) / 4, 14);
    expect(kMeans([[0], [1], [10], [11]], { k: 2, seed: 1 }).cluster).toEqual([1, 1, 2, 2]);
  });

  it("typeProfiles example", () => {
    const t = typeProfiles([[1.2, -0.8], [0.9, -0.6], [-1, 0.7]], [1, 1, 2], { columns: ["kinder", "alte"], labels: { kinder: "Kinderarmut", alte: "Ältere" } });
    expect(t[0].description).toBe("überdurchschnittlich: Kinderarmut; unterdurchschnittlich: Ältere");
    expect(t[0].profile[0].meanZ).toBeCloseTo(1.05, 14);
    expect(t[1].description).toBe("überdurchschnittlich: Ältere; unterdurchschnittlich: Kinderarmut");
  });

  it("varimax leaves a two-column simple structure unchanged up to rounding and keeps communalities", () => {
    const x = [[0.8, 0.3], [0.7, 0.4], [0.2, 0.9], [0.1, 0.8]];
    const v = varimax(x);
    v.loadings.forEach((r, j) => expect(r[0] ** 2 + r[1] ** 2).toBeCloseTo(x[j][0] ** 2 + x[j][1] ** 2, 12));
    const t = v.rotationMatrix;
    expect(t[0][0] * t[0][1] + t[1][0] * t[1][1]).toBeCloseTo(0, 12);
  });

  it("errors name the function, row and column", () => {
    expect(() => principalComponents([{ a: 1, b: 2 }, { a: "x", b: 3 }], { columns: ["a", "b"] })).toThrow(
      'principalComponents: Zeile 2, Spalte "a": Wert x ist keine endliche Zahl',
    );
    expect(() => principalComponents([{ a: 1 }, { a: 2 }], { columns: ["c"] })).toThrow('principalComponents: Spalte "c" nicht gefunden');
    expect(() => hierarchicalClustering([[1], [2]], { method: "single" as never })).toThrow("hierarchicalClustering: method muss eines von ward, average, complete sein, angegeben ist single");
    expect(() => cutTree(hierarchicalClustering([[1], [2]]), 3)).toThrow("cutTree: k muss eine ganze Zahl von 1 bis 2 sein, angegeben ist 3");
    expect(() => kMeans([[1], [2]], { k: 0 })).toThrow("kMeans: k muss eine ganze Zahl von 1 bis 2 sein, angegeben ist 0");
    expect(() => silhouette([[1], [2]], [1])).toThrow("silhouette: cluster hat 1 Einträge für 2 Zeilen");
    expect(() => clusterStability([[1], [2]], [1, 2], { k: 2, resamples: 0 })).toThrow("clusterStability: resamples muss eine ganze Zahl ≥ 1 sein, angegeben ist 0");
  });

  it("sozialraumTypes: same seed, same bytes; input unchanged; too few areas is an error", () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, x: (i % 3) * 5 + Math.sin(i), y: Math.cos(i * 1.7) + (i % 3), z: i % 2 === 0 ? i / 10 : null }));
    const copy = JSON.stringify(rows);
    const a = sozialraumTypes(rows, { id: "id", columns: ["x", "y"], kRange: [2, 4], seed: 5, resamples: 10 });
    expect(JSON.stringify(sozialraumTypes(rows, { id: "id", columns: ["x", "y"], kRange: [2, 4], seed: 5, resamples: 10 }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(rows)).toBe(copy);
    const withMissing = sozialraumTypes(rows, { id: "id", columns: ["x", "z"], labels: { z: "Kinderarmut" }, kRange: [2, 3], resamples: 0 });
    expect(withMissing.excluded[0]).toEqual({ id: "a1", step: "sozialraumTypes", column: "z", reason: "fehlender Wert in z (Kinderarmut): leer" });
    expect(withMissing.stability).toBeNull();
    expect(() => sozialraumTypes(rows.slice(0, 5), { id: "id", columns: ["x", "y"] })).toThrow(
      "sozialraumTypes: nur 5 vollständige Gebiete für bis zu 8 Typen; nötig sind mindestens 9",
    );
  });
});
