import { describe, expect, it } from "vitest";
import { DEFAULT_MISSING_MARKERS, parseCsv, readCsv } from "../../src/io/index.js";
import { Missing } from "../../src/table/index.js";
import { tmpFile } from "./tmp.js";

const p = (text: string, options = {}) => parseCsv(text, { file: "x.csv", ...options });

describe("readCsv / parseCsv", () => {
  it("reads a statistics-office CSV: keys as text, German numbers, markers as Missing", () => {
    const path = tmpFile("struktur.csv", "\ufeffsozialraum_id;einwohner;anteil;saldo\n010101;1.675;9,7;-  23\n010102; 1 675 ;53,40%;.\n010103;0;0,0;-\n");
    const t = readCsv(path, { id: "sozialraum_id" });
    expect(t.file).toBe(path);
    expect(t.id).toBe("sozialraum_id");
    expect(t.columns).toEqual(["sozialraum_id", "einwohner", "anteil", "saldo"]);
    expect(t.columnTypes).toEqual({ sozialraum_id: "string", einwohner: "number", anteil: "number", saldo: "number" });
    expect(t.rows[0]).toEqual({ sozialraum_id: "010101", einwohner: 1675, anteil: 9.7, saldo: -23 });
    expect(t.rows[1].einwohner).toBe(1675);
    expect(t.rows[1].anteil).toBe(53.4);
    expect(t.rows[1].saldo).toEqual(new Missing("."));
    expect(t.rows[2]).toEqual({ sozialraum_id: "010103", einwohner: 0, anteil: 0, saldo: new Missing("-") });
    expect(t.rowNumbers).toEqual([2, 3, 4]);
    expect(t.warnings).toEqual([]);
  });

  it("never turns a marker into 0, and keeps each marker", () => {
    const markers = ["", ".", "-", "–", "x", "*", "k.A.", "NULL"];
    const t = p(["id;n", ...markers.map((m, i) => `${i};${m}`), "99;5"].join("\n"));
    expect(t.rows.map((r) => (r.n instanceof Missing ? r.n.marker : r.n))).toEqual([...markers, 5]);
    for (const m of markers) expect(DEFAULT_MISSING_MARKERS).toContain(m);
  });

  it("takes custom missing markers and zero markers", () => {
    const t = p("id,n\n1,-9999\n2,-\n3,4\n", { missingMarkers: [...DEFAULT_MISSING_MARKERS, "-9999"], zeroMarkers: ["-"] });
    expect(t.rows.map((r) => r.n)).toEqual([new Missing("-9999"), 0, 4]);
    expect(() => p("id,n\n1,.\n", { missingMarkers: [""], types: { n: "number" } })).toThrow(/Zeile 2, Spalte "n": Wert "\." ist keine Zahl/);
  });

  it("keeps text columns as text, including markers and leading zeros", () => {
    const t = p("id;name;plz;bez\n1;NA;01067;01\n2;Altstadt;10115;12\n");
    expect(t.columnTypes).toEqual({ id: "number", name: "string", plz: "string", bez: "string" });
    expect(t.rows[0]).toEqual({ id: 1, name: "NA", plz: "01067", bez: "01" });
    const declared = p("id;n\n1;2\n", { types: { n: "string" } });
    expect(declared.rows[0].n).toBe("2");
  });

  it("detects comma, semicolon and tab; quoted fields may hold separators, quotes and line breaks", () => {
    const t = p('id,name,n\n0101,"Mitte, Nord",3\n0102,"Der ""Kiez""\nam Hafen",4\n0103,Süd,5\n', { id: "id" });
    expect(t.source?.separator).toBe(",");
    expect(t.rows.map((r) => r.name)).toEqual(["Mitte, Nord", 'Der "Kiez"\nam Hafen', "Süd"]);
    // the record starting on line 3 spans two lines, so the next record starts on line 5
    expect(t.rowNumbers).toEqual([2, 3, 5]);
    expect(p("id\tn\n1\t2,5\n").rows[0]).toEqual({ id: 1, n: 2.5 });
  });

  it("skips title rows with headerRow and reports spreadsheet rows", () => {
    const t = p("Strukturdaten 2018\nStand: 31.12.2018\nid;n\n0101;1\n\n0102;2\n", { headerRow: 3, id: "id" });
    expect(t.rows).toEqual([{ id: "0101", n: 1 }, { id: "0102", n: 2 }]);
    expect(t.rowNumbers).toEqual([4, 6]);
    expect(t.source?.headerRow).toBe(3);
  });

  it("ignores rows of empty fields with a warning, and unnamed empty columns", () => {
    const t = p("id;n;\n1;2;\n;;\n3;4;\n");
    expect(t.rows).toEqual([{ id: 1, n: 2 }, { id: 3, n: 4 }]);
    expect(t.warnings).toEqual(["parseCsv: x.csv: 1 leere Zeile übersprungen", "parseCsv: x.csv: leere Spalte 3 ohne Namen übersprungen"]);
  });

  it("detects the decimal mark and warns when it cannot", () => {
    expect(p("id,a\n1,4.5\n2,1.675\n").rows[1].a).toBe(1.675);
    expect(p("id;a\n1;4,5\n2;1.675\n").rows[1].a).toBe(1675);
    const t = p("id;a\n1;1.675\n");
    expect(t.rows[0].a).toBe(1675);
    expect(t.warnings[0]).toBe('parseCsv: x.csv: Dezimaltrennzeichen nicht erkennbar; mit Dezimalkomma gelesen: "1.675" (Zeile 2, Spalte "a") = 1675; falls das falsch ist, die Option { decimal: "." } angeben');
    expect(p("id;a\n1;1.675\n", { decimal: "." }).rows[0].a).toBe(1.675);
  });

  it("reads UTF-16 with byte-order mark (Excel 'Unicode text') and UTF-8 with BOM", () => {
    const text = "id\tname\n1\tKöln\n";
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) le[2 + 2 * i] = text.charCodeAt(i);
    expect(parseCsv(le).rows[0]).toEqual({ id: 1, name: "Köln" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("id;n\n1;2\n")]);
    expect(parseCsv(bom).columns).toEqual(["id", "n"]);
  });

  it("does not mutate its options", () => {
    const options = { id: "id", types: { n: "number" as const } };
    const copy = JSON.parse(JSON.stringify(options));
    p("id;n\n1;2\n", options);
    expect(options).toEqual(copy);
  });

  it("reads a file without header row", () => {
    expect(p("a;1\nb;2\n", { header: false }).rows).toEqual([{ V1: "a", V2: 1 }, { V1: "b", V2: 2 }]);
    expect(p("a;1\nb;2\n", { columnNames: ["k", "v"] }).rowNumbers).toEqual([1, 2]);
  });
});
