import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectSumRows } from "../../src/sources/detectSumRows.js";

describe("detectSumRows", () => {
  it("finds Bezirk and city rows by hand example, the city as the sum of the areas", () => {
    const rows = [
      { ew: 1200, alo: 60 },
      { ew: 800, alo: 40 },
      { ew: 2000, alo: 100 }, // Bezirk Nord = rows 0–1
      { ew: 1500, alo: 30 },
      { ew: 500, alo: 20 },
      { ew: 2000, alo: 50 }, // Bezirk Süd = rows 3–4
      { ew: 4000, alo: 150 }, // city = rows 0–4 without the Bezirk rows
    ];
    expect(detectSumRows(rows, ["ew", "alo"])).toEqual([
      { index: 2, from: 0, to: 1, columns: 2, exact: 2 },
      { index: 5, from: 3, to: 4, columns: 2, exact: 2 },
      { index: 6, from: 0, to: 4, columns: 2, exact: 2 },
    ]);
  });

  it("needs two count columns and ignores share columns", () => {
    expect(detectSumRows([{ a: 1 }, { a: 2 }, { a: 3 }], ["a"])).toEqual([]);
    expect(detectSumRows([{ a: 1, s: 0.5 }, { a: 2, s: 0.25 }, { a: 3, s: 0.75 }], ["a", "s"])).toEqual([]);
  });

  it("a row appended as the sum of a run of rows is found, with that run's total", () => {
    const row = fc.record({ a: fc.integer({ min: 100, max: 5000 }), b: fc.integer({ min: 0, max: 800 }), c: fc.integer({ min: 0, max: 300 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: 15 }), fc.nat(), fc.nat(), (areas, i, j) => {
        const from = i % (areas.length - 1);
        const to = from + 1 + (j % (areas.length - from - 1));
        const run = areas.slice(from, to + 1);
        const total = { a: 0, b: 0, c: 0 };
        for (const r of run) (total.a += r.a), (total.b += r.b), (total.c += r.c);
        const found = detectSumRows([...areas, total], ["a", "b", "c"]).find((s) => s.index === areas.length);
        expect(found).toBeDefined();
        // The run found may differ from the one used (another run can have the same totals) but its sums agree.
        const sum = (k: "a" | "b" | "c") => areas.slice(found!.from, found!.to + 1).reduce((s, r) => s + r[k], 0);
        for (const k of ["a", "b", "c"] as const) expect(Math.abs(sum(k) - total[k])).toBeLessThanOrEqual(0.03 * total[k]);
      }),
    );
  });
});
