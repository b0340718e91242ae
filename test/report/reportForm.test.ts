/**
 * Length and form of the report and the workbook: long tables shortened in the HTML with a sentence naming the
 * full sheet, the contents sheet, dates as dates, one marker for missing cells, wrapped text, print setup.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportDocument, ReportTable } from "../../src/report/index.js";
import { REPORT_TABLE_ROWS, reportHtml, reportWorkbook, tableSheetNames } from "../../src/report/index.js";
import { missing } from "../../src/table/missing.js";

const long: ReportTable = {
  title: "Angebot: je Sozialraum",
  columns: [
    { key: "id", label: "Sozialraum" },
    { key: "stand", label: "Stand" },
    { key: "wert", label: "Wert", decimals: 1 },
    { key: "text", label: "Beschreibung" },
  ],
  rows: Array.from({ length: 30 }, (_, i) => ({
    id: `01${String(i).padStart(4, "0")}`,
    stand: i === 0 ? "2018-12-31" : i === 1 ? "01.05.2019" : "2019-02-30",
    wert: i === 2 ? missing("-") : i === 3 ? missing("x") : i === 4 ? missing(".") : i,
    text: "sehr lange Beschreibung ".repeat(i === 5 ? 6 : 1),
  })),
  highlight: [{ row: 25, key: "wert", level: "auffällig" }],
};
const wide: ReportTable = {
  title: "Breit",
  columns: Array.from({ length: 9 }, (_, i) => ({ key: `c${i}`, label: `C${i}` })),
  rows: [{ c0: 1 }],
};
const doc: ReportDocument = {
  title: "Test",
  date: "2024-03-05",
  source: "Test",
  parameters: [{ label: "Mindesteinwohnerzahl", value: 300 }],
  sections: [
    { id: "inhalt-kollision", title: "Kollision", tables: [{ title: "Inhalt", columns: [{ key: "a", label: "A" }], rows: [{ a: 1 }] }] },
    { id: "angebot", title: "Bedarf und Angebot", tables: [long, { ...long, title: "Kurz", htmlRows: 40 }, wide] },
  ],
};

describe("report tables in the HTML", () => {
  const html = reportHtml(doc);
  it("shows the first REPORT_TABLE_ROWS rows of a long table and names the sheet with the full table", () => {
    const table = html.slice(html.indexOf("<caption>Angebot: je Sozialraum"), html.indexOf("</table>", html.indexOf("<caption>Angebot: je Sozialraum")));
    expect((table.match(/<tr>/g) ?? []).length).toBe(1 + REPORT_TABLE_ROWS);
    expect(html).toContain(
      `Gezeigt sind die ersten ${REPORT_TABLE_ROWS} von 30 Zeilen. Die vollständige Tabelle steht im Blatt „Angebot – je Sozialraum“ der Arbeitsmappe sozialraumanalyse.xlsx.`,
    );
    // Highlights only beyond the shown rows: no legend.
    expect(table).not.toContain("hl-auffaellig");
  });
  it("keeps a table within its own htmlRows whole, and marks wide tables for landscape print", () => {
    const kurz = html.slice(html.indexOf("<caption>Kurz"), html.indexOf("</table>", html.indexOf("<caption>Kurz")));
    expect((kurz.match(/<tr>/g) ?? []).length).toBe(31);
    expect(html).toMatch(/<div class="table-wrap wide"><table id="angebot-tabelle-3">/);
    expect(html).toContain("@page wide{size:A4 landscape");
    expect(html).toContain(".table-wrap.wide{page:wide}");
  });
  it("names sheets as the workbook does, with Inhalt reserved", () => {
    expect([...tableSheetNames(doc).values()]).toEqual(["Inhalt (2)", "Angebot – je Sozialraum", "Kurz", "Breit"]);
  });
});

describe("workbook form", () => {
  it("has the contents sheet first, dates as dates, one marker, wrapped text and a print setup", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(doc)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Inhalt", "Inhalt (2)", "Angebot – je Sozialraum", "Kurz", "Breit", "Parameter"]);
    const c = wb.getWorksheet("Inhalt")!;
    expect(c.getCell("B2").value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(c.getRow(5).values).toEqual([undefined, "Blatt", "Inhalt", "Abschnitt im Bericht", "Zeilen"]);
    expect(c.getCell("A7").value).toEqual({ text: "Angebot – je Sozialraum", hyperlink: "#'Angebot – je Sozialraum'!A1" });
    expect(c.getCell("C7").value).toBe("Bedarf und Angebot");
    expect(c.getCell("D7").value).toBe(30);
    const texts: unknown[] = [];
    c.eachRow((r) => texts.push(r.getCell(1).value));
    expect(texts).toContain("stark auffällig");
    expect(texts).toContain(".");

    const ws = wb.getWorksheet("Angebot – je Sozialraum")!;
    expect(ws.getCell("B2").value).toEqual(new Date(Date.UTC(2018, 11, 31)));
    expect(ws.getCell("B3").value).toEqual(new Date(Date.UTC(2019, 4, 1)));
    expect(ws.getCell("B2").numFmt).toBe("dd.mm.yyyy");
    expect(ws.getCell("B4").value).toBe("2019-02-30"); // not a calendar date: stays text
    expect([ws.getCell("C4").value, ws.getCell("C5").value, ws.getCell("C6").value]).toEqual([".", ".", "."]);
    expect(ws.getColumn(4).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(1).alignment?.wrapText).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    expect(wb.getWorksheet("Breit")!.pageSetup.orientation).toBe("landscape");
  });
});
