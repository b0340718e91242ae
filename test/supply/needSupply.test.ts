import { describe, expect, it } from "vitest";
import {
  compareNeedSupply, needsNotVisible, observationsTable, parseFacilities, parseObservationDate, parseObservations,
  QUADRANT_LABELS,
} from "../../src/supply/index.js";
import { quadrantFigure } from "../../src/plot/index.js";
import { missing } from "../../src/table/index.js";

describe("compareNeedSupply (hand calculation)", () => {
  const need = [{ id: "a", need: 3 }, { id: "b", need: 1 }, { id: "c", need: 2 }, { id: "d", need: 4 }];
  const supply = [{ id: "a", supply: 10 }, { id: "b", supply: 30 }, { id: "c", supply: 20 }, { id: "d", supply: 40 }];
  it("quadrants against the medians, z-gap and ranking", () => {
    const r = compareNeedSupply(need, supply);
    // median need (2 + 3)/2 = 2.5; median supply (20 + 30)/2 = 25
    expect([r.needLevel, r.supplyLevel]).toEqual([2.5, 25]);
    // a: 3 > 2.5 and 10 < 25 → gap quadrant; b: 1, 30 → low/high; c: 2, 20 → low/low; d: 4, 40 → high/high
    expect(r.rows.map((x) => x.quadrant)).toEqual(["high-need-low-supply", "low-need-high-supply", "low-need-low-supply", "high-need-high-supply"]);
    expect(r.rows[0].quadrantLabel).toBe("hoher Bedarf, geringes Angebot");
    // need: mean 2.5, population sd √((0.25 + 2.25 + 0.25 + 2.25)/4) = √1.25 = 1.1180340
    // supply: mean 25, sd √((225 + 25 + 25 + 225)/4) = √125 = 11.180340
    // a: zNeed 0.5/1.118034 = 0.4472136, zSupply −15/11.18034 = −1.3416408, gap 1.7888544
    expect(r.rows[0].zNeed).toBeCloseTo(0.4472136, 7);
    expect(r.rows[0].zSupply).toBeCloseTo(-1.3416408, 7);
    expect(r.rows[0].gap).toBeCloseTo(1.7888544, 7);
    // b: gap −1.3416408 − 0.4472136 = −1.7888544 → last; c and d have gap 0 (up to rounding)
    expect(r.rows[1].gap).toBeCloseTo(-1.7888544, 7);
    expect(r.rows[2].gap).toBeCloseTo(0, 12);
    expect(r.rows[0].rank).toBe(1);
    expect(r.rows[1].rank).toBe(4);
    expect(r.gaps.map((x) => x.id)).toEqual(["a"]);
    expect(r.quadrantCounts).toEqual({ "high-need-low-supply": 1, "high-need-high-supply": 1, "low-need-low-supply": 1, "low-need-high-supply": 1 });
  });
  it("city levels given; an area exactly at a level is neither high need nor low supply", () => {
    // needLevel 3: a (need 3) is not high; supplyLevel 20: c (supply 20) is not low
    const r = compareNeedSupply(need, supply, { needLevel: 3, supplyLevel: 20 });
    expect(r.rows.map((x) => x.quadrant)).toEqual(["low-need-low-supply", "low-need-high-supply", "low-need-high-supply", "high-need-high-supply"]);
    expect(r.gaps).toEqual([]);
    expect(r.needLevelSource).toBe("given");
  });
  it("ties share the smaller rank", () => {
    const r = compareNeedSupply([{ id: "x", need: 1 }, { id: "y", need: 1 }, { id: "z", need: 0 }], [{ id: "x", supply: 0 }, { id: "y", supply: 0 }, { id: "z", supply: 1 }]);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 1, 3]);
  });
  it("excludes areas with missing values or present on one side only, keeps order and length", () => {
    const r = compareNeedSupply(
      [...need, { id: "e", need: missing(".") }, { id: "f", need: 1 }],
      [...supply, { id: "e", supply: 5 }, { id: "g", supply: 1 }],
    );
    expect(r.rows.map((x) => x.id)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(r.excluded).toEqual([
      { id: "e", reason: "Bedarfswert fehlt", step: "compareNeedSupply", column: "need" },
      { id: "f", reason: "Sozialraum fehlt in den Angebotsdaten", step: "compareNeedSupply" },
      { id: "g", reason: "Sozialraum fehlt in den Bedarfsdaten", step: "compareNeedSupply" },
    ]);
    expect(r.n).toBe(4);
    expect(() => compareNeedSupply([{ id: "a", need: "hoch" }], supply)).toThrow('compareNeedSupply: Bedarf von Gebiet "a" ist keine Zahl: "hoch"');
  });
  it("quadrant figure: gap quadrant first and red, level lines at the levels", () => {
    const fig = quadrantFigure(compareNeedSupply(need, supply), { names: { a: "Altstadt" } });
    expect(fig.data[0].name).toBe(`${QUADRANT_LABELS["high-need-low-supply"]} (1)`);
    expect(fig.data[0].text).toEqual(["Altstadt"]);
    expect((fig.data[0].marker as { color: string }).color).toBe("#d73027");
    const shapes = fig.layout.shapes as Array<{ x0: number; y0: number }>;
    expect(shapes[0].x0).toBe(2.5);
    expect(shapes[1].y0).toBe(25);
  });
  it("quadrant figure: names only the largest gaps, levels rounded to their size, legend above the plot", () => {
    // 30 areas: need i, supply 600 − 7i + 0.29 … areas with need above the median and supply below it are gaps
    const n2 = Array.from({ length: 30 }, (_, i) => ({ id: `g${i}`, need: i / 10 - 0.05 }));
    const s2 = Array.from({ length: 30 }, (_, i) => ({ id: `g${i}`, supply: 600.29 - 7 * i }));
    const r = compareNeedSupply(n2, s2, { supplyLevel: 565.29 });
    const fig = quadrantFigure(r, { labelTop: 4 });
    const layout = fig.layout as { annotations: Array<{ text: string; xref: string }>; legend: { y: number; yanchor: string } };
    const named = layout.annotations.filter((a) => a.xref === "x").map((a) => a.text);
    // the four largest gaps, largest first (placeLabels keeps the order)
    expect(named).toEqual(r.gaps.slice(0, 4).map((g) => g.id));
    expect(r.gaps.length).toBeGreaterThan(4);
    // every point still has its name for the hover text
    expect(fig.data.flatMap((t) => t.text as string[]).sort()).toEqual(n2.map((x) => x.id).sort());
    const note = layout.annotations.find((a) => a.text.startsWith("Gestrichelt"))!.text;
    // median need (1.4 + 1.5)/2 − 0.05 = 1.40 (two decimals below 10); supply level 565.29 → "565"
    expect(note).toBe("Gestrichelte Linien: Bedarf 1,40 (Median)");
    expect(layout.annotations.map((a) => a.text)).toContain("und Angebot 565 (Niveau der Stadt)");
    // short note lines (the figure is a third of the report's width), and no quadrant names in the corners
    expect(layout.annotations.filter((a) => a.xref === "paper").every((a) => a.text.length <= 45)).toBe(true);
    expect(layout.annotations.map((a) => a.text)).not.toContain(QUADRANT_LABELS["high-need-low-supply"]);
    // a given need level (the report passes the "auffällig" threshold 1) is a threshold, not the city's level
    const given = quadrantFigure(compareNeedSupply(n2, s2, { needLevel: 1, supplyLevel: 565.29 }), { labelTop: 4 });
    const givenNote = (given.layout.annotations as Array<{ text: string }>).find((a) => a.text.startsWith("Gestrichelt"))!.text;
    expect(givenNote).toBe("Gestrichelte Linien: Bedarf 1,00 (Schwelle)");
    expect(layout.legend).toMatchObject({ y: 1, yanchor: "bottom" });
    expect(fig.data[0].customdata as unknown[][]).toContainEqual(["g29", 1, expect.any(String), "2,85", "397"]);
    const none = quadrantFigure(r, { showLabels: false });
    expect((none.layout.annotations as Array<{ xref: string }>).filter((a) => a.xref === "x")).toEqual([]);
  });
});

