import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { benjaminiHochberg, localMoran, moran, readGal, rowStandardize, weightsFromNeighbors } from "../../src/spatial/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";
import { referencePath, relDiff } from "./helpers.js";

// R spdep 1.2.7 localmoran(x, nb2listw(nb, style = "W")) (mlvar = TRUE, conditional = TRUE, two-sided),
// written by test/reference/spatial/moran.R.
const R = JSON.parse(readFileSync(referencePath("moran.json"), "utf8"));
const QUADRANT: Record<string, string> = { "High-High": "HH", "Low-Low": "LL", "High-Low": "HL", "Low-High": "LH" };

describeShared("localMoran equals R spdep localmoran", () => {
  for (const name of ["columbus", "stl", "sids2"]) {
    it(`${name}: I_i, E[I_i], Var[I_i], Z, two-sided p and quadrant`, () => {
      const ref = R[name];
      const w = readGal(readFileSync(sharedPath(ref.gal), "utf8"));
      const lisa = localMoran(ref.x, w, { permutations: 0, alternative: "two-sided" });
      expect(lisa).toHaveLength(ref.ids.length);
      lisa.forEach((a, i) => {
        expect(a.id).toBe(w.ids[i]);
        expect(Math.abs(a.Ii - ref.localmoran.Ii[i])).toBeLessThan(1e-12 * Math.max(1, Math.abs(ref.localmoran.Ii[i])));
        expect(Math.abs(a.expected - ref.localmoran.E[i])).toBeLessThan(1e-14);
        expect(relDiff(a.variance, ref.localmoran.Var[i])).toBeLessThan(1e-11);
        expect(Math.abs((a.z as number) - ref.localmoran.Z[i])).toBeLessThan(1e-10);
        expect(relDiff(a.pNormal as number, ref.localmoran.p[i])).toBeLessThan(1e-9);
        expect(a.quadrant).toBe(QUADRANT[ref.localmoran.quadrant[i]]);
      });
    });
  }
  it('denominator "n-1" (esda Moran_Local) equals spdep mlvar = FALSE: I_i smaller by (n − 1)/n', () => {
    const ref = R.columbus;
    const w = readGal(readFileSync(sharedPath(ref.gal), "utf8"));
    const a = localMoran(ref.x, w, { permutations: 0, denominator: "n-1" });
    const b = localMoran(ref.x, w, { permutations: 0 });
    a.forEach((row, i) => {
      expect(Math.abs(row.Ii - ref.localmoranMlvarFalse.Ii[i])).toBeLessThan(1e-12);
      expect(row.Ii).toBeCloseTo((b[i].Ii * 48) / 49, 12);
      expect(row.z).toBeCloseTo(b[i].z as number, 10); // same test, other scale
    });
  });
  it("mean I_i = global Moran's I with row-standardised weights (Anselin's LISA property)", () => {
    for (const name of ["columbus", "stl", "sids2"]) {
      const ref = R[name];
      const w = readGal(readFileSync(sharedPath(ref.gal), "utf8"));
      const lisa = localMoran(ref.x, w, { permutations: 0 });
      const mean = lisa.reduce((s, a) => s + a.Ii, 0) / lisa.length;
      expect(relDiff(mean, moran(ref.x, w, { permutations: 0 }).I)).toBeLessThan(1e-12);
    }
  });
});

describe("localMoran with an island equals R spdep localmoran(zero.policy = TRUE) (moran.json, islands)", () => {
  it("I_i, E, Var, Z, p of the chain; the island has I = E = Var = 0 and no test (spdep: NaN)", () => {
    const ref = R.islands;
    const lisa = localMoran(ref.x, weightsFromNeighbors(ref.neighbours, { ids: ref.ids }), { permutations: 0, alternative: "two-sided" });
    lisa.forEach((a, i) => {
      expect(Math.abs(a.Ii - ref.localmoran.Ii[i])).toBeLessThan(1e-14);
      expect(Math.abs(a.expected - ref.localmoran.E[i])).toBeLessThan(1e-14);
      expect(Math.abs(a.variance - ref.localmoran.Var[i])).toBeLessThan(1e-14);
      if (ref.localmoran.Z[i] === null) {
        expect(a).toMatchObject({ id: "f", z: null, pNormal: null, quadrant: null, cluster: "ohne Nachbarn", significant: false });
        expect(Object.is(a.expected, 0)).toBe(true);
      } else {
        expect(Math.abs((a.z as number) - ref.localmoran.Z[i])).toBeLessThan(1e-13);
        expect(relDiff(a.pNormal as number, ref.localmoran.p[i])).toBeLessThan(1e-12);
      }
    });
  });
});

