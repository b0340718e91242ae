import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanAndSd, zScores } from "../../src/standardize/index.js";
import { missing } from "../../src/table/missing.js";
import { expectClose, ref } from "./reference.js";

// Reference: base R 4.2, test/reference/standardize/standardize.R → standardize.json.
describe("zScores", () => {
  it("equals R scale() with sd: 'sample' (NA stays NA)", () => {
    const r = zScores(ref.x, { sd: "sample" });
    expectClose(r.values, ref.scale_sample);
    expect(r.mean).toBeCloseTo(ref.mean, 14);
    expect(r.sd).toBeCloseTo(ref.sd_sample, 14);
    expect(r.n).toBe(9);
  });

  it("uses the population SD by default (Berlin MSS), as R sqrt(mean((x - mean(x))^2))", () => {
    const r = zScores(ref.x);
    expectClose(r.values, ref.z_population);
    expect(r).toMatchObject({ name: "zScores", meanKind: "unweighted", sdKind: "population", direction: 1, n: 9, weightSum: 9 });
    expect(Math.abs(r.sd - ref.sd_population)).toBeLessThan(1e-14);
  });

  it("mirrors with direction -1 so that high means more disadvantage", () => {
    expectClose(zScores(ref.x, { direction: -1 }).values, ref.z_population_direction_minus);
    expect(zScores([10, 20], { direction: -1 }).values).toEqual([1, -1]);
  });

  it("weighted mean and SD (population and frequency-weight sample) match R weighted.mean and the hand formula", () => {
    const p = zScores(ref.x, { mean: "weighted", weights: ref.w });
    expectClose(p.values, ref.z_weighted_population);
    expect(Math.abs(p.mean - ref.weighted_mean)).toBeLessThan(1e-12);
    expect(Math.abs(p.sd - ref.weighted_sd_population)).toBeLessThan(1e-12);
    expect(p.weightSum).toBe(ref.w.reduce((a: number, b: number) => a + b, 0) - 400); // weight of the NA area left out
    expectClose(zScores(ref.x, { mean: "weighted", sd: "sample", weights: ref.w }).values, ref.z_weighted_sample);
  });

  it("textbook example: 2 4 4 4 5 5 7 9 has mean 5 and population SD 2", () => {
    expect(zScores([2, 4, 4, 4, 5, 5, 7, 9]).values).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(meanAndSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2, n: 8, weightSum: 8 });
  });

  it("keeps missing values missing, leaves them out of the parameters and reports them with ids", () => {
    const r = zScores([1, null, 3, missing("."), Number.NaN, undefined, 5], { ids: ["a", "b", "c", "d", "e", "f", "g"], column: "sgb2" });
    expect(r.values).toEqual([-Math.sqrt(1.5), null, 0, null, null, null, Math.sqrt(1.5)]);
    expect(r.missing).toEqual([1, 3, 4, 5]);
    expect(r.excluded[1]).toEqual({ id: "d", reason: 'fehlender Wert (".")', step: "zScores", column: "sgb2" });
    expect(r.warnings[0]).toBe("zScores: 4 von 7 Werten fehlen; sie bleiben fehlend und gehen nicht in die Parameter ein");
  });

  it("throws clear errors", () => {
    expect(() => zScores([3, 3, 3])).toThrow("zScores: Standardabweichung ist 0 (alle 3 vorhandenen Werte sind 3); z-Werte sind nicht definiert");
    expect(() => zScores([1, "2", 3])).toThrow('zScores: Wert "2" bei Position 1 ist keine endliche Zahl');
    expect(() => zScores([1, 2], { ids: ["a", "b"], mean: "weighted", weights: [1, -1] })).toThrow('zScores: Gewicht -1 bei Gebiet "b" ist keine endliche nicht-negative Zahl');
    expect(() => zScores([1, 2], { weights: [1, 1] })).toThrow('zScores: Option "weights" angegeben, aber mean ist "unweighted"; mean: "weighted" angeben');
    expect(() => zScores([1, 2], { mean: "weighted" })).toThrow('zScores: mean "weighted" braucht die Option "weights"');
    expect(() => zScores([1], { sd: "sample" })).toThrow("zScores: die Stichproben-Standardabweichung braucht mehr als einen Wert (Gewichtssumme 1)");
    expect(() => zScores([null, null])).toThrow("zScores: keine vorhandenen Werte (alle 2 fehlen)");
    expect(() => zScores([1, 2], { sd: "robust" as never })).toThrow('zScores: Option "sd" muss "population" oder "sample" sein, angegeben: "robust"');
    expect(() => zScores([1, 2], { direction: 2 as never })).toThrow('zScores: Option "direction" muss 1 (höher ist ungünstiger) oder -1 (höher ist günstiger) sein, angegeben: 2');
  });

  it("throws for equal values even when their mean is off in the last bit (no spurious ±1 z-values)", () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004, so the mean differs from 0.1 by 1 ulp and the SD came out as 1.4e-17.
    expect(() => zScores([0.1, 0.1, 0.1])).toThrow("zScores: Standardabweichung ist 0 (alle 3 vorhandenen Werte sind 0.1); z-Werte sind nicht definiert");
    expect(() => zScores([123.456, null, 123.456, 123.456, 123.456, 123.456])).toThrow("(alle 5 vorhandenen Werte sind 123.456)");
    expect(() => zScores([2.675, 2.675, 2.675], { sd: "sample" })).toThrow("zScores: Standardabweichung ist 0");
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 50 }), (v, n) => {
        expect(() => zScores(new Array(n).fill(v))).toThrow("Standardabweichung ist 0");
      }),
    );
  });

  it("weighted: all weight on one value is SD 0 with an honest message; zero-weight areas still get a z-value", () => {
    expect(() => zScores([1, 2, 1], { mean: "weighted", weights: [3, 0, 5] })).toThrow(
      "zScores: Standardabweichung ist 0 (alle Gebiete mit positivem Gewicht haben den Wert 1); z-Werte sind nicht definiert",
    );
    // m = (1·1 + 3·3)/4 = 2.5, s² = (1·1.5² + 3·0.5²)/4 = 0.75; the zero-weight area 10 is standardised too.
    expect(zScores([1, 3, 10], { mean: "weighted", weights: [1, 3, 0] }).values).toEqual([-1.5 / Math.sqrt(0.75), 0.5 / Math.sqrt(0.75), 7.5 / Math.sqrt(0.75)]);
  });

  it("refuses an SD that underflows or overflows instead of returning Infinity or 0 z-values", () => {
    expect(() => zScores([1e-170, 2e-170, 3e-170])).toThrow("zScores: Standardabweichung 0 ist in doppelter Genauigkeit nicht berechenbar");
    expect(() => zScores([-1e300, 1e300])).toThrow(/^zScores: Standardabweichung (NaN|Infinity) ist in doppelter Genauigkeit nicht berechenbar/);
  });

  it("invariants: population z has mean 0 and SD 1, order and length kept, input not mutated", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }), (xs) => {
        fc.pre(new Set(xs).size > 1 && Math.max(...xs) - Math.min(...xs) > 1e-6);
        const copy = xs.slice();
        const z = zScores(xs).values as number[];
        expect(xs).toEqual(copy);
        expect(z).toHaveLength(xs.length);
        const m = z.reduce((a, b) => a + b, 0) / z.length;
        const v = z.reduce((a, b) => a + (b - m) ** 2, 0) / z.length;
        expect(Math.abs(m)).toBeLessThan(1e-9);
        expect(Math.abs(v - 1)).toBeLessThan(1e-9);
        // order-preserving: a larger raw value never has a smaller z
        for (let i = 1; i < xs.length; i++) if (xs[i] > xs[i - 1]) expect(z[i]).toBeGreaterThanOrEqual(z[i - 1]);
      }),
    );
  });
});
