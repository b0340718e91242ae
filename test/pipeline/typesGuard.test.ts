/**
 * The Sozialraumtypen step's size guard: Ward clustering keeps the full distance matrix (n² numbers, 10 000 areas
 * ≈ 400 MB), so above MAX_TYPE_AREAS complete areas the step is left out with a German note instead of exhausting
 * memory (the pipeline benchmark crashed at 100 000 areas before the guard). A synthetic city of 10 100 areas (a
 * hundred more than the limit, a few of them incomplete) checks it in about a second.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_INDICATORS } from "../../src/indicators/defaultIndicators.js";
import { analyseTables, resolveAnalysisConfig } from "../../src/pipeline/index.js";
import { MAX_TYPE_AREAS } from "../../src/pipeline/steps/typesStep.js";
import { syntheticStructureRows } from "./syntheticCity.js";

describe("typesStep size guard", () => {
  it("leaves the Sozialraumtypen out with a German note above MAX_TYPE_AREAS complete areas", () => {
    expect(MAX_TYPE_AREAS).toBe(10_000);
    // 101 × 100 = 10 100 areas; the generator's first area is tiny (below the minimum population).
    const current = syntheticStructureRows({ cols: 101, rows: 100, seed: 1, idWidth: 3 });
    const previous = syntheticStructureRows({ cols: 101, rows: 100, seed: 2, shift: 0.1, idWidth: 3 });
    const config = resolveAnalysisConfig({
      indicators: DEFAULT_INDICATORS.slice(0, 12),
      mix: false,
      sensitivity: false,
      report: { date: "2024-01-01" },
    });
    const result = analyseTables({ gebiete: null, current, previous }, config);
    expect(result.types).toBeNull();
    const note = result.warnings.find((w) => w.startsWith("Sozialraumtypen:"));
    expect(note).toMatch(/^Sozialraumtypen: 10\.\d{3} vollständige Sozialräume sind mehr als 10\.000 \(das Ward-Verfahren braucht eine Distanzmatrix mit n² Werten\); Abschnitt entfällt$/);
    const complete = Number(/^Sozialraumtypen: ([\d.]+) /.exec(note ?? "")?.[1].replace(".", ""));
    expect(complete).toBeGreaterThan(MAX_TYPE_AREAS);
    expect(complete).toBeLessThanOrEqual(10_100);
  });
});
