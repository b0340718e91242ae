import { zScoreHeatmapFigure } from "../../plot/zScoreHeatmapFigure.js";
import type { ReportSection } from "../section.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { targetGroupLabel } from "../../analysis/germanLabels.js";
import { withheldShare } from "../protectSections.js";

export function zScoreSection(result: AnalysisResult): ReportSection {
  const id = result.parameters.id;
  const valued = result.indicators.current.indicators.filter((d) => d.targetGroup !== "context");
  const zById = new Map(result.zScores.map((r) => [String(r[id]), r]));
  const nameById = new Map(result.areas.map((a) => [a.id, a.name]));
  const withheld = withheldShare(result);
  const rows = result.ranking.map((r) => {
    const row: Record<string, unknown> = { ...zById.get(r.sozialraum_id), __id: r.sozialraum_id, __name: nameById.get(r.sozialraum_id) ?? r.sozialraum_id };
    for (const d of valued) if (withheld(r.sozialraum_id, d.id)) row[d.id] = null;
    return row;
  });
  const t = result.parameters.thresholds;
  const thresholds = t.strong > t.flag ? [t.flag, t.strong] : [t.flag];
  const stdRows = result.standardization.map((s) => ({
    indikator: s.label,
    zielgruppe: targetGroupLabel(s.targetGroup),
    richtung: s.targetGroup === "context" ? "– (Kontext, nicht bewertet)" : s.direction === 1 ? "hoch = ungünstig" : "hoch = günstig (gespiegelt)",
    mittelwert: s.mean,
    sd: s.sd,
    n: s.n,
    stadt: result.cityValues[s.indicator],
    einheit: result.indicators.current.indicators.find((d) => d.id === s.indicator)?.unit ?? "",
  }));
  return {
    id: "z-werte",
    title: "z-Werte der Indikatoren",
    paragraphs: [
      "Jeder Indikator ist standardisiert: z = Richtung · (Wert − Mittelwert) / Standardabweichung über alle Sozialräume mit gültigem Wert. " +
        "Positive z-Werte bedeuten stets eine ungünstigere Lage als im Durchschnitt. Die Farbstufen wechseln genau an den Schwellen.",
    ],
    figures: [
      {
        title: "z-Werte je Sozialraum und Indikator",
        figure: zScoreHeatmapFigure(rows, {
          id: "__id",
          label: "__name",
          indicators: valued.map((d) => ({ key: d.id, label: d.label })),
          thresholds,
          title: "z-Werte je Sozialraum und Indikator",
        }),
        caption: "Zeilen in der Reihenfolge der Rangfolge; grau: kein gültiger Wert.",
      },
    ],
    tables: [
      {
        title: "Standardisierung",
        columns: [
          { key: "indikator", label: "Indikator" },
          { key: "zielgruppe", label: "Zielgruppe" },
          { key: "richtung", label: "Richtung" },
          { key: "mittelwert", label: "Mittelwert", decimals: 2 },
          { key: "sd", label: "Standardabweichung", decimals: 2 },
          { key: "n", label: "Sozialräume (n)" },
          { key: "stadt", label: "Gesamtstadt", decimals: 2 },
          { key: "einheit", label: "Einheit" },
        ],
        rows: stdRows,
      },
    ],
  };
}
