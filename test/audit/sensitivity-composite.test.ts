import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { berlinMssStatus, compositeIndex, compositeIndexEvaluator, compositeIndexVariants, compositeSensitivity, createRng, empiricalBayesRates, missing, monteCarloVariants, sampleBinomial, stableStringify, type IndexVariantOptions } from "../../src/index.js";
import { shiftScheme } from "../../src/audit/index.js";

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
    expect(() => ev.evaluate({ mean: "weighted" })).toThrow('compositeIndexEvaluator: mean "weighted" braucht spec.population');
    expect(() => ev.evaluate({ omit: ["x"] })).toThrow('compositeIndexEvaluator: Option "omit" nennt "x", das ist kein Indikator (a, b, c)');
    expect(() => ev.evaluate({ omit: ["a", "b", "c"] })).toThrow('compositeIndexEvaluator: Option "omit" lässt jeden Indikator weg (a, b, c)');
    expect(() => ev.evaluate({ draw: { seed: 1 } })).toThrow('compositeIndexEvaluator: eine Monte-Carlo-Ziehung braucht den Nenner (denominator) des Indikators "a"');
    expect(() => ev.evaluate({ smoothing: "empirical-bayes" })).toThrow('compositeIndexEvaluator: die Empirical-Bayes-Glättung braucht den Nenner (denominator) des Indikators "a"');
    expect(() => ev.evaluate({ normalization: "rank" as never })).toThrow('compositeIndexEvaluator: Option "normalization" muss "z", "robustZ", "normalScores" oder "percentile" sein, angegeben: "rank"');
    expect(() => compositeIndexEvaluator([{ id: "1", a: "x" }], { id: "id", indicators: ["a"], scheme: berlinMssStatus })).toThrow(
      'compositeIndexEvaluator: Wert "x" in Spalte "a" von Gebiet "1" ist keine endliche Zahl',
    );
    expect(() => compositeIndexEvaluator(rows, { ...spec, indicators: ["zz"] })).toThrow('compositeIndexEvaluator: Indikatorspalte "zz" nicht gefunden');
  });
});

