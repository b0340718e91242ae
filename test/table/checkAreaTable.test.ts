import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaTableFromRows, checkAreaTable, DataError, formatDataProblem, missing } from "../../src/table/index.js";

describe("checkAreaTable", () => {
  const rows = [
    { id: "0101", einwohner: 100, ew_0_5: 10, sgb2: missing(".") },
    { id: "0102", einwohner: 50, ew_0_5: missing("-"), sgb2: 4 },
  ];

  it("passes a clean table, allowing missing values, and says what it skipped", () => {
    const t = areaTableFromRows(rows, { id: "id", file: "ok.csv" });
    const r = checkAreaTable(t, { counts: ["einwohner", "ew_0_5", "sgb2"], ratios: [{ numerator: "ew_0_5", denominator: "einwohner" }] });
    expect(r).toEqual({
      name: "checkAreaTable",
      n: 2,
      checks: 2 + 6 + 1,
      warnings: ["checkAreaTable: ok.csv: ew_0_5 ≤ einwohner in 1 Zeile nicht geprüft (ein Wert fehlt oder ist keine Zahl)"],
    });
  });

  it("does not mutate the table", () => {
    const t = areaTableFromRows(rows, { id: "id" });
    const before = JSON.stringify(t);
    checkAreaTable(t, { counts: ["einwohner"] });
    expect(JSON.stringify(t)).toBe(before);
  });

  it("requires an id column", () => {
    const t = { ...areaTableFromRows(rows, { id: "id", file: "x.csv" }), id: undefined };
    expect(() => checkAreaTable(t)).toThrow(/^checkAreaTable: x\.csv: keine Schlüsselspalte \(Option \{ id \} angeben oder die Tabelle mit \{ id \} einlesen\)$/);
  });

  it("finds exactly the negative counts among random data (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 1000 }), { minLength: 1, maxLength: 40 }), (values) => {
        const t = areaTableFromRows(values.map((n, i) => ({ id: `k${i}`, n })), { id: "id", file: "p.csv" });
        const negatives = values.flatMap((n, i) => (n < 0 ? [i + 2] : []));
        try {
          checkAreaTable(t, { counts: ["n"] });
          expect(negatives).toEqual([]);
        } catch (e) {
          expect(e).toBeInstanceOf(DataError);
          expect((e as DataError).problems.map((p) => p.row)).toEqual(negatives);
        }
      }),
    );
  });

  it("areaTableFromRows refuses numeric keys", () => {
    expect(() => areaTableFromRows([{ id: "1" }, { id: 101 }], { id: "id" })).toThrow(/^areaTableFromRows: <rows> Zeile 3, Spalte "id": der Schlüssel 101 ist eine Zahl; Schlüssel müssen Text sein \(führende Nullen\)$/);
  });
});

describe("DataError", () => {
  it("carries the first problem's location and all problems", () => {
    const e = new DataError("readCsv", [
      { file: "data/x.csv", row: 7, column: "einwohner", value: "-3", message: 'Wert "-3" ist negativ' },
      { file: "data/x.csv", row: 9, column: "einwohner", value: "-4", message: 'Wert "-4" ist negativ' },
    ]);
    expect(e).toMatchObject({ name: "DataError", fn: "readCsv", file: "data/x.csv", row: 7, column: "einwohner", value: "-3" });
    expect(e.message).toBe('readCsv: 2 Probleme in data/x.csv:\n  data/x.csv Zeile 7, Spalte "einwohner": Wert "-3" ist negativ\n  data/x.csv Zeile 9, Spalte "einwohner": Wert "-4" ist negativ');
    expect(formatDataProblem({ file: "f", message: "m" })).toBe("f: m");
    expect(formatDataProblem({ file: "f", column: "c", message: "m" })).toBe('f, Spalte "c": m');
  });

  it("lists at most 20 problems in the message", () => {
    const e = new DataError("f", Array.from({ length: 25 }, (_, i) => ({ file: "x", row: i + 2, message: "bad" })));
    expect(e.problems).toHaveLength(25);
    expect(e.message.split("\n")).toHaveLength(22);
    expect(e.message.endsWith("  … und 5 weitere")).toBe(true);
  });
});
