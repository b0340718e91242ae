import { describe, expect, it } from "vitest";
import { Missing, protectTable, type ReportTable } from "../../src/index.js";

const table: ReportTable = {
  title: "Altersarmut",
  columns: [
    { key: "id", label: "Sozialraum" },
    { key: "ew65", label: "Einwohner 65+" },
    { key: "quote", label: "Altersarmut (%)" },
    { key: "z", label: "Altersarmut: z" },
  ],
  rows: [
    { id: "01", ew65: 16, quote: 12.5, z: 2.1, basis: 16 },  // base 16 < 30: share and z withheld
    { id: "02", ew65: 2, quote: 0, z: -0.8, basis: 2 },      // count 2 < 3 and base 2 < 30
    { id: "03", ew65: 400, quote: 3.5, z: 0.1, basis: 400 }, // published
  ],
  highlight: [{ row: 0, key: "z", level: "stark auffällig" }, { row: 2, key: "z", level: "hinweis" }],
};

describe("protectTable", () => {
  const out = protectTable(table, { counts: ["ew65"], shares: [{ key: "quote", base: "basis" }, { key: "z", base: "basis" }] });

  it("withholds counts below 3 and shares (with their z) whose base is below 30", () => {
    const r = out.table.rows;
    expect(r[0].ew65).toBe(16);
    expect(r[0].quote).toBeInstanceOf(Missing);
    expect(r[0].z).toBeInstanceOf(Missing);
    expect(String(r[1].ew65)).toBe(".");
    expect(String(r[1].quote)).toBe(".");
    expect(r[2]).toEqual(table.rows[2]);
    expect(out.withheld.map((w) => `${w.row}:${w.column}:${w.kind}`)).toEqual(["0:quote:primär", "0:z:primär", "1:ew65:primär", "1:quote:primär", "1:z:primär"]);
    expect(out.withheld[0].label).toBe("Altersarmut (%)");
  });

  it("drops the highlight of a withheld cell, keeps the others, and leaves the input alone", () => {
    expect(out.table.highlight).toEqual([{ row: 2, key: "z", level: "hinweis" }]);
    expect(table.rows[0].quote).toBe(12.5);
    expect(table.highlight).toHaveLength(2);
  });

  it("returns the table unchanged when no rule applies", () => {
    expect(protectTable(table, { counts: ["unbekannt"] }).table).toBe(table);
    expect(protectTable(table, { minBase: 10, shares: [{ key: "quote", base: "basis" }] }).withheld.map((w) => w.row)).toEqual([1]);
  });
});

describe("disclosureRules", () => {
  it("reads the count and share columns a table declares", async () => {
    const { disclosureRules } = await import("../../src/report/index.js");
    const t: ReportTable = {
      title: "t",
      rows: [],
      columns: [
        { key: "id", label: "Sozialraum" },
        { key: "ew", label: "Einwohner", disclosure: { count: true } },
        { key: "quote", label: "Quote", disclosure: { base: "basis" } },
      ],
    };
    expect(disclosureRules(t)).toEqual({ counts: ["ew"], shares: [{ key: "quote", base: "basis" }] });
  });
});
