import { describe, expect, it } from "vitest";
import { createRng } from "../../src/index.js";
import { chiSquaredUpperTail, sampleHypergeometric, simulateNull } from "../../src/mix/index.js";
import { mixReference } from "./helpers.js";

// Reference: R 4.2.2 stats::pchisq / stats::dhyper, test/reference/mix/distributions.R → distributions.json
const ref = mixReference("distributions.json");

describe("chiSquaredUpperTail", () => {
  it("equals R's pchisq(lower.tail = FALSE) to 1e-12 relative", () => {
    ref.chisq.x.forEach((x: number, i: number) => {
      const got = chiSquaredUpperTail(x, ref.chisq.df[i]);
      const want = ref.chisq.upperTail[i];
      expect(Math.abs(got - want) / want, `x=${x}, df=${ref.chisq.df[i]}`).toBeLessThan(1e-12);
    });
  });
  it("handles the edges", () => {
    expect(chiSquaredUpperTail(0, 3)).toBe(1);
    expect(chiSquaredUpperTail(Infinity, 3)).toBe(0);
    expect(() => chiSquaredUpperTail(1, 0)).toThrow("chiSquaredUpperTail: df muss positiv sein, angegeben ist 0");
  });
});

describe("sampleHypergeometric", () => {
  it.each<any>(ref.hypergeometric)(
    "draws follow R's dhyper(population $population, marked $marked, draws $draws) (chi-squared goodness of fit, fixed seed)",
    (h) => {
      const rng = createRng(12345);
      const R = 40000;
      const counts = new Array(h.pmf.length).fill(0);
      for (let r = 0; r < R; r++) counts[sampleHypergeometric(rng, h.population, h.marked, h.draws)]++;
      // cells with an expected count ≥ 5; impossible cells must never be drawn
      let chi = 0;
      let df = -1;
      let restObs = 0;
      let restExp = 0;
      h.pmf.forEach((p: number, k: number) => {
        if (p === 0) expect(counts[k]).toBe(0);
        const e = p * R;
        if (e >= 5) {
          chi += (counts[k] - e) ** 2 / e;
          df++;
        } else {
          restObs += counts[k];
          restExp += e;
        }
      });
      if (restExp > 0) {
        chi += (restObs - restExp) ** 2 / restExp;
        df++;
      }
      expect(chiSquaredUpperTail(chi, df)).toBeGreaterThan(0.001);
      // the mean is n K / N
      const mean = counts.reduce((s, c, k) => s + c * k, 0) / R;
      const sd = Math.sqrt((h.draws * h.marked * (h.population - h.marked) * (h.population - h.draws)) / (h.population ** 2 * (h.population - 1)));
      expect(Math.abs(mean - (h.draws * h.marked) / h.population)).toBeLessThan((5 * sd) / Math.sqrt(R));
    },
  );
  it("is exact at the edges and checks its arguments", () => {
    const rng = createRng(1);
    expect(sampleHypergeometric(rng, 10, 10, 4)).toBe(4);
    expect(sampleHypergeometric(rng, 10, 0, 4)).toBe(0);
    expect(sampleHypergeometric(rng, 10, 3, 10)).toBe(3);
    expect(() => sampleHypergeometric(rng, 10, 11, 4)).toThrow("sampleHypergeometric: marked muss eine ganze Zahl in [0, 10] sein, angegeben ist 11");
  });
});

describe("simulateNull", () => {
  const parts = [new Float64Array([10, 30, 5, 0]), new Float64Array([90, 70, 45, 20])];
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  it("random labelling keeps every area's total and every group's city total", () => {
    const sim = simulateNull(parts, 4, "random-labelling", createRng(3));
    for (let i = 0; i < 4; i++) expect(sim[0][i] + sim[1][i]).toBe(parts[0][i] + parts[1][i]);
    expect(sum(sim[0])).toBe(45);
    expect(sum(sim[1])).toBe(225);
  });
  it("systematic keeps the group totals, evenness the area totals; the same seed gives the same draw", () => {
    const s = simulateNull(parts, 4, "systematic", createRng(3));
    expect(sum(s[0])).toBe(45);
    expect(sum(s[1])).toBe(225);
    const e = simulateNull(parts, 4, "evenness", createRng(3));
    for (let i = 0; i < 4; i++) expect(e[0][i] + e[1][i]).toBe(parts[0][i] + parts[1][i]);
    expect(simulateNull(parts, 4, "evenness", createRng(3))).toEqual(e);
    expect(() => simulateNull(parts, 4, "bogus" as never, createRng(3))).toThrow('simulateNull: unbekanntes Nullmodell "bogus"');
  });
});
