import { describe, expect, it } from "vitest";
import { highlightWhere, tableHtml } from "../../src/report/index.js";

describe("highlightWhere", () => {
  it("highlights the cells of one column where the rule gives a level, keeping row indices", () => {
    const rows = [{ id: "01", p: 0.01 }, { id: "02", p: 0.4 }, { id: "03", p: 0.002 }];
    const rule = (r: { p: number }) => (r.p <= 0.005 ? "stark auffällig" : r.p <= 0.05 && "hinweis");
    expect(highlightWhere(rows, "p", rule)).toEqual([
      { row: 0, key: "p", level: "hinweis" },
      { row: 2, key: "p", level: "stark auffällig" },
    ]);
    expect(highlightWhere(rows, "p", (_, i) => (i === 1 ? "auffällig" : null))).toEqual([{ row: 1, key: "p", level: "auffällig" }]);
    expect(highlightWhere([], "p", () => "hinweis")).toEqual([]);
  });

  it("colours the cells in the HTML report", () => {
    const rows = [{ id: "01", p: 0.01 }, { id: "02", p: 0.4 }];
    const columns = [{ key: "id", label: "Gebiet" }, { key: "p", label: "p" }];
    const html = tableHtml({ title: "P", columns, rows, highlight: highlightWhere(rows, "p", (r) => r.p < 0.05 && "hinweis") }, "p");
    expect(html).toContain('<td class="num hl-hinweis" title="hinweis">0,01</td>');
    expect(html).toContain('<td class="num">0,4</td>');
  });
});
