import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../src/index.js";
import { normalQuantile } from "../../src/indicators/index.js";

// Reference: R 4.2.2 prop.test(k, n, conf.level, correct = FALSE)$conf.int and qnorm,
// written by test/reference/indicators/wilson.R.
const reference = JSON.parse(readFileSync(new URL("../reference/indicators/wilson.json", import.meta.url), "utf8")) as {
  wilson: { k: number; n: number; confidence: number; lower: number; upper: number }[];
  qnorm: { p: number; q: number }[];
};

/** |a − b| within a few units in the last place of b. */
function expectUlps(actual: number, expected: number, ulps = 4) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(ulps * Number.EPSILON * Math.max(Math.abs(expected), Number.MIN_VALUE));
}

describe("wilsonInterval", () => {
  it.each(reference.wilson)("matches R prop.test(correct = FALSE) for k = $k, n = $n, confidence = $confidence", (c) => {
    const ci = wilsonInterval(c.k, c.n, { confidence: c.confidence });
    expectUlps(ci.lower, c.lower);
    expectUlps(ci.upper, c.upper);
    expect(ci.estimate).toBe(c.k / c.n);
    expect(ci.confidence).toBe(c.confidence);
  });

  it("agrees with a hand calculation for k = 12, n = 80", () => {
    // p̂ = 0.15, z = 1.959963984540054, z² = 3.841458820694124
    // z²/(2n) = 0.02400911762933827, p̂(1−p̂)/n = 0.00159375, z²/(4n²) = 0.00015005698518336
    // half-width = z·√(0.00174380698518336) = 1.959963984540054 · 0.04175891504 = 0.08184597
    // lower = (0.15 + 0.02400912 − 0.08184597) / 1.04801823526 = 0.0921631 / 1.0480182 = 0.0879404
    // upper = (0.15 + 0.02400912 + 0.08184597) / 1.04801823526 = 0.2558551 / 1.0480182 = 0.2441323
    const ci = wilsonInterval(12, 80);
    expect(ci.lower).toBeCloseTo(0.0879404, 7);
    expect(ci.upper).toBeCloseTo(0.2441323, 7);
  });

  it("gives exactly 0 / 1 at the ends, as R does", () => {
    expect(wilsonInterval(0, 7).lower).toBe(0);
    expect(wilsonInterval(7, 7).upper).toBe(1);
  });

  it("contains the estimate and stays within [0, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (n, f, confidence) => {
        const k = Math.round(f * n);
        const ci = wilsonInterval(k, n, { confidence });
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.lower).toBeLessThanOrEqual(ci.estimate);
        expect(ci.upper).toBeGreaterThanOrEqual(ci.estimate);
      }),
    );
  });

  it("gets narrower with more n at the same proportion, and wider with more confidence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 2, max: 20 }), (n, percent, factor) => {
        // k/n = percent/100 exactly in both cases: n₁ = 100·n, n₂ = 100·n·factor
        const small = wilsonInterval(percent * n, 100 * n);
        const large = wilsonInterval(percent * n * factor, 100 * n * factor);
        expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
        const wider = wilsonInterval(percent * n, 100 * n, { confidence: 0.99 });
        expect(wider.upper - wider.lower).toBeGreaterThan(small.upper - small.lower);
      }),
    );
  });

  it("rejects bad input with clear messages", () => {
    expect(() => wilsonInterval(3, 0)).toThrow("wilsonInterval: n muss eine positive endliche Zahl sein, angegeben ist 0");
    expect(() => wilsonInterval(11, 10)).toThrow("wilsonInterval: k muss eine Zahl in [0, n] = [0, 10] sein, angegeben ist 11");
    expect(() => wilsonInterval(-1, 10)).toThrow("wilsonInterval: k muss eine Zahl in [0, n] = [0, 10] sein, angegeben ist -1");
    expect(() => wilsonInterval(1, 10, { confidence: 95 })).toThrow("wilsonInterval: confidence muss eine Zahl in (0, 1) sein, angegeben ist 95");
  });
});

describe("normalQuantile", () => {
  it.each(reference.qnorm)("matches R qnorm($p)", ({ p, q }) => {
    expectUlps(normalQuantile(p), q);
  });
  it("is antisymmetric and infinite at the ends", () => {
    fc.assert(
      // p ≥ 1e-4 so that 1 − p is exact enough in floating point for 9 decimals
      fc.property(fc.double({ min: 1e-4, max: 0.5, noNaN: true }), (p) => {
        expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 9);
      }),
    );
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
  it("rejects p outside [0, 1]", () => {
    expect(() => normalQuantile(1.5)).toThrow("normalQuantile: p muss eine Zahl in [0, 1] sein, angegeben ist 1.5");
  });
});
