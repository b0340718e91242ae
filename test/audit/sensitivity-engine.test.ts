import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { berlinMssStatus, compositeIndexEvaluator, compositeIndexVariants, compositeSensitivity, runSensitivity, spearman } from "../../src/index.js";
import { spearmanMatrix } from "../../src/audit/index.js";

const REF = JSON.parse(readFileSync("test/reference/audit/sensitivity.json", "utf8")) as {
  spearman: { x: number[]; y: number[]; rho: number; rho_base_robust: number; rho_base_nscores: number };
  variants: Record<string, { rank: number[] }>;
};

describe("spearman", () => {
  it("equals R cor(method = 'spearman') with ties (test/reference/audit/sensitivity.R)", () => {
    expect(spearman(REF.spearman.x, REF.spearman.y)).toBeCloseTo(REF.spearman.rho, 14);
    expect(spearman(REF.variants.base.rank, REF.variants.robust.rank)).toBeCloseTo(REF.spearman.rho_base_robust, 14);
    // R: cor(1:5, c(1,3,2,4,5), method = "spearman") = 0.9
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 2, 4, 5])).toBeCloseTo(0.9, 15);
  });

  it("is exactly 1 for identical rankings and −1 for reversed ones; NaN without variation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 2, maxLength: 60 }), (x) => {
        if (new Set(x).size < 2) return Number.isNaN(spearman(x, x));
        return spearman(x, x) === 1 && Math.abs(spearman(x, x.map((v) => -v)) + 1) < 1e-15;
      }),
    );
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1], [1])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow("spearman: x hat 2 Werte, y aber 1");
  });
});

describe("runSensitivity", () => {
  const variants = [
    { name: "Basis", family: "Basis", options: 0 },
    { name: "V1", family: "Schwellen", options: 1 },
    { name: "V2", family: "Schwellen", options: 2 },
  ];
  const evaluate = (o: number) => [
    { id: "a", rank: 1, class: "x" },
    { id: "b", rank: o === 1 ? 3 : 2, class: o === 2 ? "y" : "x" },
    { id: "c", rank: o === 1 ? 2 : 3, class: "z" },
  ];

  it("summarises with summarizeSensitivity and adds the Spearman matrix and the families", () => {
    const r = runSensitivity({ variants, evaluate, labels: { a: "Nord" } });
    expect(r.baseline).toBe("Basis");
    expect(r.summary.methodDependent).toEqual(["b"]);
    expect(r.summary.areas[1].classStability).toBeCloseTo(2 / 3, 15);
    // ρ(1 2 3, 1 3 2) = 1 − 6·2/(3·8) = 0.5 (no ties)
    expect(r.spearman!.values[0][1]).toBeCloseTo(0.5, 15);
    expect(r.spearman!.values[0][0]).toBe(1);
    expect(r.spearman!.values[1][2]).toBe(r.spearman!.values[2][1]);
    expect(r.families).toEqual([
      { family: "Basis", variants: 1, minSpearman: 1, areasChangingClass: 0 },
      { family: "Schwellen", variants: 2, minSpearman: r.summary.correlations[1].spearman, areasChangingClass: 1 },
    ]);
    expect(r.labels).toEqual({ a: "Nord" });
  });

  it("validates variants and outcomes", () => {
    expect(() => runSensitivity({ variants: [], evaluate })).toThrow('runSensitivity: Option "variants" muss mindestens eine Variante nennen');
    expect(() => runSensitivity({ variants: [variants[0], variants[0]], evaluate })).toThrow('runSensitivity: Variantenname "Basis" kommt doppelt vor');
    expect(() => runSensitivity({ variants, evaluate, baseline: "X" })).toThrow('runSensitivity: Ausgangsvariante "X" (Option "baseline") nicht unter den 3 Varianten');
    expect(() => runSensitivity({ variants, evaluate: () => [{ id: "a", rank: 1, class: "x" }, { id: "a", rank: 2, class: "x" }] })).toThrow(
      'runSensitivity: Gebiet "a" kommt in Variante "Basis" doppelt vor',
    );
    expect(() => runSensitivity({ variants, evaluate: () => [{ id: "a", rank: NaN, class: "x" }] })).toThrow(
      'runSensitivity: Rang NaN von Gebiet "a" in Variante "Basis" ist weder eine endliche Zahl noch null',
    );
  });

  it("warns when a variant leaves out an area the baseline ranks", () => {
    const r = runSensitivity({ variants, evaluate: (o) => (o === 2 ? evaluate(o).slice(0, 2) : evaluate(o)) });
    expect(r.warnings).toEqual(['runSensitivity: Variante "V2" lässt 1 Gebiet aus, das die Ausgangsvariante einstuft']);
    expect(r.summary.areas[2].nVariants).toBe(2);
  });

  it("spearmanMatrix uses the areas both variants ranked", () => {
    const m = spearmanMatrix([
      { name: "A", results: [{ id: "a", rank: 1, class: null }, { id: "b", rank: 2, class: null }, { id: "c", rank: 3, class: null }, { id: "d", rank: 4, class: null }] },
      { name: "B", results: [{ id: "a", rank: 2, class: null }, { id: "b", rank: 1, class: null }, { id: "c", rank: null, class: null }, { id: "d", rank: 3, class: null }] },
    ]);
    expect(m.n).toEqual([[4, 3], [3, 3]]);
    // a, b, d: (1, 2, 4) vs (2, 1, 3) → ranks (1,2,3) vs (2,1,3): ρ = 1 − 6·2/(3·8) = 0.5
    expect(m.values[0][1]).toBeCloseTo(0.5, 15);
  });
});

