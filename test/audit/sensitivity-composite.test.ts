import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  berlinMssStatus,
  compositeIndex,
  compositeIndexEvaluator,
  compositeIndexVariants,
  compositeSensitivity,
  createRng,
  empiricalBayesRates,
  missing,
  monteCarloVariants,
  sampleBinomial,
  shiftScheme,
  stableStringify,
  type IndexVariantOptions,
} from "../../src/index.js";

/** Independent reference: test/reference/audit/sensitivity.R (R 4.2.2, base R only). */
const REF = JSON.parse(readFileSync("test/reference/audit/sensitivity.json", "utf8")) as {
  table: { id: string[]; a: number[]; b: number[]; c: number[]; ew: number[] };
  variants: Record<string, { index: number[]; rank: number[]; class: string[] }>;
};
const rows = REF.table.id.map((id, i) => ({ id, a: REF.table.a[i], b: REF.table.b[i], c: REF.table.c[i], ew: REF.table.ew[i] }));
const spec = {
  id: "id",
  indicators: ["a", "b", { column: "c", direction: -1 as const }],
  scheme: berlinMssStatus,
  population: "ew",
};

describe("compositeIndexEvaluator against base R (test/reference/audit/sensitivity.R)", () => {
  const ev = compositeIndexEvaluator(rows, spec);
  const cases: Array<[string, IndexVariantOptions]> = [
    ["base", {}],
    ["sample", { sd: "sample" }],
    ["weighted", { mean: "weighted" }],
    ["weighted_sample", { mean: "weighted", sd: "sample" }],
    ["robust", { normalization: "robustZ" }],
    ["nscores", { normalization: "normalScores" }],
    ["percentile", { normalization: "percentile" }],
    ["double_b", { weights: { b: 2 } }],
    ["without_c", { omit: ["c"] }],
    ["shift_plus", { boundaryShift: 0.25 }],
    ["shift_minus", { boundaryShift: -0.25 }],
  ];
  for (const [name, options] of cases) {
    it(`variant ${name}: index to 12 digits, ranks and classes exactly`, () => {
      const r = ev.evaluate(options);
      const want = REF.variants[name];
      r.areas.forEach((a, i) => expect(a.index!, `${a.id}`).toBeCloseTo(want.index[i], 12));
      expect(r.areas.map((a) => a.rank)).toEqual(want.rank);
      expect(r.areas.map((a) => a.class)).toEqual(want.class);
    });
  }

  it("equals compositeIndex bit for bit in the default variant", () => {
    const direct = compositeIndex(rows, { id: "id", indicators: spec.indicators.map((d) => (typeof d === "string" ? d : { column: d.column, direction: d.direction })), scheme: berlinMssStatus });
    expect(ev.evaluate().areas.map((a) => a.index)).toEqual(direct.areas.map((a) => a.index));
  });

  it("does not mutate the rows", () => {
    const before = JSON.stringify(rows);
    ev.evaluate({ normalization: "robustZ", weights: { a: 3 } });
    expect(JSON.stringify(rows)).toBe(before);
  });
});

