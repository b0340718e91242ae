import { readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { geoJsonTable, readCsv, readGeoJson } from "../../src/io/index.js";
import { checkAreaTable, isMissing, joinAreaTables } from "../../src/table/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

const dir = () => sharedPath("flensburg-sozialatlas-2022");
const file = (name: string) => sharedPath("flensburg-sozialatlas-2022", name);
const flFiles = () => readdirSync(dir()).filter((f) => f.startsWith("fl_") && f.endsWith(".csv"));

describeShared("Flensburg Sozialatlas 2022", () => {
  it("loads every fl_*.csv (comma separated, decimal point) with numeric district ids and years", () => {
    const names = flFiles();
    expect(names).toHaveLength(13);
    for (const name of names) {
      const t = readCsv(file(name));
      expect(t.source?.separator, name).toBe(",");
      expect(t.warnings, name).toEqual([]);
      expect(t.rows.length, name).toBeGreaterThan(10);
      if (name !== "fl_district.csv") expect(t.columnTypes.year, name).toBe("number");
      expect(t.columnTypes.district_id, name).toBe("number");
    }
  });

  it("reads the SQL dump's NULL district rows as missing and the decimal point from '16.5'", () => {
    // fl_beneficiaries_age_15_to_under_65_by_district.csv line 2: "2021,1,517,16.5,377,70,55,15";
    // line 28: "2021,NULL,451,NULL,53,9,337,52"
    const t = readCsv(file("fl_beneficiaries_age_15_to_under_65_by_district.csv"));
    expect(t.source?.decimal).toBe(".");
    expect(t.rows[0]).toEqual({ year: 2021, district_id: 1, total: 517, percentage_of_total_residents: 16.5, employable_with_benefits: 377, unemployment_benefits: 70, basic_income: 55, assisting_benefits: 15 });
    const r = t.rows[t.rowNumbers.indexOf(28)];
    expect(String(r.district_id)).toBe("NULL");
    expect(isMissing(r.district_id) && isMissing(r.percentage_of_total_residents)).toBe(true);
    expect(r.total).toBe(451);
  });

  it("reads the published tab_*.csv with German percentages and thousands dots", () => {
    // tab_1 line 2: 1,Altstadt,3323,3807,3815,3793,3739,3866,"53,40%","46,60%"
    const t1 = readCsv(file("tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv"), { id: "id" });
    expect(t1.source?.decimal).toBe(",");
    expect(t1.rows).toHaveLength(13);
    expect(t1.rows[0]).toMatchObject({ id: "1", stadtteil: "Altstadt", "2011": 3323, gesamt: 3866, männlich: 53.4, weiblich: 46.6 });
    expect(t1.columns.slice(0, 3)).toEqual(["id", "stadtteil", "2011"]); // file order, although "2011" is an integer-like key
    // tab_11 line 4: …,"49,70%",45%  (no decimals)
    const t11 = readCsv(file("tab_11_sozialversicherungspflichtig_beschaeftigte.csv"));
    expect(t11.rows[2]["Beschäftigungsquote_Frauen_2021"]).toBe(45);
    expect(t11.rows[2]["Beschäftigungsquote_Männer_2021"]).toBe(49.7);
    // tab_9 (no header) line 3: 03 Nordstadt,,5.782,"46,2%","54,2%","45,8%",4.109,"32,8%",1.673,"13,4%"
    const t9 = readCsv(file("tab_9_anteil_migrationshintergrund.csv"), { header: false });
    expect(t9.rows).toHaveLength(13);
    expect(t9.columns).toHaveLength(10);
    expect(t9.rows[2]).toMatchObject({ V1: "03 Nordstadt", V3: 5782, V4: 46.2, V7: 4109, V9: 1673, V10: 13.4 });
    expect(isMissing(t9.rows[2].V2)).toBe(true);
    const t6 = readCsv(file("tab_6_kinder_und_jugd_bis_18.csv"), { columnNames: ["stadtteil", "2011", "2017", "2018", "2019", "2020", "2021"] });
    expect(t6.rows[12]).toEqual({ stadtteil: "13 Tarup", "2011": 969, "2017": 1101, "2018": 1127, "2019": 1142, "2020": 1181, "2021": 1244 });
    for (const name of readdirSync(dir()).filter((f) => f.startsWith("tab_"))) {
      const t = readCsv(file(name), { header: !/tab_(6|9|uebersicht)/.test(name) });
      expect(t.rows.length, name).toBeGreaterThanOrEqual(13);
    }
  });

  it("loads the GeoJSON: 13 MultiPolygons with AREA_ID STGT01…STGT13", () => {
    const g = readGeoJson(file("flensburg_stadtteile.geojson"), { idProperty: "AREA_ID" });
    expect(g.features).toHaveLength(13);
    expect(g.features.every((f) => f.geometry.type === "MultiPolygon")).toBe(true);
    expect([...g.ids].sort()).toEqual(Array.from({ length: 13 }, (_, i) => `STGT${String(i + 1).padStart(2, "0")}`));
    expect(g.warnings).toEqual([]);
    expect(g.bbox[0]).toBeGreaterThan(9.3);
    expect(g.bbox[3]).toBeLessThan(54.9);
  });

  it("joins the polygons with tab_5 by the Stadtteil number and checks the counts", () => {
    const g = geoJsonTable(readGeoJson(file("flensburg_stadtteile.geojson"), { idProperty: "AREA_ID" }));
    const t5 = readCsv(file("tab_5_einwohner_in_stadtteilen_2021_nach_altersgruppen.csv"), { id: "id" });
    const keyed = { ...t5, rows: t5.rows.map((r) => ({ ...r, AREA_ID: `STGT${String(r.id).padStart(2, "0")}` })), columns: [...t5.columns, "AREA_ID"], id: "AREA_ID" };
    const joined = joinAreaTables(g, keyed, { columns: ["gesamt", "unter_18"] });
    expect(joined.n).toBe(13);
    expect(joined.excluded).toEqual([]);
    expect(checkAreaTable(joined.table, { counts: ["gesamt", "unter_18"], ratios: [{ numerator: "unter_18", denominator: "gesamt" }] }).n).toBe(13);
  });
});
