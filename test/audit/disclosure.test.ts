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
      'suppressDisclosive: Fallzahl -1 in Spalte "a" von Gebiet "07" ist keine nicht-negative ganze Zahl',
    );
    expect(() => suppressDisclosive([{ id: "07", a: 1 }, { id: "07", a: 1 }], { id: "id", counts: ["a"] })).toThrow(
      'suppressDisclosive: Gebiet "07" kommt in Spalte "id" doppelt vor',
    );
    expect(() => suppressDisclosive([{ id: "07", a: 1 }], { id: "id", counts: ["a"], rowTotals: [{ total: "ST", parts: ["07"] }] })).toThrow(
      'suppressDisclosive: Summenzeile "ST" nicht gefunden',
    );
    expect(() => suppressDisclosive([{ id: "07", a: 1 }], { id: "id", counts: ["zz"] })).toThrow('suppressDisclosive: Spalte "zz" nicht gefunden');
  });
});

/** Rank of a small dense matrix (Gaussian elimination; test-only, independent of determinedCells' RREF test). */
function rank(m: number[][]): number {
  const a = m.map((r) => r.slice());
  const cols = a[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < cols && r < a.length; c++) {
    const p = a.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
    if (p < 0) continue;
    [a[r], a[p]] = [a[p], a[r]];
    for (let i = 0; i < a.length; i++) {
      if (i === r || Math.abs(a[i][c]) <= 1e-9) continue;
      const f = a[i][c] / a[r][c];
      for (let k = c; k < cols; k++) a[i][k] -= f * a[r][k];
    }
    r++;
  }
  return r;
}

/**
 * The withheld cells that the published cells and the relations determine exactly: cell j is determined iff
 * dropping its column lowers the rank of the relations' coefficient matrix over the unknown cells by one
 * (then e_j lies in the row space).
 */
function recomputable(published: Record<string, unknown>[], relations: string[][]): string[] {
  const unknown = [...new Set(relations.flat())].filter((cell) => {
    const [id, c] = cell.split("|");
    return isMissing(published.find((r) => r.id === id)![c]);
  });
  if (unknown.length === 0) return [];
  const m = relations.map((rel) => unknown.map((u) => rel.reduce((s, cell, k) => s + (cell === u ? (k === 0 ? 1 : -1) : 0), 0)));
  const full = rank(m);
  return unknown.filter((_, j) => rank(m.map((row) => row.filter((__, k) => k !== j))) === full - 1);
}

