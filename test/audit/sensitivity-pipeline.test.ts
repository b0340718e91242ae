import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analysisEvaluator,
  analysisSensitivity,
  analysisVariants,
  runAnalysis,
  stableStringify,
  type IndexVariantOptions,
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
    expect(() => ev.evaluatePipeline({ boundaryShift: 0.25 })).toThrow("analysisEvaluator: these options cannot be expressed as an analysis configuration");
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
