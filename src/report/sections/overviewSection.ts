import { formatCell } from "../formatCell.js";
import { highlightWhere } from "../highlightWhere.js";
import type { ReportSection } from "../section.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { targetGroupLabel } from "../../analysis/germanLabels.js";
import { persistenceParagraphs } from "./monitoringSection.js";

/** "einem auffälligen Indikator" / "2 auffälligen Indikatoren" (dative after "ab"). */
export function indicatorCount(n: number): string {
  return n === 1 ? "einem auffälligen Indikator" : `${formatCell(n)} auffälligen Indikatoren`;
}

export function overviewSection(result: AnalysisResult): ReportSection {
  const n = result.areas.length;
  const ranked = result.ranking.filter((r) => r.rang !== null).length;
  const flags = result.conspicuousness;
  const rows = flags.targetGroups.map((g) => {
    const c = flags.counts[g];
    const without = flags.areas.filter((a) => a.groups.find((x) => x.targetGroup === g)?.verdict === null).length;
    return { zielgruppe: targetGroupLabel(g), unauffaellig: c.unauffällig, auffaellig: c.auffällig, stark: c["stark auffällig"], ohne: without };
  });
  const highlight = [
    ...highlightWhere(rows, "stark", (r) => r.stark > 0 && "stark auffällig"),
    ...highlightWhere(rows, "auffaellig", (r) => r.auffaellig > 0 && "auffällig"),
  ];
  const top = result.ranking.filter((r) => r.rang !== null && r.rang <= 3).map((r) => `${r.sozialraum_name} (${r.sozialraum_id})`);
  return {
    id: "ueberblick",
    title: "Überblick",
    paragraphs: [
      `Die Analyse umfasst ${n} Sozialräume im Jahr ${result.parameters.years.current}. ${ranked} davon haben einen Status-Index und stehen in der Rangfolge; ` +
        `${n - ranked} sind ausgeschlossen (Gründe im Abschnitt „Ausgeschlossene Sozialräume“).`,
      ...(top.length ? [`Den höchsten Status-Index (größte soziale Benachteiligung) haben: ${top.join(", ")}.`] : []),
      "Ein Indikator ist „auffällig“, wenn sein z-Wert die Schwelle überschreitet; die Bewertung je Zielgruppe fasst die auffälligen Indikatoren der Zielgruppe zusammen.",
      ...laterFindings(result),
    ],
    tables: [
      {
        title: "Bewertungen je Zielgruppe",
        columns: [
          { key: "zielgruppe", label: "Zielgruppe" },
          { key: "unauffaellig", label: "unauffällig" },
          { key: "auffaellig", label: "auffällig" },
          { key: "stark", label: "stark auffällig" },
          { key: "ohne", label: "ohne Werte" },
        ],
        rows,
        highlight,
        sheet: false,
      },
    ],
  };
}

/** One sentence per later step (Bedarf und Angebot, Nachbarschaft, Sensitivität) for the overview. */
function laterFindings(result: AnalysisResult): string[] {
  const out: string[] = [];
  if (result.supply) {
    const gaps = result.supply.groups.map((g) => `${g.label} ${g.comparison.gaps.length}`).join(", ");
    out.push(`Bedarf und Angebot: Sozialräume mit hohem Bedarf und geringem Angebot je Zielgruppe: ${gaps} (Abschnitt „Bedarf und Angebot“).`);
  }
  if (result.neighbourhood) {
    const m = result.neighbourhood.morans[0].moran;
    const hh = result.neighbourhood.lisa.filter((a) => a.cluster === "HH").length;
    out.push(
      `Nachbarschaft: Moran's I des Status-Index ${formatCell(m.I, 2)}` +
        (m.pSim !== null ? ` (p = ${formatCell(m.pSim, 3)})` : "") +
        `; ${hh} Sozialräume liegen in einem Hoch–Hoch-Cluster (Abschnitt „Nachbarschaft“).`,
    );
  }
  if (result.types) {
    const sizes = result.types.types.map((t) => `Typ ${t.type}: ${t.size}`).join(", ");
    out.push(`Sozialraumtypen: ${result.types.k} Typen ähnlicher Indikatorprofile (${sizes} Sozialräume; Abschnitt „Sozialraumtypen“).`);
  }
  if (result.monitoring) {
    const names = Object.fromEntries(result.areas.map((a) => [a.id, a.name]));
    const lines = persistenceParagraphs(result.monitoring, (id) => names[id] ?? id);
    out.push(`Entwicklung ${result.monitoring.years[0]}–${result.monitoring.years[result.monitoring.years.length - 1]}: ${lines.length > 0 ? lines.join(" ") : "Kein Sozialraum ist seit mehreren Erhebungen auffällig."} Einzelheiten im Abschnitt „Entwicklung über die Erhebungen“.`);
  }
  if (result.sensitivity) {
    const s = result.sensitivity.methods.summary;
    const ranked = s.areas.filter((a) => a.baselineRank !== null);
    const dependent = ranked.filter((a) => a.dependsOnMethod).length;
    out.push(`Sensitivität: ${dependent} von ${ranked.length} Sozialräumen wechseln in mindestens einer Methodenvariante die Statusklasse (Abschnitt „Sensitivität und Unsicherheit“).`);
  }
  return out;
}
