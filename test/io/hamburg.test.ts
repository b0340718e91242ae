import { readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { readCsv, readXlsx } from "../../src/io/index.js";
import { isMissing, Missing, type AreaTable } from "../../src/table/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

const base = () => sharedPath("hamburg-stadtteilprofile-2014", "Daten_fuer_die_Stadtteilprofile_2014");

describeShared("Hamburg Stadtteilprofile 2014", () => {
  let csv: AreaTable;
  let xlsx: AreaTable;
  beforeAll(async () => {
    csv = readCsv(base() + ".csv", { id: "Stadtgebiet" });
    xlsx = await readXlsx(base() + ".xlsx", { id: "Stadtgebiet" });
  });

  const row = (t: AreaTable, name: string) => t.rows[t.rows.findIndex((r) => r.Stadtgebiet === name)];

  it("reads the CSV: 107 areas (Stadtteile, Bezirke, city), 69 columns, semicolons, decimal comma", () => {
    expect(csv.rows).toHaveLength(107);
    expect(csv.columns).toHaveLength(69);
    expect(csv.source).toMatchObject({ format: "csv", separator: ";", decimal: ",", encoding: "utf-8", headerRow: 1 });
    expect(csv.warnings).toEqual([]);
    expect(csv.columnTypes.Stadtgebiet).toBe("string");
    expect(Object.values(csv.columnTypes).filter((t) => t === "number")).toHaveLength(68);
    // " 65-Jährige und Ältere" has a leading space in the file: names are trimmed
    expect(csv.columns[4]).toBe("65-Jährige und Ältere");
    expect(csv.rowNumbers.slice(0, 2)).toEqual([2, 3]);
  });

  it("parses cells exactly as written in the raw file (checked by hand)", () => {
    // line 2, field 2 (Bevölkerung): " 1 675    "
    expect(row(csv, "Hamburg-Altstadt")["Bevölkerung"]).toBe(1675);
    // line 2, field 4 (Anteil der unter 18-Jährigen in %): " 9,7    "
    expect(row(csv, "Hamburg-Altstadt")["Anteil der unter 18-Jährigen in %"]).toBe(9.7);
    // line 2, field 29 (Wanderungssaldo): "-  23    "
    expect(row(csv, "Hamburg-Altstadt").Wanderungssaldo).toBe(-23);
    // line 2, field 44 (Durchschnitt-liches Einkommen …): " 26 493"
    expect(row(csv, "Hamburg-Altstadt")["Durchschnitt-liches Einkommen je Steuerpflichtigen in EUR (2010)"]).toBe(26493);
    // line 2, field 57 (Preise für Ein- bzw Zwei-familienhäuser …): "."
    const price = row(csv, "Hamburg-Altstadt")["Preise für Ein- bzw Zwei-familienhäuser in EUR/m² (Jan 2014)"];
    expect(price).toBeInstanceOf(Missing);
    expect(String(price)).toBe(".");
    // line 4, field 29 (Neustadt, Wanderungssaldo): "-  73    "
    expect(row(csv, "Neustadt").Wanderungssaldo).toBe(-73);
    // line 74, field 21 (Curslack, Fläche in km²): " 10,6    "; field 57: " 1 822"
    expect(row(csv, "Curslack")["Fläche in km²"]).toBe(10.6);
    expect(row(csv, "Curslack")["Preise für Ein- bzw Zwei-familienhäuser in EUR/m² (Jan 2014)"]).toBe(1822);
    // line 74, field 29 (Curslack, Wanderungssaldo): "-    " — a dash alone is a missing marker, not 0, not -0
    expect(String(row(csv, "Curslack").Wanderungssaldo)).toBe("-");
    expect(isMissing(row(csv, "Curslack").Wanderungssaldo)).toBe(true);
    // line 83, field 29 (Tatenberg, Wanderungssaldo): "-  7    "
    expect(row(csv, "Tatenberg").Wanderungssaldo).toBe(-7);
    // line 108, field 2 (Hamburg, Bevölkerung): "1 788 994    "; field 21: " 755,3    "
    expect(row(csv, "Hamburg")["Bevölkerung"]).toBe(1788994);
    expect(row(csv, "Hamburg")["Fläche in km²"]).toBe(755.3);
    expect(csv.rowNumbers[csv.rows.length - 1]).toBe(108);
  });

  it("counts the publisher's 84 '.' cells and 2 '-' cells as missing, nothing else", () => {
    const markers: Record<string, number> = {};
    for (const r of csv.rows) for (const c of csv.columns) if (r[c] instanceof Missing) markers[String(r[c])] = (markers[String(r[c])] ?? 0) + 1;
    // grep -o ';\.' Daten_fuer_die_Stadtteilprofile_2014.csv | wc -l → 84; ';-    ;' → 2 (lines 74, 83)
    expect(markers).toEqual({ ".": 84, "-": 2 });
  });

  it("finds the XLSX header in Zeile 3 below a title and merged group headings, data from row 5", () => {
    expect(xlsx.source).toMatchObject({ format: "xlsx", sheet: "Stadtteilprofile 2014", headerRow: 3 });
    expect(xlsx.rowNumbers[0]).toBe(5); // Zeile 4 holds long descriptions under the merged "Stadtgebiet" cell A2:A4
    expect(xlsx.rows).toHaveLength(107);
    expect(xlsx.columns).toEqual(csv.columns);
    expect(xlsx.columnTypes).toEqual(csv.columnTypes);
    expect(xlsx.rows.map((r) => r.Stadtgebiet)).toEqual(csv.rows.map((r) => r.Stadtgebiet));
  });

  it("gives the same values from XLSX and CSV, except where the publisher's files differ", () => {
    // Where the files differ (found by comparing every cell):
    // 1. The CSV holds values rounded for display, the XLSX full precision, in 4 columns: "Fläche in km²"
    //    (e.g. Altstadt 1,3 vs 1.3xx), "Wohnungsgröße …", "Wohnfläche je Einwohner/-in …", "PKW-Dichte …".
    //    There the CSV value must equal the XLSX value rounded to the CSV's decimals.
    // 2. Two zeros are written "-" in the CSV (Excel's zero format "-" of those columns): Curslack Wanderungssaldo
    //    and Tatenberg "Fortzüge in das Hamburger Umland"; the XLSX has 0.
    const rawLines = readFileSync(base() + ".csv", "utf8").split("\n").slice(1);
    const rounded = new Set<string>();
    const dashes: string[] = [];
    let equal = 0;
    for (let i = 0; i < csv.rows.length; i++) {
      const fields = rawLines[i].split(";");
      csv.columns.forEach((c, j) => {
        const a = csv.rows[i][c];
        const b = xlsx.rows[i][c];
        if (a instanceof Missing || b instanceof Missing) {
          if (a instanceof Missing && b instanceof Missing && a.marker === b.marker) equal++;
          else if (a instanceof Missing && a.marker === "-" && b === 0) dashes.push(`${csv.rows[i].Stadtgebiet}/${c}`);
          else throw new Error(`unexpected difference ${c} ${a} ${b}`);
          return;
        }
        if (a === b) {
          equal++;
          return;
        }
        const decimals = (fields[j].trim().split(",")[1] ?? "").length;
        expect(typeof b).toBe("number");
        expect(a).toBe(Number((b as number).toFixed(decimals)));
        rounded.add(c);
      });
    }
    expect([...rounded].sort()).toEqual(["Fläche in km²", "PKW-Dichte (Jan 2014)", "Wohnfläche je Einwohner/-in in m² (2013)", "Wohnungsgröße in m² (2013)"]);
    expect(dashes).toEqual(["Curslack/Wanderungssaldo", "Tatenberg/Fortzüge in das Hamburger Umland"]);
    expect(equal).toBe(107 * 69 - 2 - 104 - 3 * 107);
  });

  it("with zeroMarkers ['-'] (Destatis: '-' = nichts vorhanden) the dashes read as 0 like the XLSX", () => {
    const z = readCsv(base() + ".csv", { id: "Stadtgebiet", zeroMarkers: ["-"] });
    expect(row(z, "Curslack").Wanderungssaldo).toBe(0);
    expect(row(z, "Tatenberg")["Fortzüge in das Hamburger Umland"]).toBe(0);
    expect(row(xlsx, "Curslack").Wanderungssaldo).toBe(0);
  });

  it("detects the same header without an id", async () => {
    const t = await readXlsx(base() + ".xlsx");
    expect(t.source?.headerRow).toBe(3);
    expect(t.rowNumbers[0]).toBe(5);
  });
});