describe("suppressDisclosive: no withheld cell recomputable from several relations (review fix)", () => {
  // Four Sozialräume in two Stadtteile (S0 = A0; S1 = A1 + A2 + A3) and the city C = S0 + S1;
  // in every row t = p1 + p2 + p3 + p4. The greedy pass alone (before the fix) withheld
  // A0|p1,A0|p2,A1|p1,A1|p3,A1|p4,A2|p1,A2|p2,A3|p3,A3|p4,S0|p1,S0|p2,S1|p1,S1|p2: every relation with 0 or ≥ 2
  // withheld cells, yet A1|p1 = 2 (a primary cell) followed from the relations taken together.
  const parts = ["p1", "p2", "p3", "p4"];
  const rows = [
    { id: "A0", p1: 1, p2: 1, p3: 6, p4: 14, t: 22 },
    { id: "A1", p1: 2, p2: 12, p3: 1, p4: 5, t: 20 },
    { id: "A2", p1: 6, p2: 4, p3: 8, p4: 0, t: 18 },
    { id: "A3", p1: 7, p2: 0, p3: 1, p4: 5, t: 13 },
    { id: "S0", p1: 1, p2: 1, p3: 6, p4: 14, t: 22 },
    { id: "S1", p1: 15, p2: 16, p3: 10, p4: 10, t: 51 },
    { id: "C", p1: 16, p2: 17, p3: 16, p4: 24, t: 73 },
  ];
  const rowTotals = [{ total: "S0", parts: ["A0"] }, { total: "S1", parts: ["A1", "A2", "A3"] }, { total: "C", parts: ["S0", "S1"] }];
  const relationsOf = (ids: string[], counts: string[]) => [
    ...ids.map((id) => [`${id}|t`, ...parts.map((p) => `${id}|${p}`)]),
    ...rowTotals.flatMap((rt) => counts.map((c) => [`${rt.total}|${c}`, ...rt.parts.map((p) => `${p}|${c}`)])),
  ];

  it("protects the hierarchy example", () => {
    const counts = [...parts, "t"];
    const r = suppressDisclosive(rows, { id: "id", counts, totals: [{ total: "t", parts }], rowTotals });
    expect(r.suppressed.find((c) => c.id === "A1" && c.column === "p1")?.kind).toBe("primär");
    expect(recomputable(r.rows, relationsOf(rows.map((x) => x.id), counts))).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("holds for random hierarchical tables (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.integer({ min: 1, max: 2 }), fc.nat(15)), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        (cells, cut) => {
          const ps = ["p1", "p2", "p3"];
          const areas = cells.map((v, i) => ({ id: `A${i}`, p1: v[0], p2: v[1], p3: v[2], t: v[0] + v[1] + v[2] }));
          const split = 1 + (cut % (areas.length - 1));
          const sum = (id: string, list: Record<string, number | string>[]) =>
            Object.fromEntries([["id", id], ...[...ps, "t"].map((c) => [c, list.reduce((s, r) => s + (r[c] as number), 0)])]);
          const s0 = sum("S0", areas.slice(0, split)), s1 = sum("S1", areas.slice(split));
          const all = [...areas, s0, s1, sum("C", [s0, s1])];
          const rts = [
            { total: "S0", parts: areas.slice(0, split).map((a) => a.id) },
            { total: "S1", parts: areas.slice(split).map((a) => a.id) },
            { total: "C", parts: ["S0", "S1"] },
          ];
          const counts = [...ps, "t"];
          const r = suppressDisclosive(all, { id: "id", counts, totals: [{ total: "t", parts: ps }], rowTotals: rts });
          const relations = [
            ...all.map((x) => [`${x.id}|t`, ...ps.map((p) => `${x.id}|${p}`)]),
            ...rts.flatMap((rt) => counts.map((c) => [`${rt.total}|${c}`, ...rt.parts.map((p) => `${p}|${c}`)])),
          ];
          expect(recomputable(r.rows, relations)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("replaces a withheld cell of a relation column not listed in counts", () => {
    // total 10 = a 1 + b 4 + c 5 with only a subject to primary suppression: b is withheld and must not be published.
    const r = suppressDisclosive([{ id: "01", a: 1, b: 4, c: 5, total: 10 }], { id: "id", counts: ["a"], totals: [{ total: "total", parts: ["a", "b", "c"] }] });
    expect(cols(r)).toEqual(["01:a:primär", "01:b:sekundär"]);
    expect(r.rows[0].b).toBeInstanceOf(Missing);
    expect(() => suppressDisclosive([{ id: "01", a: 1 }], { id: "id", counts: ["a"], totals: [{ total: "tot", parts: ["a"] }] })).toThrow(
      'suppressDisclosive: Spalte "tot" nicht gefunden',
    );
  });

  it("withholds a share whose base is withheld (numerator / share would reveal it)", () => {
    // ew 40 = d 1 + e 39: d is primary, so e (the only other part) is secondary; quote = n / e · 100 = 25.641
    // would give e = n / quote · 100 = 39, so quote is withheld as well.
    const r = suppressDisclosive([{ id: "01", d: 1, e: 39, ew: 40, n: 10, quote: 25.641 }], {
      id: "id", counts: ["d", "e", "n"], totals: [{ total: "ew", parts: ["d", "e"] }], shares: [{ column: "quote", base: "e", numerator: "n" }],
    });
    expect(cols(r)).toEqual(["01:d:primär", "01:e:sekundär", "01:quote:sekundär"]);
    expect(r.suppressed[2].reason).toBe("Basis e geheim");
  });

  it("counts a cell missing in the input as unknown (no needless secondary suppression)", () => {
    // total = a + b + c with b already "." in the source: a (primary) and b are two unknowns; nothing else goes.
    const r = suppressDisclosive([{ id: "01", a: 1, b: new Missing("."), c: 5, total: 10 }], {
      id: "id", counts: ["a", "c", "total"], totals: [{ total: "total", parts: ["a", "b", "c"] }],
    });
    expect(cols(r)).toEqual(["01:a:primär"]);
  });
});
