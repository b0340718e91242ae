import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestNames, editDistance, meintenSie } from "../../src/sources/suggest.js";

describe("editDistance (optimal string alignment)", () => {
  it("matches hand-computed distances", () => {
    // kitten → sitting: k→s, e→i, +g (Levenshtein 1966 textbook example) = 3
    expect(editDistance("kitten", "sitting")).toBe(3);
    // a transposition of neighbours costs 1 (Damerau 1964)
    expect(editDistance("einwohner", "einwohenr")).toBe(1);
    // OSA, unlike full Damerau–Levenshtein, cannot edit a transposed pair again: "ca" → "abc" = 3
    expect(editDistance("ca", "abc")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("is symmetric, zero only for equal strings, and bounded by the lengths", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe("closestNames and meintenSie", () => {
  it("folds case, umlauts and separators and returns only the closest names", () => {
    expect(closestNames("Einwohnr", ["EW", "Einwohner", "Name"])).toEqual(["Einwohner"]);
    expect(closestNames("bevoelkerung", ["Bevölkerung", "Haushalte"])).toEqual(["Bevölkerung"]);
    expect(closestNames("xyz", ["Einwohner"])).toEqual([]);
    expect(meintenSie("kee", ["key", "file"])).toBe(' – meinten Sie "key"?');
    expect(meintenSie("qqq", ["key"])).toBe("");
  });
});
