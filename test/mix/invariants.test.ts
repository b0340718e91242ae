import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  atkinson,
  correlationRatio,
  dissimilarity,
  gini,
  interaction,
  isolation,
  localDiversity,
  locationQuotients,
  mixDeviation,
  multigroupDissimilarity,
  multigroupDiversity,
  multigroupGini,
  multigroupTheilH,
  normalizedExposure,
  theilH,
} from "../../src/index.js";
import { deepFreeze } from "./helpers.js";

type Row = Record<string, number | string>;
const singleIndices = { dissimilarity, gini, theilH, isolation, interaction, atkinson, correlationRatio };
const multiIndices = { multigroupDissimilarity, multigroupGini, multigroupTheilH, normalizedExposure, multigroupDiversity };
const opts = { group: "x", total: "t", id: "id" };
const GROUPS = ["a", "b", "c", "d"];

/** Areas with a group count x ≤ total t, at least one person of the group and one outside it in the city. */
const singleRows = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 40 })
  .map((areas) => areas.map(([t, f], i): Row => ({ id: `A${i}`, x: Math.floor(t * f), t })))
  .filter((rows) => {
    const X = rows.reduce((s, r) => s + (r.x as number), 0);
    const T = rows.reduce((s, r) => s + (r.t as number), 0);
    return X > 0 && X < T;
  });

/** Areas with 2–4 group counts, every group present in the city. */
const multiRows = fc.integer({ min: 2, max: 4 }).chain((K) =>
  fc
    .array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: K, maxLength: K }), { minLength: 2, maxLength: 40 })
    .map((areas) => areas.map((c, i): Row => ({ id: `A${i}`, ...Object.fromEntries(c.map((v, k) => [GROUPS[k], v])) })))
    .filter((rows) => GROUPS.slice(0, K).every((g) => rows.some((r) => (r[g] as number) > 0)))
    .map((rows) => ({ rows, groups: GROUPS.slice(0, K) })),
);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(a));