describe("empirical-Bayes smoothing that makes an indicator constant", () => {
  // Events k of bases n: the rates 0–7.7 % vary less than Poisson chance alone would make them vary, so the
  // EB prior variance (method of moments, Marshall 1991) is negative, set to 0, and every smoothed rate is the
  // overall rate Σk/Σn = 9/229 (see the empiricalBayesRates check below).
  const k = [1, 0, 2, 1, 0, 1, 2, 0, 1, 1];
  const n = [20, 25, 30, 22, 18, 24, 26, 21, 23, 20];
  // b: a second indicator with large bases and clear differences
  const b = [5, 12, 30, 8, 20, 15, 25, 10, 18, 28];
  const small = k.map((x, i) => ({ id: `0${i}`, name: `Gebiet ${i}`, a: (100 * x) / n[i], n: n[i], b: b[i], nb: 5000 }));
  const one = { id: "id", indicators: [{ column: "a", label: "Anteil A", denominator: "n" }], scheme: berlinMssStatus };
  const two = { ...one, indicators: [...one.indicators, { column: "b", label: "Anteil B", denominator: "nb" }] };

  it("has the data it claims: prior variance 0, every smoothed rate 9/229", () => {
    const eb = empiricalBayesRates(k, n);
    expect(eb.priorVariance).toBe(0);
    for (const r of eb.smoothed) expect(r).toBeCloseTo(9 / 229, 15);
  });

  it("evaluator: a single indicator gives an undefined index, named", () => {
    const ev = compositeIndexEvaluator(small, one);
    let err: (Error & { columns?: string[] }) | undefined;
    try {
      ev.evaluate({ smoothing: "empirical-bayes" });
    } catch (e) {
      err = e as Error & { columns?: string[] };
    }
    expect(err?.name).toBe("UndefinedVariantError");
    expect(err?.columns).toEqual(["a"]);
    expect(err?.message).toBe(
      'compositeIndexEvaluator: die Empirical-Bayes-Glättung macht jeden Wert des Indikators "a" in allen Gebieten gleich; der Index ist in dieser Variante nicht definiert',
    );
    // without smoothing the same data are fine
    expect(ev.evaluate().n).toBe(10);
  });

  it("evaluator: with another indicator, the constant one is left out of the variant, with a warning", () => {
    const ev = compositeIndexEvaluator(small, two);
    const r = ev.evaluate({ smoothing: "empirical-bayes" });
    expect(r.warnings).toContain('compositeIndexEvaluator: die Empirical-Bayes-Glättung macht jeden Wert des Indikators "a" in allen Gebieten gleich; er entfällt in dieser Variante');
    // the same as leaving "a" out: its z-scores would be 0/0, it separates no areas
    expect(r.areas).toEqual(ev.evaluate({ smoothing: "empirical-bayes", omit: ["a"] }).areas);
  });

  it("compositeSensitivity skips the variant with a warning naming it instead of failing", () => {
    const s = compositeSensitivity(small, one, { seed: 1, draws: 20, name: "name" });
    const names = s.methods.variants.map((v) => v.name);
    expect(names).not.toContain("Empirical-Bayes-Glättung");
    expect(names).toContain("robuste z-Werte");
    expect(s.methods.warnings).toEqual([
      'compositeSensitivity: Variante "Empirical-Bayes-Glättung" übersprungen: compositeIndexEvaluator: die Empirical-Bayes-Glättung macht jeden Wert des Indikators "a" in allen Gebieten gleich; der Index ist in dieser Variante nicht definiert',
    ]);
    expect(s.monteCarlo!.summary.areas).toHaveLength(10);
    // two indicators: the variant stays, without "a", and says so
    const s2 = compositeSensitivity(small, two, { draws: 0 });
    expect(s2.methods.variants.map((v) => v.name)).toContain("Empirical-Bayes-Glättung");
    expect(s2.methods.warnings).toContain(
      'compositeSensitivity: Variante "Empirical-Bayes-Glättung": compositeIndexEvaluator: die Empirical-Bayes-Glättung macht jeden Wert des Indikators "a" in allen Gebieten gleich; er entfällt in dieser Variante',
    );
  });

  it("refuses a smoothed baseline that cannot be computed", () => {
    expect(() => compositeSensitivity(small, one, { base: { smoothing: "empirical-bayes" }, draws: 0 })).toThrow(
      'compositeSensitivity: die Ausgangsvariante "Basis" lässt sich nicht berechnen: compositeIndexEvaluator: die Empirical-Bayes-Glättung macht jeden Wert des Indikators "a" in allen Gebieten gleich',
    );
  });

  it("skips a variant whose standardisation is undefined for the data (robust z with MAD 0)", () => {
    const zeros = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, a: [20, 0, 0, 0, 5, 0][i], n: 5 }));
    const s = compositeSensitivity(zeros, { ...one, indicators: [{ column: "a", denominator: "n" }] }, { draws: 0, families: ["normalization"] });
    expect(s.methods.variants.map((v) => v.name)).toEqual(["Basis", "Normal-Scores", "Perzentilränge"]);
    expect(s.methods.warnings).toEqual([
      'compositeSensitivity: Variante "robuste z-Werte" übersprungen: compositeIndexEvaluator: a: robustZ: mittlere absolute Abweichung vom Median (MAD) ist 0 (mehr als die Hälfte der 6 Werte ist 0); zScores verwenden',
    ]);
  });

  it("counts Monte Carlo draws that leave no varying indicator instead of listing each", () => {
    // rare events in tiny bases: many draws have no event at all, so every drawn rate is 0
    const rare = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, a: i === 0 ? 20 : 0, n: 5 }));
    const s = compositeSensitivity(rare, { ...one, indicators: [{ column: "a", denominator: "n" }] }, { seed: 3, draws: 50, families: ["thresholds"] });
    const w = s.monteCarlo!.warnings.find((x) => x.includes("Monte-Carlo-Ziehungen"))!;
    const skipped = Number(/: (\d+) von 50 Monte-Carlo-Ziehungen/.exec(w)![1]);
    expect(skipped).toBe(50 - (s.monteCarlo!.variants.length - 1));
    expect(skipped).toBeGreaterThan(0);
    expect(w).toContain('übersprungen: compositeIndexEvaluator: die Monte-Carlo-Ziehung macht jeden Wert des Indikators "a" in allen Gebieten gleich');
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
    expect(() => compositeIndexVariants(spec, { families: ["x" as never] })).toThrow('compositeIndexVariants: unbekannte Variantenfamilie "x" in Option "families"');
  });

  it("derives the per-draw seeds from the seed", () => {
    const a = monteCarloVariants({ seed: 5, draws: 3 });
    expect(a.map((x) => x.name)).toEqual(["Basis", "Ziehung 1", "Ziehung 2", "Ziehung 3"]);
    expect(monteCarloVariants({ seed: 5, draws: 3 })).toEqual(a);
    expect(monteCarloVariants({ seed: 6, draws: 3 })[1].options.draw).not.toEqual(a[1].options.draw);
    expect(() => monteCarloVariants({ draws: 0 })).toThrow('monteCarloVariants: Option "draws" muss eine ganze Zahl ≥ 1 sein, angegeben: 0');
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
