import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import { median } from "../../stats/median.js";
import { highlightWhere } from "../highlightWhere.js";
import type { ReportSection, ReportTable, TableHighlight } from "../section.js";
import type { AreaSensitivity } from "../../audit/sensitivity.js";
import type { SensitivityResult } from "../../audit/sensitivityAnalysis.js";
import { rankIntervalFigure } from "../../plot/rankIntervalFigure.js";
import type { VerdictSensitivity } from "../../analysis/verdictSensitivity.js";
import { verdictSensitivityTables } from "./verdictSensitivityTables.js";
import { sheetTitle, singularNoun } from "../../audit/areaNoun.js";

/** Options of {@link sensitivitySection}. */
export interface SensitivitySectionOptions {
  /** The Monte Carlo draws (e.g. `analysisSensitivity(...).monteCarlo`). */
  monteCarlo?: SensitivityResult | null;
  /** Anchor id (default "sensitivitaet"). */
  id?: string;
  /** German heading (default "Sensitivität und Unsicherheit"). */
  title?: string;
  /** Name of the ranked thing in the text (default "Sozialräume"). */
  areaNoun?: string;
  /** Per-area tables up to this many areas also in the HTML report (default 100; larger: workbook only). */
  htmlRowsUpTo?: number;
  /**
   * The sensitivity of the verdicts per target group (`verdictSensitivity(...)`): adds its paragraphs and the
   * tables "Bewertungsvarianten", "Methodenabhängige Bewertungen" and "Bewertungsstabilität".
   */
  verdicts?: VerdictSensitivity | null;
}


/**
 * The German report section of a sensitivity analysis: what was varied (table "Methodenvarianten" with each
 * variant's Spearman correlation with the baseline and how many areas change class), the per-area rank
 * intervals (figure: dot at the median rank, bar 5–95 %, sorted), the method-dependent areas and the class
 * stability of every area, the Spearman matrix of all variants, and — with `monteCarlo` — the rank intervals
 * from the random variation of small areas' rates. With `verdicts`, the same for the verdicts per target group
 * (see `verdictSensitivityTables`), after the status-index tables.
 *
 * @example
 * const s = analysisSensitivity(result, { seed: 1, draws: 500 });
 * const section = sensitivitySection(s.methods, { monteCarlo: s.monteCarlo, verdicts: verdictSensitivity(result, { seed: 1 }) });
 */