// A crafted table whose answer is known. Every indicator is the classic example [2, 4, 4, 4, 5, 5, 7, 9]
// (mean 5, population SD 2), so z = (x − 5)/2 exactly, the sum is 3z with mean 0 and population SD 3, and the
// index is z again — exactly: area "extrem" (x = 9) has index 2, area "grenze" (x = 7) has index 1.000…, which
// is the boundary between "mittel" (x ≤ 1) and "niedrig".
describe("crafted case: an extreme area and an area exactly on a class boundary", () => {
  const xs = [2, 4, 4, 4, 5, 5, 7, 9];
  const ids = ["g1", "g2", "g3", "g4", "g5", "g6", "grenze", "extrem"];
  const rows = xs.map((x, i) => ({ id: ids[i], s1: x, s3: x, s4: x, ew: 10000 }));
  const spec = {
    id: "id",
    indicators: ["s1", "s3", "s4"].map((column) => ({ column, denominator: "ew" })),
    scheme: berlinMssStatus,
    population: "ew",
  };
  const ev = compositeIndexEvaluator(rows, spec);
  const s = compositeSensitivity(rows, spec, { draws: 0 });
  const by = Object.fromEntries(s.methods.summary.areas.map((a) => [a.id, a]));

  it("has the hand-computed baseline", () => {
    const base = ev.evaluate().areas;
    expect(base[7].index).toBe(2);
    expect(base[6].index).toBe(1);
    expect(base.map((a) => a.class)).toEqual(["hoch", "mittel", "mittel", "mittel", "mittel", "mittel", "mittel", "sehr niedrig"]);
  });

  it("runs every family (16 variants + baseline)", () => {
    expect(s.methods.variants.map((v) => v.family)).toEqual([
      "Basis", ...Array(4).fill("Mittelwert und SD"), ...Array(3).fill("Normierung"), ...Array(3).fill("Gewichte"),
      ...Array(2).fill("Klassengrenzen"), "Glättung", ...Array(3).fill("Indikator weggelassen"),
    ]);
  });

  it("the extreme area keeps rank 1 and its class in every variant", () => {
    expect(by.extrem.classStability).toBe(1);
    expect([by.extrem.medianRank, by.extrem.rankP05, by.extrem.rankP95]).toEqual([1, 1, 1]);
    expect(by.extrem.dependsOnMethod).toBe(false);
    expect(s.methods.outcomes.every((o) => o.results[7].rank === 1 && o.results[7].class === "sehr niedrig")).toBe(true);
  });

  it("the boundary area's class depends on the method", () => {
    expect(by.grenze.dependsOnMethod).toBe(true);
    // −0.25: mittel ends at 0.75 < 1 → niedrig. Robust z: (7 − 4.5)/(1.4826 · 0.5) = 3.37 → sehr niedrig.
    // Normal scores: PR = (7 − ½)/8 → Φ⁻¹(0.8125) = 0.887 → mittel. Sample SD: 1 · √(7/8) = 0.935 → mittel.
    expect(by.grenze.differingVariants).toContain("Klassengrenzen −0,25");
    expect(by.grenze.differingVariants).toContain("robuste z-Werte");
    expect(by.grenze.differingVariants).not.toContain("ungewichtet, SD Stichprobe (n − 1)");
    expect(by.grenze.differingVariants).not.toContain("Klassengrenzen +0,25");
    expect(by.grenze.classStability!).toBeGreaterThan(0);
    expect(by.grenze.classStability!).toBeLessThan(1);
    expect(s.methods.summary.methodDependent).toContain("grenze");
  });

  it("the variant equal to the baseline's method gives the baseline exactly", () => {
    const v = compositeIndexVariants(spec).find((x) => x.name === "ungewichtet, SD Grundgesamtheit (n)")!;
    expect(ev.evaluate(v.options)).toEqual(ev.evaluate());
  });
});
