import { beforeAll, describe, expect, it } from "vitest";
import { persistenceText, surveyCountWord } from "../../src/analysis/persistenceText.js";
import type { AnalysisResult } from "../../src/analysis/analysisResult.js";
import { resolveAnalysisConfig, packageDataDir } from "../../src/pipeline/resolveAnalysisConfig.js";
import { runAnalysis } from "../../src/pipeline/runAnalysis.js";
import { analysisReport } from "../../src/report/analysisReport.js";
import { typesSection } from "../../src/report/sections/typesSection.js";
import { monitoringSection } from "../../src/report/sections/monitoringSection.js";

// The core analysis steps that do not feed types or monitoring are switched off to keep the test quick.
const LEAN = { supply: false, mix: false, neighbourhood: false, sensitivity: false, report: { date: "2024-01-01" } } as const;

// Planted in the generator (data/README.md, "Panel 2014–2020"): the areas "dauerhaft benachteiligt" in all four
// surveys, Opladen improving, Manfort-Nordwest getting worse from 2016.
const PERSISTENT = ["010101", "010103", "010104", "010301", "010302", "010303", "010305", "010306", "010503", "020203"];
const MANFORT_NW = "010204";

describe("Sozialraumtypen and monitoring in the main job (embedded city)", () => {
  let result: AnalysisResult;
  beforeAll(() => {
    result = runAnalysis(LEAN);
  });

  it("takes the four surveys by default and keeps 2018/2016 as analysis and comparison year", () => {
    expect(result.parameters.years).toEqual({ current: 2018, previous: 2016, surveys: [2014, 2016, 2018, 2020] });
    expect(result.inputs.map((i) => i.role)).toEqual(expect.arrayContaining(["Strukturdaten 2014", "Strukturdaten 2020"]));
    expect(result.monitoring!.years).toEqual([2014, 2016, 2018, 2020]);
  });

  it("finds the planted persistence: Manfort-Nordwest seit drei Erhebungen, 11 areas in all four surveys", () => {
    const m = result.monitoring!;
    const manfort = m.persistence.find((p) => p.id === MANFORT_NW)!;
    expect(manfort.streak).toBe(3);
    expect(persistenceText(manfort)).toBe("seit drei Erhebungen auffällig (2016–2020)");
    const all4 = m.persistence.filter((p) => p.streak === 4).map((p) => p.id);
    expect(all4).toHaveLength(11);
    expect(all4).toEqual(expect.arrayContaining(PERSISTENT));
  });

  it("shows Opladen improving: auffällig in 2014 (and 2016), not from 2018", () => {
    const m = result.monitoring!;
    const years = (id: string) => m.persistence.find((p) => p.id === id)!.auffaelligYears;
    for (const id of ["020101", "020102", "020105"]) expect(years(id)).toEqual([2014, 2016]);
    expect(years("020107")).toEqual([2014]);
  });

  it("the 2018 verdicts of the monitoring are the worst verdicts of the main analysis (same rules)", () => {
    const severity: Record<string, number> = { unauffällig: 0, auffällig: 1, "stark auffällig": 2 };
    const y2018 = result.monitoring!.verdictsByYear.find((y) => y.year === 2018)!.classes;
    for (const a of result.conspicuousness.areas) {
      const verdicts = a.groups.map((g) => g.verdict).filter((v): v is NonNullable<typeof v> => v !== null);
      const worst = verdicts.length === 0 ? null : verdicts.reduce((w, v) => (severity[v] > severity[w] ? v : w));
      expect(y2018[a.id] ?? null, a.id).toBe(worst);
    }
  });

  it("transitions between consecutive surveys count every area with a verdict in both years", () => {
    const m = result.monitoring!;
    expect(m.transitions.map((t) => `${t.from}-${t.to}`)).toEqual(["2014-2016", "2016-2018", "2018-2020"]);
    for (const t of m.transitions) {
      expect(t.counts.flat().reduce((s, v) => s + v, 0)).toBe(t.total);
      expect(t.total).toBe(58); // 61 areas, 3 below the minimum population in every survey
    }
  });

  it("types: k is the silhouette maximum, sizes add up, areas without values are listed with the reason", () => {
    const t = result.types!;
    const best = Math.max(...t.criterion.map((c) => c.meanSilhouette));
    expect(t.criterion.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(t.criterion.find((c) => c.k === t.k)!.meanSilhouette).toBe(best);
    expect(t.types.reduce((s, p) => s + p.size, 0)).toBe(58);
    expect(t.areas).toHaveLength(61);
    expect(t.excluded.map((e) => e.id).sort()).toEqual(["010106", "020204", "030205"]);
    expect(t.excluded.find((e) => e.id === "010106")!.reason).toBe("2018: Sozialraumtypen: Kinderarmut: Einwohner unter 300 (130)");
    expect(result.excluded).toEqual(expect.arrayContaining(t.excluded));
    for (const p of t.types) expect(p.stability).toBeGreaterThanOrEqual(0);
  });

  it("type profiles are the mean z per type, computed by hand from the z-values of the analysis", () => {
    const t = result.types!;
    const id = result.parameters.id;
    const typeOf = new Map(t.areas.map((a) => [a.id, a.type]));
    const rows = result.zScores.filter((r) => typeOf.get(String(r[id])) != null);
    for (const c of t.columns) {
      const x = rows.map((r) => r[c] as number);
      const mean = x.reduce((s, v) => s + v, 0) / x.length;
      const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1));
      for (const p of t.types) {
        const own = rows.filter((r) => typeOf.get(String(r[id])) === p.type).map((r) => ((r[c] as number) - mean) / sd);
        expect(p.profile.find((e) => e.column === c)!.meanZ).toBeCloseTo(own.reduce((s, v) => s + v, 0) / own.length, 10);
      }
    }
  });

  it("sections: German texts, tables and figures; workbook sheets Sozialraumtypen and Entwicklung", () => {
    const types = typesSection(result);
    expect(types.title).toBe("Sozialraumtypen");
    expect(types.paragraphs!.join(" ")).toContain(`Gewählt wurden ${result.types!.k} Typen`);
    expect(types.paragraphs!.join(" ")).toContain("Hauptkomponentenanalyse");
    expect(types.tables!.map((x) => x.title)).toEqual(["Silhouettenkriterium je Zahl der Typen", "Typprofile (mittlere z-Werte)", "Sozialraumtypen"]);
    expect(types.figures!.map((f) => f.title)).toEqual(["Karte der Sozialraumtypen"]);
    const mon = monitoringSection(result);
    expect(mon.title).toBe("Entwicklung über die Erhebungen");
    expect(mon.paragraphs).toContain("Manfort-Nordwest ist seit drei Erhebungen auffällig (2016–2020).");
    expect(mon.paragraphs!.join(" ")).toMatch(/^Verglichen werden die Erhebungen 2014, 2016, 2018 und 2020\./);
    expect(mon.tables!.map((x) => x.title)).toEqual(["Übergänge zwischen den Erhebungen", "seit N Erhebungen auffällig", "Entwicklung"]);
    expect(mon.figures![0].figure.data[0].type).toBe("sankey");
    const doc = analysisReport(result);
    const overview = doc.sections.find((s) => s.id === "ueberblick")!.paragraphs!.join(" ");
    expect(overview).toContain("Manfort-Nordwest ist seit drei Erhebungen auffällig (2016–2020).");
    expect(overview).toContain("11 Sozialräume sind seit vier Erhebungen auffällig (2014–2020)");
    const sheets = doc.sections.flatMap((s) => s.tables ?? []).filter((x) => x.sheet !== false).map((x) => x.title);
    expect(sheets).toEqual(expect.arrayContaining(["Sozialraumtypen", "Entwicklung"]));
  });

  it("the same seed gives the same bytes", () => {
    const again = runAnalysis(LEAN);
    expect(JSON.stringify(again.types)).toBe(JSON.stringify(result.types));
    expect(JSON.stringify(again.monitoring)).toBe(JSON.stringify(result.monitoring));
  });
});

