import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import { slug } from "../../analysis/germanLabels.js";
import type { ReportTable } from "../section.js";
import { quantileType7 } from "../../stats/quantileType7.js";
import { sheetTitle, singularNoun } from "../../audit/areaNoun.js";
import type { VerdictAreaSensitivity, VerdictSensitivity } from "../../analysis/verdictSensitivity.js";

type Highlight = NonNullable<ReportTable["highlight"]>[number];

/** Options of {@link verdictSensitivityTables}. */
export interface VerdictSensitivityTablesOptions {
  /** The full per-area table also in the HTML report up to this many rows (default 100; larger: workbook only). */
  htmlRowsUpTo?: number;
  /** Name of the areas in the text (default "Sozialräume"). */
  areaNoun?: string;
}


/**
 * German paragraphs and report tables of a {@link VerdictSensitivity} (used by `sensitivitySection`): what was
 * varied, per variant how many verdicts of each target group change ("Bewertungsvarianten"), the area × group
 * pairs whose verdict depends on the method with the variants behind it ("Methodenabhängige Bewertungen"), and
 * every pair's stability ("Bewertungsstabilität je Sozialraum" when it fits a sheet name, else "Bewertungsstabilität"; workbook; in the HTML report up to `htmlRowsUpTo` rows).
 *
 * @example
 * const { paragraphs, tables } = verdictSensitivityTables(verdictSensitivity(runAnalysis(), { seed: 1, draws: 200 }));
 */
export function verdictSensitivityTables(v: VerdictSensitivity, options: VerdictSensitivityTablesOptions = {}): { paragraphs: string[]; tables: ReportTable[] } {
  const fn = "verdictSensitivityTables";
  if (!v || v.name !== "verdictSensitivity") throw new Error(`${fn}: erwartet wird das Ergebnis von verdictSensitivity, angegeben ist ${v == null ? String(v) : `ein Objekt mit name ${String(v.name)}`}`);
  const noun = options.areaNoun ?? "Sozialräume";
  const htmlUpTo = options.htmlRowsUpTo ?? 100;
  const label = new Map(v.groups.map((g) => [g.targetGroup, g.label]));
  const assessed = v.areas.filter((a) => a.baselineVerdict !== null);
  const dependent = assessed.filter((a) => a.dependsOnMethod);
  const p = v.parameters;
  const perGroup = v.groups.map((g) => `${g.label} ${dependent.filter((a) => a.targetGroup === g.targetGroup).length}`).join(", ");

  const paragraphs = [
    `Bewertungen je Zielgruppe: Dieselben Abwandlungen wurden für die Bewertungen „unauffällig“, „auffällig“ und „stark auffällig“ gerechnet — ` +
      `Mittelwert und SD, robuste z-Werte, beide Schwellen um ±${formatGermanNumber(p.thresholdShift, { missing: "–" })} verschoben (Basis: auffällig ab z > ${formatGermanNumber(p.thresholds.flag, { missing: "–" })}, ` +
      `stark auffällig ab z > ${formatGermanNumber(p.thresholds.strong, { missing: "–" })}), Empirical-Bayes-Glättung und je ein Indikator weggelassen (nur in seiner Zielgruppe). ` +
      `${assessed.length - dependent.length} von ${assessed.length} Bewertungen (${noun} × Zielgruppe) bleiben in allen Varianten gleich; ` +
      `${dependent.length} hängen von der Methode ab (${perGroup}).`,
  ];
  const withDraws = assessed.filter((a) => a.drawStability !== null);
  if (withDraws.length > 0) {
    const shares = withDraws.map((a) => a.drawStability!).sort((x, y) => x - y);
    const unstable = withDraws.filter((a) => a.drawStability! < 0.9).length;
    paragraphs.push(
      `Zufallsschwankung der Bewertungen: In ${formatGermanNumber(p.draws, { missing: "–" })} Monte-Carlo-Ziehungen (Startwert ${p.seed}; Zähler ~ Binomial(Bezugsgröße, Anteil)) ` +
        `bleibt eine Bewertung im Median in ${formatGermanNumber(quantileType7(shares, 0.5) * 100, { decimals: 0, missing: "–" })} % der Ziehungen gleich; ` +
        `${unstable} von ${withDraws.length} Bewertungen wechseln in mehr als jeder zehnten Ziehung.`,
    );
  }

  // Per variant: number of areas whose verdict changes, per target group ("–" where the variant does not apply).
  const changed = new Map<string, number>();
  for (const a of assessed) for (const name of a.differingVariants) changed.set(`${a.targetGroup}\u0000${name}`, (changed.get(`${a.targetGroup}\u0000${name}`) ?? 0) + 1);
  const groupKey = (g: string) => `andere_${slug(label.get(g) ?? g)}`;
  const variantRows = v.variants.map((x) => {
    const row: Record<string, unknown> = { familie: x.family, variante: x.name, beschreibung: x.description };
    for (const g of v.targetGroups) row[groupKey(g)] = x.targetGroup !== null && x.targetGroup !== g ? null : (changed.get(`${g}\u0000${x.name}`) ?? 0);
    return row;
  });
  const variantHighlight: Highlight[] = [];
  variantRows.forEach((r, i) => {
    for (const g of v.targetGroups) if (((r[groupKey(g)] as number | null) ?? 0) > 0) variantHighlight.push({ row: i, key: groupKey(g), level: "hinweis" });
  });

  const tables: ReportTable[] = [
    {
      title: "Bewertungsvarianten",
      columns: [
        { key: "familie", label: "Familie" },
        { key: "variante", label: "Variante" },
        { key: "beschreibung", label: "Beschreibung" },
        ...v.targetGroups.map((g) => ({ key: groupKey(g), label: `andere Bewertung: ${label.get(g) ?? g}` })),
      ],
      rows: variantRows,
      highlight: variantHighlight,
    },
    areaTable("Methodenabhängige Bewertungen", dependent, label, true),
    { ...areaTable(sheetTitle(`Bewertungsstabilität je ${singularNoun(noun)}`, "Bewertungsstabilität"), assessed, label, false), html: assessed.length <= htmlUpTo },
  ];
  return { paragraphs, tables };
}

