import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/inference/random.js";
import { missing } from "../../src/table/missing.js";
import { compassNames } from "../../src/synth/compassNames.js";
import { germanCsv } from "../../src/synth/germanCsv.js";
import { binomial, largestRemainder } from "../../src/synth/sampling.js";
import { publishRow, type AreaCounts } from "../../src/synth/strukturdaten.js";

describe("synth helpers", () => {
  it("largestRemainder splits a total exactly and proportionally", () => {
    // 10 in proportions 1:1:1 → 3.33 each → the first gets the extra unit
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }), (total, w) => {
        const parts = largestRemainder(total, w);
        const sum = w.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => expect(Math.abs(p - (total * w[i]) / sum)).toBeLessThan(1));
      }),
    );
  });

  it("binomial stays in [0, n] and has about the right mean", () => {
    const rng = createRng(3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p) => {
        const k = binomial(rng, n, p);
        expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
      }),
    );
    let s = 0;
    for (let i = 0; i < 4000; i++) s += binomial(rng, 40, 0.1);
    expect(s / 4000).toBeGreaterThan(3.8); // mean 4, sd of the mean ≈ 0.03
    expect(s / 4000).toBeLessThan(4.2);
  });

  it("compassNames gives distinct labels that follow the direction", () => {
    expect(compassNames([{ dx: 0, dy: 0 }, { dx: 0, dy: 5 }, { dx: 5, dy: 0 }, { dx: 0, dy: -5 }, { dx: -5, dy: 0 }])).toEqual(["Mitte", "Nord", "Ost", "Süd", "West"]);
    const nine = Array.from({ length: 9 }, (_, k) => ({ dx: Math.cos(k), dy: Math.sin(k) }));
    expect(new Set(compassNames(nine)).size).toBe(9);
    expect(() => compassNames(Array.from({ length: 10 }, () => ({ dx: 0, dy: 0 })))).toThrow("compassNames: höchstens 9 Orte, angegeben sind 10");
  });

  it("germanCsv writes decimal commas, markers and quotes fields with separators", () => {
    const csv = germanCsv(["id", "x", "m", "t"], [{ id: "010101", x: 7.0125, m: missing("."), t: 'a; "b"' }]);
    expect(csv).toBe('id;x;m;t\n010101;7,0125;.;"a; ""b"""\n');
    expect(germanCsv(["x"], [{ x: 1234567 }])).toBe("x\n1234567\n");
  });

  it("publishRow suppresses 1-2 as '.', zeros as '-', adds a secondary '.' and leaves large areas alone", () => {
    const counts: AreaCounts = {
      einwohner: 100, ew_0_5: 2, ew_6_14: 8, ew_15_17: 3, ew_18_24: 7, ew_25_64: 60, ew_65_plus: 20,
      haushalte: 50, hh_mit_kindern: 6, hh_alleinerziehend: 0, sgb2_personen: 9, sgb2_elb_15_64: 6, sgb2_unter_15: 3,
      arbeitslose: 4, arbeitslose_sgb2: 4, arbeitslose_sgb3: 0, arbeitslose_15_24: 1, grundsicherung_65_plus: 2, migrationshintergrund: 30,
    };
    const row = publishRow("030205", counts);
    expect(String(row.ew_0_5)).toBe(".");
    // ew_0_5 alone would be 100 − the rest: the smallest other age band (ew_15_17 = 3) is suppressed too
    expect(String(row.ew_15_17)).toBe(".");
    expect(row.ew_6_14).toBe(8);
    expect(String(row.hh_alleinerziehend)).toBe("-");
    expect(String(row.arbeitslose_sgb3)).toBe("-");
    expect(row.arbeitslose).toBe(4); // no "." in the group: 4 = 4 + 0 reveals nothing hidden
    expect(String(row.arbeitslose_15_24)).toBe(".");
    expect(row.einwohner).toBe(100);
    const big = publishRow("010101", { ...counts, einwohner: 300, ew_25_64: 260 });
    expect(Object.values(big).filter((v) => typeof v === "object")).toEqual([]);
  });
});
