import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readActors, readCooperations } from "../../src/network/index.js";
import { DataError } from "../../src/table/dataError.js";

const dir = mkdtempSync(join(tmpdir(), "sozialraum-network-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const COOP_HEAD = "kooperation_id;akteur_a;akteur_b;thema;seit;aktiv\n";
const ACTOR_HEAD = "akteur_id;name;art;sozialraum_id;lon;lat\n";

describe("readCooperations", () => {
  it("reads ids, partners, topic, start (year, month or day) and ja/nein", () => {
    const path = file("ok.csv", COOP_HEAD + "K1;E001;A001;Sprachförderung;2014-09;ja\nK2;A001;A002;Mittagstisch;2010;Nein\nK3;E002;A002;Stadtteilfest;2016-05-31; JA \n");
    const rows = readCooperations(path);
    expect(rows.map((r) => [r.id, r.a, r.b, r.topic, r.since, r.sinceYear, r.active, r.row])).toEqual([
      ["K1", "E001", "A001", "Sprachförderung", "2014-09", 2014, true, 2],
      ["K2", "A001", "A002", "Mittagstisch", "2010", 2010, false, 3],
      ["K3", "E002", "A002", "Stadtteilfest", "2016-05-31", 2016, true, 4],
    ]);
  });

  it("reports every bad cell at once: duplicate id, self-loop, bad dates, bad yes/no, empty partner", () => {
    const path = file("bad.csv", COOP_HEAD + "K1;E001;A001;T;2014-09;ja\nK1;E001;E001;T;2014-13;vielleicht\nK3;;A001;T;31.12.2014;ja\nK4;E1;A1;T;2015-02-30;nein\n");
    let err: DataError | undefined;
    try {
      readCooperations(path);
    } catch (e) {
      err = e as DataError;
    }
    expect(err).toBeInstanceOf(DataError);
    const lines = err!.problems.map((p) => `row ${p.row} ${p.column}: ${p.message}`);
    expect(lines).toEqual([
      'row 3 kooperation_id: Kennung doppelt (zuerst in Zeile 2): "K1"',
      'row 3 akteur_b: Kooperation eines Akteurs mit sich selbst: "E001"',
      'row 3 seit: kein gültiger Monat: "2014-13"',
      'row 3 aktiv: kein Wahrheitswert (erwartet "ja" oder "nein"): "vielleicht"',
      'row 4 akteur_a: leerer Partner: ""',
      'row 4 seit: kein Datum (erwartet JJJJ, JJJJ-MM oder JJJJ-MM-TT): "31.12.2014"',
      'row 5 seit: kein gültiger Tag: "2015-02-30"',
    ]);
    expect(err!.message).toMatch(/^readCooperations: 7 Probleme in .*bad\.csv:\n {2}.*bad\.csv Zeile 3, Spalte "kooperation_id": Kennung doppelt/);
  });

  it("names missing columns", () => {
    const path = file("cols.csv", "kooperation_id;akteur_a;akteur_b;seit\nK1;E1;A1;2014\n");
    expect(() => readCooperations(path)).toThrow(/readCooperations: .*cols\.csv Zeile 1: Spalte\(n\) „thema“, „aktiv“ fehlen/);
  });
});

describe("readActors", () => {
  it("reads actors with and without coordinates (decimal comma)", () => {
    const path = file("a.csv", ACTOR_HEAD + "A1;Grundschule Nord;Schule;010101;7,01;51,03\nA2;TuS;Verein;010102;;\n");
    expect(readActors(path, { areaIds: ["010101", "010102"] }).map((a) => [a.id, a.kind, a.areaId, a.lon, a.lat])).toEqual([
      ["A1", "Schule", "010101", 7.01, 51.03],
      ["A2", "Verein", "010102", null, null],
    ]);
  });

  it("works without the optional lon/lat columns", () => {
    const path = file("b.csv", "akteur_id;name;art;sozialraum_id\nA1;Grundschule;Schule;010101\n");
    expect(readActors(path)[0]).toMatchObject({ id: "A1", lon: null, lat: null, row: 2 });
  });

  it("reports unknown kinds, unknown areas, duplicate ids and bad coordinates", () => {
    const path = file("c.csv", ACTOR_HEAD + "A1;X;Sportclub;010101;7,0;51,0\nA1;Y;Schule;019999;abc;95\nA3;Z;Schule;010101;7,0;\n");
    expect(() => readActors(path, { areaIds: ["010101"] })).toThrow(DataError);
    expect.assertions(4);
    try {
      readActors(path, { areaIds: ["010101"] });
    } catch (e) {
      expect((e as DataError).problems.map((p) => `${p.row} ${p.column}`)).toEqual(["2 art", "3 akteur_id", "3 sozialraum_id", "3 lon", "3 lat", "4 lat"]);
      expect((e as DataError).problems[0].message).toMatch(/^unbekannte Art \(erlaubt: Schule, Verein, .*\): "Sportclub"$/);
      expect((e as DataError).problems[5].message).toBe('nur eine der beiden Koordinaten angegeben: ""');
    }
  });
});
