/**
 * The main job joins the structural data with the area list through the table layer (checkAreaTable,
 * joinAreaTables), as a user would in a notebook: the same checks and the same German messages naming file,
 * spreadsheet row (header = row 1), column and key. Row numbers below are counted by hand in the files written here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseTables, resolveAnalysisConfig, runAnalysis } from "../../src/pipeline/index.js";
import { readCsv } from "../../src/io/index.js";
import { joinAreaTables } from "../../src/table/joinAreaTables.js";
import { syntheticStructureRows, writeSyntheticCity } from "./syntheticCity.js";

/** The grid city (5 rows × 6 columns of areas: ids 0101 … 0506) with `edit` applied to one of its files. */
function city(file: string, edit: (lines: string[]) => string[]): string {
  const { dir } = writeSyntheticCity(mkdtempSync(join(tmpdir(), "join-areas-")));
  const path = join(dir, file);
  const lines = readFileSync(path, "utf8").trimEnd().split("\n");
  writeFileSync(path, edit(lines).join("\n") + "\n");
  return dir;
}

const config = { years: { previous: null }, minimumPopulation: 0, report: { date: "2024-01-02" }, sensitivity: false, mix: false } as const;

describe("runAnalysis: area list and structural data through checkAreaTable and joinAreaTables", () => {
  it("names gebiete.csv, the spreadsheet row, the column and the key of a repeated area", () => {
    // 30 areas in rows 2–31; the copy of the first area (row 2) is appended as row 32.
    const dir = city("gebiete.csv", (l) => [...l, l[1]]);
    expect(() => runAnalysis({ ...config, data: { dir } })).toThrow(
      `checkAreaTable: ${join(dir, "gebiete.csv")} Zeile 32, Spalte "sozialraum_id": doppelter Schlüssel "0101" (auch Zeile 2)`,
    );
  });

  it("names the row of an area without a key", () => {
    // Row 4 (the third area) loses its key.
    const dir = city("gebiete.csv", (l) => l.map((x, i) => (i === 3 ? x.replace(/^[^;]*/, "") : x)));
    expect(() => runAnalysis({ ...config, data: { dir } })).toThrow(
      `checkAreaTable: ${join(dir, "gebiete.csv")} Zeile 4, Spalte "sozialraum_id": der Gebietsschlüssel fehlt`,
    );
  });

  it("names the structural data file when an area appears twice there", () => {
    // strukturdaten_2018.csv: header, 30 areas (rows 2–31), then the third area again as row 32.
    const dir = city("strukturdaten_2018.csv", (l) => [...l, l[3]]);
    expect(() => runAnalysis({ ...config, data: { dir } })).toThrow(
      `joinAreaTables: ${join(dir, "strukturdaten_2018.csv")} Zeile 32, Spalte "sozialraum_id": doppelter Schlüssel "0103" (auch Zeile 4)`,
    );
  });

  it("lists the same areas as a notebook's joinAreaTables, with the pipeline's reasons", () => {
    // Area 0102 (row 3) leaves the area list; area 0506 (last row) has no structural data.
    const dir = city("gebiete.csv", (l) => l.filter((_, i) => i !== 2));
    const data = join(dir, "strukturdaten_2018.csv");
    writeFileSync(data, readFileSync(data, "utf8").trimEnd().split("\n").filter((x) => !x.startsWith("0506;")).join("\n") + "\n");
    const r = runAnalysis({ ...config, data: { dir } });
    const user = joinAreaTables(readCsv(data, { id: "sozialraum_id" }), readCsv(join(dir, "gebiete.csv"), { id: "sozialraum_id" }));
    expect(user.excluded.map((e) => e.id)).toEqual(["0102", "0506"]);
    expect(r.excluded.filter((e) => e.step === "join")).toEqual([
      { id: "0102", reason: "nicht in der Gebietsliste (gebiete.csv)", step: "join" },
      { id: "0506", reason: "keine Strukturdaten 2018", step: "join" },
    ]);
    expect(r.areas.map((a) => a.id)).toEqual(user.table.rows.map((row) => row.sozialraum_id));
  });
});

describe("runAnalysis: reading messages in German", () => {
  it("warns about an area of the list that is not on the map", () => {
    const { dir } = writeSyntheticCity(mkdtempSync(join(tmpdir(), "join-areas-")));
    const path = join(dir, "sozialraeume.geojson");
    const map = JSON.parse(readFileSync(path, "utf8"));
    map.features = map.features.filter((f: { properties: Record<string, unknown> }) => f.properties.sozialraum_id !== "0203");
    writeFileSync(path, JSON.stringify(map));
    const r = runAnalysis({ ...config, data: { dir } });
    expect(r.warnings).toContain("runAnalysis: 1 Gebiet ist nicht auf der Karte (0203)");
  });
});

describe("analyseTables with plain rows: wrapped by areaTableFromRows", () => {
  const current = syntheticStructureRows({ cols: 3, rows: 2, seed: 3 });
  const run = (gebiete: Record<string, unknown>[], rows: Record<string, unknown>[] = current) =>
    analyseTables({ gebiete, current: rows, previous: null }, resolveAnalysisConfig(config));

  it("names the table gebiete and the row counted as in a spreadsheet", () => {
    const gebiete = current.map((c) => ({ sozialraum_id: c.sozialraum_id, sozialraum_name: "x" }));
    gebiete[4] = { ...gebiete[1] };
    expect(() => run(gebiete)).toThrow('checkAreaTable: gebiete Zeile 6, Spalte "sozialraum_id": doppelter Schlüssel "0102" (auch Zeile 3)');
  });

  it("rejects a number as key (its leading zeros may be lost)", () => {
    const gebiete = current.map((c) => ({ sozialraum_id: c.sozialraum_id, sozialraum_name: "x" }));
    const rows = current.map((c, i) => (i === 2 ? { ...c, sozialraum_id: 103 } : c));
    expect(() => run(gebiete, rows)).toThrow('areaTableFromRows: strukturdaten_2018 Zeile 4, Spalte "sozialraum_id": der Schlüssel 103 ist eine Zahl');
  });
});
