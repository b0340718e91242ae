import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSources, formatSourceProblem, loadSources, SourcesError, type SourcesConfig } from "../../src/sources/index.js";
import { Missing } from "../../src/table/missing.js";
import type { IndicatorDefinition } from "../../src/indicators/indicatorDefinition.js";

const baseDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "sources");

/** The problems of a configuration, formatted as the user reads them. */
async function problems(sources: unknown, indicators: IndicatorDefinition[] = []): Promise<string[]> {
  const c = await checkSources(sources, { baseDir, indicators });
  return c.problems.map(formatSourceProblem);
}

const areas = { name: "areas", file: "areas.csv", key: "gebiet_id", columns: { name: "name", bezirk: "bezirk" } };
const rate = (id: string, numerator: string[], denominator: string[]): IndicatorDefinition => ({
  id, label: id, targetGroup: "working-age", numerator, denominator, unit: "%", direction: 1, source: "Test",
});

describe("loadSources: panel and long formats, area list, exclusions", () => {
  const config: SourcesConfig = {
    areas: { table: "areas", name: "name", population: "einwohner", hierarchy: { bezirk: "bezirk" } },
    tables: [
      areas,
      { file: "residents_panel.csv", key: "district_id", keyFormat: { pad: 2 }, year: { column: "year" }, columns: { residents: { name: "einwohner", kind: "count" } } },
      { file: "counts_long.csv", key: "gebiet", year: { column: "jahr" }, format: "long", variable: "merkmal", value: "wert", columns: { arbeitslose: { kind: "count" }, sgb2: { name: "sgb2_personen", kind: "count" } } },
    ],
  };

  it("builds one table per year with renamed columns, in area-list order, and excludes an area missing in one year", async () => {
    const s = await loadSources(config, { baseDir });
    expect([...s.years.keys()]).toEqual([2021, 2022]);
    const t21 = s.years.get(2021)!;
    expect(t21.columns).toEqual(["sozialraum_id", "name", "bezirk", "einwohner", "arbeitslose", "sgb2_personen"]);
    // Values as in the files (residents_panel.csv rows 2–4, counts_long.csv rows 2–7); 04 is missing in 2022.
    expect(t21.rows.map((r) => [r.sozialraum_id, r.einwohner, r.arbeitslose, r.sgb2_personen])).toEqual([
      ["01", 1200, 60, 90],
      ["02", 800, 40, 70],
      ["03", 1500, 30, 45],
    ]);
    expect(s.years.get(2022)!.rows.map((r) => r.einwohner)).toEqual([1210, 790, 1520]);
    expect(s.excluded).toEqual([{ id: "04", reason: "fehlt in residents_panel.csv (2022)", step: "sources" }]);
    expect(s.areas.map((a) => [a.id, a.name, a.hierarchy.bezirk, a.excluded])).toEqual([
      ["01", "Nordhafen", "Nord", false],
      ["02", "Nordstadt", "Nord", false],
      ["03", "Südhang", "Süd", false],
      ["04", "Südpark", "Süd", true],
    ]);
    expect(s.kinds).toMatchObject({ einwohner: "count", arbeitslose: "count", name: "text" });
    expect(s.origin(2022, "02", "sgb2_personen")).toEqual({ file: "counts_long.csv", row: 13, column: "sgb2" });
    expect(s.files.map((f) => f.file)).toEqual(["areas.csv", "residents_panel.csv", "counts_long.csv"]);
    expect(s.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps a missing marker in a long table as Missing, never 0", async () => {
    const s = await loadSources({ ...config, years: [2021], tables: [areas, config.tables[2]], areas: { table: "areas" } }, { baseDir });
    const row = s.years.get(2021)!.rows.find((r) => r.sozialraum_id === "04")!;
    expect(row.sgb2_personen).toBeInstanceOf(Missing);
    expect(String(row.sgb2_personen)).toBe(".");
  });

  it("a long table's unknown variable lists the variables that exist", async () => {
    const p = await problems({ tables: [{ file: "counts_long.csv", key: "gebiet", year: { column: "jahr" }, format: "long", variable: "merkmal", value: "wert", columns: { sgb: "sgb2" } }] });
    expect(p).toEqual(['counts_long.csv, Spalte "sgb": Variable nicht gefunden (vorhanden: "arbeitslose", "sgb2") – meinten Sie "sgb2"?']);
  });

  it("the same column name from two panel files without renaming is one conflict naming both files", async () => {
    const residents = { file: "residents_panel.csv", key: "district_id", keyFormat: { pad: 2 }, year: { column: "year" } };
    const p = await problems({ tables: [residents, { ...residents, name: "again", columns: { residents: "residents" } }] });
    expect(p).toEqual([]);
    const other = await problems({
      tables: [residents, { file: "counts_long.csv", key: "gebiet", year: { column: "jahr" }, format: "long", variable: "merkmal", value: "wert", columns: { arbeitslose: "residents" } }],
    });
    expect(other).toEqual([
      'counts_long.csv Zeile 2, Spalte "arbeitslose", Gebiet "01": Wert "60" (2021) widerspricht residents_panel.csv Zeile 2, Spalte "residents": "1200"; beide Tabellen liefern die Spalte "residents" (6 Widersprüche) – in "columns" umbenennen oder weglassen',
    ]);
  });

  it("without `years`, the years all tables share are used, with a note on the others", async () => {
    const c = await checkSources(
      { tables: [{ file: "residents_panel.csv", key: "district_id", keyFormat: { pad: 2 }, year: { column: "year" } }, { file: "strukturdaten_2022.csv", key: "gebiet", year: 2022 }] },
      { baseDir },
    );
    expect(c.problems).toEqual([]);
    expect([...c.result!.years.keys()]).toEqual([2022]);
    expect(c.warnings).toContain("Jahre 2022 verwendet (in allen Tabellen vorhanden); nicht in allen Tabellen: 2021");
  });

  it("asks for a year that a table does not have", async () => {
    expect(await problems({ ...config, years: [2020, 2021] })).toContain("sources.years (residents_panel.csv): keine Zeilen für 2020 (Jahre in der Datei: 2021, 2022)");
  });
});

describe("loadSources: errors name file, row, column, area and value", () => {
  it("'12a' in a count column names its area and value (CSV and XLSX)", async () => {
    expect(await problems({ tables: [{ file: "garbage.csv", key: "gebiet", year: 2022, columns: { einwohner: { kind: "count" } } }] })).toEqual([
      'garbage.csv Zeile 3, Spalte "einwohner", Gebiet "02": Wert "12a" ist keine Zahl',
    ]);
    expect(await problems({ tables: [{ file: "garbage.xlsx", key: "Gebiet", year: 2022 }] })).toEqual([
      'garbage.xlsx Zeile 3, Spalte "Einwohner", Gebiet "02": Wert "12a" ist keine Zahl',
    ]);
  });

  it("a non-integer count is an error naming area, column and value", async () => {
    expect(await problems({ tables: [{ file: "noninteger.csv", key: "gebiet", year: 2022, columns: { einwohner: { kind: "count" } } }] })).toEqual([
      'noninteger.csv Zeile 3, Spalte "einwohner", Gebiet "02": Anzahl "800.5" ist keine ganze Zahl (ein Anteil? dann "kind": "share")',
    ]);
    // Declared only through an indicator: the same check, from the indicator's side.
    const p = await problems({ tables: [{ file: "noninteger.csv", key: "gebiet", year: 2022 }] }, [rate("x", ["einwohner"], ["einwohner"])]);
    expect(p).toEqual(['noninteger.csv Zeile 3, Spalte "einwohner", Gebiet "02": Indikator "x": Anzahl "800.5" ist keine ganze Zahl (ein Anteil? dann unter "shares" angeben)']);
  });

  it("duplicate keys name both rows", async () => {
    expect(await problems({ tables: [{ file: "duplicate_keys.csv", key: "gebiet", year: 2022 }] })).toEqual(['duplicate_keys.csv Zeile 5, Gebiet "02": Gebiet "02" für 2022 doppelt (auch Zeile 3)']);
  });

  it("a column in two tables that disagree names both files, rows and values", async () => {
    const p = await problems({ tables: [{ file: "conflict_a.csv", key: "gebiet", year: 2022 }, { file: "conflict_b.csv", key: "gebiet", year: 2022 }] });
    expect(p).toEqual([
      'conflict_b.csv Zeile 3, Spalte "einwohner", Gebiet "02": Wert "801" (2022) widerspricht conflict_a.csv Zeile 3, Spalte "einwohner": "800"; beide Tabellen liefern die Spalte "einwohner" – in "columns" umbenennen oder weglassen',
    ]);
  });

  it("unknown columns list the columns that exist and suggest the closest", async () => {
    const p = await problems({
      areas: { name: "Name", population: "einwohnr" },
      tables: [{ file: "conflict_a.csv", key: "Gebiet", year: 2022 }, { file: "areas.csv", key: "gebiet_id", columns: { nam: "name" } }],
    });
    expect(p).toEqual([
      'conflict_a.csv, Spalte "Gebiet": die Schlüsselspalte fehlt (vorhanden: "gebiet", "einwohner", "arbeitslose") – meinten Sie "gebiet"?',
      'areas.csv, Spalte "nam": Spalte nicht gefunden (vorhanden: "name", "bezirk") – meinten Sie "name"?',
    ]);
  });

  it("an empty file, a header without rows and a missing file are named", async () => {
    const p = await problems({ tables: [{ file: "empty.csv", key: "gebiet" }, { file: "header_only.csv", key: "gebiet" }, { file: "nicht_da.csv", key: "gebiet" }] });
    expect(p).toEqual(["empty.csv: die Datei ist leer", "header_only.csv Zeile 1: die Datei hat eine Kopfzeile, aber keine Datenzeilen", "nicht_da.csv: Datei nicht gefunden"]);
  });

  it("a published share used as a count is an error; a share-like name used as a count gives a warning", async () => {
    const base = { tables: [{ file: "share_as_count.csv", key: "gebiet", year: 2022, columns: { einwohner: "einwohner", "Anteil Arbeitslose in %": { name: "alo_anteil", kind: "share" as const } } }] };
    expect(await problems(base, [rate("alo", ["alo_anteil"], ["einwohner"])])).toEqual([
      'share_as_count.csv, Spalte "alo_anteil": Indikator "alo" braucht Anzahlen, die Spalte ist aber als Anteil deklariert – als Anteil-Indikator unter "shares" angeben',
    ]);
    const undeclared = { tables: [{ file: "share_as_count.csv", key: "gebiet", year: 2022, columns: { einwohner: "einwohner", "Anteil Arbeitslose in %": "alo" } }] };
    const c = await checkSources(undeclared, { baseDir, indicators: [rate("alo", ["alo"], ["einwohner"])] });
    expect(c.warnings).toContain('Spalte "alo" (share_as_count.csv) heißt wie ein Anteil, wird aber von Indikator "alo" als Anzahl verwendet – prüfen (Anteile unter "shares" angeben)');
    // "5,0", "2,0" and "4,0" are whole numbers; only "5,1" gives the share away.
    expect(c.problems.map(formatSourceProblem)).toEqual(['share_as_count.csv Zeile 3, Spalte "Anteil Arbeitslose in %", Gebiet "02": Indikator "alo": Anzahl "5.1" ist keine ganze Zahl (ein Anteil? dann unter "shares" angeben)']);
  });

  it("every problem at once: configuration problems come with their path and a suggestion", async () => {
    const p = await problems({ tabels: [], tables: [{ file: "areas.csv", kee: "gebiet_id", format: "broad", exclude: { pattern: "(" } }] });
    expect(p).toEqual([
      'sources: unbekannte Angabe "tabels" – meinten Sie "tables"?',
      'sources.tables[0]: unbekannte Angabe "kee" – meinten Sie "key"?',
      "sources.tables[0].key: fehlt: die Schlüsselspalte der Tabelle",
      'sources.tables[0].format: "broad" ist nicht erlaubt (erlaubt: "wide", "long")',
      'sources.tables[0].exclude.pattern: kein gültiger regulärer Ausdruck: "("',
    ]);
    await expect(loadSources({ tables: [] }, { baseDir })).rejects.toThrow(SourcesError);
    await expect(loadSources({ tables: [] }, { baseDir })).rejects.toThrow("Datenquellen: sources.tables: fehlt oder ist leer: mindestens eine Tabelle angeben");
  });
});

describe("loadSources: markers, validity, aggregate rows, encodings", () => {
  it("-9999 is missing, '-' is zero, and the validity column excludes an area with the publisher's reason", async () => {
    const s = await loadSources(
      {
        areas: { population: "EW" },
        tables: [{ file: "shares_markers.csv", key: "PLR_ID", year: 2020, missing: ["-9999"], zero: ["-"], valid: { column: "KOM", values: ["gültig"] }, columns: { EW: { kind: "count" }, S1: { kind: "share" }, D1: { kind: "change" } } }],
        shares: [{ id: "s1", label: "Arbeitslosigkeit", targetGroup: "working-age", column: "S1", base: "EW", minimumBase: 300 }],
        changes: [{ id: "s1", label: "Veränderung Arbeitslosigkeit", column: "D1" }],
      },
      { baseDir },
    );
    const rows = s.years.get(2020)!.rows;
    expect(rows.map((r) => r.sozialraum_id)).toEqual(["01", "03", "04"]);
    expect(rows[2].D1).toBe(0);
    expect(rows[2].S1).toBeInstanceOf(Missing);
    expect(s.excluded).toEqual([{ id: "02", reason: 'ungültig (EW unter 300) (laut shares_markers.csv Zeile 3, Spalte "KOM")', step: "sources" }]);
    expect(s.shares).toEqual([{ id: "s1", label: "Arbeitslosigkeit", targetGroup: "working-age", column: "S1", unit: "%", direction: 1, base: "EW", minimumBase: 300, source: "", hasCounts: false }]);
    expect(s.changes[0]).toMatchObject({ column: "D1", unit: "Prozentpunkte" });
    expect(s.warnings.some((w) => w.includes("ohne Anzahlen keine Konfidenzintervalle"))).toBe(true);
  });

  it("Bezirk and city rows are kept out by pattern and key, or detected as sums, and listed", async () => {
    const byRule = await loadSources({ tables: [{ file: "with_totals.csv", key: "Gebiet", year: 2022, exclude: { pattern: "^Bezirk ", keys: ["Stadt"] } }] }, { baseDir });
    expect(byRule.years.get(2022)!.rows.map((r) => r.sozialraum_id)).toEqual(["Nordhafen", "Nordstadt", "Südhang", "Südpark"]);
    expect(byRule.dropped.map((d) => [d.row, d.key])).toEqual([[4, "Bezirk Nord"], [7, "Bezirk Süd"], [8, "Stadt"]]);
    const bySums = await loadSources({ tables: [{ file: "with_totals.csv", key: "Gebiet", year: 2022, exclude: { sums: true } }] }, { baseDir });
    expect(bySums.years.get(2022)!.rows.map((r) => r.sozialraum_id)).toEqual(["Nordhafen", "Nordstadt", "Südhang", "Südpark"]);
    expect(bySums.dropped.map((d) => d.reason)).toEqual([
      "Summenzeile: Summe der Zeilen 2–3 (3 Spalten verglichen, 3 genau gleich)",
      "Summenzeile: Summe der Zeilen 5–6 (3 Spalten verglichen, 3 genau gleich)",
      "Summenzeile: Summe der Zeilen 2–6 (3 Spalten verglichen, 3 genau gleich)",
    ]);
    const xlsx = await loadSources({ tables: [{ file: "totals.xlsx", key: "Gebiet", year: 2022, exclude: { rows: [6, 9, 10] } }] }, { baseDir });
    expect(xlsx.years.get(2022)!.rows.map((r) => [r.sozialraum_id, r.Einwohner])).toEqual([["01", 1200], ["02", 800], ["03", 1500], ["04", 500]]);
  });

  it("an exclude.keys entry that matches nothing is a problem with a suggestion", async () => {
    expect(await problems({ tables: [{ file: "with_totals.csv", key: "Gebiet", year: 2022, exclude: { keys: ["Stadt ", "Bezirk Nrod"] } }] })).toEqual([
      'with_totals.csv, Spalte "Gebiet": exclude.keys: Schlüssel "Stadt " kommt nicht vor – meinten Sie "Stadt"?',
      'with_totals.csv, Spalte "Gebiet": exclude.keys: Schlüssel "Bezirk Nrod" kommt nicht vor – meinten Sie "Bezirk Nord"?',
    ]);
  });

  it("reads a Windows-1252 file with a German warning and correct names", async () => {
    const s = await loadSources({ areas: { name: "name" }, tables: [{ file: "windows1252.csv", key: "gebiet", year: 2022 }] }, { baseDir });
    expect(s.areas.map((a) => a.name)).toEqual(["Straße am Hafen", "Kölner Tor", "Südhang", "Südpark"]);
    expect(s.warnings).toEqual(["windows1252.csv: kein gültiges UTF-8 (Zeile 2, Byte 0xDF); als Windows-1252 gelesen"]);
  });

  it("a key not in the area list is listed, not lost", async () => {
    const s = await loadSources({ areas: { table: "areas" }, tables: [areas, { file: "extra_area.csv", key: "gebiet", year: 2022 }] }, { baseDir });
    expect(s.dropped).toEqual([{ file: "extra_area.csv", row: 6, key: "05", reason: "nicht in der Gebietsliste areas.csv" }]);
    // one key: singular verb
    expect(s.warnings).toContain('1 Schlüssel steht nicht in der Gebietsliste areas.csv und bleibt unberücksichtigt: "05" (extra_area.csv Zeile 6)');
    expect(s.years.get(2022)!.rows).toHaveLength(4);
  });
});
