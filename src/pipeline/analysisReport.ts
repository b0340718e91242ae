import { basename } from "node:path";
import type { Verdict } from "../classify/conspicuousness.js";
import { classMapFigure } from "../plot/classMapFigure.js";
import { indicatorBarFigure } from "../plot/indicatorBarFigure.js";
import { rankingBarFigure } from "../plot/rankingBarFigure.js";
import { zScoreHeatmapFigure } from "../plot/zScoreHeatmapFigure.js";
import { formatCell } from "../report/formatCell.js";
import type { ReportDocument, ReportParameter } from "../report/reportDocument.js";
import { highlightWhere } from "../report/highlightWhere.js";
import { disclosureRules, protectTable } from "../report/protectTable.js";
import type { ReportSection, ReportTable, TableColumn, TableHighlight } from "../report/section.js";
import { methodAppendixSection } from "../audit/methodAppendixSection.js";
import { sensitivitySection } from "../audit/sensitivitySection.js";
import { supplySection } from "../supply/supplySection.js";
import type { AnalysisResult, RankingRow } from "./analysisResult.js";
import { neighbourhoodSection } from "./neighbourhoodSection.js";
import { provenanceSection } from "./provenanceSection.js";
import { DYNAMIC_CLASS_ORDER, slug, STATUS_CLASS_ORDER, STEP_LABELS, targetGroupLabel } from "./germanLabels.js";

type Level = "auffällig" | "stark auffällig" | "hinweis";

const SUPPLY_MEASURE_TEXT: Readonly<Record<string, string>> = {
  places: "Plätze je 1.000 im Sozialraum",
  withinReach: "Plätze je 1.000 mit Nachbarräumen",
  catchment: "erreichbare Plätze je 1.000 (2SFCA)",
};

/**
 * The German report of an analysis as a {@link ReportDocument}: overview, ranking (bars + table), maps of the
 * status and dynamic classes, heatmap of z-values, one section per target group (auffällige areas with the
 * indicators behind each verdict, indicator bars with Wilson intervals and the city-wide value), context
 * indicators, Bedarf und Angebot (`supplySection`), Durchmischung (`mixSection`), Nachbarschaft (Moran's I,
 * LISA map), excluded areas, method and Nachvollziehbarkeit (provenance; also the "Herkunft" sheet). The same
 * document gives `bericht.html` and the workbook.
 *
 * @example
 * const doc = analysisReport(runAnalysis());
 * writeFileSync("bericht.html", reportHtml(doc));
 */
export function analysisReport(result: AnalysisResult): ReportDocument {
  const p = result.parameters;
  const sections: ReportSection[] = [
    overviewSection(result),
    rankingSection(result),
    ...(result.geojson ? [mapSection(result)] : []),
    zSection(result),
    ...result.conspicuousness.targetGroups.map((g) => targetGroupSection(result, g)),
    contextSection(result),
    ...(result.supply ? [supplySection(result.supply, { geojson: result.geojson ?? undefined })] : []),
    ...(result.mix ? [result.mix] : []),
    ...(result.neighbourhood
      ? [neighbourhoodSection(result.neighbourhood, { geojson: result.geojson, names: Object.fromEntries(result.areas.map((a) => [a.id, a.name])), idProperty: p.id })]
      : []),
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
  ];
  return { title: p.report.title, date: p.report.date, source: p.report.source, parameters: analysisParameters(result), sections: protectSections(result, sections) };
}

/**
 * Statistical disclosure control of every published table (`parameters.disclosure`): counts below the minimum,
 * shares (with their interval limits and z-values) whose base is below the minimum, and secondary suppression
 * (`protectTable`). A section "Geheimhaltung" lists the withheld cells (never their values) before the method
 * appendix. Figures are masked where they are built (see `withheldShare`).
 */
