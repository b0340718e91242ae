import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeShared, sharedPath } from "../helpers/shared-data.js";
import { empiricalBayesRates, empiricalBayesStandardizedRates, localEmpiricalBayesRates } from "../../src/index.js";

// Reference: R 4.2.2, spdep 1.2.7 EBest / EBlocal(geoda = TRUE) / EBImoran.mc on the NC SIDS data,
// written by test/reference/indicators/empirical-bayes.R.
const ref = JSON.parse(readFileSync(new URL("../reference/indicators/empirical-bayes.json", import.meta.url), "utf8"));

function readSids() {
  const [header, ...lines] = readFileSync(sharedPath("pysal-examples", "sids2", "sids2.csv"), "utf8").trim().split(/\r?\n/);
  const cols = header.split(",");
  const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
  const col = (name: string) => rows.map((r) => Number(r[name]));
  return { fipsno: rows.map((r) => r.FIPSNO), SID74: col("SID74"), BIR74: col("BIR74"), SID79: col("SID79"), BIR79: col("BIR79") };
}

function expectArrayClose(actual: number[], expected: number[], relative = 1e-13) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i])).toBeLessThanOrEqual(relative * Math.abs(expected[i]) + 1e-300));
}

/** Moran's I with row-standardised weights from neighbour index lists (test-only; for the esda reference). */
function moranRowStandardised(z: number[], neighbors: number[][]): number {
  const n = z.length;
  const mean = z.reduce((s, v) => s + v, 0) / n;
  const d = z.map((v) => v - mean);
  let num = 0;
  neighbors.forEach((list, i) => list.forEach((j) => (num += (d[i] * d[j]) / list.length)));
  const s0 = neighbors.filter((l) => l.length > 0).length;
  return (n / s0) * (num / d.reduce((s, v) => s + v * v, 0));
}

describeShared("empirical Bayes on the NC SIDS data (sids2)", () => {
  const sids = readSids();
  it("reads the counties in the order the R script used", () => {
    expect(sids.fipsno).toEqual(ref.fipsno);
  });

  it("global Poisson EB matches spdep EBest(SID74, BIR74)", () => {
    const eb = empiricalBayesRates(sids.SID74, sids.BIR74);
    expect(eb.priorMean).toBeCloseTo(ref.poisson_SID74_BIR74.b, 17);
    expect(Math.abs(eb.priorVariance / ref.poisson_SID74_BIR74.a - 1)).toBeLessThan(1e-12);
    expectArrayClose(eb.raw, ref.poisson_SID74_BIR74.raw, 0);
    expectArrayClose(eb.smoothed, ref.poisson_SID74_BIR74.estmm);
    expect(eb.warnings).toEqual([]);
  });

  it("global Poisson EB matches spdep EBest(SID79, BIR79)", () => {
    const eb = empiricalBayesRates(sids.SID79, sids.BIR79);
    expectArrayClose(eb.smoothed, ref.poisson_SID79_BIR79.estmm);
  });

  it("global binomial EB matches spdep EBest(SID74, BIR74, family = \"binomial\")", () => {
    const eb = empiricalBayesRates(sids.SID74, sids.BIR74, { family: "binomial" });
    expect(Math.abs(eb.priorVariance / ref.binomial_SID74_BIR74.a - 1)).toBeLessThan(1e-12);
    expectArrayClose(eb.smoothed, ref.binomial_SID74_BIR74.estmm, 1e-12);
  });

  it("local EB matches spdep EBlocal(SID74, BIR74, nb, geoda = TRUE)", () => {
    const eb = localEmpiricalBayesRates(sids.SID74, sids.BIR74, { neighbors: ref.neighbors });
    expectArrayClose(eb.smoothed, ref.local_SID74_BIR74.est, 1e-12);
    expectArrayClose(eb.priorMean, ref.local_SID74_BIR74.m, 1e-12);
    expectArrayClose(eb.priorVariance, ref.local_SID74_BIR74.a, 1e-9);
  });

  it("EB-standardised rates match spdep EBImoran.mc's z and give esda's Moran_Rate", () => {
    const ar = empiricalBayesStandardizedRates(sids.SID79, sids.BIR79);
    expectArrayClose(ar.z, ref.assuncao_reis_SID79_BIR79.z, 1e-12);
    const moran = moranRowStandardised(ar.z, ref.neighbors);
    // spdep EBImoran.mc statistic (R script) and esda Moran_Rate(SID79, BIR79, w, adjusted=True).I, published in
    // esda/tests/test_moran.py @ 01704e94 (sids2/expected_values.json: 0.16622343552567395)
    const published = JSON.parse(readFileSync(sharedPath("pysal-examples", "sids2", "expected_values.json"), "utf8"));
    expect(moran).toBeCloseTo(ref.assuncao_reis_SID79_BIR79.EBImoran, 14);
    expect(moran).toBeCloseTo(published.Moran_Rate_SID79_BIR79_EB, 14);
  });
});