function areaTable(title: string, areas: VerdictAreaSensitivity[], label: Map<string, string>, withVariants: boolean): ReportTable {
  const highlight: Highlight[] = [];
  const withDraws = areas.some((a) => a.drawStability !== null);
  const rows = areas.map((a, i) => {
    if (a.dependsOnMethod) highlight.push({ row: i, key: "stabilitaet", level: a.stability !== null && a.stability < 0.5 ? "stark auffällig" : "auffällig" });
    if (a.baselineVerdict === "stark auffällig" || a.baselineVerdict === "auffällig") highlight.push({ row: i, key: "bewertung", level: a.baselineVerdict });
    return {
      sozialraum_id: a.id,
      name: a.name,
      zielgruppe: label.get(a.targetGroup) ?? a.targetGroup,
      bewertung: a.baselineVerdict,
      beibehalten: `${a.keeps} von ${a.nVariants}`,
      stabilitaet: a.stability === null ? null : a.stability * 100,
      bewertungen: Object.entries(a.verdictCounts).sort((p, q) => q[1] - p[1]).map(([c, k]) => `${c} ${k}`).join(", "),
      ...(withVariants ? { varianten: a.differingVariants.join("; ") } : {}),
      ...(withDraws ? { ziehungen: a.drawStability === null ? null : a.drawStability * 100 } : {}),
    };
  });
  return {
    title,
    columns: [
      { key: "sozialraum_id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      { key: "zielgruppe", label: "Zielgruppe" },
      { key: "bewertung", label: "Bewertung (Basis)" },
      { key: "beibehalten", label: "Varianten mit gleicher Bewertung" },
      { key: "stabilitaet", label: "Stabilität (%)", decimals: 0 },
      { key: "bewertungen", label: "Bewertungen (Häufigkeit)" },
      ...(withVariants ? [{ key: "varianten", label: "Abweichende Varianten" }] : []),
      ...(withDraws ? [{ key: "ziehungen", label: "Ziehungen mit gleicher Bewertung (%)", decimals: 0 }] : []),
    ],
    rows,
    highlight,
  };
}