describe("configuration of years and types", () => {
  it("a list of years: analysis year = last, comparison year = second-to-last", () => {
    const c = resolveAnalysisConfig({ years: [2014, 2016, 2018, 2020] }, { today: "2024-01-01" });
    expect(c.years).toEqual({ current: 2020, previous: 2018, surveys: [2014, 2016, 2018, 2020] });
    const s = resolveAnalysisConfig({ years: { surveys: [2016, 2018] } }, { today: "2024-01-01" });
    expect(s.years).toEqual({ current: 2018, previous: 2016, surveys: [2016, 2018] });
  });

  it("old configurations keep working: { current, previous } gives those two surveys", () => {
    const c = resolveAnalysisConfig({ years: { current: 2018, previous: 2016 } }, { today: "2024-01-01" });
    expect(c.years).toEqual({ current: 2018, previous: 2016, surveys: [2016, 2018] });
    expect(resolveAnalysisConfig({ years: { current: 2018, previous: null } }, { today: "2024-01-01" }).years.surveys).toEqual([2018]);
  });

  it("default surveys are the files found; the types default and the seed", () => {
    const c = resolveAnalysisConfig({ seed: 7 }, { today: "2024-01-01" });
    expect(c.data.dir).toBe(packageDataDir());
    expect(c.years.surveys).toEqual([2014, 2016, 2018, 2020]);
    expect(c.types).toEqual({ explainedShare: 0.8, kRange: [2, 8], resamples: 100, seed: 7 });
    expect(resolveAnalysisConfig({ types: false }, { today: "2024-01-01" }).types).toBeNull();
  });

  it("names every problem of years and types", () => {
    const bad = () =>
      resolveAnalysisConfig(
        { years: [2018, 2016], types: { explainedShare: 1.5, kRange: [1, 4] as [number, number], resamples: -1, foo: 1 } as never },
        { today: "2024-01-01" },
      );
    expect(bad).toThrow('"years" muss die Jahre aufsteigend und ohne Wiederholung nennen: 2016 (Eintrag 2) folgt auf 2018');
    expect(bad).toThrow('"types.explainedShare" muss eine Zahl über 0 und höchstens 1 sein, angegeben: 1.5');
    expect(bad).toThrow('"types.kRange" muss zwei ganze Zahlen [min, max] mit 2 ≤ min ≤ max sein, angegeben: [1,4]');
    expect(bad).toThrow('"types.resamples" muss eine ganze Zahl ≥ 0 sein, angegeben: -1');
    expect(bad).toThrow('unbekannter Schlüssel "types.foo"');
    expect(() => resolveAnalysisConfig({ years: { surveys: ["2018"] } } as never, { today: "2024-01-01" })).toThrow('"years.surveys" muss eine Liste von Jahren (ganze Zahlen) sein, angegeben: ["2018"]');
  });

  it("types: false and a single survey leave both steps and sections out", () => {
    const r = runAnalysis({ ...LEAN, types: false, years: { current: 2018, previous: null } });
    expect(r.types).toBeNull();
    expect(r.monitoring).toBeNull();
    const ids = analysisReport(r).sections.map((s) => s.id);
    expect(ids).not.toContain("sozialraumtypen");
    expect(ids).not.toContain("entwicklung");
  });
});

describe("persistenceText", () => {
  it("writes 1–12 as German words, larger numbers as digits", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map(surveyCountWord)).toEqual(
      ["einer", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "13"],
    );
    expect(persistenceText({ streak: 1, streakYears: [2020] })).toBe("seit einer Erhebung auffällig (2020)");
    expect(persistenceText({ streak: 12, streakYears: Array.from({ length: 12 }, (_, i) => 2000 + 2 * i) })).toBe("seit zwölf Erhebungen auffällig (2000–2022)");
    expect(persistenceText({ streak: 0, streakYears: [] })).toBe("in der letzten Erhebung nicht auffällig");
    expect(() => persistenceText({ streak: -1, streakYears: [] })).toThrow("persistenceText: streak muss eine ganze Zahl ≥ 0 sein, angegeben: -1");
  });
});
