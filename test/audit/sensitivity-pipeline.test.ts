import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyseTables,
  analysisEvaluator,
  analysisSensitivity,
  analysisVariants,
  resolveAnalysisConfig,
  runAnalysis,
  stableStringify,
  type IndexVariantOptions,
  type IndicatorDefinition,
} from "../../src/index.js";

// The grid city of the pipeline tests (its R reference: test/reference/pipeline/analysis.R) and the embedded city.
const CITY = resolve("test/reference/pipeline/city");
/** Only the core analysis: the optional steps (and the pipeline's own sensitivity step) are not needed here. */
const CORE = { sensitivity: false, mix: false, neighbourhood: false, supply: false } as const;

describe("analysisEvaluator (pipeline status index)", () => {
  const result = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" }, ...CORE });
  const ev = analysisEvaluator(result);

  it("the baseline is the analysis' own ranking and status classes", () => {
    const base = new Map(ev.evaluate(ev.base).map((r) => [r.id, r]));
    for (const r of result.ranking) expect([r.sozialraum_id, base.get(r.sozialraum_id)!.rank, base.get(r.sozialraum_id)!.class]).toEqual([r.sozialraum_id, r.rang, r.status_klasse]);
    expect(result.ranking.some((r) => r.rang === null)).toBe(true); // the tiny area stays out in every path
  });

  it("re-running analyseTables and recomputing the index agree for every configuration variant", () => {
    const cases: IndexVariantOptions[] = [
      {},
      { sd: "sample" },
      { mean: "weighted" },
      { mean: "weighted", sd: "sample" },
      { omit: ["kinderarmut"] },
      { omit: ["arbeitslosigkeit"] },
      { weights: { transferbezug: 2 } },
    ];
    for (const o of cases) {
      expect(ev.runsPipeline(o)).toBe(true);
      expect(ev.evaluatePipeline(o), JSON.stringify(o)).toEqual(ev.evaluateIndex(o));
    }
    expect(ev.runsPipeline({ normalization: "robustZ" })).toBe(false);
    expect(() => ev.evaluatePipeline({ boundaryShift: 0.25 })).toThrow("analysisEvaluator: diese Optionen lassen sich nicht als Analysekonfiguration ausdrücken");
  });

  it("generates the variants around the analysis' own method", () => {
    const sample = runAnalysis({ data: { dir: CITY }, standardization: { sd: "sample" }, report: { date: "2024-01-02" }, ...CORE });
    const v = analysisVariants(sample);
    expect(v[0].options).toEqual({ mean: "unweighted", sd: "sample", smoothing: "none" });
    expect(v.map((x) => x.name)).toContain("Empirical-Bayes-Glättung"); // counts are known: smoothing applies
    expect(v.map((x) => x.name)).toContain("ohne Kinderarmut");
  });

  it("draws only the rates of areas in the index; the excluded tiny area stays out", () => {
    const draw = ev.evaluate({ ...ev.base, draw: { seed: 4 } });
    const base = ev.evaluate(ev.base);
    expect(draw.map((r) => r.rank === null)).toEqual(base.map((r) => r.rank === null));
    expect(draw.map((r) => r.rank)).not.toEqual(base.map((r) => r.rank));
  });
});

describe("analysisSensitivity on the embedded synthetic city", () => {
  const result = runAnalysis({ report: { date: "2024-01-02" }, ...CORE });
  const before = JSON.stringify([result.ranking, result.data.current]);
  const s = analysisSensitivity(result, { seed: 11, draws: 40 });

  it("is deterministic with a seed and does not modify the analysis", () => {
    expect(stableStringify(analysisSensitivity(result, { seed: 11, draws: 40 }))).toBe(stableStringify(s));
    expect(stableStringify(analysisSensitivity(result, { seed: 12, draws: 40 }).monteCarlo)).not.toBe(stableStringify(s.monteCarlo));
    expect(JSON.stringify([result.ranking, result.data.current])).toBe(before);
  });

  it("summarises every ranked Sozialraum with names", () => {
    const ranked = result.ranking.filter((r) => r.rang !== null).length;
    expect(s.methods.summary.areas.filter((a) => a.baselineRank !== null)).toHaveLength(ranked);
    expect(s.monteCarlo!.variants).toHaveLength(41);
    expect(s.methods.labels[result.areas[0].id]).toBe(result.areas[0].name);
    expect(s.methods.parameters).toMatchObject({ thresholdShift: 0.25, base: { mean: "unweighted", sd: "population" } });
    // Same method, same ranks: the MSS combination in the mean/SD grid reproduces the baseline.
    const same = s.methods.outcomes.find((o) => o.name === "ungewichtet, SD Grundgesamtheit (n)")!;
    expect(same.results).toEqual(s.methods.outcomes[0].results);
  });
});