function protectSections(result: AnalysisResult, sections: ReportSection[]): ReportSection[] {
  const sdc = result.parameters.disclosure;
  if (!sdc) return sections;
  const list: Array<Record<string, unknown>> = [];
  const out = sections.map((section) => {
    if (!section.tables?.length) return section;
    const tables = section.tables.map((table) => {
      // Each table declares its count and share columns (TableColumn.disclosure).
      const { counts, shares } = disclosureRules(table);
      const { table: protectedTable, withheld } = protectTable(table, { counts, shares, minCount: sdc.minCount, minBase: sdc.minBase, marker: sdc.marker });
      for (const w of withheld) {
        const row = table.rows[w.row];
        // The list names the rule, never a value (the detailed reasons of suppressDisclosive name the base).
        const grund =
          w.kind === "sekundär" ? "sekundäre Geheimhaltung" : counts.includes(w.column) ? `Fallzahl unter ${formatCell(sdc.minCount)}` : `Bezugsgröße unter ${formatCell(sdc.minBase)}`;
        list.push({ tabelle: table.title, sozialraum: String(row.sozialraum_id ?? row.id ?? w.row + 1), spalte: w.label, art: w.kind, grund });
      }
      return protectedTable;
    });
    return { ...section, tables };
  });
  const note: ReportSection = {
    id: "geheimhaltung",
    title: "Geheimhaltung",
    paragraphs: [
      `Veröffentlichte Tabellen und Abbildungen sind geheim gehalten: Fallzahlen unter ${formatCell(sdc.minCount)} und Anteile mit einer Bezugsgröße unter ${formatCell(sdc.minBase)} ` +
        `(samt Konfidenzgrenzen und z-Wert) sind durch „${sdc.marker}“ ersetzt; wo eine Summe einen geheim gehaltenen Wert verraten würde, ist ein weiterer Wert gesperrt (sekundäre Geheimhaltung). ` +
        `Die Analyse selbst rechnet mit allen Werten. ${list.length === 0 ? "In diesem Bericht musste kein Wert gesperrt werden." : `Gesperrt sind ${list.length} Tabellenzellen.`}`,
    ],
    tables: list.length
      ? [{
          title: "Geheimhaltung",
          columns: [
            { key: "tabelle", label: "Tabelle" },
            { key: "sozialraum", label: "Sozialraum" },
            { key: "spalte", label: "Spalte" },
            { key: "art", label: "Art" },
            { key: "grund", label: "Grund" },
          ],
          rows: list,
        }]
      : [],
  };
  const at = out.findIndex((x) => x.id === "methode");
  return at < 0 ? [...out, note] : [...out.slice(0, at), note, ...out.slice(at)];
}

/** True when the published value of `indicator` in area `id` must be withheld (its base is below `disclosure.minBase`). */
function withheldShare(result: AnalysisResult): (id: string, indicator: string) => boolean {
  const sdc = result.parameters.disclosure;
  if (!sdc) return () => false;
  const byId = new Map(result.indicators.current.areas.map((a) => [a.id, a]));
  return (id, indicator) => {
    const d = byId.get(id)?.values[indicator]?.denominator;
    return d !== null && d !== undefined && d < sdc.minBase;
  };
}

/** "einem auffälligen Indikator" / "2 auffälligen Indikatoren" (dative after "ab"). */
function indicatorCount(n: number): string {
  return n === 1 ? "einem auffälligen Indikator" : `${formatCell(n)} auffälligen Indikatoren`;
}

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
    { label: "Gebietsliste", value: basename(p.data.gebiete) },
    {
      label: "Strukturdaten",
      // The file pattern's "{year}" placeholder is filled in: readers see the files actually read.
      value: basename(p.data.strukturdaten).includes("{year}")
        ? [p.years.current, ...(p.years.previous === null ? [] : [p.years.previous])]
            .map((y) => basename(p.data.strukturdaten).replaceAll("{year}", String(y)))
            .join(", ")
        : basename(p.data.strukturdaten),
    },
    { label: "Gebietsgrenzen", value: p.data.geojson ? basename(p.data.geojson) : "keine" },
    { label: "Schlüsselspalte", value: p.id },
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

function overviewSection(result: AnalysisResult): ReportSection {
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
  if (result.sensitivity) {
    const s = result.sensitivity.methods.summary;
    const ranked = s.areas.filter((a) => a.baselineRank !== null);
    const dependent = ranked.filter((a) => a.dependsOnMethod).length;
    out.push(`Sensitivität: ${dependent} von ${ranked.length} Sozialräumen wechseln in mindestens einer Methodenvariante die Statusklasse (Abschnitt „Sensitivität und Unsicherheit“).`);
  }
  return out;
}

