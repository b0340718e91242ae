import { persistenceText } from "../../analysis/persistenceText.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import type { HealthyMixSummary, SummaryArea } from "../../analysis/healthyMixSummary.js";
import { targetGroupLabel } from "../../analysis/germanLabels.js";
import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import { withheldShare } from "../protectSections.js";
import type { ReportSection, ReportTable, TableHighlight } from "../section.js";

/** Anchor of the Steckbrief of a Sozialraum in the report, e.g. "steckbrief-010306". */
export function steckbriefAnchor(id: string): string {
  return `steckbrief-${id.replace(/[^\w-]/g, "_")}`;
}

/** Empty lines of the field "Vor Ort genannte Bedarfe". */
const NEED_LINES = 5;


/**
 * The Steckbriefe (profiles) of the auffälligen Sozialräume: an index section "steckbriefe" and one section per
 * Sozialraum with the anchor {@link steckbriefAnchor} (class "steckbrief": a new page when printed, one A4 page
 * or two): key figures against the city with the change since the comparison year, the verdict per target group
 * with its indicators, its stability under the method variants and the neighbourhood position, the neighbours'
 * verdicts, supply per target group with the facilities within reach (the area and its neighbours), the
 * observations of district meetings, Vernetzung, and an empty field "Vor Ort genannte Bedarfe" to fill in.
 * Tables of the Steckbriefe are not workbook sheets (the workbook has the full tables).
 *
 * @example
 * const sections = steckbriefSections(result, healthyMixSummary(result));
 * sections[1].id; // "steckbrief-010306"
 */
export function steckbriefSections(result: AnalysisResult, summary: HealthyMixSummary): ReportSection[] {
  if (summary.areas.length === 0) return [];
  const index: ReportSection = {
    id: "steckbriefe",
    title: "Steckbriefe der auffälligen Sozialräume",
    paragraphs: [
      `${summary.areas.length} Sozialräume sind in mindestens einer Zielgruppe auffällig; je Sozialraum folgt ein Steckbrief (gedruckt je eine Seite, auch als steckbriefe.pdf). ` +
        `Das Feld „Vor Ort genannte Bedarfe“ ist zum Ausfüllen im Stadtteiltreffen gedacht.`,
    ],
    tables: [
      {
        title: "Steckbriefe",
        sheet: false,
        columns: [
          { key: "id", label: "Sozialraum" },
          { key: "name", label: "Name" },
          { key: "stadtteil", label: "Stadtteil" },
          { key: "groups", label: "auffällig für" },
        ],
        rows: summary.areas.map((a) => ({ id: a.id, name: a.name, stadtteil: a.stadtteil, groups: a.groups.map((g) => `${g.label} (${g.verdict})`).join(", ") })),
      },
    ],
  };
  return [index, ...summary.areas.map((a) => steckbrief(result, a))];
}

/** "Entwicklung über die Erhebungen 2014–2020: seit drei Erhebungen auffällig (2016–2020)." (none without monitoring). */
function persistenceParagraph(result: AnalysisResult, id: string): string[] {
  const m = result.monitoring;
  const p = m?.persistence.find((x) => x.id === id);
  if (!m || !p) return [];
  return [`Entwicklung über die Erhebungen ${m.years[0]}–${m.years[m.years.length - 1]}: ${persistenceText(p)}.`];
}

function steckbrief(result: AnalysisResult, a: SummaryArea): ReportSection {
  const row = result.ranking.find((r) => r.sozialraum_id === a.id)!;
  const info = result.areas.find((x) => x.id === a.id);
  const p = result.parameters;
  const paragraphs = [
    `${a.name} (${a.id}), Stadtteil ${a.stadtteil}${info?.stadtbezirk ? `, ${info.stadtbezirk}` : ""}: ${formatGermanNumber(row.einwohner ?? 0, { decimals: 0 })} Einwohner, ` +
      `Rang ${row.rang ?? "–"} von ${result.ranking.filter((r) => r.rang !== null).length} nach dem Status-Index (${formatGermanNumber(row.status_index, { decimals: 2, missing: "" })}, Statusklasse ${row.status_klasse ?? "–"}).`,
    p.years.previous !== null && row.dynamik_index !== null
      ? `Veränderung seit ${p.years.previous}: Dynamik-Index ${formatGermanNumber(row.dynamik_index, { decimals: 2, missing: "" })} (Dynamikklasse ${row.dynamik_klasse ?? "–"}, Gruppe ${row.gruppe ?? "–"}); Veränderung je Indikator (in Prozentpunkten bzw. Promillepunkten) in der Tabelle.`
      : "Veränderung seit dem Vorjahr: keine Vergleichsdaten.",
    ...persistenceParagraph(result, a.id),
    ...networkParagraphs(result, a),
  ];
  return {
    id: steckbriefAnchor(a.id),
    title: `Steckbrief ${a.name} (${a.id})`,
    className: "steckbrief",
    toc: false,
    collapsed: a.groups.map((g) => `${g.label}: ${g.verdict}`).join(" · ") + " (aufklappen)",
    paragraphs,
    tables: [keyFigures(result, a.id), verdictTable(a), neighbourTable(result, a), supplyTable(result, a), observationTable(a), needsField(a)].filter((t): t is ReportTable => t !== null),
  };
}

