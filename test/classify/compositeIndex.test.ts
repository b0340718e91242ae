import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { berlinMssStatus, compositeIndex, indicatorChanges } from "../../src/classify/index.js";
import { zScores } from "../../src/standardize/index.js";
import { missing } from "../../src/table/missing.js";
import { ref } from "../standardize/reference.js";

describe("compositeIndex", () => {
  it("hand calculation: z-values, sum, standardised sum, classes", () => {
    // x = 1 2 3: mean 2, population sd √(2/3) → z = ∓1.2247, 0. y = 2 1 6: mean 3, sd √(14/3) → z = −0.4629, −0.9258, 1.3887.
    const r = compositeIndex(
      [{ id: "a", x: 1, y: 2 }, { id: "b", x: 2, y: 1 }, { id: "c", x: 3, y: 6 }],
      { id: "id", indicators: ["x", "y"], scheme: berlinMssStatus },
    );
    const zx = [-Math.sqrt(1.5), 0, Math.sqrt(1.5)];
    const zy = [-1 / Math.sqrt(14 / 3), -2 / Math.sqrt(14 / 3), 3 / Math.sqrt(14 / 3)];
    r.areas.forEach((a, i) => {
      expect(a.z.x).toBeCloseTo(zx[i], 14);
      expect(a.z.y).toBeCloseTo(zy[i], 14);
      expect(a.sum).toBeCloseTo(zx[i] + zy[i], 14);
    });
    const s = zx.map((v, i) => v + zy[i]);
    const sd = Math.sqrt(s.reduce((acc, v) => acc + v * v, 0) / 3); // the sum has mean 0
    r.areas.forEach((a, i) => expect(a.index).toBeCloseTo(s[i] / sd, 14));
    expect(r.areas.map((a) => a.class)).toEqual(["mittel", "mittel", "niedrig"]); // c: 2.6134 / 1.8740 = 1.3945
    expect(r.components.map((c) => [c.column, c.mean, c.n])).toEqual([["x", 2, 3], ["y", 3, 3]]);
    expect(r.scheme?.counts).toEqual({ hoch: 0, mittel: 2, niedrig: 1, "sehr niedrig": 0 });
  });

  it("agrees with zScores and R: a one-indicator index is the indicator's z-value (R reference)", () => {
    const rows = (ref.x as (number | null)[]).map((x, i) => ({ id: `g${i}`, x }));
    const r = compositeIndex(rows, { id: "id", indicators: ["x"], sd: "sample" });
    r.areas.forEach((a, i) => {
      if (ref.scale_sample[i] === null) expect(a.index).toBeNull();
      else expect(Math.abs(a.index! - ref.scale_sample[i])).toBeLessThan(1e-13);
    });
    expect(r.excluded).toEqual([{ id: "g2", reason: "fehlender Wert in x", step: "compositeIndex", column: "x" }]);
  });

  it("weights, directions and weighted standardisation are applied", () => {
    const rows = [
      { id: "1", a: 10, b: 3, ew: 100 }, { id: "2", a: 14, b: 1, ew: 300 }, { id: "3", a: 9, b: 2, ew: 200 }, { id: "4", a: 20, b: 7, ew: 50 },
    ];
    const r = compositeIndex(rows, { id: "id", indicators: [{ column: "a", weight: 2 }, { column: "b", direction: -1 }], mean: "weighted", weights: "ew" });
    const w = rows.map((x) => x.ew);
    const za = zScores(rows.map((x) => x.a), { mean: "weighted", weights: w }).values as number[];
    const zb = zScores(rows.map((x) => x.b), { mean: "weighted", weights: w, direction: -1 }).values as number[];
    const sum = za.map((v, i) => 2 * v + zb[i]);
    const idx = zScores(sum, { mean: "weighted", weights: w }).values as number[];
    r.areas.forEach((a, i) => {
      expect(a.sum).toBeCloseTo(sum[i], 13);
      expect(a.index).toBeCloseTo(idx[i], 13);
    });
  });

  it("lists invalid areas with German reasons, keeps their place, and leaves them out of every mean", () => {
    const rows = [
      { id: "1", s: 1, kom: "gültig" }, { id: "2", s: 50, kom: "ungültig (EW unter 300)" }, { id: "3", s: 3, kom: "gültig" },
      { id: "4", s: missing("."), kom: "gültig" }, { id: "5", s: 5, kom: "gültig" },
    ];
    const r = compositeIndex(rows, { id: "id", indicators: ["s"], valid: { column: "kom", value: "gültig" } });
    expect(r.n).toBe(3);
    expect(r.areas.map((a) => a.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(r.areas.map((a) => a.valid)).toEqual([true, false, true, false, true]);
    expect(r.areas[1]).toEqual({ id: "2", valid: false, z: { s: null }, sum: null, index: null, class: null });
    expect(r.components[0].mean).toBe(3);
    expect(r.excluded).toEqual([
      { id: "2", reason: 'kom ist "ungültig (EW unter 300)", nicht "gültig"', step: "compositeIndex", column: "kom" },
      { id: "4", reason: 'fehlender Wert in s (".")', step: "compositeIndex", column: "s" },
    ]);
    expect(r.columns.index[1]).toBeNaN();
    const fnRule = compositeIndex(rows, { id: "id", indicators: ["s"], valid: (row) => (row.kom === "gültig" ? true : "zu klein") });
    expect(fnRule.excluded[0].reason).toBe("zu klein");
  });

  it("accepts column data and gives the same result as rows", () => {
    const rows = [{ id: "a", x: 1, y: 4 }, { id: "b", x: 5, y: 2 }, { id: "c", x: 2, y: 9 }, { id: "d", x: 7, y: 1 }];
    const cols = { id: ["a", "b", "c", "d"], x: Float64Array.from([1, 5, 2, 7]), y: [4, 2, 9, 1] };
    expect(compositeIndex(cols, { id: "id", indicators: ["x", "y"] }).areas).toEqual(compositeIndex(rows, { id: "id", indicators: ["x", "y"] }).areas);
  });

  it("errors", () => {
    const rows = [{ id: "a", x: 1 }, { id: "b", x: 2 }];
    expect(() => compositeIndex(rows, { id: "id", indicators: ["y"] })).toThrow('compositeIndex: Spalte "y" (Indikator) nicht gefunden');
    expect(() => compositeIndex(rows, { id: "id", indicators: ["x", "x"] })).toThrow('compositeIndex: Indikatorspalte "x" ist doppelt angegeben');
    expect(() => compositeIndex([{ id: "a", x: "7" }], { id: "id", indicators: ["x"] })).toThrow('compositeIndex: Wert "7" in Spalte "x" von Gebiet "a" ist keine endliche Zahl');
    expect(() => compositeIndex([{ id: "a", x: 1 }, { id: "b", x: 1 }], { id: "id", indicators: ["x"] })).toThrow(
      "compositeIndex: Indikator x: Standardabweichung ist 0 (alle 2 vorhandenen Werte sind 1); z-Werte sind nicht definiert",
    );
    // x and y mirror each other: every sum is 0.
    expect(() => compositeIndex([{ id: "a", x: 1, y: 3 }, { id: "b", x: 2, y: 2 }, { id: "c", x: 3, y: 1 }], { id: "id", indicators: ["x", "y"] })).toThrow(
      "compositeIndex: Summe der z-Werte: Standardabweichung ist 0 (alle 3 vorhandenen Werte sind 0); z-Werte sind nicht definiert",
    );
    // A bad weight is named by its area (it was "Position 1" of the valid subset).
    expect(() =>
      compositeIndex([{ id: "a", x: 1, ew: 5, ok: "n" }, { id: "b", x: 2, ew: 7, ok: "j" }, { id: "c", x: 3, ew: -4, ok: "j" }], {
        id: "id", indicators: ["x"], mean: "weighted", weights: "ew", valid: { column: "ok", value: "j" },
      }),
    ).toThrow('compositeIndex: Indikator x: Gewicht -4 bei Gebiet "c" ist keine endliche nicht-negative Zahl');
    expect(() => compositeIndex([], { id: "id", indicators: ["x"] })).toThrow("compositeIndex: die Daten haben keine Zeilen");
    expect(() => compositeIndex(rows, { id: "id", indicators: ["x"], valid: { column: "kom", value: "gültig" } })).toThrow('compositeIndex: Spalte "kom" (Gültigkeit, Option valid) nicht gefunden');
  });

  it("refuses duplicate area ids, naming both rows", () => {
    const rows = [{ id: "0101", x: 1 }, { id: "0102", x: 2 }, { id: "0101", x: 5 }];
    expect(() => compositeIndex(rows, { id: "id", indicators: ["x"] })).toThrow('compositeIndex: Kennung "0101" kommt in Spalte "id" doppelt vor (Zeilen 1 und 3)');
    expect(() => compositeIndex({ id: ["7", "7"], x: [1, 2] }, { id: "id", indicators: ["x"] })).toThrow('compositeIndex: Kennung "7" kommt in Spalte "id" doppelt vor');
  });

  it("a class boundary value (index exactly −1 or 1) goes to mittel, as the publisher's −1 ≤ x ≤ 1", () => {
    // Four areas x = −1, −1, 1, 1 (one indicator): mean 0, population SD 1, so z and index are exactly ±1.
    const r = compositeIndex([{ id: "a", x: -1 }, { id: "b", x: -1 }, { id: "c", x: 1 }, { id: "d", x: 1 }], { id: "id", indicators: ["x"], scheme: berlinMssStatus });
    expect(r.areas.map((a) => a.index)).toEqual([-1, -1, 1, 1]);
    expect(r.areas.map((a) => a.class)).toEqual(["mittel", "mittel", "mittel", "mittel"]);
  });

  it("invariants: the index has mean 0 and population SD 1; input not mutated; order kept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 3, maxLength: 40 }),
        (pairs) => {
          const rows = pairs.map(([a, b], i) => ({ id: String(i), a, b }));
          const before = JSON.stringify(rows);
          let r;
          try {
            r = compositeIndex(rows, { id: "id", indicators: ["a", "b"] });
          } catch {
            return; // constant columns or sums: SD 0 is an error, not a result
          }
          expect(JSON.stringify(rows)).toBe(before);
          expect(r.areas.map((x) => x.id)).toEqual(rows.map((x) => x.id));
          const idx = r.areas.map((x) => x.index as number);
          const m = idx.reduce((s, v) => s + v, 0) / idx.length;
          expect(Math.abs(m)).toBeLessThan(1e-9);
          expect(Math.abs(idx.reduce((s, v) => s + (v - m) ** 2, 0) / idx.length - 1)).toBeLessThan(1e-9);
        },
      ),
    );
  });
});

