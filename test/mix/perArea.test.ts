import { describe, expect, it } from "vitest";
import { localDiversity, locationQuotients, mixDeviation } from "../../src/index.js";
import { MIX_DEVIATION_THRESHOLD } from "../../src/mix/index.js";
import { deepFreeze } from "./helpers.js";

// Hand calculation: city of 3 areas, SGB II 10 + 30 + 0 of 100 + 100 + 0 … plus an empty area
const rows = deepFreeze([
  { id: "0101", sgb2: 10, ew: 100 },
  { id: "0102", sgb2: 30, ew: 100 },
  { id: "0103", sgb2: 0, ew: 0 },
  { id: "0104", sgb2: 20, ew: 200 },
]);
// P = 60 / 400 = 0.15

describe("locationQuotients", () => {
  it("LQ = (x_i/t_i)/(X/T) per area, in input order with ids; empty areas get null and are listed", () => {
    const res = locationQuotients(rows, { group: "sgb2", total: "ew", id: "id" });
    expect(res.proportions.sgb2).toBe(0.15);
    expect(res.areas.map((a) => a.id)).toEqual(["0101", "0102", "0103", "0104"]);
    const lq = res.areas.map((a) => a.lq.sgb2);
    expect(lq[0]).toBeCloseTo(0.1 / 0.15, 14);
    expect(lq[1]).toBeCloseTo(0.3 / 0.15, 14);
    expect(lq[2]).toBeNull();
    expect(lq[3]).toBeCloseTo(0.1 / 0.15, 14);
    expect(res.areas[2]).toEqual({ id: "0103", total: null, share: { sgb2: null }, lq: { sgb2: null } });
    expect(res.excluded.map((e) => e.id)).toEqual(["0103"]);
    expect(res.n).toBe(3);
  });

  it("several overlapping groups against one total", () => {
    const r = [{ a: 5, b: 8, t: 10 }, { a: 5, b: 2, t: 30 }];
    const res = locationQuotients(r, { groups: ["a", "b"], total: "t" });
    // P_a = 10/40, P_b = 10/40
    expect(res.areas[0].lq).toEqual({ a: 0.5 / 0.25, b: 0.8 / 0.25 });
    expect(res.areas[1].id).toBe("Zeile 2");
  });
});

describe("localDiversity", () => {
  it("normalised Shannon entropy per area (hand calculation)", () => {
    const res = localDiversity(rows, { group: "sgb2", total: "ew", id: "id" });
    const h = (p: number) => -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
    expect(res.groups).toEqual(["sgb2", "rest"]);
    expect(res.areas[0].diversity).toBeCloseTo(h(0.1) / Math.log(2), 14);
    expect(res.areas[1].entropy).toBeCloseTo(h(0.3), 14);
    expect(res.areas[2].diversity).toBeNull();
    expect(res.cityEntropy).toBeCloseTo(h(0.15), 14);
    expect(res.areas[1].relativeToCity).toBeCloseTo(h(0.3) / h(0.15), 14);
  });
});

describe("mixDeviation", () => {
  it("local dissimilarity, contribution to D, chi-squared and the documented flag rule", () => {
    const res = mixDeviation(rows, { group: "sgb2", total: "ew", id: "id" });
    expect(res.threshold).toBe(MIX_DEVIATION_THRESHOLD);
    expect(res.alpha).toBe(0.05);
    expect(res.df).toBe(1);
    const [a, b, empty, d] = res.areas;
    // area 0102: p = 0.3 vs P = 0.15: d = ½(|0.3−0.15| + |0.7−0.85|) = 0.15
    expect(b.dissimilarity).toBeCloseTo(0.15, 14);
    // χ² = (30−15)²/15 + (70−85)²/85 = 15 + 2.6470588…
    expect(b.chiSquare).toBeCloseTo(15 + 225 / 85, 12);
    expect(b.overrepresented).toBe("sgb2");
    expect(b.flag).toBe(true); // d 0.15 ≥ 0.10 and p ≈ 2.6e-5 < 0.05
    // area 0101: d = 0.05 < 0.10 and χ² = 25/15 + 25/85, p = 0.16142946236708328 (R: pchisq(…, 1, lower.tail = FALSE))
    expect(a.dissimilarity).toBeCloseTo(0.05, 14);
    expect(Math.abs(a.pValue! - 0.16142946236708328)).toBeLessThan(1e-13);
    expect(a.flag).toBe(false);
    expect(a.overrepresented).toBe("rest");
    expect(empty).toMatchObject({ id: "0103", dissimilarity: null, flag: false });
    // contributions: t_i Σ_k |p_ik − P_k| / (2 T I), I = 2·0.15·0.85; they sum to D
    const I = 2 * 0.15 * 0.85;
    expect(d.contribution).toBeCloseTo((200 * 0.1) / (2 * 400 * I), 14);
    expect(res.dissimilarity).toBeCloseTo((100 * 0.1 + 100 * 0.3 + 200 * 0.1) / (2 * 400 * I), 14);
    expect(res.flagged).toBe(1);
  });

  it("a small area with a large deviation is not flagged when it could be chance", () => {
    // 1 of 4 against about 10 %: d = ½(|0.25 − P| + |0.75 − (1 − P)|) ≈ 0.15, but χ² ≈ 1.0, p ≈ 0.32
    const r = [{ id: "klein", x: 1, t: 4 }, { id: "gross", x: 1000, t: 10000 }];
    const res = mixDeviation(r, { group: "x", total: "t", id: "id" });
    expect(res.areas[0].dissimilarity).toBeGreaterThan(0.14);
    expect(res.areas[0].pValue).toBeGreaterThan(0.3);
    expect(res.areas[0].flag).toBe(false);
    // the chi-squared approximation is rough for expected counts below 5: the result says so
    expect(res.warnings).toContain("1 Gebiete mit erwarteten Anzahlen unter 5: dort ist der Chi-Quadrat-p-Wert nur eine grobe Näherung.");
  });

  it("a large area with a tiny deviation is not flagged although it is significant (the threshold rule)", () => {
    // P = 0.1; area "a": p = 0.11, d = 0.01 < 0.10; χ² = 100²/1000 + 100²/9000, p = 0.00085812066639367449 (R pchisq)
    const r = [{ id: "a", x: 1100, t: 10000 }, { id: "b", x: 900, t: 10000 }];
    const res = mixDeviation(r, { group: "x", total: "t", id: "id" });
    expect(res.areas[0].dissimilarity).toBeCloseTo(0.01, 14);
    expect(Math.abs(res.areas[0].pValue! - 0.00085812066639367449)).toBeLessThan(1e-15);
    expect(res.areas[0].flag).toBe(false);
    // with the threshold lowered below d the same area is flagged: only the threshold kept it out
    expect(mixDeviation(r, { group: "x", total: "t", id: "id", threshold: 0.005 }).areas[0].flag).toBe(true);
  });

  it("rejects a threshold outside [0, 1]", () => {
    expect(() => mixDeviation(rows, { group: "sgb2", total: "ew", threshold: 2 })).toThrow("mixDeviation: threshold muss in [0, 1] liegen, angegeben ist 2");
  });
});
