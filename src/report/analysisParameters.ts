import { basename } from "node:path";
import { formatCell } from "./formatCell.js";
import type { ReportParameter } from "./reportDocument.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";
import { targetGroupLabel } from "../analysis/germanLabels.js";
import { indicatorCount } from "./sections/overviewSection.js";

const SUPPLY_MEASURE_TEXT: Readonly<Record<string, string>> = {
  places: "Plätze je 1.000 im Sozialraum",
  withinReach: "Plätze je 1.000 mit Nachbarräumen",
  catchment: "erreichbare Plätze je 1.000 (2SFCA)",
};

/** The parameters of an analysis as German label/value pairs (header and "Parameter" sheet). */
export function analysisParameters(result: AnalysisResult): ReportParameter[] {
  const p = result.parameters;
  const label = (id: string) => result.indicators.current.indicators.find((d) => d.id === id)?.label ?? id;
  const indexText = (spec: Array<{ id: string; weight: number }>) =>
    spec.map((s) => (s.weight === 1 ? label(s.id) : `${label(s.id)} (Gewicht ${formatCell(s.weight)})`));
  const rule = p.verdictRule;
  return [
    { label: "Analysejahr", value: String(p.years.current) },
    { label: "Vergleichsjahr (Dynamik)", value: p.years.previous === null ? "keines" : String(p.years.previous) },
    { label: "Erhebungen (Entwicklung)", value: p.years.surveys.length >= 2 ? p.years.surveys.join(", ") : "keine (weniger als zwei Erhebungen)" },
    {
      label: "Sozialraumtypen",
      value: p.types
        ? `Varianzanteil ${formatCell(p.types.explainedShare * 100)} %, Typen ${p.types.kRange[0]}–${p.types.kRange[1]}, ${p.types.resamples} Bootstrap-Stichproben, Seed ${p.types.seed}`
        : "ausgeschaltet",
    },
    ...dataFileParameters(p),
    { label: "Gebietsgrenzen", value: p.data.geojson ? basename(p.data.geojson) : "keine" },
    { label: "Schlüsselspalte", value: p.sources ? [...new Set(p.sources.config.tables.map((t) => t.key))].join(", ") : p.id },
    { label: "Indikatoren", value: result.indicators.current.indicators.map((d) => `${d.label} (${targetGroupLabel(d.targetGroup)})`) },
    { label: "Mindesteinwohnerzahl", value: p.minimumPopulation },
    { label: "Konfidenzniveau (Wilson-Intervalle)", value: `${formatCell(p.confidence * 100)} %` },
    {
      label: "Glättung kleiner Gebiete",
      value: p.smoothing === "empirical-bayes" ? "Empirical Bayes (global, Marshall 1991): geglättete Anteile werden standardisiert" : "keine (Rohanteile)",
    },
    { label: "Mittelwert der Standardisierung", value: p.standardization.mean === "weighted" ? "gewichtet mit Einwohnern" : "ungewichtet (jeder Sozialraum zählt gleich)" },
    { label: "Standardabweichung", value: p.standardization.sd === "population" ? "Grundgesamtheit (Divisor n)" : "Stichprobe (Divisor n − 1)" },
    { label: "Schwelle „auffällig“", value: `z > ${formatCell(p.thresholds.flag)}` },
    { label: "Schwelle „stark auffällig“", value: `z > ${formatCell(p.thresholds.strong)}` },
    {
      label: "Bewertungsregel je Zielgruppe",
      value:
        `auffällig ab ${indicatorCount(rule.minFlags)}; stark auffällig ab ${indicatorCount(rule.strongMinFlags)}` +
        (rule.strongIfAnyStrong ? " oder einem stark auffälligen Indikator" : ""),
    },
    { label: "Status-Index", value: indexText(p.statusIndex.indicators) },
    { label: "Dynamik-Index", value: p.dynamicIndex ? indexText(p.dynamicIndex.indicators).map((t) => `Veränderung ${t}`) : "nicht berechnet" },
    { label: "Bedarfsindex je Zielgruppe", value: "Verfahren des Status-Index mit den Indikatoren der Zielgruppe" },
    {
      label: "Bedarf und Angebot",
      value: p.supply
        ? `Einrichtungen: ${p.data.einrichtungen ? basename(p.data.einrichtungen) : "keine"}; Beobachtungen: ${p.data.stadtteiltreffen ? basename(p.data.stadtteiltreffen) : "keine"}; ` +
          `Angebotsmaß: ${SUPPLY_MEASURE_TEXT[p.supply.measure]}` +
          (p.supply.measure === "catchment" ? ` (Radius ${formatCell(p.supply.radiusKm)} km, Distanzgewichtung ${p.supply.decay.type === "none" ? "keine" : p.supply.decay.type === "gaussian" ? "gaußsch" : "gestuft"})` : "") +
          `; Einrichtungsarten: ${Object.entries(p.supply.facilityTypes).map(([g, t]) => `${targetGroupLabel(g)}: ${t.join(", ")}`).join("; ")}`
        : "nicht berechnet",
    },
    {
      label: "Vernetzung",
      value: p.vernetzung
        ? `Akteure: ${p.data.akteure ? basename(p.data.akteure) : "keine"}; Kooperationen: ${p.data.kooperationen ? basename(p.data.kooperationen) : "keine"}; ` +
          `kaum vernetzt: Dichte unter ${formatCell(p.vernetzung.minDensity)} oder Anteil vernetzter Akteure unter ${formatCell(p.vernetzung.minConnectedShare)}`
        : "nicht berechnet",
    },
    {
      label: "Durchmischung",
      value: p.mix ? `Gruppen: ${Object.values(p.mix.groups).join(", ")}${p.mix.composition ? "; Altersgruppen" : ""}` : "nicht berechnet",
    },
    {
      label: "Nachbarschaft",
      value: p.neighbourhood
        ? `${p.neighbourhood.contiguity === "queen" ? "Queen" : "Rook"}-Nachbarschaft, zeilenstandardisiert; LISA p ≤ ${formatCell(p.neighbourhood.alpha)}${p.neighbourhood.fdr ? " (Benjamini–Hochberg)" : ""}`
        : "nicht berechnet",
    },
    { label: "Permutationen je Test", value: p.permutations },
    { label: "Startwert (seed)", value: String(p.seed) },
  ];
}

/** The data files: the `sources` tables by name, or the area list and the structural data files of `data`. */
function dataFileParameters(p: AnalysisResult["parameters"]): ReportParameter[] {
  if (p.sources) return [{ label: "Tabellen (eigene Daten)", value: p.sources.config.tables.map((t) => basename(t.file)) }];
  return [
    { label: "Gebietsliste", value: basename(p.data.gebiete) },
    {
      label: "Strukturdaten",
      // The file pattern's "{year}" placeholder is filled in: readers see the files actually read.
      value: basename(p.data.strukturdaten).includes("{year}")
        ? [...new Set([p.years.current, ...(p.years.previous === null ? [] : [p.years.previous]), ...(p.years.surveys.length >= 2 ? p.years.surveys : [])])]
            .map((y) => basename(p.data.strukturdaten).replaceAll("{year}", String(y)))
            .join(", ")
        : basename(p.data.strukturdaten),
    },
  ];
}