/** The ranking as a report table (also the "Rangfolge" sheet): one row per area, ranked areas first. */
export function rankingTable(result: AnalysisResult): ReportTable {
  const groups = result.conspicuousness.targetGroups;
  const columns: TableColumn[] = [
    { key: "rang", label: "Rang" },
    { key: "sozialraum_id", label: "Sozialraum" },
    { key: "sozialraum_name", label: "Name" },
    { key: "stadtteil_name", label: "Stadtteil" },
    { key: "stadtbezirk_name", label: "Stadtbezirk" },
    { key: "einwohner", label: "Einwohner", decimals: 0, disclosure: { count: true } },
    { key: "status_index", label: "Status-Index", decimals: 2 },
    { key: "status_klasse", label: "Statusklasse" },
    ...(result.dynamicIndex
      ? [
          { key: "dynamik_index", label: "Dynamik-Index", decimals: 2 },
          { key: "dynamik_klasse", label: "Dynamikklasse" },
          { key: "gruppe", label: "Gruppe (Status/Dynamik)" },
        ]
      : []),
    ...groups.map((g) => ({ key: `bewertung_${slug(targetGroupLabel(g))}`, label: targetGroupLabel(g) })),
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

function rankingSection(result: AnalysisResult): ReportSection {
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

function mapSection(result: AnalysisResult): ReportSection {
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

function zSection(result: AnalysisResult): ReportSection {
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

/** Flag level of every area × indicator (from the conspicuousness result). */
function flagLevels(result: AnalysisResult): Map<string, Map<string, "auffällig" | "stark auffällig">> {
  const out = new Map<string, Map<string, "auffällig" | "stark auffällig">>();
  for (const a of result.conspicuousness.areas) out.set(a.id, new Map(a.flags.map((f) => [f.indicator, f.level])));
  return out;
}

/** The full table of one target group (workbook sheet): value, interval and z per indicator, verdict. */
export function targetGroupTable(result: AnalysisResult, group: string, options: { onlyConspicuous?: boolean } = {}): ReportTable {
  const inds = result.indicators.current.indicators.filter((d) => d.targetGroup === group);
  const levels = flagLevels(result);
  const verdictOf = new Map(result.conspicuousness.areas.map((a) => [a.id, a.groups.find((g) => g.targetGroup === group)]));
  const zById = new Map(result.zScores.map((r) => [String(r[result.parameters.id]), r]));
  const valueById = new Map(result.indicators.current.areas.map((a) => [a.id, a]));
  const isContext = group === "context";
  const areaFlags = new Map(result.conspicuousness.areas.map((a) => [a.id, a.flags.filter((f) => f.targetGroup === group)]));
  const order = result.ranking.map((r) => r.sozialraum_id);
  const rank = new Map(result.ranking.map((r) => [r.sozialraum_id, r]));
  let ids = order;
  if (options.onlyConspicuous) {
    const strength = (id: string) => {
      const g = verdictOf.get(id);
      const top = Math.max(0, ...(areaFlags.get(id) ?? []).map((f) => f.z));
      return [g?.verdict === "stark auffällig" ? 2 : g?.verdict === "auffällig" ? 1 : 0, top] as const;
    };
    ids = order
      .filter((id) => strength(id)[0] > 0)
      .map((id, i) => ({ id, i, s: strength(id) }))
      .sort((a, b) => b.s[0] - a.s[0] || b.s[1] - a.s[1] || a.i - b.i)
      .map((x) => x.id);
  }
  const columns: TableColumn[] = [
    { key: "sozialraum_id", label: "Sozialraum" },
    { key: "sozialraum_name", label: "Name" },
    { key: "stadtteil_name", label: "Stadtteil" },
  ];
  const needIndex = isContext ? undefined : result.needIndex[group];
  const needById = new Map((needIndex?.areas ?? []).map((a) => [a.id, a.index]));
  if (!isContext) {
    columns.push({ key: "bewertung", label: "Bewertung" }, { key: "indikatoren", label: "Auffällige Indikatoren" });
    if (needIndex) columns.push({ key: "bedarfsindex", label: "Bedarfsindex", decimals: 2 });
  }
  for (const d of inds) {
    // The share's base rides along in the hidden "<indicator>__basis" field of each row.
    const share = { base: `${d.id}__basis` };
    columns.push({ key: `${d.id}__wert`, label: `${d.label} (${d.unit})`, decimals: 1, disclosure: share });
    if (!options.onlyConspicuous) {
      columns.push(
        { key: `${d.id}__unten`, label: `${d.label}: untere Grenze`, decimals: 1, disclosure: share },
        { key: `${d.id}__oben`, label: `${d.label}: obere Grenze`, decimals: 1, disclosure: share },
      );
    }
    columns.push({ key: `${d.id}__z`, label: `${d.label}: z`, decimals: 2, disclosure: share });
  }
  const highlight: TableHighlight[] = [];
  const rows = ids.map((id, i) => {
    const r = rank.get(id)!;
    const g = verdictOf.get(id);
    const row: Record<string, unknown> = { sozialraum_id: id, sozialraum_name: r.sozialraum_name, stadtteil_name: r.stadtteil_name };
    if (!isContext) {
      row.bewertung = g?.verdict ?? "keine Werte";
      const flags = areaFlags.get(id) ?? [];
      const withheld = withheldShare(result);
      row.indikatoren = flags.length
        ? flags.map((f) => (withheld(id, f.indicator) ? `${f.label} (${f.level})` : `${f.label} (z = ${formatCell(f.z, 2)}, ${f.level})`)).join("; ")
        : "–";
      const level = verdictLevel(g?.verdict ?? null);
      if (level) highlight.push({ row: i, key: "bewertung", level });
      if (needIndex) row.bedarfsindex = needById.get(id) ?? null;
    }
    const values = valueById.get(id)!.values;
    for (const d of inds) {
      const v = values[d.id];
      row[`${d.id}__wert`] = v.value;
      // The base is not shown; it tells disclosure control which shares to withhold (protectSections).
      row[`${d.id}__basis`] = v.denominator;
      if (!options.onlyConspicuous) {
        row[`${d.id}__unten`] = v.lower;
        row[`${d.id}__oben`] = v.upper;
      }
      row[`${d.id}__z`] = zById.get(id)?.[d.id];
      const level = levels.get(id)?.get(d.id);
      if (level && !isContext) {
        highlight.push({ row: i, key: `${d.id}__z`, level }, { row: i, key: `${d.id}__wert`, level });
      } else if (!v.usable && v.value !== null) {
        highlight.push({ row: i, key: `${d.id}__wert`, level: "hinweis" });
      }
    }
    return row;
  });
  return {
    title: options.onlyConspicuous ? `Auffällige Sozialräume: ${targetGroupLabel(group)}` : targetGroupLabel(group),
    columns,
    rows,
    highlight,
    ...(options.onlyConspicuous ? { sheet: false } : { html: false }),
  };
}

function targetGroupSection(result: AnalysisResult, group: string): ReportSection {
  const label = targetGroupLabel(group);
  const inds = result.indicators.current.indicators.filter((d) => d.targetGroup === group);
  const c = result.conspicuousness.counts[group];
  const level = result.indicators.current.confidence;
  const withheld = withheldShare(result);
  const figures = inds.map((d) => {
    const rows = result.indicators.current.areas.map((a, i) => {
      const hide = withheld(a.id, d.id);
      return {
        id: a.id,
        name: result.areas[i].name,
        wert: hide ? null : a.values[d.id].value,
        unten: hide ? null : a.values[d.id].lower,
        oben: hide ? null : a.values[d.id].upper,
        grau: !a.values[d.id].usable,
      };
    });
    const city = result.cityValues[d.id];
    return {
      title: `${d.label} (${d.unit})`,
      figure: indicatorBarFigure(rows, {
        label: "name", value: "wert", lower: "unten", upper: "oben", sort: "descending", level,
        muted: "grau", mutedLabel: "grau: nicht standardisiert (zu wenige Einwohner oder zu kleine Bezugsgröße)",
        ...(city !== null ? { reference: city } : {}),
        title: `${d.label} je Sozialraum`, valueTitle: `${d.label} in ${d.unit}`,
      }),
      caption: `${d.source}. Fehlerbalken: ${formatCell(level * 100)}-%-Konfidenzintervall nach Wilson; gestrichelt: Gesamtstadt.`,
    };
  });
  return {
    id: `zielgruppe-${group}`,
    title: `Zielgruppe ${label}`,
    paragraphs: [
      `${c["stark auffällig"]} Sozialräume sind für die Zielgruppe ${label} stark auffällig, ${c.auffällig} auffällig und ${c.unauffällig} unauffällig. ` +
        `Indikatoren: ${inds.map((d) => d.label).join(", ")}.`,
      "Die Tabelle nennt für jeden auffälligen Sozialraum die Indikatoren, die zur Bewertung führen (z-Wert und Stufe).",
    ],
    tables: [targetGroupTable(result, group, { onlyConspicuous: true }), targetGroupTable(result, group)],
    figures,
  };
}

function contextSection(result: AnalysisResult): ReportSection {
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

function excludedSection(result: AnalysisResult): ReportSection {
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

function methodSection(result: AnalysisResult): ReportSection {
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

function verdictLevel(v: Verdict | null | undefined): Level | null {
  return v === "stark auffällig" ? "stark auffällig" : v === "auffällig" ? "auffällig" : null;
}

