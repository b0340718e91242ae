/**
 * The Vernetzung step in the main analysis on the embedded city (data/akteure.csv, data/kooperationen.csv):
 * configuration, counts checked against the files read as plain text, the verdict "auffällig, aber kaum vernetzt",
 * the report section and the workbook sheet "Vernetzung", and the section left out with a note.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAnalysisConfig, runAnalysis } from "../../src/pipeline/index.js";
import { analysisReport } from "../../src/report/index.js";

const present = existsSync(resolve("data/akteure.csv")) && existsSync(resolve("data/strukturdaten_2018.csv"));
const lines = (file: string) => readFileSync(resolve("data", file), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(";"));

describe("configuration of Vernetzung", () => {
  it("has defaults, accepts the thresholds and rejects bad ones", () => {
    const c = resolveAnalysisConfig({ report: { date: "2024-01-02" } });
    expect(c.vernetzung).toEqual({ minDensity: 0.1, minConnectedShare: 0.5 });
    if (present) expect(c.data.akteure).toBe(resolve("data/akteure.csv"));
    expect(resolveAnalysisConfig({ vernetzung: false, report: { date: "2024-01-02" } }).vernetzung).toBeNull();
    expect(resolveAnalysisConfig({ data: { akteure: null }, report: { date: "2024-01-02" } }).data.akteure).toBeNull();
    expect(() => resolveAnalysisConfig({ vernetzung: { minDensity: 2 }, report: { date: "2024-01-02" } })).toThrow('"vernetzung.minDensity" muss eine Zahl zwischen 0 und 1 sein, angegeben: 2');
  });
});

describe.skipIf(!present)("Vernetzung on the embedded city", () => {
  const result = runAnalysis({ report: { date: "2024-01-02" }, sensitivity: false });
  const v = result.vernetzung!;

  it("counts the local actors per Sozialraum and the cooperations as in the files", () => {
    expect(v.name).toBe("vernetzungAnalysis");
    expect(v.network.rows.map((r) => r.id)).toEqual(result.areas.map((a) => a.id));
    const actors = lines("akteure.csv");
    for (const row of v.network.rows) expect(row.localActors, row.id).toBe(actors.filter((a) => a[3] === row.id).length);
    const coops = lines("kooperationen.csv");
    expect(v.network.city.activeCooperations).toBe(coops.filter((c) => c[5].trim() === "ja").length);
    expect(v.network.city.inactiveCooperations).toBe(coops.filter((c) => c[5].trim() === "nein").length);
    expect(result.inputs.map((i) => i.role)).toEqual(expect.arrayContaining(["Akteure", "Kooperationen"]));
  });

  it("judges every Sozialraum auffällig in at least one target group", () => {
    const flagged = result.conspicuousness.areas.filter((a) => a.groups.some((g) => g.verdict === "auffällig" || g.verdict === "stark auffällig")).map((a) => a.id);
    expect(v.poorly.rows.map((r) => r.id).sort()).toEqual([...flagged].sort());
    for (const r of v.poorly.rows) {
      const n = v.network.rows.find((x) => x.id === r.id)!;
      const poor = n.actors < 2 || (n.density as number) < 0.1 || (n.connectedShare as number) < 0.5;
      expect(r.poorlyNetworked, r.id).toBe(poor);
    }
    expect(v.poorly.poorlyNetworked.length).toBeGreaterThan(0);
  });

  it("gives the section „Vernetzung“ with the network figure and the sheet „Vernetzung“", () => {
    const doc = analysisReport(result);
    const section = doc.sections.find((s) => s.id === "vernetzung")!;
    expect(section.title).toBe("Vernetzung");
    expect(section.figures).toHaveLength(1);
    const sheets = doc.sections.flatMap((s) => s.tables ?? []).filter((t) => t.sheet !== false).map((t) => t.title);
    expect(sheets).toEqual(expect.arrayContaining(["Vernetzung", "Auffällig, kaum vernetzt", "Kooperationen"]));
    const names = v.poorly.poorlyNetworked.map((id) => result.areas.find((a) => a.id === id)!.name);
    expect(section.paragraphs!.join(" ")).toContain(`${names[0]} (${v.poorly.poorlyNetworked[0]})`);
    // The Zusammenfassung names them too.
    expect(doc.sections[0].paragraphs!.find((p) => p.startsWith("Vernetzung:"))).toContain("kaum vernetzt");
  });

  it("is left out with a German note when a file is switched off, and silently when Vernetzung is off", () => {
    const without = runAnalysis({ data: { kooperationen: null }, report: { date: "2024-01-02" }, sensitivity: false, mix: false, neighbourhood: false });
    expect(without.vernetzung).toBeNull();
    expect(without.warnings).toContain("Vernetzung: keine Datei für Kooperationen (data.kooperationen); der Abschnitt entfällt");
    const off = runAnalysis({ vernetzung: false, report: { date: "2024-01-02" }, sensitivity: false, mix: false, neighbourhood: false });
    expect(off.vernetzung).toBeNull();
    expect(off.warnings.some((w) => w.startsWith("Vernetzung"))).toBe(false);
    expect(analysisReport(off).sections.some((s) => s.id === "vernetzung")).toBe(false);
  });
});
