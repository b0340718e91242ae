import { classMapFigure } from "../../plot/classMapFigure.js";
import type { ReportSection } from "../section.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { DYNAMIC_CLASS_ORDER, STATUS_CLASS_ORDER } from "../../analysis/germanLabels.js";

export function classMapSection(result: AnalysisResult): ReportSection {
  const geojson = result.geojson!;
  const idProperty = result.parameters.id;
  const rows = result.ranking.map((r) => ({ id: r.sozialraum_id, name: r.sozialraum_name, status: r.status_klasse ?? "", dynamik: r.dynamik_klasse ?? "" }));
  const figures: NonNullable<ReportSection["figures"]> = [
    {
      title: "Karte der Statusklassen",
      figure: classMapFigure(rows, { geojson, idProperty, label: "name", group: "status", groupOrder: [...STATUS_CLASS_ORDER], groupTitle: "Statusklasse", title: "Statusklassen", missingLabel: "ohne Status-Index (ausgeschlossen)" }),
    },
  ];
  if (result.dynamicIndex) {
    figures.push({
      title: "Karte der Dynamikklassen",
      figure: classMapFigure(rows, { geojson, idProperty, label: "name", group: "dynamik", groupOrder: [...DYNAMIC_CLASS_ORDER], groupTitle: "Dynamikklasse", title: "Dynamikklassen", missingLabel: "ohne Dynamik-Index (ausgeschlossen)" }),
    });
  }
  return {
    id: "karten",
    title: "Karten",
    paragraphs: ["Grau dargestellte Sozialräume sind aus dem jeweiligen Index ausgeschlossen (Gründe im Abschnitt „Ausgeschlossene Sozialräume“)."],
    figures,
  };
}
