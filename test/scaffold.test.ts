import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VERSION, createRng, permutationInference } from "../src/index.js";

describe("package scaffold", () => {
  it("VERSION equals package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(VERSION).toBe(pkg.version);
  });
});

describe("createRng", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const sa = Array.from({ length: 5 }, () => a.next());
    const sb = Array.from({ length: 5 }, () => b.next());
    const sc = Array.from({ length: 5 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });
  it("int(n) is roughly uniform", () => {
    const rng = createRng(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) counts[rng.int(4)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
  });
  it("rejects a non-integer seed", () => {
    expect(() => createRng(1.5)).toThrow("createRng: seed muss eine ganze Zahl von -2147483648 bis 2147483647 sein, angegeben: 1.5");
    // 2^32 would wrap round to seed 0 and silently repeat its sequence.
    expect(() => createRng(2 ** 32)).toThrow("angegeben: 4294967296");
    expect(() => createRng(2 ** 31)).toThrow("angegeben: 2147483648");
    expect(createRng(-1).next()).not.toBe(createRng(0).next());
  });
});

describe("permutationInference", () => {
  it("computes (M+1)/(R+1) by hand", () => {
    // observed 0.5; simulated ≥ 0.5: {0.6} → M = 1, p = 2/4
    expect(permutationInference(0.5, [0.1, 0.2, 0.6], { alternative: "greater" }).pSim).toBe(0.5);
    // ≤ 0.5: {0.1, 0.2} → M = 2, p = 3/4
    expect(permutationInference(0.5, [0.1, 0.2, 0.6], { alternative: "less" }).pSim).toBe(0.75);
    // folded: min(1, 2) = 1 → 2/4
    expect(permutationInference(0.5, [0.1, 0.2, 0.6]).pSim).toBe(0.5);
  });
  it("rejects an empty simulation", () => {
    expect(() => permutationInference(1, [])).toThrow("keine simulierten Statistiken");
  });
});

describe("createRng seeding", () => {
  it("gives unrelated first numbers for neighbouring seeds (no 1 − seed/2^32 pattern)", () => {
    // With unmixed seeding the first numbers of seeds 1..3 were 0.99999999994, …88, …82.
    const first = Array.from({ length: 2000 }, (_, s) => createRng(s + 1).next());
    expect(first.slice(0, 3).every((x) => x > 0.999)).toBe(false);
    // Uniform on [0, 1): each tenth holds 200 ± 4.5·√(2000·0.1·0.9) ≈ 200 ± 60.
    const bins = new Array(10).fill(0);
    for (const x of first) bins[Math.floor(x * 10)]++;
    for (const b of bins) expect(Math.abs(b - 200)).toBeLessThan(60);
    // Lag-1 correlation across seeds ≈ 0 (|r| < 4/√2000 ≈ 0.09).
    const m = first.reduce((a, b) => a + b, 0) / first.length;
    let num = 0, den = 0;
    for (let i = 0; i < first.length; i++) {
      den += (first[i] - m) ** 2;
      if (i > 0) num += (first[i] - m) * (first[i - 1] - m);
    }
    expect(Math.abs(num / den)).toBeLessThan(0.09);
  });
});
