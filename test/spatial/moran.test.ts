import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benjaminiHochberg, geary, moran, normalUpperTail, readGal, weightsFromNeighbors, type SpatialWeights } from "../../src/spatial/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";
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

describe("moran and geary equal R spdep to 1e-12 (moran.json)", () => {
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

describe("moran: moments and permutations", () => {
  it("3×3 rook lattice, y = 1…9, binary weights: esda test_variance", () => {
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
  it("is reproducible with a seed and counts extremes with permutationInference", () => {
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
  it("is invariant to a linear change of the values (property)", () => {
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
    expect(() => moran([1, 1, 1, 1], w)).toThrow("moran: all 4 values are equal; Moran's I is undefined");
    expect(() => moran([1, 2, 3], w)).toThrow("moran: 3 values for 4 areas (values must follow weights.ids)");
    expect(() => moran([1, 2, 3, 4], w, { permutations: -1 })).toThrow("moran: permutations must be an integer ≥ 0, got -1");
    expect(() => moran([1, 2, 3, 4], w, { alternative: "folded" as never })).toThrow('moran: alternative must be "greater", "less" or "two-sided", got "folded"');
    expect(() => moran([1, 2, 3, 4], {} as never)).toThrow("moran: weights must come from contiguityWeights");
  });
});

describe("helpers against R", () => {
  it("normalUpperTail equals pnorm(z, lower.tail = FALSE) to 1e-13 relative", () => {
    R.pnormUpper.z.forEach((z: number, i: number) => expect(relDiff(normalUpperTail(z), R.pnormUpper.p[i])).toBeLessThan(1e-13));
  });
  it("benjaminiHochberg equals p.adjust(p, 'BH')", () => {
    const q = benjaminiHochberg(R.pAdjustBH.p);
    q.forEach((v, i) => expect(relDiff(v, R.pAdjustBH.adjusted[i])).toBeLessThan(1e-14));
    expect(() => benjaminiHochberg([0.5, 1.5])).toThrow("benjaminiHochberg: p-value 1.5 at position 1 is not in [0, 1]");
  });
});
