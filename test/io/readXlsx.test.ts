import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv, parseXlsx, readXlsx } from "../../src/io/index.js";
import { Missing } from "../../src/table/index.js";
import { tmpFile } from "./tmp.js";

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readXlsx / parseXlsx", () => {
  it("finds the header below title rows, skips description rows under a merged id cell, drops footnotes", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Hinweise").addRow(["Quelle: Statistikstelle"]);
      const ws = wb.addWorksheet("Strukturdaten");
      ws.getCell("A1").value = "Strukturdaten 2018 nach Sozialräumen";
      ws.getCell("A2").value = "sozialraum_id";
      ws.mergeCells("A2:A3");
      ws.getRow(2).getCell(2).value = "einwohner";
      ws.getRow(2).getCell(3).value = "anteil";
      ws.getRow(2).getCell(4).value = "name";
      ws.getRow(3).getCell(2).value = "Personen";
      ws.getRow(3).getCell(3).value = "%";
      ws.getRow(3).getCell(4).value = "Text";
      ws.getRow(4).values = ["010101", 1675, 9.7, "Altstadt"];
      ws.getRow(5).values = ["010102", " 1 675", "9,7", "Neustadt"];
      ws.getRow(6).values = ["010103", ".", { formula: "B4/10", result: 167.5 }, { richText: [{ text: "Nord" }, { text: "stadt" }] }];
      ws.getRow(7).values = [10104, { error: "#DIV/0!" }, "-  23", "Süd"];
      ws.getCell("A7").numFmt = "000000";
      ws.getRow(9).values = ["Quelle: Melderegister"];
      ws.getRow(10).values = ["* Werte unter 3 unterdrückt"];
    });
    const t = await readXlsx(tmpFile("struktur.xlsx", bytes), { sheet: "Strukturdaten", id: "sozialraum_id" });
    expect(t.source).toMatchObject({ format: "xlsx", sheet: "Strukturdaten", headerRow: 2 });
    expect(t.columns).toEqual(["sozialraum_id", "einwohner", "anteil", "name"]);
    expect(t.rowNumbers).toEqual([4, 5, 6, 7]);
    expect(t.rows).toEqual([
      { sozialraum_id: "010101", einwohner: 1675, anteil: 9.7, name: "Altstadt" },
      { sozialraum_id: "010102", einwohner: 1675, anteil: 9.7, name: "Neustadt" },
      { sozialraum_id: "010103", einwohner: new Missing("."), anteil: 167.5, name: "Nordstadt" },
      { sozialraum_id: "010104", einwohner: new Missing("#DIV/0!"), anteil: -23, name: "Süd" },
    ]);
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatch(/Zeilen 9–10 als Fußnoten gelesen, nicht als Daten: "Quelle: Melderegister", "\* Werte unter 3 unterdrückt"$/);
  });

  it("gives the same table as the CSV of the same data", async () => {
    const text = "id;name;einwohner;anteil;saldo\n0101;Altstadt;1.675;9,7;-  23\n0102;Neustadt;12.301;10,8;.\n0103;Nordstadt;0;0,0;-\n";
    const lines = text.trim().split("\n").map((l) => l.split(";"));
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Daten");
      for (const l of lines) ws.addRow(l);
    });
    const fromCsv = parseCsv(text, { file: "x", id: "id" });
    const fromXlsx = await parseXlsx(bytes, { file: "x", id: "id" });
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.columnTypes).toEqual(fromCsv.columnTypes);
    expect(fromXlsx.rowNumbers).toEqual(fromCsv.rowNumbers);
  });

  it("selects a sheet by position and honours headerRow and lastRow", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("A").addRow(["x", "y"]);
      const ws = wb.addWorksheet("B");
      ws.addRow(["id", "n"]);
      ws.addRow(["1", 2]);
      ws.addRow(["2", 3]);
      ws.addRow(["Summe", 5]);
    });
    const t = await parseXlsx(bytes, { sheet: 2, headerRow: 1, lastRow: 3, id: "id" });
    expect(t.rows).toEqual([{ id: "1", n: 2 }, { id: "2", n: 3 }]);
  });
});