describe("compositeIndexEvaluator: validity, smoothing, draws", () => {
  it("keeps input order, leaves out invalid and missing areas with a German reason", () => {
    const data = [
      { id: "x", s: 1, t: 2, ok: "gültig" },
      { id: "y", s: missing("."), t: 3, ok: "gültig" },
      { id: "z", s: 3, t: 1, ok: "ungültig" },
      { id: "w", s: 5, t: 9, ok: "gültig" },
      { id: "v", s: 2, t: 4, ok: "gültig" },
    ];
    const ev = compositeIndexEvaluator(data, { id: "id", indicators: ["s", "t"], scheme: berlinMssStatus, valid: { column: "ok", value: "gültig" } });
    for (const normalization of ["z", "robustZ"] as const) {
      const r = ev.evaluate({ normalization });
      expect(r.areas.map((a) => a.id)).toEqual(["x", "y", "z", "w", "v"]);
      expect(r.areas.map((a) => a.valid)).toEqual([true, false, false, true, true]);
      expect(r.excluded.map((e) => [e.id, e.reason])).toEqual([
        ["y", 'fehlender Wert in s (".")'],
        ["z", 'ok ist "ungültig", nicht "gültig"'],
      ]);
      expect(r.areas[3].rank).toBe(1);
    }
  });

  it("smooths with empiricalBayesRates over the areas in the index", () => {
    const data = [
      { id: "1", p: 10, n: 50 }, { id: "2", p: 20, n: 400 }, { id: "3", p: 5, n: 1000 }, { id: "4", p: 30, n: 20 }, { id: "5", p: 12, n: 300 },
    ];
    const ev = compositeIndexEvaluator(data, { id: "id", indicators: [{ column: "p", denominator: "n" }], scheme: berlinMssStatus });
    // One indicator: the index is the z-value of the smoothed shares. Smooth independently and standardise by hand.
    const eb = empiricalBayesRates(data.map((d) => (d.p / 100) * d.n), data.map((d) => d.n));
    const v = eb.smoothed.map((x) => x * 100);
    const m = v.reduce((s, x) => s + x, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
    const got = ev.evaluate({ smoothing: "empirical-bayes" }).areas.map((a) => a.index!);
    got.forEach((x, i) => expect(x).toBeCloseTo((v[i] - m) / sd, 12));
    // The small area "4" (n = 20, 30 %) is shrunk the most and loses rank 1 to "2".
    expect(ev.evaluate().areas[3].rank).toBe(1);
    expect(ev.evaluate({ smoothing: "empirical-bayes" }).areas[1].rank).toBe(1);
  });

  it("draws numerators from Binomial(denominator, share) in area order, seeded", () => {
    const data = [
      { id: "1", p: 10, q: 40, n: 50 }, { id: "2", p: 20, q: 30, n: 400 }, { id: "3", p: 5, q: 35, n: 1000 }, { id: "4", p: 30, q: 10, n: 20 },
    ];
    const ev = compositeIndexEvaluator(data, { id: "id", indicators: [{ column: "p", denominator: "n" }, { column: "q", denominator: "n" }], scheme: berlinMssStatus });
    const a = ev.evaluate({ draw: { seed: 99 } });
    // Same draws by hand: area 1 p, area 1 q, area 2 p, … from createRng(99); one indicator's z-values are the index's inputs.
    const rng = createRng(99);
    const drawn = data.map((d) => [sampleBinomial(rng, d.n, d.p / 100) / d.n * 100, sampleBinomial(rng, d.n, d.q / 100) / d.n * 100]);
    const direct = compositeIndex(drawn.map(([p, q], i) => ({ id: data[i].id, p, q })), { id: "id", indicators: ["p", "q"], scheme: berlinMssStatus });
    expect(a.areas.map((x) => x.index)).toEqual(direct.areas.map((x) => x.index));
    expect(stableStringify(ev.evaluate({ draw: { seed: 99 } }))).toBe(stableStringify(a));
    expect(ev.evaluate({ draw: { seed: 100 } }).areas.map((x) => x.index)).not.toEqual(a.areas.map((x) => x.index));
  });

  it("names the problem in its errors", () => {
    const ev = compositeIndexEvaluator(rows, { ...spec, population: undefined });
    expect(() => ev.evaluate({ mean: "weighted" })).toThrow('compositeIndexEvaluator: mean "weighted" needs spec.population');
    expect(() => ev.evaluate({ omit: ["x"] })).toThrow('compositeIndexEvaluator: omit names "x", which is not an indicator (a, b, c)');
    expect(() => ev.evaluate({ omit: ["a", "b", "c"] })).toThrow("compositeIndexEvaluator: every indicator is left out");
    expect(() => ev.evaluate({ draw: { seed: 1 } })).toThrow('compositeIndexEvaluator: a Monte Carlo draw needs the denominator of indicator "a"');
    expect(() => ev.evaluate({ smoothing: "empirical-bayes" })).toThrow('compositeIndexEvaluator: empirical-Bayes smoothing needs the denominator of indicator "a"');
    expect(() => ev.evaluate({ normalization: "rank" as never })).toThrow('compositeIndexEvaluator: normalization must be "z", "robustZ", "normalScores" or "percentile", got "rank"');
    expect(() => compositeIndexEvaluator([{ id: "1", a: "x" }], { id: "id", indicators: ["a"], scheme: berlinMssStatus })).toThrow(
      'compositeIndexEvaluator: value "x" in column "a" of area "1" is not a finite number',
    );
    expect(() => compositeIndexEvaluator(rows, { ...spec, indicators: ["zz"] })).toThrow('compositeIndexEvaluator: indicator column "zz" not found');
  });
});

describe("shiftScheme", () => {
  it("moves every bound and keeps open/closed ends", () => {
    const s = shiftScheme(berlinMssStatus, 0.25);
    expect(s.classes.map((c) => [c.label, c.below, c.atMost])).toEqual([
      ["hoch", -0.75, undefined], ["mittel", undefined, 1.25], ["niedrig", undefined, 1.75], ["sehr niedrig", undefined, undefined],
    ]);
    expect(shiftScheme(berlinMssStatus, 0)).toBe(berlinMssStatus);
  });
});

describe("compositeIndexVariants and monteCarloVariants", () => {
  it("generates one-at-a-time variants around the baseline", () => {
    const v = compositeIndexVariants({ ...spec, indicators: ["a", "b", { column: "c", direction: -1, denominator: "ew" }] });
    expect(v.map((x) => [x.family, x.name])).toEqual([
      ["Basis", "Basis"],
      ["Mittelwert und SD", "ungewichtet, SD Grundgesamtheit (n)"],
      ["Mittelwert und SD", "ungewichtet, SD Stichprobe (n − 1)"],
      ["Mittelwert und SD", "gewichtet (Einwohner), SD Grundgesamtheit (n)"],
      ["Mittelwert und SD", "gewichtet (Einwohner), SD Stichprobe (n − 1)"],
      ["Normierung", "robuste z-Werte"],
      ["Normierung", "Normal-Scores"],
      ["Normierung", "Perzentilränge"],
      ["Gewichte", "doppeltes Gewicht: a"],
      ["Gewichte", "doppeltes Gewicht: b"],
      ["Gewichte", "doppeltes Gewicht: c"],
      ["Klassengrenzen", "Klassengrenzen +0,25"],
      ["Klassengrenzen", "Klassengrenzen −0,25"],
      ["Indikator weggelassen", "ohne a"],
      ["Indikator weggelassen", "ohne b"],
      ["Indikator weggelassen", "ohne c"],
    ]); // no smoothing: a and b have no denominator
    expect(v[9].options).toEqual({ weights: { b: 2 } });
    expect(() => compositeIndexVariants(spec, { families: ["x" as never] })).toThrow('compositeIndexVariants: unknown family "x"');
  });

  it("derives the per-draw seeds from the seed", () => {
    const a = monteCarloVariants({ seed: 5, draws: 3 });
    expect(a.map((x) => x.name)).toEqual(["Basis", "Ziehung 1", "Ziehung 2", "Ziehung 3"]);
    expect(monteCarloVariants({ seed: 5, draws: 3 })).toEqual(a);
    expect(monteCarloVariants({ seed: 6, draws: 3 })[1].options.draw).not.toEqual(a[1].options.draw);
    expect(() => monteCarloVariants({ draws: 0 })).toThrow("monteCarloVariants: draws must be a whole number ≥ 1, got 0");
  });

  it("gives the same bytes for the same seed (Monte Carlo determinism)", () => {
    const withDen = { ...spec, indicators: ["a", "b", "c"].map((column) => ({ column, denominator: "ew", direction: column === "c" ? (-1 as const) : (1 as const) })) };
    const run = (seed: number) => compositeSensitivity(rows, withDen, { seed, draws: 50 });
    const a = run(3);
    expect(stableStringify(run(3))).toBe(stableStringify(a));
    expect(stableStringify(run(4).monteCarlo)).not.toBe(stableStringify(a.monteCarlo));
    expect(a.monteCarlo!.variants).toHaveLength(51);
    expect(a.monteCarlo!.parameters).toEqual({ seed: 3, draws: 50, base: {} });
  });
});
