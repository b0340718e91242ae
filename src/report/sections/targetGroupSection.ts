import type { Verdict } from "../../classify/conspicuousness.js";
import { indicatorBarFigure } from "../../plot/indicatorBarFigure.js";
import { formatCell } from "../formatCell.js";
import type { ReportSection, ReportTable, TableColumn, TableHighlight } from "../section.js";
import type { AnalysisResult } from "../../analysis/analysisResult.js";
import { targetGroupLabel } from "../../analysis/germanLabels.js";
import { withheldShare } from "../protectSections.js";

type Level = "auffällig" | "stark auffällig" | "hinweis";

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
        : "keine";
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
    // The list of auffällige areas is the report's view; the sheet of the group holds every area.
    ...(options.onlyConspicuous ? { sheet: false, fullTable: targetGroupLabel(group) } : { html: false }),
  };
}

export function targetGroupSection(result: AnalysisResult, group: string): ReportSection {
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

export function verdictLevel(v: Verdict | null | undefined): Level | null {
  return v === "stark auffällig" ? "stark auffällig" : v === "auffällig" ? "auffällig" : null;
}
