import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compositeIndex } from "../../src/classify/compositeIndex.js";
import { computeIndicators } from "../../src/indicators/computeIndicators.js";
import { htmlTable } from "../../src/notebook/htmlTable.js";
import { rankingBarFigure } from "../../src/plot/rankingBarFigure.js";
import { columnarTable } from "../../src/mix/columnarTable.js";
import { dissimilarity } from "../../src/mix/dissimilarity.js";
import type { AreaTable } from "../../src/table/areaTable.js";
import { missing } from "../../src/table/missing.js";
import { tableAccess, tableKind, type TableLike } from "../../src/table/tableLike.js";

const COLUMNS = ["id", "einwohner", "sgb2", "z"] as const;
type Area = { id: string; einwohner: number; sgb2: unknown; z: number };

/**
 * Random areas: unique string keys (with leading zeros), a population, an SGB II count that is usually within the
 * population but can be missing or above it (both sides must then fail alike), and a real-valued indicator.
 */
const areas = fc
  .array(
    fc.record({
      einwohner: fc.integer({ min: 0, max: 5000 }),
      share: fc.double({ min: 0, max: 1.2, noNaN: true }),
      gap: fc.boolean(),
      z: fc.double({ min: -5, max: 5, noNaN: true }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((list): Area[] =>
    list.map((a, i) => ({
      id: `0${i + 1}`,
      einwohner: a.einwohner,
      sgb2: a.gap ? missing(".") : Math.floor(a.einwohner * a.share),
      z: a.z,
    })),
  );

/** The same areas in every accepted shape (rows first: the reference). */
function shapes(rows: Area[]): Array<[string, TableLike]> {
  const columns = Object.fromEntries(COLUMNS.map((c) => [c, rows.map((r) => r[c])]));
  const areaTable: AreaTable = {
    file: "test.csv",
    id: "id",
    columns: [...COLUMNS],
    columnTypes: { id: "string", einwohner: "number", sgb2: "number", z: "number" },
    rows: rows as unknown as AreaTable["rows"],
    rowNumbers: rows.map((_, i) => i + 2),
    warnings: [],
  };
  return [
    ["rows", rows],
    ["AreaTable", areaTable],
    ["arquero", aq.from(rows)],
    ["columnarTable", columnarTable(columns)],
    ["column data", columns],
  ];
}

/** A function's result, or its error message: every shape must give the same one. */
function outcome(f: () => unknown): unknown {
  try {
    return { result: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe("tableAccess", () => {
  it("recognises each shape", () => {
    const rows: Area[] = [{ id: "01", einwohner: 10, sgb2: 1, z: 0 }];
    expect(shapes(rows).map(([, t]) => tableKind(t))).toEqual(["rows", "areaTable", "columnar", "columnar", "columns"]);
    expect([null, 3, "x", {}, { a: 1 }].map(tableKind)).toEqual([null, null, null, null, null]);
    expect(tableAccess(5)).toBeNull();
  });

  it("gives the same row count, columns and rows for every shape", () => {
    fc.assert(
      fc.property(areas, (rows) => {
        for (const [shape, t] of shapes(rows)) {
          const access = tableAccess(t);
          expect(access, shape).not.toBeNull();
          expect(access!.numRows, shape).toBe(rows.length);
          for (const c of COLUMNS) {
            expect(Array.from(access!.column(c)), `${shape} ${c}`).toEqual(rows.map((r) => r[c]));
            const cell = access!.cell(c);
            expect(rows.map((_, i) => cell(i)), `${shape} ${c}`).toEqual(rows.map((r) => r[c]));
          }
          expect(access!.objects(), shape).toEqual(rows);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("reads columns of column-oriented inputs without copying them, and row inputs as given", () => {
    const rows: Area[] = [{ id: "01", einwohner: 10, sgb2: 1, z: 0 }, { id: "02", einwohner: 20, sgb2: 3, z: 1 }];
    const einwohner = new Float64Array([10, 20]);
    expect(tableAccess(columnarTable({ einwohner }))!.column("einwohner")).toBe(einwohner);
    expect(tableAccess({ einwohner })!.column("einwohner")).toBe(einwohner);
    expect(tableAccess(rows)!.objects()).toBe(rows);
    expect(tableAccess(rows)!.rows).toBe(rows);
  });
});

describe("one table input for indicators, classify, mix, notebook and plot", () => {
  const indicators = [
    { id: "sgb2_anteil", label: "SGB-II-Anteil", targetGroup: "context", numerator: "sgb2", denominator: "einwohner", unit: "%", direction: 1, source: "Test" },
  ] as const;

  it("computeIndicators, compositeIndex, dissimilarity, htmlTable and rankingBarFigure give the same result for every shape", () => {
    fc.assert(
      fc.property(areas, (rows) => {
        const all = shapes(rows);
        const run = (t: TableLike) => ({
          indicators: outcome(() => computeIndicators(t, { id: "id", indicators: indicators as never, minimumPopulation: 100 })),
          composite: outcome(() => compositeIndex(t, { id: "id", indicators: ["z"] })),
          dissimilarity: outcome(() => dissimilarity(t, { id: "id", group: "sgb2", total: "einwohner", missing: "exclude" })),
          html: outcome(() => htmlTable(t, { columns: [...COLUMNS] })),
          plot: outcome(() => rankingBarFigure(t, { id: "id", value: "z" })),
        });
        const reference = run(all[0][1]);
        for (const [shape, t] of all.slice(1)) expect(run(t), shape).toEqual(reference);
      }),
      { numRuns: 40 },
    );
  });

  it("the representative calls succeed on valid areas (so the comparison above compares results, not only errors)", () => {
    const rows: Area[] = [{ id: "01", einwohner: 300, sgb2: 30, z: 1 }, { id: "02", einwohner: 500, sgb2: 10, z: -1 }];
    for (const [shape, t] of shapes(rows)) {
      // 30 / 300 = 10 %
      expect(computeIndicators(t, { id: "id", indicators: indicators as never }).areas[0].values.sgb2_anteil.value, shape).toBe(10);
      expect(Array.from(compositeIndex(t, { id: "id", indicators: ["z"] }).columns.index), shape).toEqual([1, -1]);
      // D = ½ (|30/40 − 270/760| + |10/40 − 490/760|) = 0.394737 (hand calculation)
      expect(dissimilarity(t, { group: "sgb2", total: "einwohner" }).statistic, shape).toBeCloseTo(0.5 * (30 / 40 - 270 / 760 + 490 / 760 - 10 / 40), 12);
    }
  });
});
