import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyseTables,
  analysisSensitivity,
  reportHtml,
  reportWorkbook,
  resolveAnalysisConfig,
  runAnalysis,
  sensitivitySection,
  stableStringify,
  verdictEvaluator,
  verdictSensitivity,
  verdictVariants,
  type IndicatorDefinition,
} from "../../src/index.js";

/*
 * A crafted city of six Sozialräume (1 000 residents each) whose z-values are known by hand.
 *
 * Children: A = a_k / a_n · 100 with a_n = 100: x_A = 31, 6, 7, 21, 27, 28 %.
 *   mean = 120 / 6 = 20; deviations 11, −14, −13, 1, 7, 8; Σd² = 121 + 196 + 169 + 1 + 49 + 64 = 600;
 *   population SD = √(600 / 6) = 10  →  z_A = 1.1, −1.4, −1.3, 0.1, 0.7, 0.8.
 *   Area 01 has z = (31 − 20) / 10 = 1.1: auffällig at threshold 1 (1.1 > 1), unauffällig at 1.25 (1.1 ≤ 1.25).
 * Children: B = b_k / b_n · 100, b_n = 100: x_B = 20, 25, 15, 20, 30, 10 %.
 *   mean 20; deviations 0, 5, −5, 0, 10, −10; Σd² = 250; SD = √(250 / 6) = 6.4550  →  z_B = 0, 0.775, −0.775, 0, 1.549, −1.549.
 * Elderly: C = c_k / c_n · 100, c_n = 1 000: x_C = 10, 12, 8, 10, 10, 10 %; SD = √(8 / 6) = 1.1547  →  z_C = 0, 1.732, −1.732, 0, 0, 0.
 *
 * Baseline verdicts (rule: stark if any z > 1.5 or ≥ 2 flags; auffällig if ≥ 1 flag):
 *   children 01 auffällig (A 1.1), 05 stark auffällig (B 1.549), others unauffällig; elderly 02 stark auffällig (C 1.732).
 *
 * Variants, by hand:
 * - SD n − 1: every z × √(5/6) = 0.91287: 01 A 1.004 (auffällig, kept); 05 B 1.414 → auffällig (changes); 02 C 1.581 (kept).
 * - weighted mean/SD by residents: equal weights give the same mean; population SD identical, sample SD
 *   √(600 000 / 5 999) = 10.0008 → z × 0.99992: nothing changes.
 * - robust z: A median (21 + 27)/2 = 24, MAD = median(7, 18, 17, 3, 3, 4) = 5.5, · 1.4826 = 8.1543:
 *   01 (31 − 24)/8.1543 = 0.858 → unauffällig (changes); 05 A 0.368, B (30 − 20)/(1.4826 · 5) = 1.349 → auffällig (changes).
 *   C: median 10, MAD = median(0, 2, 2, 0, 0, 0) = 0 → undefined: elderly not assessed in this variant.
 * - thresholds +0.25 (1.25 / 1.75): 01 → unauffällig; 05 B 1.549 → auffällig; 02 C 1.732 → auffällig.
 * - thresholds −0.25 (0.75 / 1.25): 02 B 0.775 → auffällig; 06 A 0.8 → auffällig; 01, 05 kept.
 * - empirical Bayes: equal bases give every area the same shrinkage wᵢ = a / (a + b/n) (A: a = 0.01 − 0.2/100 = 0.008,
 *   w = 0.8; C: a = 0.000133 − 0.1/1000 = 0.0000333, w = 0.25): z unchanged, nothing changes.
 * - without A: 01 → unauffällig; without B: 05 (A 0.7) → unauffällig. No leave-one-out for elderly (one indicator).
 */
const indicators: IndicatorDefinition[] = [
  { id: "a", label: "Anteil A", targetGroup: "children", numerator: "a_k", denominator: "a_n", unit: "%", direction: 1, source: "Testfall" },
  { id: "b", label: "Anteil B", targetGroup: "children", numerator: "b_k", denominator: "b_n", unit: "%", direction: 1, source: "Testfall" },
  { id: "c", label: "Anteil C", targetGroup: "elderly", numerator: "c_k", denominator: "c_n", unit: "%", direction: 1, source: "Testfall" },
];
const A = [31, 6, 7, 21, 27, 28];
const B = [20, 25, 15, 20, 30, 10];
const C = [100, 120, 80, 100, 100, 100];
const rows = A.map((a, i) => ({ sozialraum_id: `0${i + 1}`, einwohner: 1000, a_k: a, a_n: 100, b_k: B[i], b_n: 100, c_k: C[i], c_n: 1000 }));
const OFF = { dynamicIndex: false, supply: false, mix: false, neighbourhood: false, sensitivity: false } as const;
const config = resolveAnalysisConfig({ indicators, statusIndex: { indicators: ["a", "b"] }, ...OFF, report: { date: "2024-01-02" } }, { today: "2024-01-02" });
const result = analyseTables({ gebiete: null, current: rows, previous: null }, config);

