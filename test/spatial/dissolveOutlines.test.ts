/**
 * dissolveOutlines on a crafted 3 × 2 grid of unit squares (hand-drawn reference):
 *
 *   y=2 +---+---+---+
 *       | d | e | f |     parent A = {a, b, d}, parent B = {c, e, f}
 *   y=1 +---+---+---+
 *       | a | b | c |
 *   y=0 +---+---+---+
 *       0   1   2   3
 *
 * A's boundary (an L of three squares) has 8 unit edges: perimeter 8; B's likewise 8. The edges between a–b,
 * a–d (same parent) vanish; b–c, b–e, d–e (different parents) stay in both outlines.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dissolveOutlines } from "../../src/spatial/index.js";

const square = (id: string, x: number, y: number) => ({
  type: "Feature",
  properties: { id },
  geometry: { type: "Polygon", coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});
const grid = {
  type: "FeatureCollection",
  features: [square("a", 0, 0), square("b", 1, 0), square("c", 2, 0), square("d", 0, 1), square("e", 1, 1), square("f", 2, 1)],
};
const edgesOf = (lines: Array<Array<[number, number]>>) =>
  lines.flatMap((l) => l.slice(1).map((p, i) => [l[i], p].map((q) => q.join(",")).sort().join("|"))).sort();

describe("dissolveOutlines", () => {
  const parentOf = { a: "A", b: "A", d: "A", c: "B", e: "B", f: "B" };
  const { outlines, excluded } = dissolveOutlines(grid, { idProperty: "id", parentOf });

  it("keeps exactly the edges not shared within a parent (hand-counted L shapes)", () => {
    expect(outlines.map((o) => o.parent)).toEqual(["A", "B"]);
    expect(outlines[0].areas).toEqual(["a", "b", "d"]);
    const a = edgesOf(outlines[0].lines);
    expect(a).toHaveLength(8);
    expect(a).not.toContain("0,1|1,1"); // a–d
    expect(a).not.toContain("1,0|1,1"); // a–b
    expect(a).toContain("2,0|2,1"); // b–c: between parents
    expect(a).toContain("1,1|2,1"); // b–e
    expect(a).toContain("1,1|1,2"); // d–e
    expect(edgesOf(outlines[1].lines)).toHaveLength(8);
    expect(excluded).toEqual([]);
  });

  it("chains the edges into one closed line per simple outline", () => {
    expect(outlines[0].lines).toHaveLength(1);
    const line = outlines[0].lines[0];
    expect(line[0]).toEqual(line[line.length - 1]);
    expect(line).toHaveLength(9);
  });

  it("one parent for all: the outline is the 3 × 2 rectangle's perimeter (10 unit edges)", () => {
    const all = dissolveOutlines(grid, { idProperty: "id", parentOf: Object.fromEntries(Object.keys(parentOf).map((k) => [k, "S"])) });
    expect(edgesOf(all.outlines[0].lines)).toHaveLength(10);
  });

  it("lists areas without a parent or geometry and leaves them out", () => {
    const withGap = { ...grid, features: [...grid.features, { type: "Feature", properties: { id: "g" }, geometry: null }] };
    const r = dissolveOutlines(withGap, { idProperty: "id", parentOf: { ...parentOf, f: null, g: "B" } });
    expect(r.excluded).toEqual([{ id: "f", reason: "keine übergeordnete Einheit" }, { id: "g", reason: "keine Geometrie" }]);
    // B is now c and e, which touch only at the corner (2,1): two separate squares, 4 + 4 edges.
    expect(edgesOf(r.outlines[1].lines)).toHaveLength(8);
  });

  it("random parents: boundary edges = outer perimeter + twice the edges between different parents", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("X", "Y", "Z"), { minLength: 6, maxLength: 6 }), (parents) => {
        const map = Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((k, i) => [k, parents[i]]));
        const r = dissolveOutlines(grid, { idProperty: "id", parentOf: map });
        // Total boundary length over parents = 2 · (internal edges between different parents) + outer perimeter 10.
        const between = [["a", "b"], ["b", "c"], ["d", "e"], ["e", "f"], ["a", "d"], ["b", "e"], ["c", "f"]].filter(([x, y]) => map[x] !== map[y]).length;
        expect(r.outlines.reduce((s, o) => s + edgesOf(o.lines).length, 0)).toBe(10 + 2 * between);
      }),
    );
  });
});
