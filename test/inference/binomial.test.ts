import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng, sampleBinomial, type Rng } from "../../src/index.js";

// Reference: R 4.2.2 stats::dbinom, written by test/reference/inference/binomial.R.
const reference = JSON.parse(readFileSync(new URL("../reference/inference/binomial.json", import.meta.url), "utf8")) as {
  cases: { n: number; p: number; pmf: number[] }[];
};

describe("sampleBinomial", () => {
  it("matches the exact Binomial(6, 0.3) probabilities (R dbinom) within sampling error", () => {
    // R: dbinom(0:6, 6, 0.3)
    const pmf = [0.117649, 0.302526, 0.324135, 0.18522, 0.059535, 0.010206, 0.000729];
    const rng = createRng(2026);
    const N = 200_000;
    const counts = new Array(7).fill(0);
    for (let i = 0; i < N; i++) counts[sampleBinomial(rng, 6, 0.3)]++;
    // Chi-square goodness of fit, 6 df: the 99.9 % quantile is 22.46 (R: qchisq(0.999, 6)).
    let chi2 = 0;
    for (let k = 0; k < 7; k++) chi2 += (counts[k] - N * pmf[k]) ** 2 / (N * pmf[k]);
    expect(chi2).toBeLessThan(22.46);
  });

  it("has mean np and variance np(1−p) for large n", () => {
    const rng = createRng(7);
    const n = 5000, p = 0.12, N = 20_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = sampleBinomial(rng, n, p);
      s += x;
      s2 += x * x;
    }
    const mean = s / N, variance = s2 / N - mean ** 2;
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / N));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
  });

  it("is reproducible with a seed and handles the edges", () => {
    const a = createRng(3), b = createRng(3);
    expect(Array.from({ length: 20 }, () => sampleBinomial(a, 40, 0.5))).toEqual(Array.from({ length: 20 }, () => sampleBinomial(b, 40, 0.5)));
    const r = createRng(1);
    expect(sampleBinomial(r, 0, 0.5)).toBe(0);
    expect(sampleBinomial(r, 10, 0)).toBe(0);
    expect(sampleBinomial(r, 10, 1)).toBe(10);
    expect(() => sampleBinomial(r, 2.5, 0.1)).toThrow("sampleBinomial: n muss eine nicht-negative ganze Zahl sein, angegeben: 2.5");
    expect(() => sampleBinomial(r, 5, 1.2)).toThrow("sampleBinomial: p muss in [0, 1] liegen, angegeben: 1.2");
  });

  it.each(reference.cases)("is an exact inversion: a grid of u gives R's dbinom($n, $p) to within 1/M", ({ n, p, pmf }) => {
    // An exact inversion sampler maps a set of u of measure P(k) to each k, so M evenly spaced u hit k
    // M·P(k) ± 1 times. A wrong recurrence, mode or walk order would miss some cell by far more than 1/M.
    const M = 100_000;
    let i = 0;
    const grid: Rng = { seed: 0, next: () => (i++ + 0.5) / M, int: () => 0 };
    const counts = new Array<number>(n + 1).fill(0);
    for (let j = 0; j < M; j++) counts[sampleBinomial(grid, n, p)]++;
    counts.forEach((c, k) => expect(Math.abs(c / M - pmf[k])).toBeLessThanOrEqual(1 / M + 1e-12));
  });
});
