import { beforeAll, expect, it } from "vitest";
import { geoJsonTable, readCsv, readGeoJson } from "../../src/io/index.js";
import { checkAreaTable, isMissing, joinAreaTables, type AreaTable } from "../../src/table/index.js";
import type { AreaGeometries } from "../../src/io/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

const file = (name: string) => sharedPath("berlin-mss-2021", name);

describeShared("Berlin MSS 2021", () => {
  let mss: AreaTable;
  let z: AreaTable;
  let plr: AreaGeometries;
  beforeAll(() => {
    mss = readCsv(file("mss_2021_index_indikatoren.csv"), { id: "PLR_ID" });
    z = readCsv(file("mss_2021_index-indikatoren_z-werte_plr.csv"), { id: "PLR-ID" });
    plr = readGeoJson(file("lor_planungsraeume_2021_542_wgs84.geojson"), { idProperty: "PLR_ID" });
  });

  it("reads 542 Planungsräume with 8-character string keys, leading zeros kept", () => {
    expect(mss.rows).toHaveLength(542);
    expect(mss.source).toMatchObject({ separator: ",", decimal: "." });
    expect(mss.rows.every((r) => typeof r.PLR_ID === "string" && /^\d{8}$/.test(r.PLR_ID))).toBe(true);
    // line 2: 202012,"01100101",Stülerstraße,3419,"01",4.22594,2,3,,,,8.04329,…
    expect(mss.rows[0]).toMatchObject({ ZEIT: 202012, PLR_ID: "01100101", PLR_NAME: "Stülerstraße", EW: 3419, BEZ_ID: "01", S1: 4.22594, S3: 8.04329, S4: 19.39799 });
    expect(isMissing(mss.rows[0].S2)).toBe(true);
    // BEZ_ID ("01"…"12") is text because of its leading zeros, although undeclared
    expect(mss.columnTypes.BEZ_ID).toBe("string");
    expect(checkAreaTable(mss, { counts: ["EW"] }).n).toBe(542);
  });

  it("has the publisher's validity counts: 536 gültig, 6 ungültig", () => {
    const kom: Record<string, number> = {};
    for (const r of mss.rows) kom[String(r.KOM)] = (kom[String(r.KOM)] ?? 0) + 1;
    expect(kom).toEqual({ gültig: 536, "ungültig (EW unter 300)": 5, "ungültig (Ausreißer)": 1 });
  });

  it("reads table 3 (semicolons, byte-order mark, CRLF, decimal point)", () => {
    expect(z.rows).toHaveLength(542);
    expect(z.source).toMatchObject({ separator: ";", decimal: ".", encoding: "utf-8" });
    expect(z.columns[0]).toBe("PLR-ID"); // BOM removed
    // line 2: 01100101;Stülerstraße;3419;-0.25;-0.41;-0.31;-0.97;-0.33;mittel;0.41;…
    expect(z.rows[0]).toMatchObject({ "PLR-ID": "01100101", "EW 31.12.2020": 3419, zS1: -0.25, zS3: -0.41, zS4: -0.31, "Status-summe": -0.97 });
    expect(z.columns).toContain("Zuordnung Klasse Status-Index"); // trailing space in the file trimmed
  });

  it("loads the 542 polygons with PLR_ID and joins them with both tables without losses", () => {
    expect(plr.features).toHaveLength(542);
    expect(plr.ids[0]).toBe("01100101");
    expect(new Set(plr.features.map((f) => f.geometry.type))).toEqual(new Set(["Polygon"]));
    const j1 = joinAreaTables(geoJsonTable(plr), mss, { columns: ["EW", "S1"] });
    expect(j1.n).toBe(542);
    expect(j1.excluded).toEqual([]);
    const j2 = joinAreaTables(mss, z, { columns: ["zS1"] });
    expect(j2.n).toBe(542);
    expect(j2.table.rows[0]).toMatchObject({ PLR_ID: "01100101", zS1: -0.25 });
  });
});