/** Indicators of the area against the city, with z-value, flag and change in percentage points. */
function keyFigures(result: AnalysisResult, id: string): ReportTable {
  const values = result.indicators.current.areas.find((x) => x.id === id)?.values ?? {};
  const z = result.zScores.find((r) => String(r[result.parameters.id]) === id) ?? {};
  const before = result.indicators.previous?.areas.find((x) => x.id === id)?.values ?? null;
  const withheld = withheldShare(result);
  const marker = result.parameters.disclosure?.marker ?? ".";
  const flags = new Map((result.conspicuousness.areas.find((x) => x.id === id)?.flags ?? []).map((f) => [f.indicator, f.level]));
  const highlight: TableHighlight[] = [];
  const rows = result.indicators.current.indicators.map((d, i) => {
    const hidden = withheld(id, d.id);
    const level = flags.get(d.id);
    if (level) highlight.push({ row: i, key: "z", level });
    const zv = z[d.id];
    const now = values[d.id]?.value;
    const then = before?.[d.id]?.value;
    const dv = typeof now === "number" && typeof then === "number" ? now - then : null;
    return {
      label: `${d.label} (${d.unit})`,
      group: targetGroupLabel(d.targetGroup),
      value: hidden ? marker : formatGermanNumber(values[d.id]?.value, { decimals: 1, missing: "" }),
      city: formatGermanNumber(result.cityValues[d.id], { decimals: 1, missing: "" }),
      z: hidden ? marker : typeof zv === "number" ? formatGermanNumber(zv, { decimals: 2, missing: "" }) : "",
      change: hidden ? marker : formatGermanNumber(dv, { decimals: 1, missing: "" }),
      flag: level ?? "",
    };
  });
  return {
    title: "Kennzahlen im Vergleich zur Stadt",
    sheet: false,
    columns: [
      { key: "label", label: "Indikator" },
      { key: "group", label: "Zielgruppe" },
      { key: "value", label: "Wert" },
      { key: "city", label: "Stadt" },
      { key: "z", label: "z-Wert" },
      { key: "change", label: `Veränderung seit ${result.parameters.years.previous ?? "Vorjahr"}` },
      { key: "flag", label: "Markierung" },
    ],
    rows,
    highlight,
  };
}

function verdictTable(a: SummaryArea): ReportTable {
  return {
    title: "Bewertung je Zielgruppe",
    sheet: false,
    columns: [
      { key: "group", label: "Zielgruppe" },
      { key: "verdict", label: "Bewertung" },
      { key: "reason", label: "Indikatoren" },
      { key: "stability", label: "Stabilität (Methodenvarianten)" },
      { key: "position", label: "Nachbarschaft" },
    ],
    rows: a.groups.map((g) => ({
      group: g.label,
      verdict: g.verdict,
      reason: g.reason,
      stability: g.stability === null ? "nicht bestimmt" : `${formatGermanNumber(100 * g.stability, { decimals: 0 })} %${g.dependsOnMethod ? " (methodenabhängig)" : " (stabil)"}`,
      position: g.position === null ? "" : `${g.position}: ${g.flaggedNeighbours} von ${g.neighbours} Nachbarn für diese Zielgruppe auffällig`,
    })),
    highlight: a.groups.map((g, i) => ({ row: i, key: "verdict", level: g.verdict === "stark auffällig" ? ("stark auffällig" as const) : ("auffällig" as const) })),
  };
}

function neighbourTable(result: AnalysisResult, a: SummaryArea): ReportTable | null {
  if (a.neighbours.length === 0) return null;
  const groups = result.conspicuousness.targetGroups;
  const highlight: TableHighlight[] = [];
  const rows = a.neighbours.map((n, i) => {
    const out: Record<string, unknown> = { id: n.id, name: n.name };
    for (const g of groups) {
      const v = n.verdicts[g] ?? null;
      out[g] = v ?? "–";
      if (v === "auffällig" || v === "stark auffällig") highlight.push({ row: i, key: g, level: v });
    }
    return out;
  });
  return {
    title: "Nachbarn und ihre Bewertung",
    sheet: false,
    columns: [{ key: "id", label: "Sozialraum" }, { key: "name", label: "Name" }, ...groups.map((g) => ({ key: g, label: targetGroupLabel(g) }))],
    rows,
    highlight,
  };
}