const HEADER = "datum;sozialraum_id;zielgruppe;quelle;text;tags;bedarf";
describe("parseObservations", () => {
  it("reads rows, ISO and German dates, tags, optional need", () => {
    const text = `\uFEFF${HEADER}\n14.03.2018;010101;children;Stadtteilkonferenz;"Zu wenige Kita-Plätze;\nlange Wartelisten";kita|betreuung;hoch\n2018-05-02;010102;elderly;Seniorenbeirat;Treff fehlt;;\n`;
    const obs = parseObservations(text, { areaIds: ["010101", "010102"] });
    expect(obs).toEqual([
      { row: 2, date: "2018-03-14", area: "010101", group: "children", source: "Stadtteilkonferenz", text: "Zu wenige Kita-Plätze;\nlange Wartelisten", tags: ["kita", "betreuung"], need: "hoch" },
      // the quoted text spans lines 2–3, so this record starts on line 4
      { row: 4, date: "2018-05-02", area: "010102", group: "elderly", source: "Seniorenbeirat", text: "Treff fehlt", tags: [], need: null },
    ]);
  });
  it("lists every invalid cell with file, row, column and value", () => {
    const text = `${HEADER}\n31.02.2018;010101;children;A;t;;\n2018-01-05;999999;kids;B;t;;\n`;
    expect(() => parseObservations(text, { file: "data/stadtteiltreffen.csv", areaIds: ["010101"] })).toThrow(
      'parseObservations: 3 Fehler:\n' +
        '  data/stadtteiltreffen.csv Zeile 2, Spalte "datum": kein Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ) "31.02.2018"\n' +
        '  data/stadtteiltreffen.csv Zeile 3, Spalte "sozialraum_id": unbekannter Gebietsschlüssel "999999"\n' +
        '  data/stadtteiltreffen.csv Zeile 3, Spalte "zielgruppe": unbekannte Zielgruppe "kids"',
    );
    expect(() => parseObservations("datum;text\n")).toThrow('parseObservations: stadtteiltreffen.csv: fehlende Spalte(n) "sozialraum_id", "zielgruppe"');
  });
  it("dates: leap years and formats", () => {
    expect(parseObservationDate("29.02.2020")).toBe("2020-02-29");
    expect(parseObservationDate("29.02.2019")).toBeNull();
    expect(parseObservationDate("2019-13-01")).toBeNull();
    expect(parseObservationDate("1.3.2019")).toBe("2019-03-01");
  });
});