describeShared("localMoran: conditional permutations", () => {
  const ref = R.columbus;
  const w = readGal(readFileSync(sharedPath(ref.gal), "utf8"));
  it("is reproducible with a seed, and another seed gives other draws", () => {
    const a = localMoran(ref.x, w, { permutations: 499, seed: 3 });
    expect(JSON.stringify(localMoran(ref.x, w, { permutations: 499, seed: 3 }))).toBe(JSON.stringify(a));
    const c = localMoran(ref.x, w, { permutations: 499, seed: 4 });
    expect(c.map((r) => r.pSim)).not.toEqual(a.map((r) => r.pSim));
    for (const r of a) expect(((r.pSim as number) * 500) % 1).toBeCloseTo(0, 9); // (M + 1)/(R + 1)
  });
  it("agrees with the conditional-randomisation normal approximation (folded p within 0.04)", () => {
    // Both approximate the same conditional null distribution of I_i; 9999 draws keep the Monte Carlo error small.
    const lisa = localMoran(ref.x, w, { permutations: 9999, seed: 11 });
    for (const r of lisa) expect(Math.abs((r.pSim as number) - (r.pNormal as number))).toBeLessThan(0.04);
  });
  it("draws k distinct areas other than i, uniformly: the exact permutation probability 1/6 (property of the draws)", () => {
    // Area a (z = −3) has neighbours d, e (z = 1, 5). Conditional permutation: 2 of the 4 others b, c, d, e without
    // replacement → 6 equally likely pairs; only {d, e} reaches the observed neighbour sum 6, so P(I* ≤ I) = 1/6.
    // (With replacement it would be 3/16, with a itself in the urn 1/10.) Standard error with R = 99 999: 0.0012.
    const ids = ["a", "b", "c", "d", "e"];
    const w5 = weightsFromNeighbors({ a: ["d", "e"], b: ["c"], c: ["b"], d: ["a"], e: ["a"] }, { ids });
    for (const sampling of ["independent", "pooled"] as const) {
      const a = localMoran([0, 1, 2, 4, 8], w5, { permutations: 99999, seed: 9, alternative: "less", sampling })[0];
      expect(Math.abs((a.pSim as number) - 1 / 6)).toBeLessThan(0.006);
    }
  });
  it("gives the exact conditional permutation probability for every sampling path (k = 1 … 12 of 15 others)", () => {
    // Area x0 and 15 others. For each k, x0's neighbours are k fixed others; the exact P(I* ≤ I) is the share of the
    // C(15, k) k-subsets of the others whose mean value is at least the neighbours' mean (z0 < 0, row-standardised).
    // k ≤ 6: comparison path; k = 7: stamp path; k ≥ 8: partial Fisher–Yates; "pooled" for k ≤ 7. Tolerance 4 SE.
    const n = 16;
    const ids = Array.from({ length: n }, (_, i) => `x${i}`);
    const values = [-5, 3.1, -1.7, 0.4, 2.2, -2.9, 1.3, 4.8, -0.6, 2.7, -3.8, 0.9, 1.8, -1.1, 3.6, -2.3];
    const combos = (m: number, k: number): number[][] =>
      k === 0 ? [[]] : m < k ? [] : [...combos(m - 1, k - 1).map((c) => [...c, m - 1]), ...combos(m - 1, k)];
    const R = 20000;
    for (const k of [1, 2, 3, 4, 5, 6, 7, 9, 12]) {
      const chosen = [2, 6, 9, 13, 4, 11, 1, 8, 14, 3, 7, 12].slice(0, k); // positions among 1..15
      const nb: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, [] as string[]]));
      for (const j of chosen) {
        nb.x0.push(ids[j]);
        nb[ids[j]].push("x0");
      }
      const observed = chosen.reduce((t, j) => t + values[j], 0);
      const all = combos(15, k).map((c) => c.reduce((t, q) => t + values[q + 1], 0));
      const exact = all.filter((sum) => sum >= observed - 1e-9).length / all.length;
      const se = Math.sqrt((exact * (1 - exact)) / R);
      for (const sampling of ["independent", "pooled"] as const) {
        const a = localMoran(values, weightsFromNeighbors(nb, { ids }), { permutations: R, seed: k, alternative: "less", sampling })[0];
        expect(Math.abs((a.pSim as number) - exact), `k = ${k}, ${sampling}`).toBeLessThan(4 * se + 2 / R);
      }
    }
  });
  it("draws neighbours without replacement from the others: with k = n − 1 every permutation gives the observed I_i", () => {
    // Complete graph: the k = n − 1 draws are all other areas, so each simulated I_i equals the observed one → p = 1.
    const ids = ["a", "b", "c", "d", "e"];
    const nb = Object.fromEntries(ids.map((id) => [id, ids.filter((o) => o !== id)]));
    const lisa = localMoran([1, 5, 2, 8, 3], weightsFromNeighbors(nb, { ids }), { permutations: 99, seed: 1 });
    for (const r of lisa) expect(r.pSim).toBe(1);
  });
  it("labels clusters by significance, optionally after Benjamini–Hochberg; islands are never significant", () => {
    const lisa = localMoran(ref.x, w, { permutations: 999, seed: 5, alpha: 0.05 });
    const fdr = localMoran(ref.x, w, { permutations: 999, seed: 5, alpha: 0.05, fdr: true });
    const q = benjaminiHochberg(lisa.map((r) => r.pSim as number));
    lisa.forEach((r, i) => {
      expect(r.cluster).toBe((r.pSim as number) <= 0.05 ? r.quadrant : "nicht signifikant");
      expect(fdr[i].pAdjusted).toBe(q[i]);
      expect(fdr[i].cluster).toBe(q[i] <= 0.05 ? r.quadrant : "nicht signifikant");
    });
    expect(lisa.filter((r) => r.significant).length).toBeGreaterThanOrEqual(fdr.filter((r) => r.significant).length);
  });
  it("gives an island no test: quadrant null, E = Var = +0, no p-values, 'ohne Nachbarn', left out of Benjamini–Hochberg", () => {
    const withIsland = weightsFromNeighbors({ a: ["b"], b: ["a", "c"], c: ["b"], d: [] }, { ids: ["a", "b", "c", "d"] });
    for (const permutations of [99, 0]) {
      const lisa = localMoran([1, 2, 3, 10], withIsland, { permutations, fdr: true, alpha: 0.99 });
      const island = lisa[3];
      expect(island).toMatchObject({ Ii: 0, variance: 0, neighbours: 0, quadrant: null, z: null, pNormal: null, pSim: null, pAdjusted: null });
      expect(island).toMatchObject({ significant: false, cluster: "ohne Nachbarn" });
      expect(Object.is(island.expected, 0)).toBe(true); // not −0
      // The three tested areas alone make up the Benjamini–Hochberg family (alpha 0.99 flags them all).
      const p = lisa.slice(0, 3).map((a) => (permutations ? a.pSim : a.pNormal) as number);
      expect(lisa.slice(0, 3).map((a) => a.pAdjusted)).toEqual(benjaminiHochberg(p));
      for (const a of lisa.slice(0, 3)) expect(a.cluster).toBe(a.quadrant);
    }
  });
  it("uses the large-k sampling paths correctly (distance-band-like weights)", () => {
    // k ≤ (n − 1)/2 → rejection with stamps (or the pool); k > (n − 1)/2 → partial Fisher–Yates. Check both against the
    // normal approximation of the same conditional null on a random pattern.
    const n = 60;
    const ids = Array.from({ length: n }, (_, i) => `x${i}`);
    const values = ids.map((_, i) => Math.sin(i * 1.7) * 10 + (i % 7));
    for (const k of [20, 45]) {
      const nb = Object.fromEntries(ids.map((id, i) => [id, Array.from({ length: k }, (_, t) => ids[(i + 1 + t) % n])]));
      for (const sampling of ["independent", "pooled"] as const) {
        const lisa = localMoran(values, rowStandardize(weightsFromNeighbors(nb, { ids })), { permutations: 9999, seed: 2, sampling });
        for (const r of lisa) expect(Math.abs((r.pSim as number) - (r.pNormal as number))).toBeLessThan(0.05);
      }
    }
  });
  it('sampling "pooled": reproducible, and agrees with the normal approximation like independent draws', () => {
    const a = localMoran(ref.x, w, { permutations: 9999, seed: 11, sampling: "pooled" });
    expect(JSON.stringify(localMoran(ref.x, w, { permutations: 9999, seed: 11, sampling: "pooled" }))).toBe(JSON.stringify(a));
    for (const r of a) expect(Math.abs((r.pSim as number) - (r.pNormal as number))).toBeLessThan(0.04);
    const b = localMoran(ref.x, w, { permutations: 9999, seed: 11 });
    expect(a.map((r) => r.pSim)).not.toEqual(b.map((r) => r.pSim)); // other draws, same statistic
    expect(a.map((r) => r.Ii)).toEqual(b.map((r) => r.Ii));
  });
  it("names bad options", () => {
    expect(() => localMoran(ref.x, w, { sampling: "shared" as never })).toThrow('localMoran: sampling muss "independent" oder "pooled" sein, angegeben ist "shared"');
    expect(() => localMoran(ref.x, w, { alpha: 2 })).toThrow("localMoran: alpha muss zwischen 0 und 1 liegen, angegeben ist 2");
    expect(() => localMoran(ref.x, w, { denominator: "n+1" as never })).toThrow('localMoran: denominator muss "n" oder "n-1" sein, angegeben ist "n+1"');
    expect(() => localMoran(ref.x, w, { seed: 1.5 })).toThrow("localMoran: seed muss eine ganze Zahl sein, angegeben ist 1.5");
  });
});