export function sensitivitySection(result: SensitivityResult, options: SensitivitySectionOptions = {}): ReportSection {
  const fn = "sensitivitySection";
  if (!result || result.name !== "runSensitivity") throw new Error(`${fn}: erwartet wird das Ergebnis von runSensitivity, angegeben ist ${result == null ? String(result) : `ein Objekt mit name ${String(result.name)}`}`);
  const s = result.summary;
  const labels = result.labels;
  const noun = options.areaNoun ?? "Sozialräume";
  const one = singularNoun(noun);
  const htmlUpTo = options.htmlRowsUpTo ?? 100;
  const ranked = s.areas.filter((a) => a.baselineRank !== null);
  const dependent = ranked.filter((a) => a.dependsOnMethod);
  const others = result.variants.filter((v) => v.name !== result.baseline);
  const rhos = s.correlations.filter((c) => c.variant !== result.baseline && Number.isFinite(c.spearman)).map((c) => c.spearman);
  const changedBy = new Map<string, number>();
  for (const a of s.areas) for (const v of a.differingVariants) changedBy.set(v, (changedBy.get(v) ?? 0) + 1);
  const rho = new Map(s.correlations.map((c) => [c.variant, c]));

  const paragraphs = [
    `Wie stark hängen Rangfolge und Klassen von den Methodenentscheidungen ab? Die Analyse wurde in ${others.length} Varianten neu berechnet; ` +
      `jede Variante ändert genau eine Entscheidung gegenüber der Basis (${result.variants.find((v) => v.name === result.baseline)?.description || result.baseline}). ` +
      `Familien: ${result.families.filter((f) => f.family !== result.baseline).map((f) => `${f.family} (${f.variants})`).join(", ")}.`,
    `${ranked.length - dependent.length} von ${ranked.length} ${noun}n behalten in allen Varianten ihre Klasse; ${dependent.length} sind methodenabhängig ` +
      `(mindestens eine Variante ergibt eine andere Klasse).` +
      (rhos.length ? ` Die Spearman-Korrelation der Rangfolgen mit der Basis liegt zwischen ${formatGermanNumber(Math.min(...rhos), { decimals: 3, missing: "–" })} und ${formatGermanNumber(Math.max(...rhos), { decimals: 3, missing: "–" })}.` : ""),
    `Je ${one}: Medianrang und 5–95-%-Intervall der Ränge über alle Varianten einschließlich der Basis (Quantile nach R-Typ 7); ` +
      "Klassenstabilität = Anteil der Varianten mit derselben Klasse wie die Basis.",
  ];
  const mc = options.monteCarlo ?? null;
  if (mc) {
    const p = mc.parameters as { seed?: number; draws?: number };
    // Draws whose index is undefined for these data are skipped (named in mc.warnings): print the draws used.
    const used = mc.variants.filter((v) => v.name !== mc.baseline).length;
    const requested = p.draws ?? used;
    const widths = mc.summary.areas.filter((a) => a.rankP05 !== null).map((a) => a.rankP95! - a.rankP05!).sort((x, y) => x - y);
    const mcDependent = mc.summary.areas.filter((a) => a.baselineRank !== null && a.dependsOnMethod).length;
    paragraphs.push(
      `Zufallsschwankung: In ${formatGermanNumber(used, { missing: "–" })} Monte-Carlo-Ziehungen (${used < requested ? `von ${formatGermanNumber(requested, { missing: "–" })} angeforderten, übersprungene siehe Hinweise; ` : ""}Startwert ${p.seed ?? "–"}) wurde jeder Zähler aus einer ` +
        "Binomialverteilung mit der Bezugsgröße und dem beobachteten Anteil gezogen und der Index neu berechnet. " +
        `Die Breite des 90-%-Rangintervalls beträgt im Median ${formatGermanNumber(median(widths), { decimals: 1, missing: "–" })} Ränge; ` +
        `${mcDependent} ${noun} wechseln in mindestens einer Ziehung die Klasse.`,
    );
  }

  const variantRows = result.variants.map((v) => ({
    familie: v.family,
    variante: v.name,
    beschreibung: v.description,
    spearman: rho.get(v.name)?.spearman ?? null,
    n: rho.get(v.name)?.n ?? null,
    andere_klasse: changedBy.get(v.name) ?? 0,
  }));
  const tables: ReportTable[] = [
    {
      title: "Methodenvarianten",
      columns: [
        { key: "familie", label: "Familie" },
        { key: "variante", label: "Variante" },
        { key: "beschreibung", label: "Beschreibung" },
        { key: "spearman", label: "Spearman mit Basis", decimals: 3 },
        { key: "n", label: `${noun} (n)` },
        { key: "andere_klasse", label: `${noun} mit anderer Klasse` },
      ],
      rows: variantRows,
      highlight: highlightWhere(variantRows, "andere_klasse", (r) => r.andere_klasse > 0 && "hinweis"),
    },
    areaTable(sheetTitle(`Methodenabhängige ${noun}`, "Methodenabhängige Räume"), dependent, labels, true, true),
    { ...areaTable(sheetTitle(`Klassenstabilität je ${one}`, "Klassenstabilität"), ranked, labels, false, true), html: ranked.length <= htmlUpTo },
  ];
  if (result.spearman) {
    const m = result.spearman;
    tables.push({
      title: "Spearman-Korrelationen",
      columns: [{ key: "variante", label: "Variante" }, ...m.variants.map((v, k) => ({ key: `v${k + 1}`, label: v, decimals: 3 }))],
      rows: m.variants.map((v, a) => Object.fromEntries([["variante", v], ...m.values[a].map((x, b) => [`v${b + 1}`, Number.isFinite(x) ? x : null])])),
    });
  }
  const figures: NonNullable<ReportSection["figures"]> = [
    {
      title: "Rangintervalle über die Methodenvarianten",
      figure: rankIntervalFigure(s, { labels, title: `Rang je ${one} über die Methodenvarianten` }),
      caption: "Punkt: Medianrang über alle Varianten; Balken: 5–95-%-Intervall; offener Kreis: Rang der Basis. Rot: Klasse hängt von der Methode ab.",
    },
  ];
  if (mc) {
    figures.push({
      title: "Rangintervalle aus der Zufallsschwankung",
      figure: rankIntervalFigure(mc.summary, {
        labels,
        title: `Rang je ${one} über die Monte-Carlo-Ziehungen`,
        stableLabel: "Klasse in allen Ziehungen gleich",
        changingLabel: "Klasse wechselt in Ziehungen",
      }),
      caption: "Punkt: Medianrang über die Ziehungen; Balken: 5–95-%-Intervall; offener Kreis: beobachteter Rang. Rot: Klasse wechselt in mindestens einer Ziehung.",
    });
    const mcRanked = mc.summary.areas.filter((a) => a.baselineRank !== null);
    tables.push({ ...areaTable("Monte-Carlo-Rangintervalle", mcRanked, labels, false, true, "Ziehungen mit anderer Klasse"), html: mcRanked.length <= htmlUpTo });
  }
  const warnings = [...result.warnings, ...(mc?.warnings ?? [])];
  if (warnings.length > 0) paragraphs.push(`Hinweise: ${warnings.join("; ")}.`);
  if (options.verdicts) {
    const v = verdictSensitivityTables(options.verdicts, { htmlRowsUpTo: htmlUpTo, areaNoun: noun });
    paragraphs.push(...v.paragraphs);
    tables.push(...v.tables);
  }
  // The id column is named after the area noun ("Planungsraum" for Berlin), not always "Sozialraum".
  const named = tables.map((t) => ({ ...t, columns: t.columns.map((c) => (c.key === "sozialraum_id" ? { ...c, label: one } : c)) }));
  return { id: options.id ?? "sensitivitaet", title: options.title ?? "Sensitivität und Unsicherheit", paragraphs, figures, tables: named };
}

