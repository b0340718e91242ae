import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { typeMapFigure } from "../../plot/typeMapFigure.js";
import type { SozialraumTypesResult } from "../../typology/sozialraumTypes.js";
import { formatCell } from "../formatCell.js";
import type { ReportSection, ReportTable } from "../section.js";

/** Mean Jaccard from which a type counts as stable (Hennig 2007: ≥ 0,75 stable, ≤ 0,5 dissolved). */
const STABLE = 0.75;

/**
 * Section "Sozialraumtypen": the method, the silhouette criterion per number of types, the type profiles (mean
 * z-value per indicator and type), the German type descriptions, the map of the types and their stability under
 * the bootstrap. The workbook sheet "Sozialraumtypen" lists every area with its type (areas without a type with
 * the reason).
 *
 * @example
 * const result = runAnalysis();
 * typesSection(result).tables!.map((t) => t.title); // ["Silhouettenkriterium je Zahl der Typen", "Typprofile (mittlere z-Werte)", "Sozialraumtypen"]
 */
export function typesSection(result: AnalysisResult): ReportSection {
  const t = result.types;
  if (!t) throw new Error("typesSection: die Analyse hat keine Sozialraumtypen (Typen abgeschaltet oder zu wenige Gebiete)");
  const names = Object.fromEntries(result.areas.map((a) => [a.id, a.name]));
  const best = t.criterion.find((c) => c.k === t.k)!;
  const paragraphs = [
    `Sozialraumtypen fassen Sozialräume mit ähnlichem Indikatorprofil ${result.parameters.years.current} zusammen. Verfahren: ${t.method}.`,
    `Gewählt wurden ${t.k} Typen: Bei dieser Zahl ist die mittlere Silhouettenbreite am größten (${formatCell(best.meanSilhouette, 2)}; ` +
      "Werte über 0,5 zeigen eine deutliche, über 0,25 eine schwache Struktur, Kaufman und Rousseeuw 1990).",
    ...t.types.map((p) => `Typ ${p.type} (${p.size} ${p.size === 1 ? "Sozialraum" : "Sozialräume"}): ${p.description}.`),
    ...stabilityText(t),
    ...(t.excluded.length > 0 ? [`Ohne Typ (${t.excluded.length}): ${t.excluded.map((e) => `${names[e.id] ?? e.id} (${e.reason.replace(/^.*?Sozialraumtypen: /, "")})`).join("; ")}.`] : []),
  ];
  const figures: NonNullable<ReportSection["figures"]> = result.geojson
    ? [{ title: "Karte der Sozialraumtypen", figure: typeMapFigure(t, { geojson: result.geojson, idProperty: result.parameters.id, names }) }]
    : [];
  return { id: "sozialraumtypen", title: "Sozialraumtypen", paragraphs, figures, tables: [criterionTable(t), profileTable(t, result), areaTable(t, names)] };
}

function stabilityText(t: SozialraumTypesResult): string[] {
  if (!t.stability) return ["Die Stabilität der Typen wurde nicht geprüft (types.resamples = 0)."];
  const parts = t.types.map((p) => `Typ ${p.type} ${formatCell(p.stability, 2)}${p.stability !== null && p.stability >= STABLE ? " (stabil)" : p.stability !== null && p.stability <= 0.5 ? " (instabil)" : ""}`);
  return [
    `Stabilität unter Stichprobenwiederholung (mittlerer Jaccard-Koeffizient jedes Typs über die Bootstrap-Stichproben; ab 0,75 gilt ein Typ als stabil, Hennig 2007): ${parts.join(", ")}.`,
  ];
}

function criterionTable(t: SozialraumTypesResult): ReportTable {
  return {
    title: "Silhouettenkriterium je Zahl der Typen",
    columns: [
      { key: "k", label: "Zahl der Typen" },
      { key: "silhouette", label: "mittlere Silhouettenbreite", decimals: 3 },
      { key: "gewaehlt", label: "gewählt" },
    ],
    rows: t.criterion.map((c) => ({ k: c.k, silhouette: c.meanSilhouette, gewaehlt: c.k === t.k ? "ja" : "" })),
    highlight: t.criterion.flatMap((c, row) => (c.k === t.k ? [{ row, key: "gewaehlt", level: "hinweis" as const }] : [])),
    sheet: false,
  };
}

function profileTable(t: SozialraumTypesResult, result: AnalysisResult): ReportTable {
  const labels = Object.fromEntries(result.parameters.indicators.map((d) => [d.id, d.label]));
  return {
    title: "Typprofile (mittlere z-Werte)",
    columns: [
      { key: "indikator", label: "Indikator" },
      ...t.types.map((p) => ({ key: `typ${p.type}`, label: `Typ ${p.type} (n = ${p.size})`, decimals: 2 })),
    ],
    rows: t.columns.map((c) => ({
      indikator: labels[c] ?? c,
      ...Object.fromEntries(t.types.map((p) => [`typ${p.type}`, p.profile.find((e) => e.column === c)?.meanZ ?? null])),
    })),
    sheet: false,
  };
}

function areaTable(t: SozialraumTypesResult, names: Record<string, string>): ReportTable {
  const reasons = new Map(t.excluded.map((e) => [e.id, e.reason]));
  const byType = new Map(t.types.map((p) => [p.type, p]));
  return {
    title: "Sozialraumtypen",
    columns: [
      { key: "id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      { key: "typ", label: "Typ" },
      { key: "silhouette", label: "Silhouettenbreite", decimals: 2 },
      { key: "beschreibung", label: "Typbeschreibung bzw. Grund" },
    ],
    rows: t.areas.map((a) => ({
      id: a.id,
      name: names[a.id] ?? a.id,
      typ: a.type ?? "ohne Typ",
      silhouette: a.silhouette,
      beschreibung: a.type !== null ? byType.get(a.type)!.description : (reasons.get(a.id) ?? ""),
    })),
    html: false,
  };
}