/** Supply per auffälliger target group: measure, quadrant, gap rank and the facilities in the area and its neighbours. */
function supplyTable(result: AnalysisResult, a: SummaryArea): ReportTable | null {
  const supply = result.supply;
  if (!supply) return null;
  const reach = new Set([a.id, ...a.neighbours.map((n) => n.id)]);
  const rows = a.groups.map((g) => {
    const sg = supply.groups.find((x) => x.group === g.group);
    const facilities = supply.facilities.filter(
      (f) => f.area !== null && reach.has(f.area) && f.groups.includes(g.group as never) && (!sg?.types || sg.types.includes(f.type)),
    );
    return {
      group: g.label,
      supply: sg ? formatGermanNumber(g.supply, { decimals: 1, missing: "" }) : "kein Angebot erfasst",
      quadrant: g.supplyQuadrant ?? "",
      gapRank: g.supplyGapRank ?? "",
      facilities: facilities.length ? facilities.map((f) => `${f.name} (${f.type}${f.capacity !== null ? `, ${f.capacity} Plätze` : ""}${f.area === a.id ? "" : `, in ${f.area}`})`).join("; ") : "keine",
    };
  });
  return {
    title: "Angebot je Zielgruppe",
    sheet: false,
    columns: [
      { key: "group", label: "Zielgruppe" },
      { key: "supply", label: "Angebot (Maß des Abschnitts Bedarf und Angebot)" },
      { key: "quadrant", label: "Bedarf und Angebot" },
      { key: "gapRank", label: "Rang der Lücke" },
      { key: "facilities", label: "Einrichtungen in Reichweite (Sozialraum und Nachbarn)" },
    ],
    rows,
  };
}

function observationTable(a: SummaryArea): ReportTable {
  return {
    title: "Beobachtungen aus Stadtteiltreffen",
    sheet: false,
    columns: [
      { key: "date", label: "Datum" },
      { key: "group", label: "Zielgruppe" },
      { key: "source", label: "Quelle" },
      { key: "text", label: "Beobachtung" },
      { key: "need", label: "Bedarf" },
    ],
    rows: a.observations.map((o) => ({ date: o.date, group: targetGroupLabel(o.group), source: o.source, text: o.text, need: o.need ?? "" })),
  };
}

function networkParagraphs(result: AnalysisResult, a: SummaryArea): string[] {
  const row = result.vernetzung?.network.rows.find((r) => r.id === a.id);
  if (!row) return ["Vernetzung: nicht erhoben."];
  const nodes = new Map(result.vernetzung!.network.nodes.map((n) => [n.id, n.name]));
  return [
    `Vernetzung: ${row.actors} Akteure (${row.facilities} Einrichtungen, ${row.localActors} lokale Akteure), ${row.cooperationsInside} Kooperationen im Sozialraum, ` +
      `${row.cooperationsAcross} über die Grenze (zu ${row.linkedAreaCount} Sozialräumen${row.linkedAreas.length ? `: ${row.linkedAreas.join(", ")}` : ""}), ` +
      `Dichte ${row.density === null ? "nicht bestimmt" : formatGermanNumber(row.density, { decimals: 2, missing: "" })}, Anteil vernetzter Akteure ${row.connectedShare === null ? "nicht bestimmt" : formatGermanNumber(row.connectedShare, { decimals: 2, missing: "" })}` +
      (row.facilitiesWithoutPartner.length ? `; ohne Partner: ${row.facilitiesWithoutPartner.map((id) => nodes.get(id) ?? id).join(", ")}` : "") +
      `. ${a.poorlyNetworked ? `Auffällig, aber kaum vernetzt (${a.networkReason}).` : "Vernetzt."}`,
  ];
}

/** The empty field "Vor Ort genannte Bedarfe", to be filled in at the district meeting. */
function needsField(a: SummaryArea): ReportTable {
  return {
    title: "Vor Ort genannte Bedarfe",
    sheet: false,
    columns: [
      { key: "group", label: "Zielgruppe" },
      { key: "need", label: "Bedarf" },
      { key: "by", label: "genannt von / am" },
    ],
    rows: Array.from({ length: NEED_LINES }, (_, i) => ({ group: i < a.groups.length ? a.groups[i].label : "", need: "", by: "" })),
  };
}
