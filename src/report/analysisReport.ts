import { mixAnalysisSection } from "./sections/mixSection.js";
import type { ReportDocument } from "./reportDocument.js";
import type { ReportSection } from "./section.js";
import { methodAppendixSection } from "./sections/methodAppendixSection.js";
import { sensitivitySection } from "./sections/sensitivitySection.js";
import { supplySection } from "./sections/supplySection.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";
import { neighbourhoodSection } from "./sections/neighbourhoodSection.js";
import { provenanceSection } from "./sections/provenanceSection.js";
import { protectSections } from "./protectSections.js";
import { analysisParameters } from "./analysisParameters.js";
import { overviewSection } from "./sections/overviewSection.js";
import { rankingSection } from "./sections/rankingSection.js";
import { classMapSection } from "./sections/classMapSection.js";
import { zScoreSection } from "./sections/zScoreSection.js";
import { targetGroupSection } from "./sections/targetGroupSection.js";
import { contextSection } from "./sections/contextSection.js";
import { excludedSection } from "./sections/excludedSection.js";
import { methodSection } from "./sections/methodSection.js";
import { summarySection } from "./sections/summarySection.js";
import { steckbriefSections } from "./sections/steckbriefSection.js";
import { vernetzungSection } from "./sections/vernetzungSection.js";
import { healthyMixSummary } from "../analysis/healthyMixSummary.js";
import { targetGroupLabel } from "../analysis/germanLabels.js";
import type { AreaFeatureCollection } from "../supply/geojson.js";
import { decorateMaps } from "./decorateMaps.js";
import { typesSection } from "./sections/typesSection.js";
import { monitoringSection } from "./sections/monitoringSection.js";

/**
 * The German report of an analysis as a {@link ReportDocument}: Zusammenfassung (the healthy-mix sentence,
 * auffällige Sozialräume per target group, verdict maps), overview, ranking (bars + table), maps of the
 * status and dynamic classes, heatmap of z-values, one section per target group (auffällige areas with the
 * indicators behind each verdict, indicator bars with Wilson intervals and the city-wide value), context
 * indicators, Bedarf und Angebot (`supplySection`), Durchmischung (`mixSection`), Nachbarschaft (Moran's I,
 * LISA map), Vernetzung, excluded areas, method and Nachvollziehbarkeit (provenance; also the "Herkunft" sheet),
 * then one Steckbrief per auffälliger Sozialraum (`steckbriefSections`). The same
 * document gives `bericht.html` and the workbook.
 *
 * @example
 * const doc = analysisReport(runAnalysis());
 * writeFileSync("bericht.html", reportHtml(doc));
 */
export function analysisReport(result: AnalysisResult): ReportDocument {
  const p = result.parameters;
  const summary = healthyMixSummary(result);
  const v = result.vernetzung;
  const sections: ReportSection[] = [
    summarySection(result, summary),
    overviewSection(result),
    rankingSection(result),
    ...(result.geojson ? [classMapSection(result)] : []),
    zScoreSection(result),
    ...result.conspicuousness.targetGroups.map((g) => targetGroupSection(result, g)),
    contextSection(result),
    ...(result.supply ? [supplySection(result.supply, { geojson: result.geojson ?? undefined })] : []),
    ...(result.mix ? [mixAnalysisSection(result.mix, result.geojson ? { geojson: result.geojson, idProperty: p.id } : {})] : []),
    ...(result.neighbourhood
      ? [neighbourhoodSection(result.neighbourhood, { geojson: result.geojson, names: Object.fromEntries(result.areas.map((a) => [a.id, a.name])), idProperty: p.id })]
      : []),
    ...(v
      ? [vernetzungSection(v.network, {
          poorly: v.poorly,
          ...(result.geojson ? { geojson: result.geojson as unknown as AreaFeatureCollection } : {}),
          idProperty: p.id,
          groupLabels: Object.fromEntries(result.conspicuousness.targetGroups.map((g) => [g, targetGroupLabel(g)])),
        })]
      : []),
    ...(result.types ? [typesSection(result)] : []),
    ...(result.monitoring ? [monitoringSection(result)] : []),
    ...(result.sensitivity
      ? [sensitivitySection(result.sensitivity.methods, { monteCarlo: result.sensitivity.monteCarlo, verdicts: result.verdictSensitivity })]
      : []),
    excludedSection(result),
    methodSection(result),
    methodAppendixSection(p, {
      ...(result.sensitivity ? { sensitivity: result.sensitivity } : {}),
      ...(p.neighbourhood
        ? { spatial: { weights: p.neighbourhood.contiguity === "queen" ? "Queen-Nachbarschaft" : "Rook-Nachbarschaft", transform: "R" as const, permutations: p.permutations, seed: p.seed, alpha: p.neighbourhood.alpha, fdr: p.neighbourhood.fdr } }
        : {}),
      ...(p.mix ? { mix: { permutations: p.permutations, seed: p.seed } } : {}),
      ...(p.supply ? { supply: { radiusKm: p.supply.radiusKm, decay: p.supply.decay.type } } : {}),
    }),
    provenanceSection(result.provenance, result.inputs),
    ...steckbriefSections(result, summary),
  ];
  const protectedSections = protectSections(result, decorateMaps(result, sections)).map(collapseAppendix);
  return { title: p.report.title, date: p.report.date, source: p.report.source, parameters: analysisParameters(result), sections: protectedSections };
}

/** Appendix sections: collapsed in the HTML report (open when printed), with the summary line naming them. */
const APPENDIX: Readonly<Record<string, string>> = {
  sensitivitaet: "Anhang: Methodenvarianten, Monte-Carlo-Unsicherheit und Stabilität der Bewertungen (aufklappen)",
  methodenanhang: "Anhang: Formeln, Parameter und Quellen der Verfahren (aufklappen)",
  nachvollziehbarkeit: "Anhang: Herkunft der Eingaben, Prüfsummen und Parameter (aufklappen)",
  geheimhaltung: "Anhang: Geheimhaltung und gesperrte Werte (aufklappen)",
};

/** Rows of the Ausschlüsse table from which that section is collapsed too. */
const LONG_EXCLUSIONS = 5;

function collapseAppendix(s: ReportSection): ReportSection {
  const summary = APPENDIX[s.id];
  if (summary !== undefined) return { ...s, collapsed: summary };
  const rows = (s.tables ?? []).reduce((n, t) => n + t.rows.length, 0);
  if (s.id === "ausschluesse" && rows > LONG_EXCLUSIONS) return { ...s, collapsed: `Anhang: ${rows} Einträge zu ausgeschlossenen Sozialräumen (aufklappen)` };
  return s;
}
