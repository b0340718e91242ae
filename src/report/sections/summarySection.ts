import { persistenceParagraphs } from "./monitoringSection.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import type { HealthyMixSummary, SummaryArea } from "../../analysis/healthyMixSummary.js";
import { targetGroupLabel } from "../../analysis/germanLabels.js";
import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import { classMapFigure, type MapFeatureCollection } from "../../plot/classMapFigure.js";
import type { ReportSection, TableHighlight } from "../section.js";

/** Verdict categories of the verdict maps, from least to most need, with their colours (ColorBrewer RdBu). */
export const VERDICT_MAP_COLORS: Readonly<Record<string, string>> = {
  unauffällig: "#92c5de",
  auffällig: "#f4a582",
  "stark auffällig": "#ca0020",
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const percent = (x: number): string => `${formatGermanNumber(100 * x, { decimals: 0 })} %`;

/**
 * The sentence that answers the city's question (a healthy social mix: every Sozialraum unauffällig in every
 * target group), e.g. "Von 58 Sozialräumen mit Rang sind 43 in allen Zielgruppen unauffällig; 15 sind in
 * mindestens einer Zielgruppe auffällig – eine gesunde soziale Mischung ist damit nicht erreicht."
 */
export function healthyMixSentence(s: HealthyMixSummary): string {
  const flagged = s.ranked - s.unremarkable;
  return s.healthyMix
    ? `Alle ${s.ranked} Sozialräume mit Rang sind in allen Zielgruppen unauffällig: die Stadt hat eine gesunde soziale Mischung im Sinne ihrer Definition.`
    : `Von ${s.ranked} Sozialräumen mit Rang ${s.unremarkable === 1 ? "ist" : "sind"} ${s.unremarkable} in allen Zielgruppen unauffällig; ${flagged} ${flagged === 1 ? "ist" : "sind"} in mindestens einer Zielgruppe auffällig – ` +
        `eine gesunde soziale Mischung (jeder Sozialraum in jeder Zielgruppe unauffällig) ist damit nicht erreicht.`;
}

/**
 * The section "Zusammenfassung", first in the report: the healthy-mix sentence, the auffälligen Sozialräume per
 * target group with the indicators behind each verdict, what neighbourhood, supply, Vernetzung and district
 * meetings add, a compact table (one row per auffälliger Sozialraum and target group) and one verdict map per
 * target group (with area polygons). Every Sozialraum named has a Steckbrief (`steckbriefSections`).
 *
 * @example
 * const section = summarySection(result, healthyMixSummary(result));
 */
export function summarySection(result: AnalysisResult, summary: HealthyMixSummary): ReportSection {
  const name = new Map(result.areas.map((a) => [a.id, a.name]));
  const named = (ids: readonly string[]) => ids.map((id) => `${name.get(id) ?? id} (${id})`).join(", ");
  const byId = new Map(summary.areas.map((a) => [a.id, a]));
  const paragraphs = [healthyMixSentence(summary)];
  for (const g of summary.targetGroups) {
    const n = g.auffaellig.length + g.starkAuffaellig.length;
    if (n === 0) {
      paragraphs.push(`${g.label}: kein Sozialraum auffällig.`);
      continue;
    }
    const detail = (id: string) => {
      const v = byId.get(id)?.groups.find((x) => x.group === g.group);
      return `${name.get(id) ?? id} (${id}${v && v.indicators.length ? `: ${v.indicators.join(", ")}` : ""})`;
    };
    paragraphs.push(
      `${g.label}: ${plural(n, "Sozialraum", "Sozialräume")} auffällig` +
        (g.starkAuffaellig.length ? `, davon ${g.starkAuffaellig.length} stark auffällig: ${g.starkAuffaellig.map(detail).join("; ")}` : "") +
        (g.auffaellig.length ? `${g.starkAuffaellig.length ? "; auffällig" : ""}: ${g.auffaellig.map(detail).join("; ")}` : "") +
        ".",
    );
  }
  paragraphs.push(...contextParagraphs(summary.areas, named));
  if (result.monitoring) {
    const m = result.monitoring;
    const lines = persistenceParagraphs(m, (id) => result.areas.find((a) => a.id === id)?.name ?? id);
    if (lines.length) paragraphs.push(`Entwicklung über die Erhebungen ${m.years[0]}–${m.years[m.years.length - 1]}: ${lines.join(" ")}`);
  }
  if (summary.areas.length) paragraphs.push("Jeder genannte Sozialraum hat einen Steckbrief am Ende des Berichts; ein Klick auf eine Fläche einer Karte führt zu ihm.");
  paragraphs.push(...summary.notes.map((n) => `Hinweis: ${n}.`));
  return { id: "zusammenfassung", title: "Zusammenfassung", paragraphs, figures: verdictMaps(result), tables: [summaryTable(summary)] };
}

/** Neighbourhood, supply, Vernetzung and Stadtteiltreffen over all auffälligen Sozialräume. */
function contextParagraphs(areas: readonly SummaryArea[], named: (ids: readonly string[]) => string): string[] {
  const out: string[] = [];
  const pairs = areas.flatMap((a) => a.groups.map((g) => ({ a, g })));
  if (pairs.length && pairs[0].g.position !== null) {
    const by = (p: string) => pairs.filter((x) => x.g.position === p);
    const alone = by("allein");
    out.push(
      `Nachbarschaft (Sozialräume gehen ineinander über): von ${plural(pairs.length, "Bewertung", "Bewertungen")} „auffällig“ liegen ${by("im Verbund").length} im Verbund ` +
        `(mindestens die Hälfte der Nachbarn für dieselbe Zielgruppe auffällig), ${by("am Rand eines Verbunds").length} am Rand eines Verbunds und ${alone.length} allein` +
        (alone.length ? ` (${alone.map((x) => `${x.a.name} – ${x.g.label}`).join("; ")}): dort genügen eher kleinräumige Hilfen, im Verbund sind Maßnahmen über Sozialraumgrenzen zu planen.` : "."),
    );
  }
  if (pairs.length && pairs.some((x) => x.g.supplyQuadrant !== null)) {
    const gaps = pairs.filter((x) => x.g.supplyGap);
    out.push(
      gaps.length
        ? `Angebot: ${plural(gaps.length, "Bewertung fällt", "Bewertungen fallen")} mit hohem Bedarf bei geringem Angebot zusammen: ${gaps.map((x) => `${x.a.name} (${x.a.id}) – ${x.g.label}`).join("; ")}.`
        : "Angebot: kein auffälliger Sozialraum hat in seiner Zielgruppe hohen Bedarf bei geringem Angebot.",
    );
  }
  if (areas.some((a) => a.poorlyNetworked !== null)) {
    const poor = areas.filter((a) => a.poorlyNetworked).map((a) => a.id);
    out.push(
      poor.length
        ? `Vernetzung: ${plural(poor.length, "auffälliger Sozialraum ist", "auffällige Sozialräume sind")} kaum vernetzt („auffällig, aber kaum vernetzt“): ${named(poor)}.`
        : "Vernetzung: alle auffälligen Sozialräume sind vernetzt.",
    );
  }
  const observed = areas.filter((a) => a.observations.length > 0);
  if (observed.length) {
    out.push(
      `Stadtteiltreffen: für ${plural(observed.length, "auffälligen Sozialraum", "auffällige Sozialräume")} liegen Beobachtungen vor ` +
        `(${observed.map((a) => `${a.name}: ${a.observations.length}`).join(", ")}); sie stehen in den Steckbriefen.`,
    );
  }
  return out;
}

function summaryTable(summary: HealthyMixSummary): NonNullable<ReportSection["tables"]>[number] {
  const highlight: TableHighlight[] = [];
  const rows = summary.areas.flatMap((a) =>
    a.groups.map((g) => {
      highlight.push({ row: highlight.length, key: "verdict", level: g.verdict === "stark auffällig" ? "stark auffällig" : "auffällig" });
      return {
        id: a.id,
        name: a.name,
        rank: a.rank,
        group: g.label,
        verdict: g.verdict,
        indicators: g.indicators.join(", "),
        stability: g.stability === null ? "" : percent(g.stability),
        position: g.position === null ? "" : `${g.position} (${g.flaggedNeighbours} von ${g.neighbours} Nachbarn)`,
        supply: g.supplyQuadrant ?? "",
        network: a.poorlyNetworked === null ? "" : a.poorlyNetworked ? `kaum vernetzt (${a.networkReason})` : "vernetzt",
        observations: a.observations.length,
      };
    }),
  );
  return {
    title: "Auffällige Sozialräume",
    columns: [
      { key: "id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      { key: "rank", label: "Rang" },
      { key: "group", label: "Zielgruppe" },
      { key: "verdict", label: "Bewertung" },
      { key: "indicators", label: "Indikatoren" },
      { key: "stability", label: "stabil in Methodenvarianten" },
      { key: "position", label: "Nachbarschaft" },
      { key: "supply", label: "Bedarf und Angebot" },
      { key: "network", label: "Vernetzung" },
      { key: "observations", label: "Beobachtungen Stadtteiltreffen" },
    ],
    rows,
    highlight,
  };
}

/** One map per target group, areas coloured by their verdict (grey: not assessed). */
function verdictMaps(result: AnalysisResult): NonNullable<ReportSection["figures"]> {
  if (!result.geojson) return [];
  const geojson = result.geojson as unknown as MapFeatureCollection;
  return result.conspicuousness.targetGroups.map((g) => {
    const label = targetGroupLabel(g);
    const rows = result.ranking.map((r) => ({ id: r.sozialraum_id, name: r.sozialraum_name, verdict: r.rang === null ? "" : (r.verdicts[g] ?? "") }));
    return {
      title: `Bewertung: ${label}`,
      figure: classMapFigure(rows, {
        geojson,
        idProperty: result.parameters.id,
        label: "name",
        group: "verdict",
        groupOrder: Object.keys(VERDICT_MAP_COLORS),
        colors: { ...VERDICT_MAP_COLORS },
        groupTitle: "Bewertung",
        title: `Bewertung: ${label}`,
        missingLabel: "ohne Bewertung",
      }),
      caption: "Grau: ohne Bewertung (ohne Rang oder ohne Wert). Klick auf eine auffällige Fläche: Steckbrief des Sozialraums.",
    };
  });
}
