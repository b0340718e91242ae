import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { fromDanfo, toDanfo } from "../../src/adapters/danfo.js";
import { isMissing, missing, Missing } from "../../src/table/missing.js";

describe("danfo adapter", () => {
  const rows = [
    { id: "010101", name: "Wiesdorf-Mitte", einwohner: 3604, quote: 0.1 },
    { id: "010102", name: missing("-"), einwohner: missing("."), quote: 0.25 },
  ];

  it("converts rows to a DataFrame with danfo's missing values and back, without changing the input", () => {
    const before = JSON.stringify(rows);
    const df = toDanfo(rows);
    expect(df.shape).toEqual([2, 4]);
    expect(df.columns).toEqual(["id", "name", "einwohner", "quote"]);
    const values = df.values as unknown[][];
    expect(Number.isNaN(values[1][2])).toBe(true); // numeric column → NaN
    expect(values[1][1]).toBeNull(); // text column → null
    const back = fromDanfo(df, { missingMarker: "." });
    expect(back[0]).toEqual({ id: "010101", name: "Wiesdorf-Mitte", einwohner: 3604, quote: 0.1 });
    expect(back[1].einwohner).toBeInstanceOf(Missing);
    expect(String(back[1].einwohner)).toBe(".");
    expect(isMissing(back[1].name)).toBe(true);
    expect(back[1].quote).toBe(0.25); // doubles survive exactly
    expect(JSON.stringify(rows)).toBe(before);
  });

  it("accepts an arquero table and a column selection", () => {
    const t = aq.table({ id: ["a", "b"], x: [1, 2], y: [3, 4] });
    const df = toDanfo(t, { columns: ["x", "id"] });
    expect(df.columns).toEqual(["x", "id"]);
    expect(fromDanfo(df)).toEqual([{ x: 1, id: "a" }, { x: 2, id: "b" }]);
  });

  it("rejects input it cannot read", () => {
    expect(() => toDanfo({} as never)).toThrow("toDanfo: die Eingabe muss eine Liste von Zeilenobjekten oder eine arquero-Tabelle sein, angegeben ist object");
    expect(() => toDanfo([])).toThrow("toDanfo: keine Spalten (leere Eingabe und keine options.columns)");
  });
});
