import { formatCell } from "../formatCell.js";
import type { ReportSection } from "../section.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";

export function methodSection(result: AnalysisResult): ReportSection {
  const p = result.parameters;
  const s = result.statusIndex.sumParameters;
  return {
    id: "methode",
    title: "Methode",
    paragraphs: [
      `Indikatoren: Anteile (Zähler/Bezugsgröße) je Sozialraum mit ${formatCell(p.confidence * 100)}-%-Konfidenzintervall nach Wilson. Werte mit zu kleiner Bezugsgröße und Gebiete unter ${formatCell(p.minimumPopulation)} Einwohnern gehen nicht in Standardisierung und Indizes ein.`,
      `Auffälligkeit: Ein Indikator ist auffällig bei z > ${formatCell(p.thresholds.flag)} und stark auffällig bei z > ${formatCell(p.thresholds.strong)}.`,
      `Status-Index (Verfahren des Monitorings Soziale Stadtentwicklung Berlin): Die Indikatoren werden über die Sozialräume mit gültigem Wert standardisiert, die z-Werte gewichtet addiert und die Summe erneut standardisiert ` +
        `(Summe: Mittelwert ${formatCell(s.mean, 3)}, Standardabweichung ${formatCell(s.sd, 3)}, n = ${s.n}). Klassen: hoch (< −1), mittel (−1 bis 1), niedrig (über 1 bis 1,5), sehr niedrig (> 1,5).`,
      ...(result.dynamicIndex
        ? [`Dynamik-Index: dasselbe Verfahren mit den Veränderungen der Anteile in Prozentpunkten zwischen ${p.years.previous} und ${p.years.current}. Klassen: positiv (< −1), stabil (−1 bis 1), negativ (> 1).`]
        : []),
      "Bedarfsindex je Zielgruppe: dasselbe Verfahren wie der Status-Index mit den Indikatoren der Zielgruppe (ohne Klassen). Er ist der Bedarf im Abschnitt „Bedarf und Angebot“; auffällig im Sinne der Stadtteiltreffen-Prüfung ist ein Sozialraum mit der Bewertung „auffällig“ oder „stark auffällig“.",
    ],
  };
}
