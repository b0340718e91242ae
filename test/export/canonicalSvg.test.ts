import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalSvg } from "../../src/export/index.js";

describe("canonicalSvg", () => {
  it("puts namespace declarations first and sorts the other attributes, values untouched", () => {
    // The two root tags plotly.js 4 wrote for the same map in two runs (attribute order by creation time).
    const a = '<svg class="main-svg" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="900" height="560" style="" viewBox="0 0 900 560"><g/></svg>';
    const b = '<svg class="main-svg" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="900" height="560" viewBox="0 0 900 560" style=""><g/></svg>';
    const want =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="main-svg" height="560" style="" viewBox="0 0 900 560" width="900"><g/></svg>';
    expect(canonicalSvg(a)).toBe(want);
    expect(canonicalSvg(b)).toBe(want);
  });

  it("keeps self-closing tags, text, quotes in values and tags without attributes", () => {
    const svg = '<svg xmlns="x"><text y="2" x="1" style="font-family: &quot;Open Sans&quot;">a &lt; b</text><rect y="0" x="0"/><g></g></svg>';
    expect(canonicalSvg(svg)).toBe('<svg xmlns="x"><text style="font-family: &quot;Open Sans&quot;" x="1" y="2">a &lt; b</text><rect x="0" y="0"/><g></g></svg>');
  });

  it("gives the same text for every order of the same attributes, and is idempotent (property)", () => {
    const names = ["xmlns", "xmlns:xlink", "class", "d", "style", "transform", "data-index", "x", "y"];
    fc.assert(
      fc.property(fc.shuffledSubarray(names, { minLength: 1 }), fc.integer({ min: 0, max: 1000 }), (subset, seed) => {
        const attrs = subset.map((n, i) => `${n}="v${(i * 7 + seed) % 13}"`);
        const reversed = [...attrs].reverse();
        const one = canonicalSvg(`<path ${attrs.join(" ")}/>`);
        expect(canonicalSvg(`<path ${reversed.join(" ")}/>`)).toBe(one);
        expect(canonicalSvg(one)).toBe(one);
      }),
    );
  });
});
