import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv, parseGeoJson, parseXlsx, readCsv, readGeoJson, readXlsx } from "../../src/io/index.js";
import { checkAreaTable, DataError, joinAreaTables } from "../../src/table/index.js";
import { latin1, tmpFile } from "./tmp.js";

/** Runs `f`, expects a DataError and returns it. */
function dataError(f: () => unknown): DataError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error("expected a DataError");
}

async function dataErrorAsync(f: () => Promise<unknown>): Promise<DataError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error("expected a DataError");
}

const csv = (text: string, options = {}) => parseCsv(text, { file: "x.csv", id: "id", ...options });
const square = [[[0, 0], [1, 0], [1, 1], [0, 0]]];
const feature = (properties: object, geometry: object | null = { type: "Polygon", coordinates: square }) => ({ type: "Feature", properties, geometry });
const fc = (...features: object[]) => ({ type: "FeatureCollection", features });
const geo = (input: object | string) => parseGeoJson(input, { idProperty: "id", file: "x.geojson" });

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("malformed CSV", () => {
  it("1 empty file", () => {
    const e = dataError(() => readCsv(tmpFile("empty.csv", "")));
    expect(e.message).toMatch(/^readCsv: .*empty\.csv: die Datei ist leer$/);
  });

  it("2 file with only white space", () => {
    expect(dataError(() => csv(" \n\n  \n")).message).toBe("parseCsv: x.csv: die Datei ist leer");
  });

  it("3 header only", () => {
    expect(dataError(() => csv("id;einwohner\n")).message).toBe("parseCsv: x.csv Zeile 1: die Datei hat eine Kopfzeile, aber keine Datenzeilen");
  });

  it("4 unknown separator", () => {
    const e = dataError(() => csv("id|einwohner\n0101|12\n"));
    expect(e.message).toBe('parseCsv: x.csv Zeile 1: Trennzeichen nicht erkennbar: Zeile 1 "id|einwohner" enthält kein ";", "," oder Tabulator; die Option { separator } angeben');
    expect(e.row).toBe(1);
  });

  it("5 ambiguous separator (as many ';' as ',')", () => {
    expect(dataError(() => csv("id;name,x\n1;a,b\n")).message).toMatch(/Trennzeichen nicht erkennbar: Zeile 1 "id;name,x" enthält gleich viele ";" wie ","; die Option \{ separator \} angeben/);
  });

  it("6 inconsistent separator: a row with ',' in a ';' file", () => {
    const e = dataError(() => csv("id;einwohner;ew_0_5\n0101;12;3\n0102,13,4\n"));
    expect(e.message).toBe('parseCsv: x.csv Zeile 3: 1 Feld, erwartet 3 (die Kopfzeile hat 3 Spalten, Trennzeichen ";"); die Zeile enthält ",": uneinheitliches Trennzeichen?');
  });

  it("7 ragged rows: all reported at once", () => {
    const e = dataError(() => csv("id;a;b\n1;2;3\n4;5\n6;7;8;9\n"));
    expect(e.problems).toHaveLength(2);
    expect(e.message).toBe(
      "parseCsv: 2 Probleme in x.csv:\n  x.csv Zeile 3: 2 Felder, erwartet 3 (die Kopfzeile hat 3 Spalten, Trennzeichen \";\")\n  x.csv Zeile 4: 4 Felder, erwartet 3 (die Kopfzeile hat 3 Spalten, Trennzeichen \";\")",
    );
  });

  it("8 broken quote inside a field", () => {
    const e = dataError(() => csv('id;name\n0101;"Alt"stadt\n'));
    expect(e.message).toMatch(/^parseCsv: x\.csv Zeile 2: defektes Anführungszeichen oder fehlerhaftes Feld \(csv-parse: Invalid Closing Quote/);
    expect(e.row).toBe(2);
  });

  it("9 quote never closed", () => {
    const e = dataError(() => csv('id;name\n0101;Altstadt\n0102;"Neustadt\n0103;Nord\n'));
    expect(e.message).toMatch(/^parseCsv: x\.csv Zeile 3: defektes Anführungszeichen: ein in Zeile 3 geöffnetes Anführungszeichen wird bis zum Dateiende nicht geschlossen/);
  });

  it("10 Latin-1 bytes declared as UTF-8: error naming the row and the fix", () => {
    const bytes = latin1("id;name;einwohner\n0101;Altstadt;12\n0102;K\u00f6ln-S\u00fcd;13\n");
    const e = dataError(() => parseCsv(bytes, { file: "x.csv", encoding: "utf-8" }));
    expect(e.message).toBe('parseCsv: x.csv Zeile 3: kein gültiges UTF-8 (Byte 0xF6 an Position 41); die Datei sieht nach Windows-1252 oder Latin-1 aus: die Option { encoding: "windows-1252" } angeben');
  });

  it("11 Latin-1 bytes with the default encoding: read as Windows-1252, with a warning", () => {
    const t = readCsv(tmpFile("latin1.csv", latin1("id;name;einwohner\n0101;Altstadt;12\n0102;K\u00f6ln-S\u00fcd;1.675\n")), { id: "id" });
    expect(t.rows[1]).toEqual({ id: "0102", name: "Köln-Süd", einwohner: 1675 });
    expect(t.source?.encoding).toBe("windows-1252");
    expect(t.warnings[0]).toMatch(/^readCsv: .*latin1\.csv ist kein gültiges UTF-8 \(Zeile 3: Byte 0xF6 an Position 41\); als Windows-1252 gelesen$/);
  });

  it("12 missing id column", () => {
    expect(dataError(() => csv("gebiet;einwohner\n0101;12\n")).message).toBe('parseCsv: x.csv, Spalte "id": Schlüsselspalte nicht gefunden (Spalten: "gebiet", "einwohner")');
  });

  it("13 duplicate column names", () => {
    expect(dataError(() => csv("id;a;b;a\n1;2;3;4\n")).message).toBe('parseCsv: x.csv Zeile 1, Spalte "a": doppelter Spaltenname (Spalten 2 und 4)');
  });

  it("14 unnamed column with data", () => {
    expect(dataError(() => csv("id;;b\n1;2;3\n")).message).toBe("parseCsv: x.csv Zeile 1: Spalte 2 hat keinen Namen, enthält aber Daten");
  });

  it("15 text in a column declared as number", () => {
    const e = dataError(() => csv("id;einwohner\n0101;12\n0102;12a\n0103;zwölf\n", { types: { einwohner: "number" } }));
    expect(e.problems).toHaveLength(2);
    expect(e.message).toContain('x.csv Zeile 3, Spalte "einwohner": Wert "12a" ist keine Zahl');
    expect(e.message).toContain('x.csv Zeile 4, Spalte "einwohner": Wert "zwölf" ist keine Zahl');
    expect(e).toMatchObject({ file: "x.csv", row: 3, column: "einwohner", value: "12a" });
  });

  it("16 mixed decimal marks", () => {
    expect(dataError(() => csv("id;a;b\n1;9,7;4.25\n")).message).toBe(
      'parseCsv: x.csv Zeile 2, Spalte "b": gemischte Dezimaltrennzeichen: "9,7" (Zeile 2, Spalte "a") hat ein Dezimalkomma, "4.25" (Zeile 2, Spalte "b") einen Dezimalpunkt; die Option { decimal: "," } oder { decimal: "." } angeben',
    );
  });

  it("17 the id column cannot be declared number", () => {
    expect(dataError(() => csv("id;a\n1;2\n", { types: { id: "number" } })).message).toBe('parseCsv: x.csv, Spalte "id": die Schlüsselspalte ist immer Text; sie kann nicht als "number" deklariert werden');
  });

  it("18 columnNames that do not fit the rows", () => {
    expect(dataError(() => parseCsv("a;1;2\n", { columnNames: ["x", "y"], file: "x.csv" })).message).toBe("parseCsv: x.csv Zeile 1: columnNames hat 2 Namen, die Zeile aber 3 Felder");
  });

  it("19 file not found", () => {
    expect(dataError(() => readCsv("/nonexistent/x.csv")).message).toMatch(/^readCsv: \/nonexistent\/x\.csv: die Datei ist nicht lesbar \(ENOENT/);
  });
});

describe("malformed area tables (checkAreaTable)", () => {
  const t = (text: string) => parseCsv(text, { file: "data/x.csv", id: "id" });

  it("20 doppelter Schlüssels", () => {
    expect(() => checkAreaTable(t("id;einwohner\n0101;12\n0102;13\n0101;14\n"))).toThrow(/^checkAreaTable: data\/x\.csv Zeile 4, Spalte "id": doppelter Schlüssel "0101" \(auch Zeile 2\)$/);
  });

  it("21 missing key", () => {
    expect(() => checkAreaTable(t("id;einwohner\n0101;12\n;13\n"))).toThrow(/^checkAreaTable: data\/x\.csv Zeile 3, Spalte "id": der Gebietsschlüssel fehlt$/);
  });

  it("22 negative count", () => {
    expect(() => checkAreaTable(t("id;einwohner\n0101;12\n0102;13\n0103;14\n0104;15\n0105;16\n0106;-3\n"), { counts: ["einwohner"] })).toThrow(
      /^checkAreaTable: data\/x\.csv Zeile 7, Spalte "einwohner": Wert "-3" ist negativ$/,
    );
  });

  it("23 fractional count", () => {
    expect(() => checkAreaTable(t("id;einwohner\n0101;12,5\n"), { counts: ["einwohner"] })).toThrow(/Zeile 2, Spalte "einwohner": Wert "12.5" ist keine ganze Zahl$/);
  });

  it("24 non-numeric text in a count column", () => {
    const table = t("id;einwohner\n0101;12\n0102;13\n0103;zwölf\n");
    expect(table.columnTypes.einwohner).toBe("string");
    expect(table.warnings[0]).toMatch(/Spalte "einwohner" als Text gelesen: 2 Zellen sind Zahlen, aber Wert "zwölf" in Zeile 4 nicht/);
    expect(() => checkAreaTable(table, { counts: ["einwohner"] })).toThrow(/Zeile 4, Spalte "einwohner": Wert "zwölf" ist keine Zahl/);
  });

  it("25 numerator above its denominator", () => {
    expect(() => checkAreaTable(t("id;einwohner;ew_0_5\n0101;12;3\n0102;10;12\n"), { ratios: [{ numerator: "ew_0_5", denominator: "einwohner" }] })).toThrow(
      /^checkAreaTable: data\/x\.csv Zeile 3, Spalte "ew_0_5": Wert "12" ist größer als sein Nenner "einwohner" \(10\)$/,
    );
  });

  it("26 missing column", () => {
    expect(() => checkAreaTable(t("id;einwohner\n0101;12\n"), { counts: ["haushalte"] })).toThrow(/^checkAreaTable: data\/x\.csv, Spalte "haushalte": Spalte nicht gefunden \(Spalten: "id", "einwohner"\)$/);
  });

  it("27 all problems in one error", () => {
    const e = dataError(() =>
      checkAreaTable(t("id;einwohner;ew_0_5\n0101;-1;2\n0101;2,5;3\n0103;4;9\n"), { counts: ["einwohner", "ew_0_5"], ratios: [{ numerator: "ew_0_5", denominator: "einwohner" }] }),
    );
    expect(e.problems.map((p) => `${p.row}/${p.column}`)).toEqual(["3/id", "2/einwohner", "3/einwohner", "2/ew_0_5", "3/ew_0_5", "4/ew_0_5"]);
    expect(e.message.split("\n")[0]).toBe("checkAreaTable: 6 Probleme in data/x.csv:");
  });
});

describe("malformed GeoJSON", () => {
  it("28 feature without id", () => {
    const e = dataError(() => geo(fc(feature({ id: "01" }), feature({ name: "ohne" }))));
    expect(e.message).toBe('parseGeoJson: x.geojson features[1], Spalte "id": die Eigenschaft "id" (der Gebietsschlüssel) fehlt');
  });

  it("29 duplicate ids (also as number vs string)", () => {
    expect(dataError(() => geo(fc(feature({ id: "7" }), feature({ id: 7 })))).message).toBe('parseGeoJson: x.geojson features[1], Spalte "id": doppelter Schlüssel "7" (auch features[0])');
  });

  it("30 Point geometry", () => {
    expect(dataError(() => geo(fc(feature({ id: "01" }, { type: "Point", coordinates: [1, 2] })))).message).toBe(
      'parseGeoJson: x.geojson features[0]: Geometrietyp "Point" ist weder Polygon noch MultiPolygon',
    );
  });

  it("31 unclosed ring", () => {
    const open = { type: "MultiPolygon", coordinates: [square, [[[0, 0], [1, 0], [1, 1], [0, 1]]]] };
    expect(dataError(() => geo(fc(feature({ id: "01" }, open)))).message).toBe("parseGeoJson: x.geojson features[0]: Ring 0 von Polygon 1 ist nicht geschlossen (erste Position [0,0], letzte [0,1])");
  });

  it("32 non-finite coordinate (null, as written for NaN by JSON.stringify)", () => {
    const bad = { type: "Polygon", coordinates: [[[0, 0], [null, 0], [1, 1], [0, 0]]] };
    expect(dataError(() => geo(JSON.stringify(fc(feature({ id: "01" }, bad))))).message).toBe("parseGeoJson: x.geojson features[0]: Ring 0, Position 1 hat eine nicht endliche Koordinate [null,0]");
  });

  it("33 ring with too few positions, missing geometry: all features reported", () => {
    const e = dataError(() => geo(fc(feature({ id: "01" }, { type: "Polygon", coordinates: [[[0, 0], [1, 1], [0, 0]]] }), feature({ id: "02" }, null))));
    expect(e.problems.map((p) => p.message)).toEqual(["Ring 0 hat 3 Positionen; ein geschlossener Ring braucht mindestens 4", "hat keine Geometrie"]);
  });

  it("34 not a FeatureCollection, not JSON, no features", () => {
    expect(dataError(() => geo(feature({ id: "01" }))).message).toBe('parseGeoJson: x.geojson: keine GeoJSON-FeatureCollection (type "Feature")');
    expect(dataError(() => readGeoJson(tmpFile("bad.geojson", "{ nope"), { idProperty: "id" })).message).toMatch(/^readGeoJson: .*bad\.geojson: kein gültiges JSON \(/);
    expect(dataError(() => geo(fc())).message).toBe("parseGeoJson: x.geojson: die FeatureCollection hat keine Features");
  });
});

describe("malformed XLSX", () => {
  it("35 missing sheet name", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("2017").addRow(["id", "einwohner"]);
      wb.addWorksheet("2018").addRow(["id", "einwohner"]);
    });
    const e = await dataErrorAsync(() => readXlsx(tmpFile("sheets.xlsx", bytes), { sheet: "2019" }));
    expect(e.message).toMatch(/^readXlsx: .*sheets\.xlsx: kein Blatt namens "2019" \(Blätter: "2017", "2018"\)$/);
  });

  it("36 no header row to be found", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Daten");
      ws.addRow([1, 2, 3]);
      ws.addRow([4, 5, 6]);
    });
    expect((await dataErrorAsync(() => parseXlsx(bytes, { file: "x.xlsx" }))).message).toBe(
      "parseXlsx: x.xlsx [Daten]: Kopfzeile in den ersten 30 Zeilen nicht gefunden (gesucht: eine Zeile mit verschiedenen Texten in mindestens der Hälfte der Spalten); die Option { headerRow } angeben",
    );
  });

  it("37 not an XLSX file", async () => {
    expect((await dataErrorAsync(() => parseXlsx(new TextEncoder().encode("id;a\n1;2\n"), { file: "x.xlsx" }))).message).toMatch(/^parseXlsx: x\.xlsx: keine lesbare XLSX-Arbeitsmappe \(/);
  });

  it("38 header only", async () => {
    const bytes = await workbook((wb) => wb.addWorksheet("S").addRow(["id", "einwohner"]));
    expect((await dataErrorAsync(() => parseXlsx(bytes, { file: "x.xlsx", id: "id" }))).message).toBe("parseXlsx: x.xlsx [S] Zeile 1: das Blatt hat eine Kopfzeile, aber keine Datenzeilen");
  });
});