describe("indicatorChanges", () => {
  it("after − before per area, matched by id, missing and unmatched areas reported", () => {
    const before = [{ id: "a", s: 10, t: 1 }, { id: "b", s: 5, t: missing(".") }, { id: "z", s: 1, t: 1 }];
    const after = [{ id: "b", s: 4.5, t: 2 }, { id: "a", s: 12.5, t: 1.5 }, { id: "n", s: 3, t: 3 }];
    const r = indicatorChanges(before, after, { id: "id", columns: ["s", "t"], suffix: "_d" });
    expect(r.rows).toEqual([
      { id: "b", s_d: -0.5, t_d: null },
      { id: "a", s_d: 2.5, t_d: 0.5 },
      { id: "n", s_d: null, t_d: null },
    ]);
    expect(r.excluded.map((e) => [e.id, e.reason])).toEqual([
      ["b", "fehlender Wert in t (früheres Jahr)"],
      ["n", "nicht im früheren Jahr vorhanden"],
      ["z", "nicht im späteren Jahr vorhanden"],
    ]);
  });

  it("missing ids are errors (they used to become the text \"null\"), a value missing in both years says so", () => {
    expect(() => indicatorChanges([{ id: null, s: 1 }], [{ id: "null", s: 2 }], { id: "id", columns: ["s"] })).toThrow(
      'indicatorChanges: Zeile 1 von before hat keine Kennung in Spalte "id"',
    );
    expect(() => indicatorChanges([{ id: "a", s: 1 }], [{ id: missing("."), s: 2 }], { id: "id", columns: ["s"] })).toThrow(
      'indicatorChanges: Zeile 1 von after hat keine Kennung in Spalte "id"',
    );
    const r = indicatorChanges([{ id: "a", s: null }], [{ id: "a", s: missing("-") }], { id: "id", columns: ["s"] });
    expect(r.excluded.map((e) => e.reason)).toEqual(["fehlender Wert in s (beide Jahre)"]);
  });
});