describe("verdictEvaluator on the crafted city", () => {
  const ev = verdictEvaluator(result);

  it("reproduces the analysis' z-value and verdicts, and moves area 01 from auffällig to unauffällig at threshold 1.25", () => {
    expect(result.zScores[0].a).toBeCloseTo(1.1, 12); // (31 − 20) / 10
    const base = ev.evaluate();
    expect(base.groups.children.map((r) => r.verdict)).toEqual(["auffällig", "unauffällig", "unauffällig", "unauffällig", "stark auffällig", "unauffällig"]);
    expect(base.groups.elderly.map((r) => r.verdict)).toEqual(["unauffällig", "stark auffällig", "unauffällig", "unauffällig", "unauffällig", "unauffällig"]);
    result.conspicuousness.areas.forEach((a, i) => {
      for (const g of a.groups) expect(base.groups[g.targetGroup][i].verdict).toBe(g.verdict);
    });
    const up = ev.evaluate({ thresholdShift: 0.25 });
    expect(up.thresholds).toEqual({ flag: 1.25, strong: 1.75 });
    expect(up.groups.children[0]).toEqual({ id: "01", verdict: "unauffällig" }); // 1.1 ≤ 1.25
    expect(ev.evaluate({ thresholdShift: -0.25 }).groups.children[0].verdict).toBe("auffällig"); // 0.75 < 1.1 ≤ 1.25
  });

  it("does not assess a group whose robust z is undefined (MAD = 0), and says why", () => {
    const r = ev.evaluate({ normalization: "robustZ" });
    expect(r.groups.elderly.every((x) => x.verdict === null)).toBe(true);
    expect(r.failed.elderly).toContain("mittlere absolute Abweichung vom Median (MAD) ist 0");
    expect(r.groups.children.map((x) => x.verdict)).toEqual(["unauffällig", "unauffällig", "unauffällig", "unauffällig", "auffällig", "unauffällig"]);
  });

  it("raising the thresholds never makes a verdict more severe (property)", () => {
    const severity = { unauffällig: 0, auffällig: 1, "stark auffällig": 2 } as const;
    const levels = (shift: number) => Object.values(ev.evaluate({ thresholdShift: shift }).groups).flat().map((r) => severity[r.verdict!]);
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (low, step) => {
        const a = levels(low);
        const b = levels(low + step);
        return b.every((x, i) => x <= a[i]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("checks its options", () => {
    expect(() => ev.evaluate({ omit: ["x"] })).toThrow('verdictEvaluator: Option "omit" nennt "x", das ist kein Indikator mit Auffälligkeitsurteil (a, b, c)');
    expect(() => ev.evaluate({ omit: ["c"] })).toThrow('verdictEvaluator: Option "omit" lässt die Zielgruppe "elderly" ohne Indikatoren');
    expect(() => ev.evaluate({ normalization: "percentile" as never })).toThrow('verdictEvaluator: Option "normalization" muss "z" oder "robustZ" sein, angegeben: "percentile"');
    expect(() => ev.evaluate({ draw: { seed: 1.5 } })).toThrow('verdictEvaluator: Option "draw.seed" muss eine ganze Zahl sein, angegeben: 1.5');
    expect(() => verdictEvaluator({} as never)).toThrow("verdictEvaluator: erwartet das Ergebnis von runAnalysis oder analyseTables, angegeben: name undefined");
  });
});

describe("verdictSensitivity on the crafted city", () => {
  const before = stableStringify(result);
  const v = verdictSensitivity(result, { seed: 7, draws: 25 });
  const area = (id: string, g: string) => v.areas.find((a) => a.id === id && a.targetGroup === g)!;

  it("generates the variants, leave-one-out only within the indicator's own group", () => {
    expect(v.variants.map((x) => x.name)).toEqual([
      "Basis",
      "ungewichtet, SD Stichprobe (n − 1)",
      "gewichtet (Einwohner), SD Grundgesamtheit (n)",
      "gewichtet (Einwohner), SD Stichprobe (n − 1)",
      "robuste z-Werte",
      "Schwellen +0,25",
      "Schwellen −0,25",
      "Empirical-Bayes-Glättung",
      "ohne Anteil A",
      "ohne Anteil B",
    ]);
    expect(v.variants[5].description).toBe("auffällig ab z > 1,25, stark auffällig ab z > 1,75");
    expect(v.groups.map((g) => [g.label, g.methods.variants.length])).toEqual([["Kinder und Jugendliche", 10], ["Ältere", 8]]);
  });

  it("area 01 (z = 1.1) keeps auffällig in 7 of 10 variants; the hand-derived variants change it", () => {
    expect(area("01", "children")).toMatchObject({
      name: "01",
      baselineVerdict: "auffällig",
      nVariants: 10,
      keeps: 7,
      stability: 0.7,
      verdictCounts: { auffällig: 7, unauffällig: 3 },
      differingVariants: ["robuste z-Werte", "Schwellen +0,25", "ohne Anteil A"],
      dependsOnMethod: true,
    });
    expect(area("05", "children").differingVariants).toEqual(["ungewichtet, SD Stichprobe (n − 1)", "robuste z-Werte", "Schwellen +0,25", "ohne Anteil B"]);
    expect(area("06", "children").differingVariants).toEqual(["Schwellen −0,25"]);
    expect(area("02", "children").differingVariants).toEqual(["Schwellen −0,25"]);
    expect(area("03", "children")).toMatchObject({ keeps: 10, dependsOnMethod: false });
    // Elderly: robust z cannot assess the group, so 7 variants count; only the raised thresholds change area 02.
    expect(area("02", "elderly")).toMatchObject({ baselineVerdict: "stark auffällig", nVariants: 7, keeps: 6, differingVariants: ["Schwellen +0,25"] });
    expect(v.methodDependent).toEqual([
      { id: "01", targetGroup: "children" },
      { id: "02", targetGroup: "children" },
      { id: "02", targetGroup: "elderly" },
      { id: "05", targetGroup: "children" },
      { id: "06", targetGroup: "children" },
    ]);
    expect(v.warnings.join("\n")).toContain('verdictSensitivity: Variante "robuste z-Werte" beurteilt Ältere nicht: Anteil C: robustZ: mittlere absolute Abweichung vom Median (MAD) ist 0');
  });

  it("keeps area × group order and does not modify the analysis", () => {
    expect(v.areas.map((a) => `${a.id}/${a.targetGroup}`).slice(0, 4)).toEqual(["01/children", "01/elderly", "02/children", "02/elderly"]);
    expect(v.areas).toHaveLength(12);
    expect(stableStringify(result)).toBe(before);
  });

  it("is deterministic with a seed; another seed gives other draws", () => {
    expect(stableStringify(verdictSensitivity(result, { seed: 7, draws: 25 }))).toBe(stableStringify(v));
    const other = verdictSensitivity(result, { seed: 8, draws: 25 });
    expect(stableStringify(other.groups.map((g) => g.monteCarlo!.outcomes))).not.toBe(stableStringify(v.groups.map((g) => g.monteCarlo!.outcomes)));
    // The methods do not depend on the seed.
    expect(stableStringify(other.groups.map((g) => g.methods))).toBe(stableStringify(v.groups.map((g) => g.methods)));
    expect(v.parameters).toMatchObject({ seed: 7, draws: 25, thresholdShift: 0.25, thresholds: { flag: 1, strong: 1.5 } });
    for (const a of v.areas) {
      expect(a.nDraws).toBe(26); // the baseline and 25 draws
      expect(a.drawStability! * 26).toBeCloseTo(26 - a.drawsChanging!, 9);
    }
    // Default seed: the analysis' own.
    expect(verdictSensitivity(result, { draws: 2 }).parameters.seed).toBe(config.seed);
  });

  it("checks draws", () => {
    expect(() => verdictSensitivity(result, { draws: -1 })).toThrow('verdictSensitivity: Option "draws" muss eine ganze Zahl ≥ 0 sein, angegeben: -1');
    expect(verdictSensitivity(result, { draws: 0 }).groups[0].monteCarlo).toBeNull();
    expect(() => verdictVariants(verdictEvaluator(result), { thresholdShift: 0 })).toThrow('verdictVariants: Option "thresholdShift" muss eine positive Zahl sein, angegeben: 0');
  });
});

describe("verdict variants agree with re-running the pipeline", () => {
  // The grid city of the pipeline tests (R reference test/reference/pipeline/analysis.R).
  const city = runAnalysis({ data: { dir: resolve("test/reference/pipeline/city") }, report: { date: "2024-01-02" }, ...OFF });
  const ev = verdictEvaluator(city);
  const rerun = (change: Partial<typeof city.parameters>) => analyseTables({ gebiete: null, current: city.data.current, previous: null }, { ...city.parameters, ...change });
  const verdictsOf = (r: typeof city) => Object.fromEntries(r.conspicuousness.targetGroups.map((g, k) => [g, r.conspicuousness.areas.map((a) => a.groups[k].verdict)]));
  const of = (o: Parameters<typeof ev.evaluate>[0]) => Object.fromEntries(Object.entries(ev.evaluate(o).groups).map(([g, rs]) => [g, rs.map((r) => r.verdict)]));

  it("for the mean/SD kinds, the thresholds and a left-out indicator", () => {
    expect(of({})).toEqual(verdictsOf(city));
    expect(of({ sd: "sample" })).toEqual(verdictsOf(rerun({ standardization: { mean: "unweighted", sd: "sample" } })));
    expect(of({ mean: "weighted" })).toEqual(verdictsOf(rerun({ standardization: { mean: "weighted", sd: "population" } })));
    expect(of({ thresholdShift: 0.25 })).toEqual(verdictsOf(rerun({ thresholds: { flag: 1.25, strong: 1.75 } })));
    expect(of({ thresholdShift: -0.25 })).toEqual(verdictsOf(rerun({ thresholds: { flag: 0.75, strong: 1.25 } })));
    const out = city.parameters.indicators.find((d) => d.targetGroup === "children" && !city.parameters.statusIndex.indicators.some((s) => s.id === d.id))!;
    expect(of({ omit: [out.id] })).toEqual(verdictsOf(rerun({ indicators: city.parameters.indicators.filter((d) => d.id !== out.id) })));
  });

  it("a change of the verdicts shows in the sensitivity tables of the report section", async () => {
    const v = verdictSensitivity(city, { seed: 3, draws: 20 });
    const status = analysisSensitivity(city, { draws: 0 });
    const plain = sensitivitySection(status.methods);
    const section = sensitivitySection(status.methods, { verdicts: v });
    const titles = section.tables!.map((t) => t.title);
    expect(titles).toEqual([...plain.tables!.map((t) => t.title), "Bewertungsvarianten", "Methodenabhängige Bewertungen", "Bewertungsstabilität"]);
    for (const t of titles) expect(t.length).toBeLessThanOrEqual(31);
    const dependent = section.tables!.find((t) => t.title === "Methodenabhängige Bewertungen")!;
    expect(dependent.rows).toHaveLength(v.methodDependent.length);
    expect(v.methodDependent.length).toBeGreaterThan(0);
    const first = v.areas.find((a) => a.dependsOnMethod)!;
    expect(dependent.rows[0]).toMatchObject({
      sozialraum_id: first.id,
      bewertung: first.baselineVerdict,
      beibehalten: `${first.keeps} von ${first.nVariants}`,
      varianten: first.differingVariants.join("; "),
    });
    const variants = section.tables!.find((t) => t.title === "Bewertungsvarianten")!;
    // Per variant and group: the number of areas whose verdict changes; "–" (null) where the variant does not apply.
    for (const row of variants.rows) {
      for (const g of v.groups) {
        const key = variants.columns.find((c) => c.label === `andere Bewertung: ${g.label}`)!.key;
        const applies = g.methods.variants.some((x) => x.name === row.variante);
        const n = v.areas.filter((a) => a.targetGroup === g.targetGroup && a.differingVariants.includes(row.variante as string)).length;
        expect(row[key]).toBe(applies ? n : null);
      }
    }
    expect(section.paragraphs!.join(" ")).toContain("20 Monte-Carlo-Ziehungen (Startwert 3;");
    const doc = { title: "Test", date: "2024-01-02", source: "Testdaten", parameters: [], sections: [section] };
    expect(reportHtml(doc)).toContain("Methodenabhängige Bewertungen");
    expect((await reportWorkbook(doc)).byteLength).toBeGreaterThan(1000);
  });
});

describe("verdict sensitivity of a smoothed analysis", () => {
  it("reproduces the analysis' verdicts when the analysis itself smooths, and offers 'ohne Glättung'", async () => {
    const { runAnalysis } = await import("../../src/pipeline/index.js");
    const { verdictEvaluator, verdictVariants } = await import("../../src/analysis/index.js");
    const result = runAnalysis({ smoothing: "empirical-bayes", sensitivity: false, supply: false, mix: false, neighbourhood: false, report: { date: "2024-01-02" } } as never);
    const ev = verdictEvaluator(result);
    expect(ev.base.smoothing).toBe("empirical-bayes");
    const got = ev.evaluate({});
    let compared = 0;
    result.conspicuousness.targetGroups.forEach((g, k) => {
      result.conspicuousness.areas.forEach((a, i) => {
        expect(got.groups[g][i].verdict, `${a.id} ${g}`).toBe(a.groups[k].verdict);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(150);
    const names = verdictVariants(ev).map((v) => v.name);
    expect(names).toContain("ohne Glättung");
    expect(names).not.toContain("Empirical-Bayes-Glättung");
  });
});
