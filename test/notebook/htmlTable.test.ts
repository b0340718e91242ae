import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { htmlTable, showFigure, showTable } from "../../src/notebook/index.js";
import { missing } from "../../src/table/missing.js";

const cells = (html: string): string[] => [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);

describe("htmlTable", () => {
  it("formats numbers the German way and keeps missing markers visible", () => {
    const html = htmlTable(
      [
        { id: "010101", einwohner: 3604, quote: 0.1234 },
        { id: "010102", einwohner: missing("."), quote: missing("") },
        { id: "010103", einwohner: 12345678, quote: missing("-") },
      ],
      { columns: ["id", { key: "einwohner", label: "Einwohner" }, { key: "quote", label: "Quote", decimals: 2 }] },
    );
    expect(cells(html)).toEqual(["010101", "3.604", "0,12", "010102", ".", "(leer)", "010103", "12.345.678", "-"]);
    expect(html).toContain("<th>Einwohner</th>");
    expect(html).toContain('title="fehlender Wert, Markierung &quot;.&quot;"');
    expect(html).not.toContain("ausgeblendet");
    expect(cells(htmlTable([{ jahr: 2018 }], { columns: [{ key: "jahr", grouping: false }] }))).toEqual(["2018"]);
  });

  it("limits the rows and says how many are hidden", () => {
    const rows = Array.from({ length: 1234 }, (_, i) => ({ i }));
    const html = htmlTable(rows, { limit: 3 });
    expect(cells(html)).toEqual(["0", "1", "2"]);
    expect(html).toContain("3 von 1.234 Zeilen angezeigt, 1.231 weitere ausgeblendet.");
    expect(htmlTable([], {})).toContain("Keine Zeilen.");
    expect(() => htmlTable(rows, { limit: -1 })).toThrow("htmlTable: limit muss eine nicht negative ganze Zahl sein, angegeben ist -1");
  });

  it("escapes text, reads arquero tables and shows the caption", () => {
    const html = htmlTable(aq.table({ name: ["<b>A & B</b>"], ok: [true] }), { caption: "Gebiete <1>" });
    expect(cells(html)).toEqual(["&lt;b&gt;A &amp; B&lt;/b&gt;", "ja"]);
    expect(html).toContain("<caption>Gebiete &lt;1&gt;</caption>");
  });

  it("show… functions fail clearly outside a tslab kernel", () => {
    expect(() => showTable([{ a: 1 }])).toThrow("showTable: läuft nicht in einem tslab-Notebook-Kernel");
    expect(() => showFigure({ data: [], layout: {} })).toThrow("showFigure: läuft nicht in einem tslab-Notebook-Kernel");
  });
});