describe("compositeIndex id check (ascending ids skip the Map)", () => {
  it("gives the error of a first-occurrence scan for any ids, sorted or not, with gaps", () => {
    // Reference: scan in row order, the first missing id or repeated id is the error.
    const expectedError = (ids: (string | null)[]): string | null => {
      const seen = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) {
        const v = ids[i];
        if (v === null || v === "") return `compositeIndex: Zeile ${i + 1} hat keine Kennung in Spalte "id"`;
        if (seen.has(v)) return `compositeIndex: Kennung "${v}" kommt in Spalte "id" doppelt vor (Zeilen ${seen.get(v)! + 1} und ${i + 1})`;
        seen.set(v, i);
      }
      return null;
    };
    const idArb = fc.oneof(fc.constantFrom("01", "02", "1", "10", "2", "a", "ä", ""), fc.constant(null), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(idArb, { minLength: 2, maxLength: 12 }), fc.boolean(), (raw, sort) => {
        const ids = sort ? [...raw].sort((a, b) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0)) : raw;
        const data = { id: ids, x: ids.map((_, i) => i * 1.5 + (i % 3)) };
        const err = expectedError(ids);
        if (err === null) expect(compositeIndex(data, { id: "id", indicators: ["x"] }).columns.id).toEqual(ids);
        else expect(() => compositeIndex(data, { id: "id", indicators: ["x"] })).toThrow(err);
      }),
      { numRuns: 400 },
    );
  });
});

