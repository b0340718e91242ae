import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyseTables,
  loadAnalysisConfig,
  rankingCsv,
  resolveAnalysisConfig,
  runAnalysis,
  type AnalysisProgress,
} from "../../src/pipeline/index.js";
import { analysisReport } from "../../src/report/index.js";
import { healthyMixSummary } from "../../src/analysis/index.js";
import { parseCsv } from "../../src/io/parseCsv.js";
import { syntheticStructureRows } from "./syntheticCity.js";

const CITY = resolve("test/reference/pipeline/city");

/** The report tables that become workbook sheets, in order (the workbook adds "Parameter" at the end). */
const SHEET_TABLES = [
  "Auffällige Sozialräume",
  "Rangfolge", "Standardisierung", "Kinder und Jugendliche", "Erwerbsfähige", "Ältere", "Kontext",
  "Angebot je Sozialraum", "Lücken Bedarf und Angebot", "Beobachtungen Stadtteiltreffen", "Bedarf nicht in Daten sichtbar", "Widersprüche Treffen und Daten",
  "Segregationsindizes", "Durchmischung: Altersgruppen", "Standortquotienten",
  "Moran's I", "LISA Status-Index", "LISA Bedarfsindizes",
  "Sozialraumtypen", "Entwicklung",
  "Methodenvarianten", "Methodenabhängige Sozialräume", "Klassenstabilität je Sozialraum", "Spearman-Korrelationen", "Monte-Carlo-Rangintervalle",
      "Bewertungsvarianten", "Methodenabhängige Bewertungen", "Bewertungsstabilität",
  "Ausschlüsse",
  "Geheimhaltung",
  "Formeln und Parameter", "Indikatorenkatalog", "Klassengrenzen",
  "Herkunft",
];
/** Independent reference: test/reference/pipeline/analysis.R (R 4.2.2, base R only) on the same files. */
const REF = JSON.parse(readFileSync("test/reference/pipeline/analysis.json", "utf8")) as {
  areas: Array<{
    id: string; rank: number | null; status: number | null; statusClass: string | null; dynamic: number | null;
    dynamicClass: string | null; verdicts: Record<string, string | null>; z: Record<string, number | null>;
  }>;
};