/** Per-area table: ranks, interval, class stability, classes, (optionally) the variants with another class. */
function areaTable(
  title: string,
  areas: AreaSensitivity[],
  labels: Readonly<Record<string, string>>,
  withVariants: boolean,
  sheet: boolean,
  countLabel = "Varianten mit anderer Klasse",
): ReportTable {
  const sorted = [...areas].sort((p, q) => (p.baselineRank ?? Infinity) - (q.baselineRank ?? Infinity));
  const highlight: TableHighlight[] = [];
  const rows = sorted.map((a, i) => {
    if (a.dependsOnMethod) highlight.push({ row: i, key: "stabilitaet", level: a.classStability !== null && a.classStability < 0.5 ? "stark auffällig" : "auffällig" });
    const counts = Object.entries(a.classCounts).sort((p, q) => q[1] - p[1]).map(([c, k]) => `${c} ${k}`).join(", ");
    return {
      sozialraum_id: a.id,
      name: labels[a.id] ?? a.id,
      basisrang: a.baselineRank,
      basisklasse: a.baselineClass,
      medianrang: a.medianRank,
      rang_p05: a.rankP05,
      rang_p95: a.rankP95,
      stabilitaet: a.classStability === null ? null : a.classStability * 100,
      klassen: counts,
      anzahl: a.differingVariants.length,
      ...(withVariants ? { varianten: a.differingVariants.join("; ") } : {}),
    };
  });
  return {
    title,
    columns: [
      { key: "sozialraum_id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      { key: "basisrang", label: "Rang (Basis)" },
      { key: "basisklasse", label: "Klasse (Basis)" },
      { key: "medianrang", label: "Medianrang", decimals: 1 },
      { key: "rang_p05", label: "Rang 5 %", decimals: 1 },
      { key: "rang_p95", label: "Rang 95 %", decimals: 1 },
      { key: "stabilitaet", label: "Klassenstabilität (%)", decimals: 0 },
      { key: "klassen", label: "Klassen (Häufigkeit)" },
      { key: "anzahl", label: countLabel },
      ...(withVariants ? [{ key: "varianten", label: "Abweichende Varianten" }] : []),
    ],
    rows,
    highlight,
    sheet,
  };
}
