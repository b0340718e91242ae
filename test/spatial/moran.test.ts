import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benjaminiHochberg, geary, moran, normalUpperTail, readGal, weightsFromNeighbors, type SpatialWeights } from "../../src/spatial/index.js";
import { describeShared, itShared, sharedPath } from "../helpers/shared-data.js";
import { readCsv, referencePath, relDiff } from "./helpers.js";

// R spdep 1.2.7 output, written by test/reference/spatial/moran.R (see its header).
const R = JSON.parse(readFileSync(referencePath("moran.json"), "utf8"));

/** Values of `column` in the order of the weights' ids, matched by `idColumn` (numeric ids compared as numbers). */
function valuesFor(w: SpatialWeights, rows: Array<Record<string, string>>, idColumn: string, column: string): number[] {
  const byId = new Map(rows.map((r) => [String(Number(r[idColumn])), Number(r[column])]));
  return w.ids.map((id) => {
    const v = byId.get(String(Number(id)));
    if (v === undefined) throw new Error(`no row for ${id}`);
    return v;
  });
}

describeShared("moran: published PySAL / spdep values", () => {
  it("St. Louis HR8893 with stl.gal: I and one-sided normal p as esda test_moran.py", () => {
    const expected = JSON.parse(readFileSync(sharedPath("pysal-examples/stl/expected_values.json"), "utf8"));
    const w = readGal(readFileSync(sharedPath("pysal-examples/stl/stl.gal"), "utf8"));
    const y = valuesFor(w, readCsv(sharedPath("pysal-examples/stl/stl_hom.csv")), "POLY_ID_OG", "HR8893");
    const r = moran(y, w, { permutations: 0 });
    expect(relDiff(r.I, 0.24365582621771659)).toBeLessThan(1e-13); // esda test_moran.py
    expect(relDiff(r.I, expected.Moran_I)).toBeLessThan(1e-13);
    expect(r.expected).toBe(-1 / 77);
    expect(relDiff(r.pNormal, expected.p_norm_one_tailed)).toBeLessThan(1e-9); // 1.357e-4
    expect(r.pNormal.toPrecision(4)).toBe("0.0001357");
    expect(relDiff(r.variance, expected.VI_norm_computed_here)).toBeLessThan(1e-12);
    // stl_hom_rook.gal gives the same I (expected_values.json note)
    const rook = readGal(readFileSync(sharedPath("pysal-examples/stl/stl_hom_rook.gal"), "utf8"));
    const yr = valuesFor(rook, readCsv(sharedPath("pysal-examples/stl/stl_hom.csv")), "POLY_ID_OG", "HR8893");
    expect(relDiff(moran(yr, rook, { permutations: 0 }).I, 0.24365582621771659)).toBeLessThan(1e-13);
  });
  it("SIDS SIDR74 with sids2.gal (ids FIPSNO): I and p as esda", () => {
    const expected = JSON.parse(readFileSync(sharedPath("pysal-examples/sids2/expected_values.json"), "utf8"));
    const w = readGal(readFileSync(sharedPath("pysal-examples/sids2/sids2.gal"), "utf8"));
    const y = valuesFor(w, readCsv(sharedPath("pysal-examples/sids2/sids2.csv")), "FIPSNO", "SIDR74");
    const r = moran(y, w, { permutations: 0 });
    expect(relDiff(r.I, 0.24772519320480135)).toBeLessThan(1e-13);
    expect(relDiff(r.pNormal, expected.p_norm_one_tailed_SIDR74)).toBeLessThan(1e-9);
  });
  it("Columbus CRIME with spdep's col.gal.nb: moran.test values (normality and randomisation)", () => {
    const expected = JSON.parse(readFileSync(sharedPath("spdep-columbus/expected_values.json"), "utf8")).CRIME_W;
    const w = readGal(readFileSync(sharedPath("spdep-columbus/columbus_col.gal.nb.gal"), "utf8"));
    const y = valuesFor(w, readCsv(sharedPath("pysal-examples/columbus/columbus.csv")), "POLYID", "CRIME");
    const r = moran(y, w, { permutations: 0, alternative: "two-sided" });
    expect(r.I).toBeCloseTo(0.485770914, 9);
    expect(r.expected).toBeCloseTo(-0.020833333, 9);
    expect(r.variance).toBeCloseTo(0.008860962, 9);
    expect(r.varianceRandomization).toBeCloseTo(expected.Var_randomisation, 9);
    expect(r.z).toBeCloseTo(5.3818, 4);
    expect(r.pNormal.toPrecision(4)).toBe("7.374e-8");
  });
  it("PySAL's own Columbus GAL gives esda's I", () => {
    const expected = JSON.parse(readFileSync(sharedPath("pysal-examples/columbus/expected_values.json"), "utf8"));
    const w = readGal(readFileSync(sharedPath("pysal-examples/columbus/columbus.gal"), "utf8"));
    const y = valuesFor(w, readCsv(sharedPath("pysal-examples/columbus/columbus.csv")), "POLYID", "CRIME");
    expect(relDiff(moran(y, w, { permutations: 0 }).I, expected.Moran_I_CRIME_W)).toBeLessThan(1e-13);
  });
});

