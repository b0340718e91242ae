import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { conspicuousPoorlyNetworked, cooperationNetwork } from "../../src/network/index.js";
import { networkFigure } from "../../src/plot/networkFigure.js";
import { assertOfflineFigure } from "../../src/render/assertOfflineFigure.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import { reportWorkbook } from "../../src/report/reportWorkbook.js";
import { vernetzungSection } from "../../src/report/sections/vernetzungSection.js";
import { ACTORS, AREAS, COOPERATIONS, FACILITIES, GEOJSON } from "./crafted.js";

const net = cooperationNetwork({ areas: AREAS, facilities: FACILITIES, actors: ACTORS, cooperations: COOPERATIONS });
const poorly = conspicuousPoorlyNetworked(net, [{ id: "S1", group: "children" }, { id: "S2", group: "children" }]);

describe("networkFigure", () => {
  const fig = networkFigure(net, { geojson: GEOJSON, idProperty: "sozialraum_id", highlight: poorly.poorlyNetworked });
  const trace = (prefix: string) => fig.data.find((t) => String(t.name).startsWith(prefix)) as Record<string, unknown[]>;

  it("draws the base map, the highlighted areas, three kinds of lines and three kinds of nodes with counts", () => {
    expect(fig.data.map((t) => t.name)).toEqual([
      "Sozialraum",
      "auffällig, aber kaum vernetzt",
      "beendete Kooperation (1)",
      "Kooperation im Sozialraum (2)",
      "Kooperation über die Grenze (1)",
      "Einrichtung (3)",
      "lokaler Akteur (3)",
      "Einrichtung ohne Partner (1)",
    ]);
    expect(trace("auffällig").locations).toEqual(["S2"]);
    assertOfflineFigure(fig);
  });

  it("places actors without coordinates at their area's centroid; F4 (outside, no coordinates) and its tie are left out with a note", () => {
    const actors = trace("lokaler Akteur");
    expect(actors.lon.map((x) => Number((x as number).toFixed(6)))).toEqual([7.005, 7.015, 7.015]);
    expect(actors.lat.map((x) => Number((x as number).toFixed(6)))).toEqual([51.005, 51.005, 51.005]);
    // the only tie across a border that can be drawn is F1–A2 (F3–F4 lacks F4's position): 2 points + separator
    expect(trace("Kooperation über die Grenze").lon).toHaveLength(3);
    expect((fig.layout.annotations as Array<{ text: string }>)[0].text).toBe("1 Akteur(e) ohne Ort nicht dargestellt: F4");
  });
});

describe("vernetzungSection", () => {
  const section = vernetzungSection(net, { poorly, geojson: GEOJSON, groupLabels: { children: "Kinder" } });

  it("has the German tables Vernetzung (one row per Sozialraum), Auffällig, kaum vernetzt (highlighted) and Kooperationen", () => {
    expect(section.id).toBe("vernetzung");
    expect(section.tables!.map((t) => t.title)).toEqual(["Vernetzung", "Auffällig, kaum vernetzt", "Kooperationen"]);
    expect(section.tables![0].rows.map((r) => [r.id, r.density, r.linkedAreas])).toEqual([["S1", 2 / 3, "S2"], ["S2", 0, "S1"], ["S3", null, ""]]);
    expect(section.tables![1].rows.map((r) => [r.id, r.groups, r.verdict])).toEqual([["S1", "Kinder", "vernetzt"], ["S2", "Kinder", "kaum vernetzt"]]);
    expect(section.tables![1].highlight).toEqual([{ row: 1, key: "verdict", level: "auffällig" }]);
    expect(section.tables![2].rows).toHaveLength(net.edges.length);
    expect(section.figures).toHaveLength(1);
  });

  it("explains the formula and the rule and names the findings in German", () => {
    const text = section.paragraphs!.join("\n");
    expect(text).toContain("n·(n−1)/2");
    expect(text).toContain("unter 0,10");
    expect(text).toContain("1 von 2 auffälligen Sozialräumen sind kaum vernetzt: Zwei (S2)");
    expect(text).toContain("Ohne Akteure im Netzwerk (Werte 0): Drei (S3)");
    expect(text).toContain("Beratung 5 (F5)");
  });

  it("renders in the HTML report and as workbook sheets", async () => {
    const doc = { title: "Test", date: "2019-05-31", source: "Test", parameters: [], sections: [section] };
    const html = reportHtml(doc);
    expect(html).toContain("Auffällig, kaum vernetzt");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(doc)) as never);
    const sheets = wb.worksheets.map((w) => w.name);
    expect(sheets).toEqual(expect.arrayContaining(["Vernetzung", "Auffällig, kaum vernetzt", "Kooperationen"]));
  });
});