it("global EB by hand on three areas", () => {
  // k = [0, 3, 10], n = [50, 200, 400]: r = [0, 0.015, 0.025], b = 13/650 = 0.02, n̄ = 650/3
  // s² = (50·0.0004 + 200·0.000025 + 400·0.000025) / 650 = 0.035/650 = 5.384615e-5
  // a = s² − b/n̄ = 5.384615e-5 − 0.02·3/650 = 5.384615e-5 − 9.230769e-5 < 0 → 0: every rate becomes b
  const eb = empiricalBayesRates([0, 3, 10], [50, 200, 400]);
  expect(eb.priorMean).toBe(0.02);
  expect(eb.priorVariance).toBe(0);
  expect(eb.smoothed).toEqual([0.02, 0.02, 0.02]);
  expect(eb.warnings[0]).toBe(
    "empiricalBayesRates: A-priori-Varianz -3.846e-5 < 0 auf 0 gesetzt (die Raten streuen weniger als durch Zufall): jede Rate ist die Gesamtrate",
  );
  // k = [0, 30, 100], n = [50, 200, 400]: r = [0, 0.15, 0.25], b = 0.2
  // s² = (50·0.04 + 200·0.0025 + 400·0.0025)/650 = 3.5/650 = 0.005384615; a = s² − 0.2·3/650 = 2.9/650 = 0.004461538
  // w₁ = a/(a + b/50) = 0.004461538/0.008461538 = 0.527273 → EB₁ = 0.2 + 0.527273·(0 − 0.2) = 0.0945455
  const eb2 = empiricalBayesRates([0, 30, 100], [50, 200, 400]);
  expect(eb2.priorVariance).toBeCloseTo(2.9 / 650, 15);
  expect(eb2.smoothed[0]).toBeCloseTo(0.0945455, 6);
});

it("smoothed rates lie between the raw rate and the prior mean; no events gives 0", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 30 }),
      (areas) => {
        const n = areas.map(([pop]) => pop);
        const k = areas.map(([pop, f]) => Math.round(pop * f));
        const eb = empiricalBayesRates(k, n);
        eb.smoothed.forEach((s, i) => {
          const lo = Math.min(eb.raw[i], eb.priorMean) - 1e-15;
          const hi = Math.max(eb.raw[i], eb.priorMean) + 1e-15;
          expect(s).toBeGreaterThanOrEqual(lo);
          expect(s).toBeLessThanOrEqual(hi);
        });
      },
    ),
  );
  expect(empiricalBayesRates([0, 0], [10, 20]).smoothed).toEqual([0, 0]);
  expect(localEmpiricalBayesRates([0, 0], [10, 20], { neighbors: [[1], [0]] }).smoothed).toEqual([0, 0]);
});

it("an area without neighbours keeps its raw rate in local EB", () => {
  const eb = localEmpiricalBayesRates([1, 3, 10], [50, 200, 400], { neighbors: [[], [2], [1]] });
  expect(eb.smoothed[0]).toBe(1 / 50);
  expect(eb.warnings).toEqual(["localEmpiricalBayesRates: das Gebiet an Position 0 hat keine Nachbarn; seine Rate wird nicht geglättet"]);
});

it("rejects bad input with clear messages", () => {
  expect(() => empiricalBayesRates([1, 2], [10])).toThrow("empiricalBayesRates: events (2) und population (1) sind verschieden lang");
  expect(() => empiricalBayesRates([1, 2], [10, 0])).toThrow("empiricalBayesRates: population an Position 1 muss eine positive Zahl sein, angegeben ist 0");
  expect(() => empiricalBayesRates([-1, 2], [10, 5])).toThrow("empiricalBayesRates: events an Position 0 muss eine nicht negative Zahl sein, angegeben ist -1");
  expect(() => empiricalBayesRates([1], [10], { family: "normal" as "poisson" })).toThrow('empiricalBayesRates: family muss "poisson" oder "binomial" sein, angegeben ist "normal"');
  expect(() => localEmpiricalBayesRates([1, 2], [10, 5], { neighbors: [[1], [2]] })).toThrow(
    "localEmpiricalBayesRates: neighbors[1] enthält 2, keinen Index in [0, 1]",
  );
  expect(() => empiricalBayesStandardizedRates([], [])).toThrow("empiricalBayesStandardizedRates: keine Gebiete");
});

it("never gives NaN when every raw rate equals the overall rate (review fix)", () => {
  // spdep EBest(c(0, 0), c(10, 20), family = "binomial") and EBest(3, 10, family = "binomial") return NaN
  // (ρ = 0/0 because s² = 0 and, for one area, n̄ − n = 0). With s² = 0 every rᵢ = b, so EBᵢ = b.
  for (const [k, n] of [[[0, 0], [10, 20]], [[3], [10]], [[10, 20], [10, 20]]] as const) {
    const eb = empiricalBayesRates([...k], [...n], { family: "binomial" });
    expect(eb.smoothed).toEqual(eb.raw);
    expect(eb.smoothed.every(Number.isFinite)).toBe(true);
    expect(eb.warnings).toEqual(["empiricalBayesRates: alle Rohraten sind gleich der Gesamtrate; nichts zu glätten"]);
  }
  // One area: a = s² − b/n = −b/n exactly, so v = a + b/n = 0 and esda's assuncao_rate gives 0/0 = NaN.
  expect(empiricalBayesStandardizedRates([3], [10]).z).toEqual([0]);
});
