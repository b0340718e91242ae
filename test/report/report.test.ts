import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../src/report/index.js";
import { formatCell, germanDate, HIGHLIGHT_COLORS, normalizeZipTimestamps, reportHtml, reportWorkbook, uniqueSheetName, zipEntryTimes } from "../../src/report/index.js";
import { missing } from "../../src/table/missing.js";

const doc: ReportDocument = {
  title: "Sozialraumanalyse <Test>",
  date: "2024-03-05",
  source: "Strukturdaten 2018 & 2016",
  parameters: [
    { label: "Mindesteinwohnerzahl", value: 300 },
    { label: "Schwellen", value: [1, 1.5] },
    { label: "gewichtet", value: false },
  ],
  sections: [
    {
      id: "rangfolge",
      title: "Rangfolge",
      paragraphs: ["Rang 1 hat den höchsten Index."],
      figures: [{ title: "Balken", figure: { data: [{ type: "bar", x: [1], y: ["a"] }], layout: {} }, caption: "Quelle: Test" }],
      tables: [
        {
          title: "Rangfolge",
          columns: [
            { key: "id", label: "Sozialraum" },
            { key: "ew", label: "Einwohner", decimals: 0 },
            { key: "index", label: "Index", decimals: 2 },
            { key: "klasse", label: "Klasse" },
          ],
          rows: [
            { id: "010101", ew: 12345, index: 1.23456, klasse: "sehr niedrig" },
            { id: "010102", ew: 250, index: missing("."), klasse: null },
          ],
          highlight: [
            { row: 0, key: "klasse", level: "stark auffällig" },
            { row: 0, key: "index", level: "auffällig" },
            { row: 1, key: "ew", level: "hinweis" },
          ],
        },
      ],
    },
    {
      id: "nur-html",
      title: "Nur im Bericht",
      tables: [{ title: "Kurzliste", columns: [{ key: "a", label: "A" }], rows: [{ a: "x" }], sheet: false }],
    },
    {
      id: "nur-excel",
      title: "Nur in Excel",
      tables: [{ title: "Langliste: alle Werte [2018]", columns: [{ key: "a", label: "A" }], rows: [{ a: "y" }], html: false }],
    },
  ],
};

describe("reportHtml", () => {
  const html = reportHtml(doc);

  it("has a German header with title, date, source and parameters, and a table of contents", () => {
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("<h1>Sozialraumanalyse &lt;Test&gt;</h1>");
    expect(html).toContain('<dt>Stand</dt><dd><time datetime="2024-03-05">05.03.2024</time></dd>');
    expect(html).toContain("<dt>Datenquelle</dt><dd>Strukturdaten 2018 &amp; 2016</dd>");
    expect(html).toContain('<tr><th scope="row">Schwellen</th><td>1, 1,5</td></tr>');
    expect(html).toContain('<tr><th scope="row">gewichtet</th><td>nein</td></tr>');
    expect(html).toContain('<li><a href="#rangfolge">Rangfolge</a></li>');
    expect(html).toContain('<section id="nur-excel">');
  });

  it("formats cells the German way and highlights flagged cells", () => {
    expect(html).toContain('<td class="num">12.345</td>');
    expect(html).toContain('<td class="num hl-auffaellig" title="auffällig">1,23</td>');
    expect(html).toContain('<td class="hl-stark" title="stark auffällig">sehr niedrig</td>');
    expect(html).toContain('<td class="num hl-hinweis" title="hinweis">250</td>');
    expect(html).toContain("<td>.</td>"); // the missing marker
    expect(html).toContain("<td>–</td>"); // null
    expect(html).toContain('<p class="legend">Markierung: <span class="hl-stark">stark auffällig</span><span class="hl-auffaellig">auffällig</span><span class="hl-hinweis">Hinweis</span></p>');
  });

  it("shows figures with the inlined plotly bundle and skips workbook-only tables", () => {
    expect(html).toContain('<div id="rangfolge-abbildung-1" class="sr-figure" role="img" aria-label="Balken"></div>');
    expect(html).toContain("window.Plotly = Plotly;");
    expect(html).toContain("<caption>Kurzliste</caption>");
    expect(html).not.toContain("Langliste");
  });

  it("is deterministic and has no plotly without figures", () => {
    expect(reportHtml(doc)).toBe(html);
    const plain = reportHtml({ ...doc, sections: [doc.sections[1]] });
    expect(plain).not.toContain("newPlot"); // neither the plotly bundle nor a draw call (the details script only resizes drawn figures)
    expect(plain.length).toBeLessThan(20_000);
  });

  it("refuses bad dates, duplicate section ids and highlights outside the table", () => {
    expect(() => reportHtml({ ...doc, date: "2024-02-30" })).toThrow('germanDate: date muss die Form "YYYY-MM-DD" haben und zwischen 1980 und 2107 liegen, angegeben ist "2024-02-30"');
    expect(() => reportHtml({ ...doc, sections: [doc.sections[1], doc.sections[1]] })).toThrow('reportHtml: Abschnitts-id "nur-html" kommt doppelt vor (oder ist reserviert)');
    const t = doc.sections[0].tables![0];
    const bad = { ...doc, sections: [{ id: "x", title: "x", tables: [{ ...t, highlight: [{ row: 5, key: "id", level: "auffällig" as const }] }] }] };
    expect(() => reportHtml(bad)).toThrow('highlightIndex: Hervorhebungszeile 5 liegt außerhalb des Bereichs (0–1) in Tabelle "Rangfolge"');
  });
});