describe("indicatorChanges pairing (the same ascending ids pair rows by position)", () => {
  // Reference: the definition — match by id with a Map, rows in `after` order, then the areas only in `before`.
  const referenceChanges = (before: Array<{ id: string; s: number | null }>, after: Array<{ id: string; s: number | null }>) => {
    const b = new Map(before.map((r) => [r.id, r.s]));
    const rows = after.map((r) => {
      const x0 = b.has(r.id) ? b.get(r.id)! : null;
      return { id: r.id, s: x0 !== null && r.s !== null ? r.s - x0 : null };
    });
    const inAfter = new Set(after.map((r) => r.id));
    const onlyBefore = before.filter((r) => !inAfter.has(r.id)).map((r) => r.id);
    return { rows, onlyBefore, onlyAfter: after.filter((r) => !b.has(r.id)).map((r) => r.id) };
  };
  const value = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null));
  const ids = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 6 });

  it("gives the rows and exclusions of matching by id, for sorted, equal, shuffled and different id lists", () => {
    fc.assert(
      fc.property(ids, ids, fc.boolean(), fc.boolean(), fc.array(value, { minLength: 12, maxLength: 12 }), (idsB, idsA, sameIds, sorted, vals) => {
        const a = sameIds ? [...idsB] : idsA;
        const orderB = sorted ? [...idsB].sort() : idsB;
        const orderA = sorted ? [...a].sort() : a;
        const before = orderB.map((id, i) => ({ id, s: vals[i] }));
        const after = orderA.map((id, i) => ({ id, s: vals[6 + i] }));
        const r = indicatorChanges(before, after, { id: "id", columns: ["s"] });
        const ref = referenceChanges(before, after);
        expect(r.rows).toEqual(ref.rows);
        expect(r.excluded.filter((e) => e.reason === "nicht im späteren Jahr vorhanden").map((e) => e.id)).toEqual(ref.onlyBefore);
        expect(r.excluded.filter((e) => e.reason === "nicht im früheren Jahr vorhanden").map((e) => e.id)).toEqual(ref.onlyAfter);
      }),
      { numRuns: 300 },
    );
  });

  it("still names a repeated id when both years list the same ids", () => {
    expect(() => indicatorChanges([{ id: "a", s: 1 }, { id: "a", s: 2 }], [{ id: "a", s: 1 }, { id: "a", s: 2 }], { id: "id", columns: ["s"] })).toThrow(
      'indicatorChanges: Kennung "a" kommt in before doppelt vor',
    );
  });
});