/*
 * A crafted one-indicator status index: C = c_k / 100 · 100 % = 0, 1, 0, 0, 1, 0 % in six areas.
 * - Empirical Bayes (Marshall 1991): mean rate m = 2/600 = 0.00333; variance of the rates
 *   s² = 2 · 0.0001 / 6 − m² = 0.0000222 < m / n̄ = 0.0000333, so the prior variance is 0 and every smoothed
 *   rate is m: the only indicator is constant, the index undefined.
 * - Robust z: median 0, MAD = median(0, 1, 0, 0, 1, 0) = 0: undefined.
 * - A Monte Carlo draw in which both areas with 1 % draw 0 of 100 (P = 0.99¹⁰⁰ each) makes C constant.
 * Before the fix, analysisSensitivity threw for these; now they are skipped and named in the warnings.
 */
describe("analysisSensitivity with a single status indicator", () => {
  const indicators: IndicatorDefinition[] = [
    { id: "c", label: "Anteil C", targetGroup: "elderly", numerator: "c_k", denominator: "c_n", unit: "%", direction: 1, source: "Testfall" },
  ];
  const rows = [0, 1, 0, 0, 1, 0].map((c, i) => ({ sozialraum_id: `0${i + 1}`, einwohner: 1000, c_k: c, c_n: 100 }));
  const OFF = { dynamicIndex: false, supply: false, mix: false, neighbourhood: false, sensitivity: false } as const;
  const config = resolveAnalysisConfig({ indicators, statusIndex: { indicators: ["c"] }, ...OFF, report: { date: "2024-01-02" } }, { today: "2024-01-02" });
  const result = analyseTables({ gebiete: null, current: rows, previous: null }, config);

  it("skips the smoothing variant and the robust z variant, naming them", () => {
    const s = analysisSensitivity(result, { seed: 3, draws: 0 });
    const names = s.methods.variants.map((v) => v.name);
    expect(names).not.toContain("Empirical-Bayes-Glättung");
    expect(names).not.toContain("robuste z-Werte");
    expect(names).toContain("Klassengrenzen +0,25");
    expect(s.methods.warnings).toEqual([
      'analysisSensitivity: Variante "robuste z-Werte" übersprungen: compositeIndexEvaluator: c: robustZ: mittlere absolute Abweichung vom Median (MAD) ist 0 (mehr als die Hälfte der 6 Werte ist 0); zScores verwenden',
      'analysisSensitivity: Variante "Empirical-Bayes-Glättung" übersprungen: compositeIndexEvaluator: die Empirical-Bayes-Glättung macht jeden Wert des Indikators "c" in allen Gebieten gleich; der Index ist in dieser Variante nicht definiert',
    ]);
    expect(s.monteCarlo).toBeNull();
  });

  it("skips the Monte Carlo draws that make the indicator constant and counts them", () => {
    const s = analysisSensitivity(result, { seed: 3, draws: 50, families: ["thresholds"] });
    const mc = s.monteCarlo!;
    const used = mc.variants.length - 1;
    const warning = mc.warnings.find((w) => w.includes("Monte-Carlo-Ziehungen"))!;
    const skipped = Number(/: (\d+) von 50 Monte-Carlo-Ziehungen/.exec(warning)![1]);
    expect(skipped).toBeGreaterThan(0);
    expect(used + skipped).toBe(50);
    expect(warning).toContain('macht jeden Wert des Indikators "c" in allen Gebieten gleich');
    // The draws named in the warning are the ones left out; the baseline itself has no warning.
    const ev = analysisEvaluator(result);
    const kept = new Set(mc.variants.map((v) => v.name));
    const first = /\("(Ziehung \d+)"/.exec(warning)![1];
    expect(kept.has(first)).toBe(false);
    expect(mc.parameters).toMatchObject({ seed: 3, draws: 50 });
    expect(ev.evaluateVariant(ev.base).warnings).toEqual([]);
  });
});