describe("reportWorkbook", () => {
  it("writes one sheet per table with sheet !== false, then Parameter, with numbers, markers and fills", async () => {
    const buffer = await reportWorkbook(doc);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Inhalt", "Rangfolge", "Langliste – alle Werte -2018-", "Parameter"]);
    const ws = wb.getWorksheet("Rangfolge")!;
    expect(ws.getRow(1).values).toEqual([undefined, "Sozialraum", "Einwohner", "Index", "Klasse"]);
    expect(ws.getCell("A2").value).toBe("010101"); // keys stay text with leading zeros
    expect(ws.getCell("B2").value).toBe(12345);
    expect(ws.getCell("C2").value).toBe(1.23456); // full precision, shown with 2 decimals
    expect(ws.getCell("C2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C3").value).toBe("."); // the missing marker
    expect(ws.getCell("D3").value).toBeNull();
    const argb = (hex: string) => "FF" + hex.slice(1).toUpperCase();
    expect((ws.getCell("D2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(HIGHLIGHT_COLORS["stark auffällig"]));
    expect((ws.getCell("C2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(HIGHLIGHT_COLORS.auffällig));
    expect((ws.getCell("B3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(HIGHLIGHT_COLORS.hinweis));
    expect(ws.getCell("A2").fill).toBeUndefined();
    expect(ws.getCell("D2").note).toBe("stark auffällig");
    const p = wb.getWorksheet("Parameter")!;
    expect(p.getCell("A2").value).toBe("Stand");
    expect(p.getCell("B2").value).toEqual(new Date(Date.UTC(2024, 2, 5))); // a real date, shown German
    expect(p.getCell("B2").numFmt).toBe("dd.mm.yyyy");
    expect(p.getCell("B6").value).toBe("300");
    expect(wb.created.toISOString()).toBe("2024-03-05T00:00:00.000Z");
  });

  it("is byte-identical for the same document, with every zip entry dated to the report date", async () => {
    const a = await reportWorkbook(doc);
    await new Promise((r) => setTimeout(r, 2100)); // DOS time has 2-second resolution
    const b = await reportWorkbook(doc);
    expect(Buffer.compare(a, b)).toBe(0);
    const times = zipEntryTimes(a);
    expect(times.length).toBeGreaterThan(5);
    for (const t of times) expect([t.year, t.month, t.day, t.hours, t.minutes, t.seconds]).toEqual([2024, 3, 5, 0, 0, 0]);
    const other = await reportWorkbook({ ...doc, date: "2025-01-31" });
    expect(zipEntryTimes(other)[0]).toMatchObject({ year: 2025, month: 1, day: 31 });
  });

  it("normalizeZipTimestamps rejects data that is not a zip", () => {
    expect(() => normalizeZipTimestamps(Buffer.from("kein zip"), { year: 2024, month: 1, day: 1 })).toThrow(
      "normalizeZipTimestamps: kein ZIP-Archiv (kein Ende des zentralen Verzeichnisses)",
    );
  });
});

describe("helpers", () => {
  it("uniqueSheetName cleans, truncates to 31 characters and numbers duplicates case-insensitively", () => {
    const used = new Set<string>();
    expect(uniqueSheetName("Kinder und Jugendliche: Auffällige [2018]", used)).toBe("Kinder und Jugendliche – Auffäl");
    expect(uniqueSheetName("kinder und jugendliche – auffällige", used)).toBe("kinder und jugendliche – au (2)");
    expect(uniqueSheetName("a:b/c*d?e\\f", used)).toBe("a-b-c-d-e-f");
    expect(uniqueSheetName("'Zitat'", used)).toBe("Zitat");
    expect(uniqueSheetName("", used)).toBe("Tabelle");
  });

  it("formatCell and germanDate speak German", () => {
    expect(formatCell(1234567.891, 2)).toBe("1.234.567,89");
    expect(formatCell(missing(""))).toBe("–");
    expect(formatCell(true)).toBe("ja");
    expect(germanDate("2024-12-01")).toBe("01.12.2024");
  });
});