describe("needsNotVisible and observationsTable", () => {
  const obs = parseObservations(
    `${HEADER}\n` +
      "2018-03-01;01;children;Konferenz;Kita fehlt;kita;hoch\n" +
      "2018-04-01;01;children;Jugendamt;Wartelisten;kita;mittel\n" +
      "2018-04-01;02;children;Konferenz;Spielplatz kaputt;;\n" + // no need category → signals nothing
      "2018-04-01;03;children;Konferenz;Armut;;hoch\n" +
      "2018-04-01;04;elderly;Beirat;Einsamkeit;;hoch\n" +
      "2018-04-01;05;children;Beirat;alles gut;;kein\n",
  );
  const need = [
    { id: "01", group: "children", need: 0.2 },
    { id: "02", group: "children", need: -1 },
    { id: "03", group: "children", need: 1.5 },
    { id: "05", group: "children", need: -2 },
  ];
  it("names areas whose reported need is at or below the threshold or missing in the data", () => {
    const rows = needsNotVisible(obs, need, { threshold: 1 });
    // 01: 0.2 ≤ 1 → listed; 02: no need category; 03: 1.5 > 1 visible; 04 elderly: no need value; 05: "kein"
    expect(rows.map((r) => [r.id, r.group])).toEqual([["01", "children"], ["04", "elderly"]]);
    expect(rows[0]).toMatchObject({ observations: 2, categories: ["hoch", "mittel"], sources: ["Konferenz", "Jugendamt"], firstDate: "2018-03-01", lastDate: "2018-04-01", need: 0.2 });
    expect(rows[0].reason).toBe("in Stadtteiltreffen genannt, Bedarf 0,20 ≤ Schwelle 1");
    expect(rows[1].reason).toBe("in Stadtteiltreffen genannt, aber kein Bedarfswert in den Daten");
  });
  it("uses flags when every need row has one", () => {
    const flagged = need.map((r) => ({ ...r, flagged: r.id === "01" }));
    expect(needsNotVisible(obs, flagged).map((r) => r.id)).toEqual(["03", "04"]);
    expect(() => needsNotVisible(obs, need)).toThrow('needsNotVisible: die Option threshold angeben oder in jeder Bedarfszeile einen Wahrheitswert "flagged"');
  });
  it("observations next to the statistics", () => {
    const cmp = compareNeedSupply([{ id: "01", need: 0.2 }, { id: "03", need: 1.5 }], [{ id: "01", supply: 10 }, { id: "03", supply: 5 }]);
    const rows = observationsTable(obs, { comparisons: { children: cmp }, areaNames: { "01": "Altstadt" } });
    expect(rows[0]).toEqual({
      date: "01.03.2018", area: "01", areaName: "Altstadt", group: "Kinder und Jugendliche", source: "Konferenz", text: "Kita fehlt",
      tags: "kita", needCategory: "hoch", need: 0.2, supply: 10, rank: 2, quadrant: "geringer Bedarf, hohes Angebot",
    });
    expect(rows.map((r) => r.area)).toEqual(["01", "01", "02", "03", "04", "05"]);
    expect(rows[4].need).toBeNull();
  });
});