describeShared("moran and geary equal R spdep to 1e-12 (moran.json)", () => {
  for (const name of ["stl", "sids2", "columbus"]) {
    it(`${name}: moran.test and geary.test, normality and randomisation; binary style B`, () => {
      const ref = R[name];
      const gal = readGal(readFileSync(sharedPath(ref.gal), "utf8"));
      expect(gal.ids.map((id) => String(Number(id)))).toEqual(ref.ids);
      const m = moran(ref.x, gal, { permutations: 0 });
      expect(relDiff(m.I, ref.moran.I)).toBeLessThan(1e-12);
      expect(relDiff(m.variance, ref.moran.variance)).toBeLessThan(1e-12);
      expect(relDiff(m.z, ref.moran.z)).toBeLessThan(1e-12);
      expect(relDiff(m.pNormal, ref.moran.p)).toBeLessThan(1e-10);
      expect(relDiff(m.varianceRandomization, ref.moran.varianceRandomization)).toBeLessThan(1e-12);
      expect(relDiff(m.pRandomization, ref.moran.pRandomization)).toBeLessThan(1e-10);
      const b = moran(ref.x, gal, { permutations: 0, transform: "B" });
      expect(relDiff(b.I, ref.moranBinary.I)).toBeLessThan(1e-12);
      expect(relDiff(b.variance, ref.moranBinary.variance)).toBeLessThan(1e-12);
      const g = geary(ref.x, gal, { permutations: 0 });
      expect(relDiff(g.C, ref.geary.C)).toBeLessThan(1e-12);
      expect(relDiff(g.variance, ref.geary.variance)).toBeLessThan(1e-12);
      expect(relDiff(g.z, ref.geary.z)).toBeLessThan(1e-12);
      expect(relDiff(g.pNormal, ref.geary.p)).toBeLessThan(1e-10);
      expect(relDiff(g.varianceRandomization, ref.geary.varianceRandomization)).toBeLessThan(1e-12);
      expect(relDiff(g.zRandomization, ref.geary.zRandomization)).toBeLessThan(1e-12);
    });
  }
});

