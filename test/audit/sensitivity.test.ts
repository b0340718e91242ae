import { describe, expect, it } from "vitest";
import { summarizeSensitivity } from "../../src/index.js";
import { quantileType7 } from "../../src/index.js";

describe("quantileType7", () => {
  it("equals R's quantile() (type 7)", () => {
    // R 4.x: quantile(c(3,1,4,1,5,9,2,6,5,3), c(.05,.5,.95)) → 1.00 3.50 7.65
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3].sort((a, b) => a - b);
    expect(quantileType7(x, 0.05)).toBeCloseTo(1.0, 12);
    expect(quantileType7(x, 0.5)).toBeCloseTo(3.5, 12);
    expect(quantileType7(x, 0.95)).toBeCloseTo(7.65, 12);
  });
});

describe("summarizeSensitivity", () => {
  // A case whose answer is known: area "stabil" keeps rank 1 and class "sehr niedrig" in every variant,
  // area "grenze" flips between "mittel" and "niedrig", area "weg" is left out by one variant.
  const variants = [
    { name: "Basis", results: [
      { id: "stabil", rank: 1, class: "sehr niedrig" }, { id: "grenze", rank: 2, class: "niedrig" },
      { id: "mitte", rank: 3, class: "mittel" }, { id: "weg", rank: 4, class: "mittel" },
      { id: "hoch", rank: 5, class: "hoch" } ] },
    { name: "V1", family: "Mittelwert", results: [
      { id: "stabil", rank: 1, class: "sehr niedrig" }, { id: "grenze", rank: 3, class: "mittel" },
      { id: "mitte", rank: 2, class: "mittel" }, { id: "weg", rank: 4, class: "mittel" },
      { id: "hoch", rank: 5, class: "hoch" } ] },
    { name: "V2", family: "Schwellen", results: [
      { id: "stabil", rank: 1, class: "sehr niedrig" }, { id: "grenze", rank: 2, class: "niedrig" },
      { id: "mitte", rank: 3, class: "mittel" }, { id: "weg", rank: null, class: null },
      { id: "hoch", rank: 4, class: "hoch" } ] },
  ];
  const s = summarizeSensitivity(variants, { baseline: "Basis" });

  it("reports per-area class stability and method dependence", () => {
    const by = Object.fromEntries(s.areas.map((a) => [a.id, a]));
    expect(by.stabil.classStability).toBe(1);
    expect(by.stabil.dependsOnMethod).toBe(false);
    expect(by.grenze.classStability).toBeCloseTo(2 / 3, 15);
    expect(by.grenze.differingVariants).toEqual(["V1"]);
    expect(by.grenze.classCounts).toEqual({ niedrig: 2, mittel: 1 });
    expect(by.weg.nVariants).toBe(2);
    expect(by.weg.classStability).toBe(1);
    expect(s.methodDependent).toEqual(["grenze"]);
    expect(s.areas.map((a) => a.id)).toEqual(["stabil", "grenze", "mitte", "weg", "hoch"]);
  });

  it("reports median rank and the 5–95 % interval (R type 7)", () => {
    const g = s.areas.find((a) => a.id === "grenze")!;
    // ranks 2, 3, 2 → sorted 2, 2, 3: median 2, p05 = 2, p95 = 2 + 0.9 × 1 = 2.9
    expect(g.medianRank).toBe(2);
    expect(g.rankP05).toBe(2);
    expect(g.rankP95).toBeCloseTo(2.9, 12);
  });

  it("gives Spearman correlations with the baseline (R: cor(1:5, c(1,3,2,4,5), method='spearman') = 0.9)", () => {
    const c = Object.fromEntries(s.correlations.map((x) => [x.variant, x]));
    expect(c.Basis.spearman).toBeCloseTo(1, 12);
    expect(c.V1.spearman).toBeCloseTo(0.9, 12);
    expect(c.V2.n).toBe(4);
  });

  it("names a missing baseline and duplicate variants", () => {
    expect(() => summarizeSensitivity(variants, { baseline: "X" })).toThrow('summarizeSensitivity: Ausgangsvariante "X" (Option "baseline") nicht unter "Basis"');
    expect(() => summarizeSensitivity([variants[0], variants[0]], { baseline: "Basis" })).toThrow(
      'summarizeSensitivity: Variantenname "Basis" kommt doppelt vor',
    );
  });
});