describe("parseFacilities", () => {
  const head = "einrichtung_id;name;typ;zielgruppe;kapazitaet;lon;lat";
  it("reads German and English coordinates, target groups, capacity", () => {
    const f = parseFacilities(`${head}\nE1;Kita Am Park;Kita;children;1.200;7,01;51,04\nE2;Beratung;Beratungsstelle;working-age|context;;7.02;51.05\n`);
    expect(f).toEqual([
      { id: "E1", name: "Kita Am Park", type: "Kita", groups: ["children"], capacity: 1200, lon: 7.01, lat: 51.04 },
      { id: "E2", name: "Beratung", type: "Beratungsstelle", groups: ["working-age", "context"], capacity: null, lon: 7.02, lat: 51.05 },
    ]);
  });
  it("lists every invalid cell", () => {
    expect(() => parseFacilities(`${head}\nE1;X;Kino;kids;-5;7,01;91\nE1;Y;Kita;children;5;abc;51\n`, { file: "e.csv" })).toThrow(
      "parseFacilities: 6 Fehler:\n" +
        '  e.csv Zeile 2, Spalte "typ": unbekannter Einrichtungstyp (erwartet Kita, Jugendzentrum, Familienzentrum, Seniorentreff, Beratungsstelle) "Kino"\n' +
        '  e.csv Zeile 2, Spalte "zielgruppe": unbekannte Zielgruppe "kids"\n' +
        '  e.csv Zeile 2, Spalte "kapazitaet": keine Zahl ≥ 0 "-5"\n' +
        '  e.csv Zeile 2, Spalte "lat": keine geographische Breite "91"\n' +
        '  e.csv Zeile 3, Spalte "einrichtung_id": doppelter Schlüssel (zuerst in Zeile 2) "E1"\n' +
        '  e.csv Zeile 3, Spalte "lon": keine geographische Länge "abc"',
    );
  });
  it("names the file line after skipped empty lines and quoted line breaks (review fix)", () => {
    // E2 stands on line 5 (lines 3 and 4 are empty); E4 on line 8 (E3's name spans lines 6–7).
    const text = `${head}\nE1;A;Kita;children;8;7,01;51,04\n\n\nE2;B;Kita;kids;8;7,01;51,04\nE3;"C\nD";Kita;children;8;7,01;51,04\nE4;E;Kita;teens;8;7,01;51,04\n`;
    expect(() => parseFacilities(text, { file: "e.csv" })).toThrow(
      'parseFacilities: 2 Fehler:\n  e.csv Zeile 5, Spalte "zielgruppe": unbekannte Zielgruppe "kids"\n  e.csv Zeile 8, Spalte "zielgruppe": unbekannte Zielgruppe "teens"',
    );
  });
  it("prefixes malformed-CSV errors with function, file and row (review fix)", () => {
    expect(() => parseFacilities(`${head}\nE1;A;Kita;children;8;7,01\n`, { file: "e.csv" })).toThrow(
      'parseFacilities: e.csv Zeile 2: 6 Felder, erwartet 7 (die Kopfzeile hat 7 Spalten, Trennzeichen ";")',
    );
    expect(() => parseFacilities(`${head}\nE1;"A;Kita;children;8;7,01;51\n`, { file: "e.csv" })).toThrow(
      "parseFacilities: e.csv Zeile 2: defektes Anführungszeichen: ein in Zeile 2 geöffnetes Anführungszeichen wird bis zum Dateiende nicht geschlossen (Textzeile 2)",
    );
  });
  it("reads bytes as the other tables do: UTF-8 with BOM, else Windows-1252 with a German warning", () => {
    const body = `${head}\r\nE1;Kita Gänseblümchen;Kita;children;1.200;7,01;51,04\r\n`;
    const warnings: string[] = [];
    const utf8 = parseFacilities(Buffer.from("\uFEFF" + body, "utf8"), { file: "e.csv", onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    const cp1252 = parseFacilities(Buffer.from(body, "latin1"), { file: "e.csv", onWarning: (w) => warnings.push(w) });
    expect(cp1252).toEqual(utf8);
    expect(cp1252[0].name).toBe("Kita Gänseblümchen");
    expect(warnings).toEqual(["parseFacilities: e.csv ist kein gültiges UTF-8 (Zeile 2: Byte 0xE4 an Position 64); als Windows-1252 gelesen"]);
    const obs = `${HEADER}\n14.03.2018;010101;children;Stadtteilkonferenz;Zu wenige Plätze für Kinder;kita;hoch\n`;
    const seen: string[] = [];
    expect(parseObservations(Buffer.from(obs, "latin1"), { onWarning: (w) => seen.push(w) })[0].text).toBe("Zu wenige Plätze für Kinder");
    expect(seen).toEqual([expect.stringMatching(/^parseObservations: stadtteiltreffen\.csv ist kein gültiges UTF-8 \(Zeile 2: Byte 0xE4 .*; als Windows-1252 gelesen$/)]);
  });
});
