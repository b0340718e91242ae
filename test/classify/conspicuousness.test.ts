import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conspicuousness, VERDICT_CODES, verdictFor } from "../../src/classify/index.js";
import { missing } from "../../src/table/missing.js";

const indicators = [
  { id: "sgb2_u15", targetGroup: "children", label: "Kinderarmut" },
  { id: "alleinerz", targetGroup: "children", label: "Alleinerziehende" },
  { id: "alq", targetGroup: "working-age", label: "Arbeitslosigkeit" },
  { id: "sgb2", targetGroup: "working-age", label: "SGB II-Quote" },
  { id: "gs65", targetGroup: "elderly", label: "Grundsicherung im Alter" },
];
// Hand-made z-values chosen around the thresholds 1 and 1.5.
const rows = [
  { id: "010101", sgb2_u15: 0.2, alleinerz: -0.4, alq: 1.0, sgb2: 0.9, gs65: -1.2 }, // nothing above 1 (1.0 is not > 1)
  { id: "010102", sgb2_u15: 1.2, alleinerz: 0.1, alq: 1.6, sgb2: 1.1, gs65: 1.01 }, // children 1 flag; working-age strong; elderly 1 flag
  { id: "010203", sgb2_u15: 1.3, alleinerz: 1.4, alq: null, sgb2: 0.5, gs65: missing(".") }, // children 2 flags → stark
];

describe("conspicuousness", () => {
  it("flags indicators above the thresholds and gives a verdict per target group naming the indicators", () => {
    const r = conspicuousness(rows, { id: "id", indicators });
    expect(r.targetGroups).toEqual(["children", "working-age", "elderly"]);
    expect(r.areas.map((a) => a.groups.map((g) => g.verdict))).toEqual([
      ["unauffällig", "unauffällig", "unauffällig"],
      ["auffällig", "stark auffällig", "auffällig"],
      ["stark auffällig", "unauffällig", null],
    ]);
    expect(r.areas[1].flags.map((f) => [f.indicator, f.level])).toEqual([
      ["alq", "stark auffällig"],
      ["sgb2_u15", "auffällig"],
      ["sgb2", "auffällig"],
      ["gs65", "auffällig"],
    ]);
    const wa = r.areas[1].groups[1];
    expect(wa).toMatchObject({ flags: 2, strongFlags: 1, indicators: ["alq", "sgb2"], missing: [] });
    expect(wa.reason).toBe("2 von 2 Indikatoren auffällig: Arbeitslosigkeit (z = 1,60, stark auffällig), SGB II-Quote (z = 1,10, auffällig)");
    expect(r.areas[2].groups[0]).toMatchObject({ verdict: "stark auffällig", flags: 2, strongFlags: 0, indicators: ["alleinerz", "sgb2_u15"] });
    expect(r.areas[2].groups[1]).toMatchObject({ verdict: "unauffällig", missing: ["alq"] });
    expect(r.excluded).toEqual([{ id: "010203", reason: "alle Indikatoren der Zielgruppe elderly fehlen", step: "conspicuousness" }]);
    expect(r.counts.children).toEqual({ unauffällig: 1, auffällig: 1, "stark auffällig": 1 });
  });

  it("thresholds and rule are configurable", () => {
    const strict = conspicuousness(rows, { id: "id", indicators, thresholds: { flag: 1.5, strong: 2 } });
    expect(strict.areas[1].groups.map((g) => g.verdict)).toEqual(["unauffällig", "auffällig", "unauffällig"]);
    const rule = conspicuousness(rows, { id: "id", indicators, rule: { strongMinFlags: 3 } });
    expect(rule.areas[2].groups[0].verdict).toBe("auffällig");
    expect(verdictFor({ flags: 1, strongFlags: 1 }, { strongIfAnyStrong: false })).toBe("auffällig");
    expect(verdictFor({ flags: 1, strongFlags: 0 }, { minFlags: 2 })).toBe("unauffällig");
  });

  it("names the indicators without a value in the reason", () => {
    const r = conspicuousness(rows, { id: "id", indicators });
    expect(r.areas[2].groups[1].reason).toBe("kein Indikator auffällig; ohne Wert: Arbeitslosigkeit");
    expect(r.areas[1].groups[1].reason).not.toContain("ohne Wert");
  });

  it("an explicitly undefined rule field means its default (it used to disable the rule or throw)", () => {
    expect(verdictFor({ flags: 2, strongFlags: 0 }, { strongMinFlags: undefined })).toBe("stark auffällig");
    const r = conspicuousness(rows, { id: "id", indicators, rule: { strongMinFlags: undefined, minFlags: undefined } });
    expect(r.rule).toEqual({ strongIfAnyStrong: true, strongMinFlags: 2, minFlags: 1 });
    expect(r.areas[2].groups[0].verdict).toBe("stark auffällig");
  });

  it("refuses an indicator listed twice (its one flag would count as two: stark auffällig)", () => {
    const twice = [{ id: "x", targetGroup: "children" }, { id: "x", targetGroup: "children" }];
    expect(() => conspicuousness([{ id: "a", x: 1.2 }], { id: "id", indicators: twice })).toThrow('conspicuousness: Indikator "x" ist doppelt angegeben');
  });

  it("errors name area, indicator and column", () => {
    expect(() => conspicuousness([{ id: "a", x: "hoch" }], { id: "id", indicators: [{ id: "x", targetGroup: "children" }] })).toThrow(
      'conspicuousness: z-Wert "hoch" des Indikators "x" (Spalte "x") in Gebiet "a" ist keine endliche Zahl',
    );
    expect(() => conspicuousness([{ id: "a" }], { id: "id", indicators: [{ id: "x", targetGroup: "children", column: "z_x" }] })).toThrow(
      'conspicuousness: Spalte "z_x" (z-Wert des Indikators "x") nicht gefunden',
    );
    expect(() => conspicuousness(rows, { id: "id", indicators, rule: { minFlags: 0 } })).toThrow('conspicuousness: Option "rule.minFlags" muss eine Zahl ≥ 1 sein, angegeben: 0');
  });
});

