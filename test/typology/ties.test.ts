import { describe, expect, it } from "vitest";
import { cutTree, hierarchicalClustering, silhouette } from "../../src/typology/index.js";
import { expectClose, loadReference } from "./rReference.js";

// Reference: test/reference/typology/typology.R, section (c): a 4 × 3 integer grid plus a repeated point,
// so many distances tie; R's HCLUST resolves ties by scan order, and so must we.
const ties = (loadReference() as unknown as { ties: TiesReference }).ties;

interface TiesReference {
  points: number[][];
  ward: { merge: number[][]; height: number[]; order: number[] };
  average: { merge: number[][]; height: number[]; order: number[] };
  complete: { merge: number[][]; height: number[]; order: number[] };
  cutree_ward_3: number[];
  silhouette_ward_3: number[];
}

describe("hierarchicalClustering with tied distances (R hclust on a grid)", () => {
  for (const method of ["ward", "average", "complete"] as const) {
    it(`${method}: merge, height and order exactly as R`, () => {
      const tree = hierarchicalClustering(ties.points, { method });
      expect(tree.merge).toEqual(ties[method].merge);
      expectClose(tree.height, ties[method].height, 1e-12);
      expect(tree.order).toEqual(ties[method].order);
    });
  }

  it("cutree and silhouette on the tied Ward tree as R", () => {
    const cut = cutTree(hierarchicalClustering(ties.points, { method: "ward" }), 3);
    expect(cut).toEqual(ties.cutree_ward_3);
    expectClose(silhouette(ties.points, cut).widths, ties.silhouette_ward_3, 1e-12);
  });

  it("is deterministic: the same input gives the same tree, and the input is not changed", () => {
    const copy = ties.points.map((r) => r.slice());
    const a = hierarchicalClustering(ties.points, { method: "average" });
    const b = hierarchicalClustering(ties.points, { method: "average" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(ties.points).toEqual(copy);
  });
});