describe("invariants of the single-group indices (fast-check)", () => {
  it("D, Gini, H, Atkinson and η² are 0 when every area has the city's composition", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }), (a, b, m) => {
        const rows = deepFreeze(m.map((f, i) => ({ id: `A${i}`, x: a * f, t: (a + b) * f })));
        for (const f of [dissimilarity, gini, theilH, atkinson, correlationRatio]) expect(Math.abs(f(rows, opts).statistic)).toBeLessThan(1e-12);
        // exposure: the group meets its city share
        expect(isolation(rows, opts).statistic).toBeCloseTo(a / (a + b), 12);
        expect(interaction(rows, opts).statistic).toBeCloseTo(b / (a + b), 12);
      }),
    );
  });

  it("D, Gini, H, Atkinson, η² and xPx are 1 (xPy 0) under complete separation", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.boolean()), { minLength: 2, maxLength: 30 }).filter((a) => a.some((x) => x[1]) && a.some((x) => !x[1])), (areas) => {
        const rows = deepFreeze(areas.map(([t, all], i) => ({ id: `A${i}`, x: all ? t : 0, t })));
        for (const f of [dissimilarity, gini, theilH, atkinson, correlationRatio, isolation]) expect(f(rows, opts).statistic).toBeCloseTo(1, 12);
        expect(interaction(rows, opts).statistic).toBeCloseTo(0, 12);
      }),
    );
  });

  it("every index is unchanged by the order of the rows and by scaling all counts by a constant; inputs are not mutated", () => {
    fc.assert(
      fc.property(singleRows, fc.integer(), fc.constantFrom(2, 0.5, 7.25, 1000), (rows0, seed, c) => {
        const rows = deepFreeze(rows0);
        const shuffled = deepFreeze(rows.map((r, i) => ({ r, k: Math.sin(seed + i * 12.9898) })).sort((p, q) => p.k - q.k).map((p) => p.r));
        const scaled = deepFreeze(rows.map((r) => ({ ...r, x: (r.x as number) * c, t: (r.t as number) * c })));
        for (const [name, f] of Object.entries(singleIndices)) {
          const base = f(rows, opts).statistic;
          expect(close(f(shuffled, opts).statistic, base), `${name} order`).toBe(true);
          expect(close(f(scaled, opts).statistic, base), `${name} scale`).toBe(true);
          if (name !== "interaction" && name !== "isolation") expect(base).toBeGreaterThanOrEqual(-1e-12);
          expect(base).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("xPx + xPy = 1 and D equals the two-group multigroup D", () => {
    fc.assert(
      fc.property(singleRows, (rows0) => {
        const rows = deepFreeze(rows0);
        expect(isolation(rows, opts).statistic + interaction(rows, opts).statistic).toBeCloseTo(1, 12);
        const two = { groups: ["x"], total: "t" };
        expect(close(multigroupDissimilarity(rows, two).statistic, dissimilarity(rows, opts).statistic)).toBe(true);
        expect(close(multigroupGini(rows, two).statistic, gini(rows, opts).statistic)).toBe(true);
        expect(close(multigroupTheilH(rows, two).statistic, theilH(rows, opts).statistic)).toBe(true);
        expect(close(normalizedExposure(rows, two).statistic, correlationRatio(rows, opts).statistic)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("Gini equals the O(n²) double sum of PySAL (hand-written here)", () => {
    fc.assert(
      fc.property(singleRows, (rows) => {
        const x = rows.map((r) => r.x as number);
        const t = rows.map((r) => r.t as number);
        const T = t.reduce((a, b) => a + b, 0);
        const P = x.reduce((a, b) => a + b, 0) / T;
        let s = 0;
        for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) s += t[i] * t[j] * Math.abs(x[i] / t[i] - x[j] / t[j]);
        expect(close(gini(rows, opts).statistic, s / (2 * T * T * P * (1 - P)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("invariants of the multigroup indices (fast-check)", () => {
  it("are 0 for identical composition and 1 for complete separation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }), (base, m) => {
        const groups = GROUPS.slice(0, base.length);
        const even = deepFreeze(m.map((f, i) => ({ id: `A${i}`, ...Object.fromEntries(groups.map((g, k) => [g, base[k] * f])) })));
        for (const f of [multigroupDissimilarity, multigroupGini, multigroupTheilH, normalizedExposure]) {
          expect(Math.abs(f(even, { groups }).statistic)).toBeLessThan(1e-12);
        }
        // separation: area i holds only group i mod K (every group gets at least one area)
        const sep = deepFreeze(
          Array.from({ length: Math.max(groups.length, m.length) }, (_, i) => ({
            id: `S${i}`,
            ...Object.fromEntries(groups.map((g, k) => [g, k === i % groups.length ? (m[i % m.length] ?? 1) * 3 : 0])),
          })),
        );
        for (const f of [multigroupDissimilarity, multigroupGini, multigroupTheilH, normalizedExposure]) {
          expect(f(sep, { groups }).statistic).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it("are unchanged by row order and by scaling; inputs are not mutated", () => {
    fc.assert(
      fc.property(multiRows, fc.constantFrom(3, 0.25, 11.5), ({ rows: rows0, groups }, c) => {
        const rows = deepFreeze(rows0);
        const reversed = deepFreeze([...rows].reverse());
        const scaled = deepFreeze(rows.map((r) => ({ ...r, ...Object.fromEntries(groups.map((g) => [g, (r[g] as number) * c])) })));
        for (const [name, f] of Object.entries(multiIndices)) {
          const base = f(rows, { groups }).statistic;
          expect(close(f(reversed, { groups }).statistic, base), `${name} order`).toBe(true);
          expect(close(f(scaled, { groups }).statistic, base), `${name} scale`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("invariants of the per-area measures (fast-check)", () => {
  it("keep input order and length, carry the id, and are consistent with the city-wide indices", () => {
    fc.assert(
      fc.property(multiRows, ({ rows: rows0, groups }) => {
        const rows = deepFreeze(rows0);
        const dev = mixDeviation(rows, { groups, id: "id" });
        const lq = locationQuotients(rows, { groups, id: "id" });
        const div = localDiversity(rows, { groups, id: "id" });
        for (const res of [dev, lq, div]) {
          expect(res.areas.map((a) => a.id)).toEqual(rows.map((r) => r.id));
        }
        // contributions sum to the multigroup D; zero-population areas are excluded, not dropped
        const totals = rows.map((r) => groups.reduce((s, g) => s + (r[g] as number), 0));
        expect(dev.excluded.map((e) => e.id)).toEqual(rows.filter((_, i) => totals[i] === 0).map((r) => r.id));
        expect(close(dev.dissimilarity, multigroupDissimilarity(rows, { groups }).statistic)).toBe(true);
        // the population-weighted mean of the location quotients is 1 for every group
        for (const g of groups) {
          const T = totals.reduce((a, b) => a + b, 0);
          const m = lq.areas.reduce((s, a, i) => s + (a.lq[g] ?? 0) * totals[i], 0) / T;
          expect(m).toBeCloseTo(1, 10);
        }
        for (const a of div.areas) if (a.diversity !== null) expect(a.diversity).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 60 },
    );
  });
});
