import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Missing, isMissing, suppressDisclosive } from "../../src/index.js";

const cols = (r: ReturnType<typeof suppressDisclosive>) => r.suppressed.map((s) => `${s.id}:${s.column}:${s.kind}`);

describe("suppressDisclosive", () => {
  it("suppresses counts 1 and 2 but not 0 or 3 (primary)", () => {
    const r = suppressDisclosive([{ id: "01", a: 0, b: 1, c: 2, d: 3 }], { id: "id", counts: ["a", "b", "c", "d"] });
    expect(cols(r)).toEqual(["01:b:primär", "01:c:primär"]);
    expect(r.rows[0].a).toBe(0);
    expect(r.rows[0].b).toBeInstanceOf(Missing);
    expect(String(r.rows[0].b)).toBe(".");
    expect(r.rows[0].d).toBe(3);
  });

  it("adds the smallest other part when a row total would reveal the one withheld cell (secondary)", () => {
    // total 10 = a 1 + b 4 + c 5: a is primary; with total, b and c published, a = 10 − 4 − 5. So b (4 < 5) goes too.
    const r = suppressDisclosive([{ id: "01", a: 1, b: 4, c: 5, total: 10 }], {
      id: "id",
      counts: ["a", "b", "c", "total"],
      totals: [{ total: "total", parts: ["a", "b", "c"] }],
    });
    expect(cols(r)).toEqual(["01:a:primär", "01:b:sekundär"]);
    expect(r.suppressed[1].reason).toBe("sonst aus Summe 01/total rückrechenbar");
    expect(r.rows[0].c).toBe(5);
    expect(r.rows[0].total).toBe(10);
  });

  it("cascades across row and column relations until no relation has a single withheld cell", () => {
    // Two Sozialräume and their Stadtteil total row. Within rows: total = x + y.
    //        x    y   total
    // A      2   10     12     x primary (2 < 3) → row A: y secondary (only other part)
    // B      7    9     16
    // ST     9   19     28     column x: A hidden only → B:x (7) secondary; column y: A hidden only → B:y secondary
    // column total: A:total, B:total — after B:x and B:y are hidden, row B has 2 hidden; column "total" has none.
    const rows = [
      { id: "A", x: 2, y: 10, total: 12 },
      { id: "B", x: 7, y: 9, total: 16 },
      { id: "ST", x: 9, y: 19, total: 28 },
    ];
    const r = suppressDisclosive(rows, {
      id: "id",
      counts: ["x", "y", "total"],
      totals: [{ total: "total", parts: ["x", "y"] }],
      rowTotals: [{ total: "ST", parts: ["A", "B"] }],
    });
    expect(cols(r)).toEqual(["A:x:primär", "A:y:sekundär", "B:x:sekundär", "B:y:sekundär"]);
    // Every relation now has 0 or ≥ 2 withheld cells.
    const hidden = (id: string, c: string) => isMissing(r.rows.find((row) => row.id === id)![c]);
    for (const id of ["A", "B", "ST"]) {
      const n = ["x", "y", "total"].filter((c) => hidden(id, c)).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
    for (const c of ["x", "y", "total"]) {
      const n = ["A", "B", "ST"].filter((id) => hidden(id, c)).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
  });

  it("withholds shares with a small base and shares whose numerator is withheld", () => {
    const rows = [
      { id: "01", sgb2: 12, ew: 25, quote: 48 },   // base 25 < 30 → quote primary
      { id: "02", sgb2: 2, ew: 400, quote: 0.5 },  // numerator 2 < 3 → quote secondary
      { id: "03", sgb2: 40, ew: 400, quote: 10 },
    ];
    const r = suppressDisclosive(rows, { id: "id", counts: ["sgb2"], shares: [{ column: "quote", base: "ew", numerator: "sgb2" }] });
    expect(cols(r)).toEqual(["01:quote:primär", "02:sgb2:primär", "02:quote:sekundär"]);
    expect(r.suppressed[0].reason).toBe("Basis ew = 25 unter 30");
    expect(r.rows[2].quote).toBe(10);
  });

  it("honours minCount, minBase, suppressZero and marker", () => {
    const r = suppressDisclosive([{ id: "1", a: 0, b: 4, ew: 40, s: 1 }], {
      id: "id", counts: ["a", "b"], minCount: 5, suppressZero: true, shares: [{ column: "s", base: "ew" }], minBase: 50, marker: "x",
    });
    expect(cols(r)).toEqual(["1:a:primär", "1:b:primär", "1:s:primär"]);
    expect(String(r.rows[0].a)).toBe("x");
  });

  it("never mutates its input and keeps order and length", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { minLength: 1, maxLength: 12 }), (pairs) => {
        const rows = pairs.map(([a, b], i) => Object.freeze({ id: `r${i}`, a, b, t: a + b }));
        const r = suppressDisclosive(rows, { id: "id", counts: ["a", "b", "t"], totals: [{ total: "t", parts: ["a", "b"] }] });
        expect(r.rows.map((x) => x.id)).toEqual(rows.map((x) => x.id));
        // No row relation is left with exactly one withheld cell.
        for (const row of r.rows) {
          const n = ["a", "b", "t"].filter((c) => isMissing(row[c])).length;
          expect(n).not.toBe(1);
        }
      }),
    );
  });

  it("names the area for bad counts and the missing rows", () => {
    expect(() => suppressDisclosive([{ id: "07", a: -1 }], { id: "id", counts: ["a"] })).toThrow(
      'suppressDisclosive: count -1 in column "a" of area "07" is not a non-negative whole number',
    );
    expect(() => suppressDisclosive([{ id: "07", a: 1 }, { id: "07", a: 1 }], { id: "id", counts: ["a"] })).toThrow(
      'suppressDisclosive: duplicate area "07"',
    );
    expect(() => suppressDisclosive([{ id: "07", a: 1 }], { id: "id", counts: ["a"], rowTotals: [{ total: "ST", parts: ["07"] }] })).toThrow(
      'suppressDisclosive: total row "ST" not found',
    );
    expect(() => suppressDisclosive([{ id: "07", a: 1 }], { id: "id", counts: ["zz"] })).toThrow('suppressDisclosive: column "zz" not found');
  });
});