describe("runAnalysis against the R reference (grid city)", () => {
  const result = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" } });
  const byId = new Map(result.ranking.map((r) => [r.sozialraum_id, r]));
  const zById = new Map(result.zScores.map((r) => [r.sozialraum_id as string, r]));

  it("gives the same z-values for every area and indicator (to 12 digits)", () => {
    expect(result.zScores).toHaveLength(REF.areas.length);
    let compared = 0;
    for (const a of REF.areas) {
      for (const [k, v] of Object.entries(a.z)) {
        const got = zById.get(a.id)![k];
        if (v === null) expect(typeof got, `${a.id} ${k}`).not.toBe("number");
        else {
          expect(got as number, `${a.id} ${k}`).toBeCloseTo(v, 12);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("gives the same status and dynamic index, classes, ranks and verdicts", () => {
    for (const a of REF.areas) {
      const r = byId.get(a.id)!;
      if (a.status === null) expect(r.status_index).toBeNull();
      else expect(r.status_index!).toBeCloseTo(a.status, 12);
      if (a.dynamic === null) expect(r.dynamik_index).toBeNull();
      else expect(r.dynamik_index!).toBeCloseTo(a.dynamic, 12);
      expect([r.rang, r.status_klasse, r.dynamik_klasse], a.id).toEqual([a.rank, a.statusClass, a.dynamicClass]);
      expect(r.verdicts, a.id).toEqual(a.verdicts);
    }
  });

  it("orders the ranking by rank, unranked areas last with a German reason", () => {
    const ranks = result.ranking.map((r) => r.rang);
    const ranked = ranks.filter((r): r is number => r !== null);
    expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
    expect(ranks.slice(ranked.length).every((r) => r === null)).toBe(true);
    const unranked = result.ranking.filter((r) => r.rang === null);
    expect(unranked.map((r) => [r.sozialraum_id, r.grund])).toEqual([
      ["0101", "2018: Einwohner unter 300 (274)"],
      ["0102", '2018: Transferbezug: grundsicherung_65_plus fehlt (".")'],
    ]);
    expect(byId.get("0203")!.sozialraum_name).toBe("Gitter 2/3");
    expect(byId.get("0203")!.gruppe).toMatch(/^[1-4](\+|\+\/-|-)$/);
  });

  it("lists every exclusion with step and German reason, nothing silently", () => {
    const steps = new Set(result.excluded.map((e) => e.step));
    expect([...steps].sort()).toEqual(["changes", "conspicuousness", "dynamicIndex", "minimumPopulation", "missing", "monitoring", "needIndex", "sozialraumTypes", "statusIndex", "supply"]);
    // The facility outside the city is reported, not dropped.
    expect(result.excluded).toContainEqual({ id: "E028", reason: "Einrichtung liegt außerhalb aller Sozialräume (7.5, 51.5)", step: "supply" });
    // Kita places are counted per 0- to 5-year-olds (default when only Kitas count for children): the label says so.
    expect(result.supply!.groups.find((g) => g.group === "children")!.populationBase).toBe("0–5 Jahre");
    expect(result.excluded).toContainEqual({ id: "0101", reason: "2018: Einwohner unter 300 (274)", step: "minimumPopulation", column: "einwohner" });
    expect(result.excluded).toContainEqual({ id: "0102", reason: "alle Indikatoren der Zielgruppe Ältere fehlen", step: "conspicuousness" });
    // Every area without status index is excluded from it.
    const statusExcluded = result.excluded.filter((e) => e.step === "statusIndex").map((e) => e.id);
    expect(statusExcluded).toEqual(result.ranking.filter((r) => r.rang === null).map((r) => r.sozialraum_id));
  });

  it("returns every intermediate table and the resolved parameters", () => {
    expect(result.indicators.current.areas).toHaveLength(30);
    expect(result.indicators.previous!.areas).toHaveLength(30);
    expect(result.standardization.map((s) => s.indicator)).toEqual(result.indicators.current.indicators.map((d) => d.id));
    expect(result.statusIndex.components.map((c) => c.column)).toEqual(["arbeitslosigkeit", "transferbezug", "kinderarmut"]);
    expect(result.changes!.rows).toHaveLength(30);
    expect(result.parameters).toMatchObject({ minimumPopulation: 300, thresholds: { flag: 1, strong: 1.5 }, years: { current: 2018, previous: 2016 } });
    // City value = Σ numerator / Σ denominator over all areas with both counts.
    const a = result.indicators.current.areas;
    const num = a.reduce((s, x) => s + x.values.kinderarmut.numerator!, 0);
    const den = a.reduce((s, x) => s + x.values.kinderarmut.denominator!, 0);
    expect(result.cityValues.kinderarmut).toBeCloseTo((100 * num) / den, 12);
  });

  it("writes the ranking CSV so that it reads back with the package's CSV reader", () => {
    const csv = rankingCsv(result);
    const back = parseCsv(csv, { id: "sozialraum_id" });
    expect(back.rows).toHaveLength(30);
    expect(back.columns.slice(0, 8)).toEqual(["rang", "sozialraum_id", "sozialraum_name", "stadtteil_name", "stadtbezirk_name", "einwohner", "status_index", "status_klasse"]);
    expect(back.columns).toContain("kinder_und_jugendliche");
    const first = back.rows[0];
    expect(csv.startsWith("\uFEFFrang;")).toBe(true); // BOM: Excel reads UTF-8
    // Rounded to 3 decimals, half away from zero (hand rule: |x|·1000 rounded, sign kept).
    const s = result.ranking[0].status_index!;
    expect(first.status_index).toBe(Math.sign(s) * Math.round(Math.abs(s) * 1000) / 1000);
    for (const line of csv.split("\n").slice(1, -1)) expect(line.split(";")[6]).toMatch(/^-?\d+(,\d{1,3})?$|^$/);
    expect(first.sozialraum_id).toBe(result.ranking[0].sozialraum_id);
  });

  it("writes one ranking CSV field as germanCsvField does, a non-finite number as an empty cell", async () => {
    const { csvField } = await import("../../src/pipeline/index.js");
    const { missing } = await import("../../src/table/index.js");
    expect(csvField(-1.25)).toBe("-1,25");
    expect(csvField(1234567.5)).toBe("1234567,5"); // no thousands separator
    expect(csvField(NaN)).toBe("");
    expect(csvField(Infinity)).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(missing("."))).toBe(".");
    expect(csvField('Alt; "Nord"')).toBe('"Alt; ""Nord"""');
  });

  it("reports progress one line per step", () => {
    const steps: AnalysisProgress[] = [];
    runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" } }, { onProgress: (p) => steps.push(p) });
    expect(steps.map((s) => s.message)).toEqual([
      `Daten lesen (${CITY})`,
      "Indikatoren 2018 berechnen",
      "Indikatoren 2016 berechnen",
      "Indikatoren standardisieren (z-Werte)",
      "Auffälligkeiten je Zielgruppe bestimmen",
      "Status-Index berechnen",
      "Veränderungen 2016–2018 berechnen",
      "Dynamik-Index berechnen",
      "Klassen und Rangfolge bestimmen",
      "Bedarfsindex je Zielgruppe berechnen",
      "Bedarf und Angebot vergleichen",
      "Durchmischung messen",
      "Nachbarschaft: Moran's I und LISA-Cluster berechnen",
      "Sozialraumtypen 2018 bilden",
      "Entwicklung über die Erhebungen 2016, 2018",
      "Sensitivität von Status-Index und Bewertungen berechnen (Methodenvarianten, Monte-Carlo)",
    ]);
    expect(steps.slice(1).map((s) => `${s.step}/${s.total}`)).toEqual(Array.from({ length: 15 }, (_, i) => `${i + 1}/15`));
  });
});

describe("configuration", () => {
  it("overrides thresholds, minimum population and years and reflects them in the result", () => {
    const r = runAnalysis({ data: { dir: CITY }, minimumPopulation: 0, thresholds: { flag: 0.5, strong: 3 }, years: { previous: null }, report: { date: "2024-01-02" } });
    expect(r.dynamicIndex).toBeNull();
    expect(r.changes).toBeNull();
    expect(r.ranking.find((x) => x.sozialraum_id === "0101")!.rang).not.toBeNull();
    expect(r.conspicuousness.thresholds).toEqual({ flag: 0.5, strong: 3 });
    const strong = r.conspicuousness.areas.flatMap((a) => a.flags).filter((f) => f.level === "stark auffällig");
    expect(strong.every((f) => f.z > 3)).toBe(true);
  });

  it("reads a JSON file with paths relative to the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "sozialraum-config-"));
    const file = join(dir, "analyse.json");
    writeFileSync(file, JSON.stringify({ data: { dir: CITY }, statusIndex: { indicators: ["sgb2_quote", { id: "kinderarmut", weight: 2 }] }, report: { date: "2023-12-31", title: "Test" } }));
    const config = loadAnalysisConfig(file);
    const r = runAnalysis(config);
    expect(r.statusIndex.components.map((c) => [c.column, c.weight])).toEqual([["sgb2_quote", 1], ["kinderarmut", 2]]);
    expect(r.parameters.report).toMatchObject({ date: "2023-12-31", title: "Test" });
    writeFileSync(file, JSON.stringify({ data: { gebiete: "g.csv" } }));
    expect(loadAnalysisConfig(file).data!.gebiete).toBe(join(dir, "g.csv"));
    writeFileSync(file, "{ kaputt");
    expect(() => loadAnalysisConfig(file)).toThrow(`loadAnalysisConfig: ${file} ist kein gültiges JSON`);
  });

  it("collects every configuration problem into one message", () => {
    expect(() =>
      resolveAnalysisConfig({
        treshold: 1,
        thresholds: { flag: 2, strong: 1 },
        minimumPopulation: -5,
        standardization: { sd: "sample", mean: "median" },
        statusIndex: { indicators: ["sgb2", "kinderarmut"] },
        years: { current: 2018, previous: 2019 },
        report: { date: "1.3.2024" },
      } as never),
    ).toThrow(
      [
        "resolveAnalysisConfig: 7 Probleme in der Konfiguration:",
        '  - unbekannter Schlüssel "treshold" (bekannt: data, years, id, indicators, minimumPopulation, confidence, smoothing, standardization, thresholds, verdictRule, statusIndex, dynamicIndex, seed, permutations, supply, mix, neighbourhood, vernetzung, sensitivity, types, disclosure, report, sources)',
        '  - "years.previous" (2019) muss vor "years.current" (2018) liegen',
        '  - "minimumPopulation" muss eine Zahl ≥ 0 sein, angegeben: -5',
        '  - "standardization.mean" muss "unweighted" oder "weighted" sein, angegeben: "median"',
        '  - "thresholds.strong" (1) darf nicht unter "thresholds.flag" (2) liegen',
        '  - "statusIndex.indicators": Indikator "sgb2" ist nicht im Indikatorenkatalog',
        '  - "report.date" muss ein Datum "JJJJ-MM-TT" sein, angegeben: "1.3.2024"',
      ].join("\n"),
    );
  });

  it("names a missing data file", () => {
    expect(() => runAnalysis({ data: { dir: join(CITY, "fehlt") } })).toThrow(/^readCsv: .*gebiete\.csv.*die Datei kann nicht gelesen werden/);
  });
});

describe("analyseTables", () => {
  it("works without area list and map, keeps input order and does not modify its input", () => {
    const current = syntheticStructureRows({ cols: 8, rows: 6, seed: 3 });
    const previous = syntheticStructureRows({ cols: 8, rows: 6, seed: 4, shift: 0.1 });
    const copy = structuredClone(current);
    const r = analyseTables({ gebiete: null, current, previous }, resolveAnalysisConfig({ report: { date: "2024-01-02" } }));
    expect(current).toEqual(copy);
    expect(r.areas.map((a) => a.id)).toEqual(current.map((c) => c.sozialraum_id));
    expect(r.areas[5].name).toBe(r.areas[5].id);
    expect(r.geojson).toBeNull();
    expect(r.ranking.filter((x) => x.rang === 1)).toHaveLength(1);
  });

  it("lists areas missing from the area list and areas without data", () => {
    const current = syntheticStructureRows({ cols: 3, rows: 3, seed: 3 });
    const gebiete = current.slice(1).map((c) => ({ sozialraum_id: c.sozialraum_id, sozialraum_name: "x" })).concat([{ sozialraum_id: "9999", sozialraum_name: "Neu" }]);
    const r = analyseTables({ gebiete, current, previous: null }, resolveAnalysisConfig({ years: { previous: null }, minimumPopulation: 0, report: { date: "2024-01-02" } }));
    expect(r.excluded.filter((e) => e.step === "join")).toEqual([
      { id: "0101", reason: "nicht in der Gebietsliste (gebiete.csv)", step: "join" },
      { id: "9999", reason: "keine Strukturdaten 2018", step: "join" },
    ]);
    expect(r.areas).toHaveLength(8);
  });
});

describe("analysisReport", () => {
  const result = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" } });
  const doc = analysisReport(result);

  it("has the German sections and the workbook tables", () => {
    const summary = healthyMixSummary(result);
    expect(doc.sections.map((s) => s.id)).toEqual([
      "zusammenfassung",
      "ueberblick", "rangfolge", "karten", "z-werte", "zielgruppe-children", "zielgruppe-working-age", "zielgruppe-elderly", "kontext",
      "bedarf-angebot", "durchmischung", "nachbarschaft", "sozialraumtypen", "entwicklung", "sensitivitaet", "ausschluesse", "geheimhaltung", "methode", "methodenanhang", "nachvollziehbarkeit",
      // No akteure.csv / kooperationen.csv in the grid city: no "Vernetzung", with a note.
      "steckbriefe", ...summary.areas.map((a) => `steckbrief-${a.id}`),
    ]);
    expect(summary.areas.length).toBeGreaterThan(0);
    expect(result.vernetzung).toBeNull();
    expect(result.warnings).toContain("Vernetzung: keine Datei für Akteure (data.akteure) und Kooperationen (data.kooperationen); der Abschnitt entfällt");
    const sheets = doc.sections.flatMap((s) => s.tables ?? []).filter((t) => t.sheet !== false).map((t) => t.title);
    expect(sheets).toEqual(SHEET_TABLES);
  });

  it("lists the auffällige areas of a target group with the indicators behind each verdict", () => {
    const section = doc.sections.find((s) => s.id === "zielgruppe-working-age")!;
    const table = section.tables![0];
    expect(table.title).toBe("Auffällige Sozialräume: Erwerbsfähige");
    const flagged = result.conspicuousness.areas.filter((a) => ["auffällig", "stark auffällig"].includes(a.groups.find((g) => g.targetGroup === "working-age")!.verdict ?? ""));
    expect(table.rows.map((r) => r.sozialraum_id).sort()).toEqual(flagged.map((a) => a.id).sort());
    expect(table.rows.length).toBeGreaterThan(0);
    const first = table.rows[0];
    const flags = result.conspicuousness.areas.find((a) => a.id === first.sozialraum_id)!.flags.filter((f) => f.targetGroup === "working-age");
    expect(first.indikatoren).toBe(flags.map((f) => `${f.label} (z = ${f.z.toFixed(2).replace(".", ",")}, ${f.level})`).join("; "));
    expect(table.highlight!.some((h) => h.row === 0 && h.key === "bewertung")).toBe(true);
  });

  it("has the ranking bars, both class maps, the heatmap and indicator bars with intervals", () => {
    const figures = doc.sections.filter((s) => s.id !== "zusammenfassung").flatMap((s) => s.figures ?? []);
    const types = figures.map((f) => f.figure.data[0].type);
    expect(types.slice(0, 4)).toEqual(["bar", "choropleth", "choropleth", "heatmap"]);
    // The Zusammenfassung has one verdict map per target group.
    const summaryMaps = doc.sections[0].figures!;
    expect(summaryMaps.map((f) => f.title)).toEqual(["Bewertung: Kinder und Jugendliche", "Bewertung: Erwerbsfähige", "Bewertung: Ältere"]);
    expect(figures.filter((f) => (f.figure.data[0] as { error_x?: unknown }).error_x)).toHaveLength(8);
  });
});

describe("embedded data", () => {
  const present = existsSync(resolve("data/strukturdaten_2018.csv"));
  it.skipIf(!present)("runs on the package's data/ with defaults", () => {
    const r = runAnalysis({ report: { date: "2024-01-02" } });
    expect(r.areas.length).toBeGreaterThanOrEqual(40);
    expect(r.ranking[0].rang).toBe(1);
    expect(r.geojson!.features.length).toBe(r.areas.length);
    for (const x of r.ranking.filter((y) => y.rang === null)) expect(x.grund).toBeTruthy();
  });
});

describe("empirical-Bayes smoothing in the pipeline", () => {
  it("standardises the smoothed rates when configured, and only then", () => {
    const raw = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" }, sensitivity: false });
    const eb = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" }, sensitivity: false, smoothing: "empirical-bayes" });
    expect(raw.parameters.smoothing).toBe("none");
    expect(eb.parameters.smoothing).toBe("empirical-bayes");
    for (const ind of eb.indicators.current.indicators) {
      // The standardisation mean is the plain mean of the values that went in: raw rates without smoothing,
      // smoothed rates (computeIndicators' own EB, tested against spdep EBest in test/indicators) with it.
      const pick = (r: typeof eb, field: "value" | "smoothed") =>
        r.indicators.current.areas.map((a) => a.values[ind.id]).filter((v) => v.usable).map((v) => v[field] as number);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      const ebParam = eb.standardization.find((s) => s.indicator === ind.id)!;
      const rawParam = raw.standardization.find((s) => s.indicator === ind.id)!;
      expect(ebParam.mean).toBeCloseTo(mean(pick(eb, "smoothed")), 10);
      expect(rawParam.mean).toBeCloseTo(mean(pick(raw, "value")), 10);
    }
    expect(eb.zScores).not.toEqual(raw.zScores);
  });

  it("rejects an unknown smoothing", () => {
    expect(() => resolveAnalysisConfig({ smoothing: "loess" as never })).toThrow('"smoothing" muss "none" oder "empirical-bayes" sein, angegeben: "loess"');
  });
});

describe("disclosure control of the published report", () => {
  const core = { data: { dir: CITY }, report: { date: "2024-01-02" }, sensitivity: false, supply: false, mix: false, neighbourhood: false } as const;

  it("withholds every share whose base is below minBase in tables and figures, and lists the cells", () => {
    const result = runAnalysis({ ...core, disclosure: { minBase: 1e9 } });
    const doc = analysisReport(result);
    const children = doc.sections.flatMap((s) => s.tables ?? []).find((t) => t.title === "Kinder und Jugendliche")!;
    const area = children.rows.find((r) => typeof r.kinderarmut__basis === "number")!;
    expect(String(area.kinderarmut__wert)).toBe(".");
    expect(String(area.kinderarmut__z)).toBe(".");
    const secret = doc.sections.find((s) => s.id === "geheimhaltung")!;
    expect(secret.tables![0].rows.length).toBeGreaterThan(100);
    expect(secret.tables![0].rows[0].grund).toBe("Bezugsgröße unter 1.000.000.000");
    // The heatmap shows no z-value at all, the indicator bars no value.
    const heat = doc.sections.find((s) => s.id === "z-werte")!.figures![0].figure.data[0] as { z: Array<Array<number | null>> };
    expect(heat.z.flat().every((v) => v === null)).toBe(true);
    // The analysis itself is unchanged.
    expect(result.ranking).toEqual(runAnalysis({ ...core, disclosure: false }).ranking);
  });

  it("publishes everything and lists nothing without disclosure control", () => {
    const doc = analysisReport(runAnalysis({ ...core, disclosure: false }));
    expect(doc.sections.some((s) => s.id === "geheimhaltung")).toBe(false);
  });

  it("withholds the small Kinderarmut bases of the embedded city by default (base 14 in 010106 < 30)", () => {
    const doc = analysisReport(runAnalysis({ report: { date: "2024-01-02" }, sensitivity: false, supply: false, mix: false, neighbourhood: false }));
    const rows = doc.sections.find((s) => s.id === "geheimhaltung")!.tables![0].rows;
    expect(rows).toContainEqual({ tabelle: "Kinder und Jugendliche", sozialraum: "010106", spalte: "Kinderarmut (%)", art: "primär", grund: "Bezugsgröße unter 30" });
  });
});
