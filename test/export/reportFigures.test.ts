import { describe, expect, it } from "vitest";
import { reportFigures } from "../../src/export/index.js";
import type { Figure } from "../../src/plot/figure.js";
import type { ReportDocument } from "../../src/report/index.js";

const fig = (title: string): Figure => ({ data: [], layout: { title: { text: title } } });

describe("reportFigures", () => {
  it("names every figure like its div in the HTML report, in report order", () => {
    const doc: ReportDocument = {
      title: "Test",
      date: "2024-01-02",
      source: "Test",
      parameters: [],
      sections: [
        { id: "rangfolge", title: "Rangfolge", figures: [{ title: "A", figure: fig("A") }] },
        { id: "text", title: "Nur Text", paragraphs: ["…"] },
        { id: "karten", title: "Karten", figures: [{ title: "B", figure: fig("B") }, { title: "C", figure: fig("C") }] },
      ],
    };
    const named = reportFigures(doc);
    expect(named.map((f) => f.name)).toEqual(["rangfolge-abbildung-1", "karten-abbildung-1", "karten-abbildung-2"]);
    expect(named[2].figure).toBe(doc.sections[2].figures![1].figure);
  });

  it("refuses what is not a report document", () => {
    expect(() => reportFigures({} as ReportDocument)).toThrow("reportFigures: doc muss ein Berichtsdokument mit sections sein, angegeben ist object");
  });
});