describe("islands (areas without neighbours): R spdep adjust.n = FALSE (default) and TRUE (moran.json, islands)", () => {
  // Chain a–b–c–d–e plus the island f, x = 1, 3, 2, 6, 5, 9; R spdep 1.2.7 moran.test / geary.test with
  // zero.policy = TRUE, written by test/reference/spatial/moran.R.
  const ref = R.islands;
  const w = weightsFromNeighbors(ref.neighbours, { ids: ref.ids });
  const compare = (m: ReturnType<typeof moran>, g: ReturnType<typeof geary>, r: typeof ref.keepN) => {
    expect(relDiff(m.I, r.moran.I)).toBeLessThan(1e-12);
    expect(relDiff(m.expected, r.moran.expected)).toBeLessThan(1e-14);
    expect(relDiff(m.variance, r.moran.variance)).toBeLessThan(1e-12);
    expect(relDiff(m.z, r.moran.z)).toBeLessThan(1e-12);
    expect(relDiff(m.pNormal, r.moran.p)).toBeLessThan(1e-10);
    expect(relDiff(m.varianceRandomization, r.moran.varianceRandomization)).toBeLessThan(1e-12);
    expect(relDiff(m.zRandomization, r.moran.zRandomization)).toBeLessThan(1e-12);
    expect(relDiff(g.C, r.geary.C)).toBeLessThan(1e-12);
    expect(relDiff(g.variance, r.geary.variance)).toBeLessThan(1e-12);
    expect(relDiff(g.z, r.geary.z)).toBeLessThan(1e-12);
    expect(relDiff(g.pNormal, r.geary.p)).toBeLessThan(1e-10);
    expect(relDiff(g.varianceRandomization, r.geary.varianceRandomization)).toBeLessThan(1e-12);
  };
  it("default: islands keep their place in n, as esda and spdep adjust.n = FALSE (I = 0.20923, E[I] = −0.2)", () => {
    const m = moran(ref.x, w, { permutations: 0 });
    const g = geary(ref.x, w, { permutations: 0 });
    compare(m, g, ref.keepN);
    expect(relDiff(g.zRandomization, ref.keepN.geary.zRandomization)).toBeLessThan(1e-12);
    expect(m.I.toFixed(5)).toBe("0.20923");
    expect(m.expected).toBe(-0.2);
    expect(m).toMatchObject({ n: 6, islands: ["f"], adjustN: false });
    expect(m.warnings).toContain("moran: 1 Gebiet(e) ohne Nachbarn (Inseln) in n gezählt, mit räumlichem Lag 0 (wie esda; spdep: adjust.n = FALSE)");
    expect(g).toMatchObject({ n: 6, islands: ["f"], adjustN: false });
  });
  it("adjustN: spdep's default adjust.n = TRUE (I = 0.17436, E[I] = −0.25), Geary's mix of n′ and n included", () => {
    const m = moran(ref.x, w, { permutations: 0, adjustN: true });
    const g = geary(ref.x, w, { permutations: 0, adjustN: true });
    compare(m, g, ref.adjustN);
    expect(m.I.toFixed(5)).toBe("0.17436");
    expect(m.expected).toBe(-0.25);
    expect(relDiff(m.I, (ref.keepN.moran.I * 5) / 6)).toBeLessThan(1e-14);
    expect(m).toMatchObject({ n: 6, islands: ["f"], adjustN: true });
    expect(m.warnings).toContain("moran: 1 Gebiet(e) ohne Nachbarn (Inseln) nicht in n gezählt (adjustN, wie spdep adjust.n = TRUE): n = 5 von 6");
    // spdep's Var_R[C] ist negativ here (−0.0823), its z NaN (R: NaN, written as null).
    expect(ref.adjustN.geary.zRandomization).toBeNull();
    expect(g.zRandomization).toBeNaN();
    expect(g.pRandomization).toBeNaN();
    expect(g.warnings.at(-1)).toMatch(/^geary: die Varianz unter Randomisierung ist -0\.0823\d+ \(Formel von spdep mit adjust\.n und Inseln\); z und p sind daher NaN$/);
    // Without islands adjustN changes nothing.
    const chain = weightsFromNeighbors({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c", "e"], e: ["d"] }, { ids: ["a", "b", "c", "d", "e"] });
    const x5 = ref.x.slice(0, 5);
    expect(moran(x5, chain, { adjustN: true, seed: 3 })).toEqual({ ...moran(x5, chain, { seed: 3 }), adjustN: true });
    expect(geary(x5, chain, { adjustN: true, seed: 3 })).toEqual({ ...geary(x5, chain, { seed: 3 }), adjustN: true });
  });
  it("why the default keeps n: its E and Var_R are the exact mean and variance over all 720 permutations", () => {
    const perms: number[][] = [];
    const permute = (rest: number[], head: number[]) => {
      if (rest.length === 0) perms.push(head);
      rest.forEach((v, k) => permute([...rest.slice(0, k), ...rest.slice(k + 1)], [...head, v]));
    };
    permute(ref.x, []);
    expect(perms).toHaveLength(720);
    const moments = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return { mean, variance: xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length };
    };
    for (const adjustN of [false, true]) {
      const m = moran(ref.x, w, { permutations: 0, adjustN });
      const g = geary(ref.x, w, { permutations: 0, adjustN });
      const mi = moments(perms.map((x) => moran(x, w, { permutations: 0, adjustN }).I));
      const gc = moments(perms.map((x) => geary(x, w, { permutations: 0, adjustN }).C));
      if (!adjustN) {
        expect(mi.mean).toBeCloseTo(m.expected, 13);
        expect(mi.variance).toBeCloseTo(m.varianceRandomization, 13);
        expect(gc.mean).toBeCloseTo(1, 13);
        expect(gc.variance).toBeCloseTo(g.varianceRandomization, 13);
      } else {
        // spdep's adjusted moments miss the permutation distribution: E[I] −0.25 against a mean of −1/6.
        expect(mi.mean).toBeCloseTo(-1 / 6, 13);
        expect(Math.abs(mi.mean - m.expected)).toBeGreaterThan(0.08);
        expect(gc.mean).toBeCloseTo(0.8, 13); // (n′ − 1)/(n − 1) = 4/5, not E[C] = 1
      }
    }
    // The permutation test is the same with and without adjustN (a constant factor), only its scale moves.
    const a = moran(ref.x, w, { permutations: 199, seed: 4 });
    const b = moran(ref.x, w, { permutations: 199, seed: 4, adjustN: true });
    expect(b.pSim).toBe(a.pSim);
    expect(b.zSim).toBeCloseTo(a.zSim as number, 12);
    expect(geary(ref.x, w, { permutations: 199, seed: 4, adjustN: true }).pSim).toBe(geary(ref.x, w, { permutations: 199, seed: 4 }).pSim);
  });
  it("names a bad adjustN and too few areas with neighbours", () => {
    expect(() => moran(ref.x, w, { adjustN: "yes" as never })).toThrow('moran: adjustN muss true oder false sein, angegeben ist "yes"');
    const three = weightsFromNeighbors({ a: ["b"], b: ["a", "c"], c: ["b"], d: [], e: [] }, { ids: ["a", "b", "c", "d", "e"] });
    expect(() => geary([1, 2, 3, 4, 5], three, { adjustN: true })).toThrow("geary: braucht mindestens 4 Gebiete mit Nachbarn (adjustN), vorhanden sind 3");
  });
});

describe("moran: moments and permutations", () => {
  itShared("3×3 rook lattice, y = 1…9, binary weights: esda test_variance", () => {
    const expected = JSON.parse(readFileSync(sharedPath("pysal-examples/lattice3x3_expected_values.json"), "utf8"));
    const id = (r: number, c: number) => `${r}${c}`;
    const nb: Record<string, string[]> = {};
    const ids: string[] = [];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        ids.push(id(r, c));
        nb[id(r, c)] = [[r - 1, c], [r + 1, c], [r, c - 1], [r, c + 1]].filter(([a, b]) => a >= 0 && a < 3 && b >= 0 && b < 3).map(([a, b]) => id(a, b));
      }
    }
    const m = moran([1, 2, 3, 4, 5, 6, 7, 8, 9], weightsFromNeighbors(nb, { ids }), { transform: "B", permutations: 0 });
    expect(relDiff(m.variance, expected.VI_norm)).toBeLessThan(1e-12); // 0.053125
    expect(relDiff(m.varianceRandomization, expected.VI_rand)).toBeLessThan(1e-12); // 0.0596875
  });
  itShared("is reproducible with a seed and counts extremes with permutationInference", () => {
    const ref = R.columbus;
    const w = readGal(readFileSync(sharedPath(ref.gal), "utf8"));
    const a = moran(ref.x, w, { permutations: 199, seed: 7 });
    const b = moran(ref.x, w, { permutations: 199, seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.pSim).toBe(1 / 200); // nothing as large as I = 0.49 in 199 shuffles
    const c = moran(ref.x, w, { permutations: 199, seed: 8 });
    expect(c.meanSim).not.toBe(a.meanSim);
    // the simulated I centre on E[I] = −1/48 with sd near √Var_R (loose: 199 draws)
    expect(Math.abs((a.meanSim as number) + 1 / 48)).toBeLessThan(0.03);
    expect(Math.abs((a.sdSim as number) / Math.sqrt(a.varianceRandomization) - 1)).toBeLessThan(0.2);
    expect(moran(ref.x, w, { permutations: 0 }).pSim).toBeNull();
  });
  it("I = 1 when every area's neighbours share its value (two components of constant value)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 10 }), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 1, max: 50, noNaN: true }), (na, nb, a, gap) => {
        const ids = [...Array.from({ length: na }, (_, i) => `a${i}`), ...Array.from({ length: nb }, (_, i) => `b${i}`)];
        const nbl: Record<string, string[]> = {};
        for (const id of ids) nbl[id] = ids.filter((o) => o !== id && o[0] === id[0]); // two cliques
        const w = weightsFromNeighbors(nbl, { ids });
        const y = ids.map((id) => (id[0] === "a" ? a : a + gap));
        expect(moran(y, w, { permutations: 0 }).I).toBeCloseTo(1, 10);
        expect(w.components).toBe(2);
      }),
      { numRuns: 40 },
    );
  });
  itShared("is invariant to a linear change of the values (property)", () => {
    const ref = R.stl;
    const w = readGal(readFileSync(sharedPath(ref.gal), "utf8"));
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }).filter((s) => Math.abs(s) > 1e-3), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (s, t) => {
        const m = moran(ref.x.map((v: number) => s * v + t), w, { permutations: 0 });
        expect(relDiff(m.I, ref.moran.I)).toBeLessThan(1e-9);
      }),
      { numRuns: 30 },
    );
  });
  it("names bad input", () => {
    const w = weightsFromNeighbors({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c"] }, { ids: ["a", "b", "c", "d"] });
    expect(() => moran([1, 1, 1, 1], w)).toThrow("moran: alle 4 Werte sind gleich; Moran's I ist nicht definiert");
    expect(() => moran([1, 2, 3], w)).toThrow("moran: 3 Werte für 4 Gebiete (die Werte müssen der Reihenfolge von weights.ids folgen)");
    expect(() => moran([1, 2, 3, 4], w, { permutations: -1 })).toThrow("moran: permutations muss eine ganze Zahl ≥ 0 sein, angegeben ist -1");
    expect(() => moran([1, 2, 3, 4], w, { alternative: "folded" as never })).toThrow('moran: alternative muss "greater", "less" oder "two-sided" sein, angegeben ist "folded"');
    expect(() => moran([1, 2, 3, 4], {} as never)).toThrow("moran: weights muss aus contiguityWeights");
  });
});

describe("helpers against R", () => {
  it("normalUpperTail equals pnorm(z, lower.tail = FALSE) to 1e-13 relative", () => {
    R.pnormUpper.z.forEach((z: number, i: number) => expect(relDiff(normalUpperTail(z), R.pnormUpper.p[i])).toBeLessThan(1e-13));
  });
  it("benjaminiHochberg equals p.adjust(p, 'BH')", () => {
    const q = benjaminiHochberg(R.pAdjustBH.p);
    q.forEach((v, i) => expect(relDiff(v, R.pAdjustBH.adjusted[i])).toBeLessThan(1e-14));
    expect(() => benjaminiHochberg([0.5, 1.5])).toThrow("benjaminiHochberg: p-Wert 1.5 an Position 1 liegt nicht in [0, 1]");
  });
});
