import { describe, expect, it } from "vitest";
import { atkinson, dissimilarity, locationQuotients, missing, multigroupDissimilarity, theilH } from "../../src/index.js";
import { columnarTable } from "../../src/mix/index.js";

const ok = [
  { id: "0101", x: 10, t: 100 },
  { id: "0102", x: 30, t: 100 },
];
const opts = { group: "x", total: "t", id: "id" };

describe("bad input gives a clear error naming the area", () => {
  it("a group count above its total", () => {
    const rows = [...ok, { id: "0103", x: 12, t: 10 }];
    expect(() => dissimilarity(rows, opts)).toThrow('dissimilarity: die Gruppenanzahl 12 übersteigt die Gesamtzahl 10 in Gebiet "0103"');
    // without the id option: the row number (counted from 1)
    expect(() => theilH(rows, { group: "x", total: "t" })).toThrow("theilH: die Gruppenanzahl 12 übersteigt die Gesamtzahl 10 in Zeile 3");
  });

  it("groups summing above the total, and one of several groups above it (location quotients)", () => {
    const rows = [{ id: "01", a: 6, b: 6, t: 10 }, { id: "02", a: 1, b: 1, t: 10 }];
    expect(() => multigroupDissimilarity(rows, { groups: ["a", "b"], total: "t", id: "id" })).toThrow(
      'multigroupDissimilarity: die Gruppen ergeben zusammen 12 und übersteigen die Gesamtzahl 10 in Gebiet "01"',
    );
    expect(() => locationQuotients([{ id: "01", a: 6, b: 11, t: 10 }], { groups: ["a", "b"], total: "t", id: "id" })).toThrow(
      'locationQuotients: die Gruppenanzahl von "b" 11 übersteigt die Gesamtzahl 10 in Gebiet "01"',
    );
  });

  it("negative, non-numeric and infinite counts", () => {
    expect(() => dissimilarity([...ok, { id: "0103", x: -3, t: 10 }], opts)).toThrow('dissimilarity: Spalte "x" hat einen negativen Wert in Gebiet "0103": -3');
    expect(() => dissimilarity([...ok, { id: "0103", x: "12", t: 10 }], opts)).toThrow('dissimilarity: Spalte "x" hat in Gebiet "0103" keine Zahl: "12"');
    expect(() => dissimilarity([...ok, { id: "0103", x: 1, t: Infinity }], opts)).toThrow('dissimilarity: Spalte "t" hat einen nicht endlichen Wert in Gebiet "0103": Infinity');
  });

  it("a missing count (Missing from src/table, null, undefined) is an error by default", () => {
    expect(() => dissimilarity([...ok, { id: "0103", x: missing("."), t: 10 }], opts)).toThrow(
      'dissimilarity: fehlender Wert (".") in Spalte "x" in Gebiet "0103" (mit missing: "exclude" werden solche Gebiete ausgelassen)',
    );
    expect(() => dissimilarity([...ok, { id: "0103", x: 1, t: null }], opts)).toThrow('dissimilarity: fehlender Wert in Spalte "t" in Gebiet "0103"');
    expect(() => dissimilarity([...ok, { id: "0103", t: 5 }], opts)).toThrow('dissimilarity: fehlender Wert in Spalte "x" in Gebiet "0103"');
  });

  it('… and with missing: "exclude" the area is listed in excluded with a German reason', () => {
    const res = dissimilarity([...ok, { id: "0103", x: missing("-"), t: 10 }], { ...opts, missing: "exclude" });
    expect(res.statistic).toBe(dissimilarity(ok, opts).statistic);
    expect(res.n).toBe(2);
    expect(res.excluded).toEqual([{ id: "0103", reason: 'fehlender Wert ("-") in Spalte "x"', step: "dissimilarity", column: "x" }]);
    expect(res.warnings[0]).toBe("1 von 3 Gebieten ausgeschlossen (siehe excluded).");
  });

  it("an area with total 0 is excluded (it contributes nothing) and listed", () => {
    const res = dissimilarity([...ok, { id: "0103", x: 0, t: 0 }], opts);
    expect(res.statistic).toBe(0.3125);
    expect(res.n).toBe(2);
    expect(res.excluded).toEqual([
      { id: "0103", reason: 'keine Bevölkerung (Summe 0 in "t"), trägt nichts zum Index bei', step: "dissimilarity", column: "t" },
    ]);
    // without id the exclusion names the row
    expect(dissimilarity([...ok, { x: 0, t: 0 }], { group: "x", total: "t" }).excluded[0].id).toBe("Zeile 3");
  });

  it("a city total of 0 for the group, or a group that is everyone, makes the index undefined", () => {
    expect(() => dissimilarity([{ id: "01", x: 0, t: 5 }, { id: "02", x: 0, t: 7 }], opts)).toThrow(
      'dissimilarity: die Gruppe "x" hat in der ganzen Stadt 0 Personen; der Index ist nicht definiert',
    );
    expect(() => dissimilarity([{ id: "01", x: 5, t: 5 }, { id: "02", x: 7, t: 7 }], opts)).toThrow(
      'dissimilarity: die Gruppe "x" umfasst die ganze Bevölkerung (12 von 12); der Index ist nicht definiert',
    );
    expect(() => multigroupDissimilarity([{ a: 1, b: 0 }, { a: 3, b: 0 }], { groups: ["a", "b"] })).toThrow(
      'multigroupDissimilarity: die Gruppe "b" hat in der ganzen Stadt 0 Personen; der Index ist nicht definiert',
    );
    expect(() => dissimilarity([{ id: "01", x: 0, t: 0 }], opts)).toThrow("dissimilarity: kein Gebiet mit einer Bevölkerung über 0 (alle 1 Gebiete ausgeschlossen)");
  });

  it("missing columns, options and empty input", () => {
    expect(() => dissimilarity(ok, { group: "sgb2", total: "t" })).toThrow('dissimilarity: Spalte "sgb2" nicht gefunden (Spalten: id, x, t)');
    expect(() => dissimilarity(columnarTable({ x: [1], t: [2] }), { group: "x", total: "ew" })).toThrow('dissimilarity: Spalte "ew" nicht gefunden (Spalten: x, t)');
    expect(() => dissimilarity(ok, { group: "x" } as never)).toThrow('dissimilarity: die Option "total" (Spalte der Gesamtbevölkerung) ist erforderlich');
    expect(() => dissimilarity([], opts)).toThrow("dissimilarity: keine Gebiete (leere Eingabe)");
    expect(() => multigroupDissimilarity(ok, { groups: [] })).toThrow('multigroupDissimilarity: die Option "groups" (Liste der Spalten mit den Anzahlen der Gruppen) ist erforderlich');
    expect(() => multigroupDissimilarity(ok, { groups: ["x", "x"] })).toThrow("multigroupDissimilarity: die Option \"groups\" nennt eine Spalte zweimal: x, x");
    expect(() => multigroupDissimilarity([{ a: 1 }, { a: 2 }], { groups: ["a"] })).toThrow('multigroupDissimilarity: braucht mindestens 2 Gruppen mit Personen, angegeben ist "a"');
    expect(() => atkinson(ok, { ...opts, b: 1 })).toThrow("atkinson: b muss echt zwischen 0 und 1 liegen, angegeben ist 1");
  });
});

describe("input forms", () => {
  it("an arquero table gives the same result as plain rows", async () => {
    const aq = await import("arquero");
    const rows = [...ok, { id: "0103", x: 0, t: 0 }];
    const fromTable = dissimilarity(aq.from(rows), opts);
    expect(fromTable.statistic).toBe(dissimilarity(rows, opts).statistic);
    expect(fromTable.excluded.map((e) => e.id)).toEqual(["0103"]);
  });
});
