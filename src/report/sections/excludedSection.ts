import type { ReportSection } from "../section.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { STEP_LABELS } from "../../analysis/germanLabels.js";

export function excludedSection(result: AnalysisResult): ReportSection {
  const names = new Map(result.areas.map((a) => [a.id, a.name]));
  const unranked = result.ranking.filter((r) => r.rang === null).map((r) => ({ sozialraum_id: r.sozialraum_id, sozialraum_name: r.sozialraum_name, einwohner: r.einwohner, grund: r.grund }));
  const all = result.excluded.map((e) => ({
    sozialraum_id: e.id,
    sozialraum_name: names.get(e.id) ?? "",
    schritt: STEP_LABELS[e.step] ?? e.step,
    spalte: e.column ?? "",
    grund: e.reason,
  }));
  return {
    id: "ausschluesse",
    title: "Ausgeschlossene Sozialräume",
    paragraphs: [
      `${unranked.length} Sozialräume haben keinen Status-Index und keinen Rang. Die zweite Tabelle listet jeden Ausschluss eines Gebiets oder eines einzelnen Werts aus einem Analyseschritt.`,
    ],
    tables: [
      {
        title: "Sozialräume ohne Rang",
        columns: [
          { key: "sozialraum_id", label: "Sozialraum" },
          { key: "sozialraum_name", label: "Name" },
          { key: "einwohner", label: "Einwohner", decimals: 0, disclosure: { count: true } },
          { key: "grund", label: "Grund" },
        ],
        rows: unranked,
        sheet: false,
      },
      {
        title: "Ausschlüsse",
        columns: [
          { key: "sozialraum_id", label: "Sozialraum" },
          { key: "sozialraum_name", label: "Name" },
          { key: "schritt", label: "Schritt" },
          { key: "spalte", label: "Indikator/Spalte" },
          { key: "grund", label: "Grund" },
        ],
        rows: all,
      },
    ],
  };
}