describe("joins with problems", () => {
  const a = parseCsv("id;einwohner\n0101;10\n0102;20\n0103;30\n", { file: "a.csv", id: "id" });

  it("39 areas missing on either side are excluded with German reasons and warnings", () => {
    const b = parseCsv("id;sgb2\n0103;3\n0101;1\n0104;4\n", { file: "b.csv", id: "id" });
    const j = joinAreaTables(a, b);
    expect(j.table.rows).toEqual([
      { id: "0101", einwohner: 10, sgb2: 1 },
      { id: "0103", einwohner: 30, sgb2: 3 },
    ]);
    expect(j.excluded).toEqual([
      { id: "0102", reason: "fehlt in b.csv", step: "join", column: "id" },
      { id: "0104", reason: "fehlt in a.csv", step: "join", column: "id" },
    ]);
    expect(j.warnings).toEqual(['joinAreaTables: 1 Gebiet aus a.csv fehlt in b.csv: "0102"', 'joinAreaTables: 1 Gebiet aus b.csv fehlt in a.csv: "0104"']);
  });

  it("40 doppelter Schlüssel in the right table", () => {
    const b = parseCsv("id;sgb2\n0101;1\n0101;2\n", { file: "b.csv", id: "id" });
    expect(() => joinAreaTables(a, b)).toThrow(/^joinAreaTables: b\.csv Zeile 3, Spalte "id": doppelter Schlüssel "0101" \(auch Zeile 2\)$/);
  });

  it("41 a column in both tables with different values", () => {
    const b = parseCsv("id;einwohner\n0101;10\n0102;21\n0103;30\n", { file: "b.csv", id: "id" });
    expect(() => joinAreaTables(a, b)).toThrow(/^joinAreaTables: b\.csv Zeile 3, Spalte "einwohner": Wert "21" weicht von a\.csv Zeile 3 \("20"\) für Gebiet "0102" ab; Spalten mit \{ columns \} auswählen$/);
  });

  it("42 keys read as numbers: a hint about leading zeros", () => {
    const b = parseCsv("id;sgb2\n101;1\n102;2\n", { file: "b.csv", types: { id: "number" } });
    const j = joinAreaTables(a, { ...b, id: "id" });
    expect(j.n).toBe(0);
    expect(j.excluded).toHaveLength(5);
    expect(j.warnings[2]).toMatch(/nach Entfernen führender Nullen aber schon — wurde eine Schlüsselspalte als Zahl eingelesen\?/);
  });
});
