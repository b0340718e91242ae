import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { persistenceText } from "../../analysis/persistenceText.js";
import type { MonitorYearsResult } from "../../monitoring/monitorYears.js";
import { transitionFigure } from "../../plot/transitionFigure.js";
import { formatCell } from "../formatCell.js";
import type { ReportSection, ReportTable, TableHighlight } from "../section.js";

/**
 * Section "Entwicklung über die Erhebungen": the overall verdict (worst over the target groups) of every
 * Sozialraum in every survey, the transitions between consecutive surveys (table and Sankey figure), and how
 * long areas have been auffällig ("seit drei Erhebungen auffällig"). The workbook sheet "Entwicklung" has one
 * row per area: verdict and status class per survey and the persistence.
 *
 * @example
 * const result = runAnalysis({ years: [2014, 2016, 2018, 2020] });
 * monitoringSection(result).tables![1].title; // "seit N Erhebungen auffällig"
 */
export function monitoringSection(result: AnalysisResult): ReportSection {
  const m = result.monitoring;
  if (!m) throw new Error("monitoringSection: die Analyse hat kein Monitoring (weniger als zwei Erhebungen)");
  const names = Object.fromEntries(result.areas.map((a) => [a.id, a.name]));
  const name = (id: string) => names[id] ?? id;
  const p = result.parameters;
  const paragraphs = [
    `Verglichen werden die Erhebungen ${listYears(m.years)}. Jede Erhebung wird über ihre eigenen Sozialräume standardisiert, ` +
      `mit denselben Regeln wie die Analyse ${p.years.current} (Schwellen z > ${formatCell(p.thresholds.flag)} bzw. ${formatCell(p.thresholds.strong)}, ` +
      `mindestens ${formatCell(p.minimumPopulation)} Einwohner). Bewertet wird die Gesamtbewertung eines Sozialraums: die schlechteste Bewertung über die Zielgruppen.`,
    ...m.transitions.map((t) => `${t.from} → ${t.to}: ${t.unchanged} von ${t.total} Sozialräumen behalten ihre Bewertung; ${t.changes.length} wechseln` +
      (t.changes.length > 0 && t.changes.length <= 12 ? ` (${t.changes.map((c) => `${name(c.id)}: ${c.from} → ${c.to}`).join("; ")})` : "") + "."),
    ...persistenceParagraphs(m, name),
  ];
  return {
    id: "entwicklung",
    title: "Entwicklung über die Erhebungen",
    paragraphs,
    figures: [{ title: "Übergänge der Gesamtbewertung", figure: transitionFigure(m.transitions, { title: "Übergänge der Gesamtbewertung zwischen den Erhebungen" }) }],
    tables: [transitionTable(m), persistenceTable(m, name), areaTable(m, name)],
  };
}

/** "11 Sozialräume sind seit vier Erhebungen auffällig (2014–2020): …", longest streak first; areas no longer auffällig. */
export function persistenceParagraphs(m: MonitorYearsResult, name: (id: string) => string): string[] {
  const out: string[] = [];
  const streaks = [...new Set(m.persistence.map((p) => p.streak).filter((s) => s >= 2))].sort((a, b) => b - a);
  for (const s of streaks) {
    const areas = m.persistence.filter((p) => p.streak === s);
    const text = persistenceText(areas[0]);
    out.push(areas.length === 1 ? `${name(areas[0].id)} ist ${text}.` : `${areas.length} Sozialräume sind ${text}: ${areas.map((a) => name(a.id)).join(", ")}.`);
  }
  const last = m.years[m.years.length - 1];
  const noLonger = m.persistence.filter((p) => p.streak === 0 && p.auffaelligYears.length > 0 && !p.missingYears.includes(last));
  if (noLonger.length > 0) {
    out.push(`${last} nicht mehr auffällig: ${noLonger.map((p) => `${name(p.id)} (zuletzt ${String(p.auffaelligYears[p.auffaelligYears.length - 1])})`).join(", ")}.`);
  }
  return out;
}

function listYears(years: readonly (number | string)[]): string {
  const y = years.map(String);
  return y.length <= 1 ? y.join("") : `${y.slice(0, -1).join(", ")} und ${y[y.length - 1]}`;
}

function transitionTable(m: MonitorYearsResult): ReportTable {
  const classes = m.transitions[0]?.classes ?? [];
  const key = (i: number) => `nach${i}`;
  const rows = m.transitions.flatMap((t) =>
    t.classes.map((c, a) => ({ zeitraum: `${t.from} → ${t.to}`, von: c, ...Object.fromEntries(t.counts[a].map((n, b) => [key(b), n])) })),
  );
  const highlight: TableHighlight[] = [];
  rows.forEach((r, row) => classes.forEach((c, b) => {
    if (c !== r.von && (r as Record<string, unknown>)[key(b)] !== 0) highlight.push({ row, key: key(b), level: "hinweis" });
  }));
  return {
    title: "Übergänge zwischen den Erhebungen",
    columns: [
      { key: "zeitraum", label: "Zeitraum" },
      { key: "von", label: "Bewertung vorher" },
      ...classes.map((c, b) => ({ key: key(b), label: `nachher ${c}` })),
    ],
    rows,
    highlight,
    sheet: false,
  };
}

function persistenceTable(m: MonitorYearsResult, name: (id: string) => string): ReportTable {
  const rows = m.persistence
    .filter((p) => p.streak >= 1)
    .sort((a, b) => b.streak - a.streak)
    .map((p) => ({ id: p.id, name: name(p.id), erhebungen: p.streak, dauer: persistenceText(p) }));
  return {
    title: "seit N Erhebungen auffällig",
    columns: [
      { key: "id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      { key: "erhebungen", label: "Erhebungen in Folge" },
      { key: "dauer", label: "auffällig" },
    ],
    rows,
    highlight: rows.flatMap((r, row): TableHighlight[] => (r.erhebungen >= 3 ? [{ row, key: "erhebungen", level: "stark auffällig" as const }] : r.erhebungen === 2 ? [{ row, key: "erhebungen", level: "auffällig" as const }] : [])),
    sheet: false,
  };
}

function areaTable(m: MonitorYearsResult, name: (id: string) => string): ReportTable {
  const byId = new Map(m.persistence.map((p) => [p.id, p]));
  const ids = m.persistence.map((p) => p.id);
  return {
    title: "Entwicklung",
    columns: [
      { key: "id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      ...m.years.map((y) => ({ key: `b${String(y)}`, label: `Bewertung ${String(y)}` })),
      ...(m.classesByYear ? m.years.map((y) => ({ key: `s${String(y)}`, label: `Statusklasse ${String(y)}` })) : []),
      { key: "dauer", label: "Dauer der Auffälligkeit" },
    ],
    rows: ids.map((id) => ({
      id,
      name: name(id),
      ...Object.fromEntries(m.verdictsByYear.map((y) => [`b${String(y.year)}`, y.classes[id] ?? "ohne Bewertung"])),
      ...(m.classesByYear ? Object.fromEntries(m.classesByYear.map((y) => [`s${String(y.year)}`, y.classes[id] ?? "ohne Klasse"])) : {}),
      dauer: persistenceText(byId.get(id)!),
    })),
    html: false,
  };
}

