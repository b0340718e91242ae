import type { ReportSection } from "../section.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { targetGroupTable } from "./targetGroupSection.js";

export function contextSection(result: AnalysisResult): ReportSection {
  const inds = result.indicators.current.indicators.filter((d) => d.targetGroup === "context");
  return {
    id: "kontext",
    title: "Kontextindikatoren",
    paragraphs: [
      inds.length
        ? `Kontextindikatoren beschreiben die Struktur der Sozialräume und gehen nicht in die Bewertung ein: ${inds.map((d) => d.label).join(", ")}. ` +
          "Die vollständigen Werte stehen im Arbeitsblatt „Kontext“ der Excel-Datei."
        : "Der Indikatorenkatalog enthält keine Kontextindikatoren.",
    ],
    tables: inds.length ? [targetGroupTable(result, "context")] : [],
  };
}
