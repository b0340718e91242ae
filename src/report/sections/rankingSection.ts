import { rankingBarFigure } from "../../plot/rankingBarFigure.js";
import type { ReportSection, ReportTable, TableColumn, TableHighlight } from "../section.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { slug, STATUS_CLASS_ORDER, targetGroupLabel } from "../../analysis/germanLabels.js";
import { verdictLevel } from "./targetGroupSection.js";

/** The ranking as a report table (also the "Rangfolge" sheet): one row per area, ranked areas first. */
export function rankingTable(result: AnalysisResult): ReportTable {
  const groups = result.conspicuousness.targetGroups;
  // The verdict columns come right after the name: they answer the city's question, and in print they must not
  // be the columns cut off at the page edge.
  const columns: TableColumn[] = [
    { key: "rang", label: "Rang" },
    { key: "sozialraum_id", label: "Sozialraum" },
    { key: "sozialraum_name", label: "Name" },
    ...groups.map((g) => ({ key: `bewertung_${slug(targetGroupLabel(g))}`, label: targetGroupLabel(g) })),
    { key: "auffaellige_zielgruppen", label: "Auffällige Zielgruppen", decimals: 0 },
    { key: "status_index", label: "Status-Index", decimals: 2 },
    { key: "status_klasse", label: "Statusklasse" },
    ...(result.dynamicIndex
      ? [
          { key: "dynamik_index", label: "Dynamik-Index", decimals: 2 },
          { key: "dynamik_klasse", label: "Dynamikklasse" },
          { key: "gruppe", label: "Gruppe (Status/Dynamik)" },
        ]
      : []),
    { key: "stadtteil_name", label: "Stadtteil" },
    { key: "stadtbezirk_name", label: "Stadtbezirk" },
    { key: "einwohner", label: "Einwohner", decimals: 0, disclosure: { count: true } },
    { key: "grund", label: "Grund (ohne Rang)" },
  ];
  const highlight: TableHighlight[] = [];
  const rows = result.ranking.map((r, i) => {
    const row: Record<string, unknown> = { ...r };
    delete row.verdicts;
    for (const g of groups) {
      const v = r.verdicts[g];
      const key = `bewertung_${slug(targetGroupLabel(g))}`;
      row[key] = v ?? "keine Werte";
      const level = verdictLevel(v);
      if (level) highlight.push({ row: i, key, level });
    }
    if (r.status_klasse === "sehr niedrig") highlight.push({ row: i, key: "status_klasse", level: "stark auffällig" });
    if (r.status_klasse === "niedrig") highlight.push({ row: i, key: "status_klasse", level: "auffällig" });
    if (result.dynamicIndex && r.dynamik_klasse === "negativ") highlight.push({ row: i, key: "dynamik_klasse", level: "hinweis" });
    return row;
  });
  return { title: "Rangfolge", columns, rows, highlight };
}

export function rankingSection(result: AnalysisResult): ReportSection {
  const rows = result.ranking.map((r) => ({ id: r.sozialraum_id, name: r.sozialraum_name, index: r.status_index, klasse: r.status_klasse ?? "" }));
  return {
    id: "rangfolge",
    title: "Rangfolge der Sozialräume",
    paragraphs: [
      "Die Sozialräume sind nach dem Status-Index geordnet: Rang 1 hat den höchsten Wert und damit die größte soziale Benachteiligung. " +
        "Die Farbe zeigt die Statusklasse (Schema des Berliner Monitorings Soziale Stadtentwicklung).",
    ],
    figures: [
      {
        title: "Status-Index je Sozialraum",
        figure: rankingBarFigure(rows, { label: "name", value: "index", group: "klasse", groupOrder: [...STATUS_CLASS_ORDER], groupTitle: "Statusklasse", title: "Status-Index je Sozialraum", valueTitle: "Status-Index (z-Wert)" }),
        caption: "Balken: Status-Index; Farbe: Statusklasse. Sozialräume ohne Status-Index sind nicht dargestellt.",
      },
    ],
    tables: [rankingTable(result)],
  };
}
