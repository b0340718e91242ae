/**
 * The Zusammenfassung and the Steckbriefe of the grid city (test/reference/pipeline/city): one Steckbrief per
 * auffälliger Sozialraum with a stable anchor, print layout, the empty field for needs raised on site, and the
 * map click script; and the PDF date stamp on hand-made bytes.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { healthyMixSummary } from "../../src/analysis/healthyMixSummary.js";
import { stampPdfDate } from "../../src/export/stampPdfDate.js";
import { runAnalysis } from "../../src/pipeline/index.js";
import { analysisReport, reportHtml, steckbriefAnchor } from "../../src/report/index.js";

const CITY = resolve("test/reference/pipeline/city");

describe("Steckbriefe", () => {
  const result = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" }, sensitivity: { draws: 0 }, mix: false });
  const summary = healthyMixSummary(result);
  const doc = analysisReport(result);
  const html = reportHtml(doc);

  it("has one Steckbrief per auffälliger Sozialraum, after an index, not in the contents", () => {
    const flagged = result.ranking.filter((r) => r.rang !== null && r.auffaellige_zielgruppen > 0).map((r) => r.sozialraum_id);
    expect(flagged.length).toBeGreaterThan(0);
    expect(summary.areas.map((a) => a.id)).toEqual(flagged);
    const sections = doc.sections.filter((s) => s.className === "steckbrief");
    expect(sections.map((s) => s.id)).toEqual(flagged.map((id) => `steckbrief-${id}`));
    expect(steckbriefAnchor("01 02")).toBe("steckbrief-01_02");
    for (const id of flagged) {
      // Closed in bericht.html, one line: heading (name, key) and the verdict per target group.
      expect(html).toContain(`<details id="steckbrief-${id}" class="collapsed steckbrief">`);
      expect(html).not.toContain(`<a href="#steckbrief-${id}">`);
    }
    const a = summary.areas[0];
    expect(html).toContain(
      `<summary><h2>Steckbrief ${a.name} (${a.id})</h2><span class="summary-line">${a.groups.map((g) => `${g.label}: ${g.verdict}`).join(" · ")} (aufklappen)</span></summary>`,
    );
    expect(html).toContain(`<a href="#steckbriefe">`);
    expect(html).toMatch(/@media print\{@page\{size:A4;margin:12mm\}\.steckbrief\{page-break-before:always/);
    // Expanded (steckbriefe.pdf): every Steckbrief open.
    const open = reportHtml(doc, { expanded: true });
    for (const id of flagged) expect(open).toContain(`<details id="steckbrief-${id}" class="collapsed steckbrief" open>`);
    expect(html).not.toMatch(/<details[^>]* open>/);
    // Every table of a Steckbrief stays out of the workbook.
    expect(sections.flatMap((s) => s.tables ?? []).every((t) => t.sheet === false)).toBe(true);
  });

  it("collapses the appendix sections with a summary line, and opens them for print", () => {
    for (const id of ["sensitivitaet", "methodenanhang", "nachvollziehbarkeit"]) {
      const s = doc.sections.find((x) => x.id === id)!;
      expect(s.collapsed, id).toMatch(/^Anhang: .* \(aufklappen\)$/);
      expect(html).toContain(`<details id="${id}" class="collapsed">\n<summary><h2>${s.title}</h2>`);
    }
    // Sections of the main part stay open.
    expect(html).toContain(`<section id="zusammenfassung">`);
    // The print dialog opens every details; opened figures are resized.
    expect(html).toContain(`window.addEventListener("beforeprint",openAll)`);
    expect(html).toContain(`Plotly.Plots.resize(f)`);
  });

  it("shows key figures against the city, the verdicts with their stability, and an empty field for needs raised on site", () => {
    const a = summary.areas[0];
    const s = doc.sections.find((x) => x.id === `steckbrief-${a.id}`)!;
    const titles = s.tables!.map((t) => t.title);
    expect(titles).toEqual(["Kennzahlen im Vergleich zur Stadt", "Bewertung je Zielgruppe", "Nachbarn und ihre Bewertung", "Angebot je Zielgruppe", "Beobachtungen aus Stadtteiltreffen", "Vor Ort genannte Bedarfe"]);
    const key = s.tables![0];
    expect(key.rows).toHaveLength(result.indicators.current.indicators.length);
    const verdicts = s.tables![1];
    expect(verdicts.rows.map((r) => r.verdict)).toEqual(a.groups.map((g) => g.verdict));
    for (const [i, g] of a.groups.entries()) {
      const sens = result.verdictSensitivity!.areas.find((x) => x.id === a.id && x.targetGroup === g.group)!;
      expect(String(verdicts.rows[i].stability)).toContain(`${Math.round(100 * sens.stability!)} %`);
    }
    const field = s.tables![5];
    expect(field.rows).toHaveLength(5);
    expect(field.rows.every((r) => r.need === "" && r.by === "")).toBe(true);
    expect(html).toMatch(/<td><\/td><td><\/td><\/tr>/);
  });

  it("puts the Zusammenfassung first, with the healthy-mix sentence and a verdict map per target group", () => {
    const first = doc.sections[0];
    expect(first.id).toBe("zusammenfassung");
    expect(first.paragraphs![0]).toMatch(new RegExp(`^Von ${summary.ranked} Sozialräumen mit Rang (ist|sind) ${summary.unremarkable} in allen Zielgruppen unauffällig`));
    expect(first.figures!.map((f) => f.title)).toEqual(result.conspicuousness.targetGroups.map((g) => `Bewertung: ${g === "children" ? "Kinder und Jugendliche" : g === "working-age" ? "Erwerbsfähige" : "Ältere"}`));
    expect(html).toContain(`d.on("plotly_click"`);
  });
});

describe("stampPdfDate", () => {
  it("replaces both time stamps by the report date, same length", () => {
    const pdf = "%PDF-1.4\n1 0 obj\n<</Creator (Chromium)\n/CreationDate (D:20261205173512+00'00')\n/ModDate (D:20261205173512+00'00')>>\nendobj\n";
    const out = Buffer.from(stampPdfDate(Buffer.from(pdf, "latin1"), "2024-03-01")).toString("latin1");
    expect(out).toBe(pdf.replace(/D:20261205173512/g, "D:20240301000000"));
    expect(out.length).toBe(pdf.length);
    expect(() => stampPdfDate(Buffer.from(pdf), "1.3.2024")).toThrow('stampPdfDate: date muss die Form "YYYY-MM-DD" haben, angegeben ist "1.3.2024"');
  });
});