describe("conspicuousness verdict columns", () => {
  // Independent of the implementation: the verdict from the default rule counted by hand over the z-values
  // (flag z > 1, strong z > 1.5; all values of the group missing: null).
  const handVerdict = (zs: Array<number | null>) => {
    const present = zs.filter((z): z is number => z !== null);
    if (present.length === 0) return null;
    const flags = present.filter((z) => z > 1).length;
    const strong = present.filter((z) => z > 1.5).length;
    return strong > 0 || flags >= 2 ? "stark auffällig" : flags >= 1 ? "auffällig" : "unauffällig";
  };
  const z = fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constant(null), fc.constantFrom(1, 1.5));
  const table = fc.array(fc.tuple(z, z, z, z, z), { minLength: 1, maxLength: 40 });

  it("hold each area's verdict per group, the same as areas[i].groups", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const data = cells.map((c, i) => ({ id: `a${i}`, ...Object.fromEntries(indicators.map((d, j) => [d.id, c[j]])) }));
        const r = conspicuousness(data, { id: "id", indicators });
        r.targetGroups.forEach((g, k) => {
          const cols = indicators.map((d, j) => (d.targetGroup === g ? j : -1)).filter((j) => j >= 0);
          cells.forEach((c, i) => {
            const verdict = VERDICT_CODES[r.verdicts[g][i]];
            expect(verdict).toBe(handVerdict(cols.map((j) => c[j])));
            expect(r.areas[i].groups[k].verdict).toBe(verdict);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it("builds areas from its own copy of the z-values (a later change of the input does not alter them)", () => {
    const columns = { id: ["x", "y"], sgb2_u15: [1.2, 0], alleinerz: [0, 0], alq: [0, 0], sgb2: [0, 0], gs65: [0, 0] };
    const r = conspicuousness(columns, { id: "id", indicators });
    columns.sgb2_u15[0] = 0;
    expect(r.areas[0].groups[0]).toMatchObject({ verdict: "auffällig", indicators: ["sgb2_u15"] });
  });
});
