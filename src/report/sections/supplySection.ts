import type { Figure } from "../../plot/figure.js";
import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import { withMapOverlays } from "../../plot/mapOverlays.js";
import type { ReportSection, ReportTable, TableHighlight } from "../section.js";
import type { AreaFeatureCollection } from "../../supply/geojson.js";
import { SUPPLY_MEASURE_LABELS, type NeedSupplyAnalysis } from "../../supply/needSupplyAnalysis.js";
import { observationsTable } from "../../supply/observationsTable.js";
import { TARGET_GROUP_LABELS, type TargetGroup } from "../../indicators/targetGroups.js";
import { gapMapFigure, quadrantFigure, supplyMapFigure } from "../../plot/supplyPlots.js";

const SUPPLY_MEASURE_SHORT: Record<NeedSupplyAnalysis["groups"][number]["supplyMeasure"], string> = {
  places: "Plätze je 1.000",
  withinReach: "Plätze je 1.000 mit Nachbarräumen",
  catchment: "erreichbar je 1.000, 2SFCA",
};


/**
 * The report section "Bedarf und Angebot" built from {@link needSupplyAnalysis}: German paragraphs (method and
 * findings), per target group a quadrant scatter, a map of supply and a map of the quadrants (maps only with
 * `geojson`), and the tables supply per area, gap list, observations from district meetings and the needs not
 * visible in the data. Every table is also a workbook sheet.
 *
 * @example
 * const section = supplySection(needSupplyAnalysis(input), { geojson });
 */
export function supplySection(analysis: NeedSupplyAnalysis, options: { geojson?: AreaFeatureCollection } = {}): ReportSection {
  const names = analysis.names;
  const name = (id: string) => names[id] ?? "";
  const inside = analysis.facilities.length - analysis.excludedFacilities.length;
  const paragraphs: string[] = [
    `Verglichen wird der Bedarf je Zielgruppe (Bedarfsindex) mit dem Angebot an Einrichtungen vor Ort. ` +
      `${analysis.facilities.length} Einrichtungen wurden über ihre Koordinaten den Sozialräumen zugeordnet ` +
      `(Punkt-in-Polygon; ein Punkt genau auf einer Grenze gehört zum Sozialraum mit der kleinsten Kennung)` +
      (analysis.excludedFacilities.length > 0
        ? `; ${analysis.excludedFacilities.length} liegen außerhalb aller Sozialräume und bleiben unberücksichtigt: ${analysis.excludedFacilities.map((e) => e.id).join(", ")}.`
        : `; alle ${inside} liegen in einem Sozialraum.`),
    `Angebot: Einrichtungen und Plätze je 1.000 Einwohner der Bezugsgruppe im Sozialraum (Bezugsgruppe: ` +
      `${analysis.groups.map((g) => `${g.label} ${g.populationBase}`).join(", ")}); dazu das erreichbare Angebot ` +
      `nach dem Two-Step-Floating-Catchment-Verfahren (2SFCA, Luo & Wang 2003) mit einem Einzugsradius von ` +
      `${formatGermanNumber(analysis.radiusKm, { decimals: 1 })} km um die Schwerpunkte der Sozialräume (Großkreisentfernung)` +
      (analysis.decay === "none" ? "" : analysis.decay === "gaussian" ? " und gaußscher Distanzgewichtung (E2SFCA)" : " und gestuften Distanzgewichten (E2SFCA, Luo & Qi 2009)") +
      `. Eine Einrichtung für mehrere Zielgruppen zählt für jede davon.`,
    `Quadranten: hoher Bedarf heißt Bedarf über der Bedarfslinie, geringes Angebot heißt Angebot unter der Angebotslinie ` +
      `(Voreinstellung: Bedarfsindex über ${formatGermanNumber(analysis.rules.needThreshold, { decimals: 1 })}, dieselbe Schwelle wie „auffällig“; beim Angebot das Niveau der Gesamtstadt). Die Lücke ist der z-Wert des ` +
      `Bedarfs minus der z-Wert des Angebots; die Lückenliste nennt die Sozialräume mit hohem Bedarf und geringem Angebot, ` +
      `nach der Lücke geordnet.`,
  ];
  for (const g of analysis.groups) {
    const c = g.comparison;
    const list = c.gaps.slice(0, 10).map((r) => `${name(r.id) || r.id} (${r.id})`).join(", ");
    paragraphs.push(
      `${g.label}${g.types ? ` (${g.types.join(", ")})` : ""}: ${g.ratios.city.facilities} Einrichtungen mit ${formatGermanNumber(g.ratios.city.places, { decimals: 0 })} Plätzen, ` +
        (g.ratios.city.placeRate === null
          ? `keine Platzquote der Gesamtstadt (keine Einwohner der Bezugsgruppe mit Angabe). `
          : `${formatGermanNumber(g.ratios.city.placeRate, { decimals: 1 })} Plätze je 1.000 Einwohner (${g.populationBase}) in der Gesamtstadt. `) +
        (c.gaps.length === 0
          ? `Kein Sozialraum hat zugleich hohen Bedarf und geringes Angebot.`
          : `${c.gaps.length} von ${c.n} Sozialräumen haben hohen Bedarf und geringes Angebot: ${list}${c.gaps.length > 10 ? " …" : ""}.`),
    );
  }
  if (analysis.typeGaps.length > 0) {
    const share = formatGermanNumber(analysis.rules.lowSupplyShare * 100, { decimals: 0 });
    paragraphs.push(
      `Lücken je Einrichtungsart: das Angebot ist gering, wenn die Plätze je 1.000 Einwohner der Bezugsgruppe unter ${share} % ` +
        `des Stadtwerts liegen (Versorgungsquote im Sozialraum; kleine Sozialräume, die keine eigene Einrichtung tragen, ` +
        `auch mit den erreichbaren Plätzen). Jedes geringe Angebot ist eine Lücke bei: ` +
        `${analysis.typeGaps.filter((g) => g.gapRule === "lowSupply").map((g) => g.type).join(", ") || "keiner Art"}; ` +
        `nur bei hohem Bedarf (Bedarfsindex über ${formatGermanNumber(analysis.rules.needThreshold, { decimals: 1 })}) bei den übrigen. ` +
        analysis.typeGaps.map((g) => `${g.type} (${g.populationLabel}): ${g.gaps.length === 0 ? "keine Lücke" : g.gaps.map((r) => name(r.id) || r.id).join(", ")}`).join("; ") + ".",
    );
  }
  const notVisible = analysis.groups.flatMap((g) => g.notVisible);
  if (analysis.observations.length > 0) {
    paragraphs.push(
      `Aus Stadtteiltreffen liegen ${analysis.observations.length} Beobachtungen vor. ` +
        (notVisible.length === 0
          ? `Jeder dort genannte Bedarf ist auch in den Daten sichtbar.`
          : `In ${notVisible.length} Fällen (Sozialraum und Zielgruppe) wird ein Bedarf genannt, den die Daten nicht zeigen: ` +
            `${notVisible.map((r) => `${name(r.id) || r.id} (${r.groupLabel})`).join(", ")}. Diese Hinweise verdienen einen zweiten Blick.`),
    );
  }
  // Warnings quote ids the programmer's way ("030201"); the report uses German quotation marks („030201“).
  if (analysis.warnings.length > 0) paragraphs.push(`Hinweise: ${analysis.warnings.map((w) => w.replace(/"([^"]*)"/g, "„$1“")).join("; ")}.`);

  const figures: NonNullable<ReportSection["figures"]> = [];
  for (const g of analysis.groups) {
    const label = SUPPLY_MEASURE_LABELS[g.supplyMeasure];
    figures.push({
      title: `Bedarf und Angebot: ${g.label}`,
      // As tall as the maps beside it (one row of three figures per target group).
      figure: withHeight(quadrantFigure(g.comparison, { names, title: `Bedarf und Angebot: ${g.label}`, needLabel: "Bedarfsindex", supplyLabel: label }), QUADRANT_HEIGHT),
      caption: `Rot: hoher Bedarf, geringes Angebot. Gestrichelt: Bedarfs- und Angebotslinie.`,
    });
    if (options.geojson) {
      const rows = g.comparison.rows.map((r) => ({ id: r.id, supply: r.supply }));
      // The facilities of the group on both maps: where the places are, not only how many per area.
      const facilities = {
        points: [{
          name: "Einrichtungen",
          points: analysis.facilities
            .filter((f) => f.groups.includes(g.group as never) && (g.types === null || g.types.includes(f.type)))
            .map((f) => ({ lon: f.lon, lat: f.lat, text: `${f.name} (${f.type}${f.capacity !== null ? `, ${f.capacity} Plätze` : ""})` })),
        }],
      };
      figures.push({
        title: `Angebot: ${g.label}`,
        figure: withMapOverlays(supplyMapFigure(rows, { geojson: options.geojson, idProperty: analysis.idProperty, value: "supply", valueLabel: label, names, title: `Angebot: ${g.label}` }), facilities),
      });
      figures.push({
        title: `Lücken: ${g.label}`,
        figure: withMapOverlays(gapMapFigure(g.comparison, { geojson: options.geojson, idProperty: analysis.idProperty, names, title: `Bedarf und Angebot: ${g.label}` }), facilities),
      });
    }
  }

  const supplyRows: Array<Record<string, unknown>> = [];
  const highlight: TableHighlight[] = [];
  for (const g of analysis.groups) {
    const cmp = new Map(g.comparison.rows.map((r) => [r.id, r]));
    const reach = new Map((g.withinReach?.rows ?? []).map((r) => [r.id, r]));
    const catchment = new Map(g.catchment.rows.map((r) => [r.id, r]));
    for (const r of g.ratios.rows) {
      const c = cmp.get(r.id);
      if (c?.quadrant === "high-need-low-supply") highlight.push({ row: supplyRows.length, key: "quadrant", level: "auffällig" });
      supplyRows.push({
        group: g.label, base: `${g.populationBase}${g.types ? ` (${g.types.join(", ")})` : ""}`, id: r.id, name: name(r.id), population: r.population, facilities: r.facilities, places: r.places,
        placeRate: r.placeRate, withinReach: reach.get(r.id)?.placeRate ?? null, catchment: catchment.get(r.id)?.accessibility ?? null,
        need: c?.need ?? null, gap: c?.gap ?? null, rank: c?.rank ?? null, quadrant: c?.quadrantLabel ?? "ausgeschlossen",
      });
    }
  }
  const hasReach = analysis.groups.some((g) => g.withinReach !== null);
  // "Angebot" alone leaves the reader guessing which measure: name it when all target groups use the same one.
  const measures = [...new Set(analysis.groups.map((g) => g.supplyMeasure))];
  const supplyLabel = measures.length === 1 ? `Angebot (${SUPPLY_MEASURE_SHORT[measures[0]]})` : "Angebot";
  const tables: ReportTable[] = [
    {
      title: "Angebot je Sozialraum",
      htmlRows: SHORT_TABLE_ROWS,
      columns: [
        { key: "group", label: "Zielgruppe" },
        { key: "id", label: "Sozialraum" },
        { key: "name", label: "Name" },
        { key: "base", label: "Bezugsgruppe" },
        { key: "population", label: "Einwohner der Bezugsgruppe", decimals: 0, disclosure: { count: true } },
        { key: "facilities", label: "Einrichtungen", decimals: 0 },
        { key: "places", label: "Plätze", decimals: 0 },
        { key: "placeRate", label: "Plätze je 1.000", decimals: 1, disclosure: { base: "population" } },
        ...(hasReach ? [{ key: "withinReach", label: "Plätze je 1.000 mit Nachbarräumen", decimals: 1 }] : []),
        { key: "catchment", label: `erreichbar je 1.000 (2SFCA, ${formatGermanNumber(analysis.radiusKm, { decimals: 1 })} km)`, decimals: 1 },
        { key: "need", label: "Bedarfsindex", decimals: 2 },
        { key: "gap", label: "Lücke (z)", decimals: 2 },
        { key: "rank", label: "Rang (Lücke)", decimals: 0 },
        { key: "quadrant", label: "Quadrant" },
      ],
      rows: supplyRows,
      highlight,
    },
    analysis.typeGaps.length > 0 ? typeGapTable(analysis, name) : {
      title: "Lücken Bedarf und Angebot",
      columns: [
        { key: "group", label: "Zielgruppe" },
        { key: "rank", label: "Rang (Lücke)", decimals: 0 },
        { key: "id", label: "Sozialraum" },
        { key: "name", label: "Name" },
        { key: "need", label: "Bedarfsindex", decimals: 2 },
        { key: "supply", label: supplyLabel, decimals: 1 },
        { key: "gap", label: "Lücke (z)", decimals: 2 },
      ],
      rows: analysis.groups.flatMap((g) =>
        g.comparison.gaps.map((r) => ({ group: g.label, rank: r.rank, id: r.id, name: name(r.id), need: r.need, supply: r.supply, gap: r.gap })),
      ),
    },
  ];
  if (analysis.observations.length > 0) {
    const comparisons = Object.fromEntries(analysis.groups.map((g) => [g.group, g.comparison]));
    tables.push({
      title: "Beobachtungen Stadtteiltreffen",
      htmlRows: SHORT_TABLE_ROWS,
      columns: [
        { key: "date", label: "Datum" },
        { key: "area", label: "Sozialraum" },
        { key: "areaName", label: "Name" },
        { key: "group", label: "Zielgruppe" },
        { key: "source", label: "Quelle" },
        { key: "text", label: "Beobachtung" },
        { key: "tags", label: "Schlagworte" },
        { key: "needCategory", label: "Bedarf laut Treffen" },
        { key: "need", label: "Bedarfsindex", decimals: 2 },
        { key: "supply", label: supplyLabel, decimals: 1 },
        { key: "quadrant", label: "Quadrant" },
      ],
      rows: observationsTable(analysis.observations, { comparisons, areaNames: names }) as unknown as Array<Record<string, unknown>>,
    });
    tables.push({
      title: "Bedarf nicht in Daten sichtbar",
      columns: [
        { key: "groupLabel", label: "Zielgruppe" },
        { key: "id", label: "Sozialraum" },
        { key: "name", label: "Name" },
        { key: "observations", label: "Beobachtungen", decimals: 0 },
        { key: "categories", label: "Bedarf laut Treffen" },
        { key: "need", label: "Bedarfsindex", decimals: 2 },
        { key: "reason", label: "Begründung" },
      ],
      rows: notVisible.map((r) => ({ ...r, name: name(r.id), categories: r.categories.join(", ") })),
    });
    tables.push({
      title: "Widersprüche Treffen und Daten",
      htmlRows: SHORT_TABLE_ROWS,
      columns: [
        { key: "direction", label: "Richtung" },
        { key: "group", label: "Zielgruppe" },
        { key: "id", label: "Sozialraum" },
        { key: "name", label: "Name" },
        { key: "type", label: "Einrichtungsart" },
        { key: "rows", label: "Zeile(n) Stadtteiltreffen" },
        { key: "need", label: "Bedarfsindex", decimals: 2 },
        { key: "reason", label: "Begründung" },
      ],
      rows: analysis.contradictions.contradictions.map((c) => ({
        direction: c.direction === "observation-without-data" ? "Meldung ohne Datenbefund" : "Datenbefund ohne Meldung",
        group: TARGET_GROUP_LABELS[c.group as TargetGroup] ?? c.group, id: c.id, name: name(c.id), type: c.type ?? "", rows: c.observationRows.join(", "), need: c.need, reason: c.reason,
      })),
    });
  }
  return { id: "bedarf-angebot", title: "Bedarf und Angebot", paragraphs, figures, tables };
}

/** The gap lists per facility type (`analysis.typeGaps`) as one table; high-need gaps are marked. */
function typeGapTable(analysis: NeedSupplyAnalysis, name: (id: string) => string): ReportTable {
  const unobserved = new Set(analysis.contradictions.contradictions.filter((c) => c.kind === "gap-not-observed").map((c) => `${c.type}\u0000${c.id}`));
  const share = formatGermanNumber(analysis.rules.lowSupplyShare * 100, { decimals: 0 });
  return {
    title: "Lücken Bedarf und Angebot",
    columns: [
      { key: "group", label: "Zielgruppe" },
      { key: "type", label: "Einrichtungsart" },
      { key: "id", label: "Sozialraum" },
      { key: "name", label: "Name" },
      { key: "base", label: "Bezugsgruppe" },
      { key: "population", label: "Einwohner der Bezugsgruppe", decimals: 0, disclosure: { count: true } },
      { key: "places", label: "Plätze im Sozialraum", decimals: 0 },
      { key: "supply", label: "Plätze je 1.000", decimals: 1 },
      { key: "relative", label: `Anteil am Stadtwert in % (Lücke unter ${share} %)`, decimals: 0 },
      { key: "scale", label: "Maß" },
      { key: "need", label: "Bedarfsindex", decimals: 2 },
      { key: "highNeed", label: "hoher Bedarf" },
      { key: "observed", label: "in Stadtteiltreffen genannt" },
    ],
    rows: analysis.typeGaps.flatMap((g) =>
      g.gaps.map((r) => ({
        group: TARGET_GROUP_LABELS[g.group as TargetGroup] ?? g.group, type: g.type, id: r.id, name: name(r.id), base: g.populationLabel, population: r.population,
        places: r.places, supply: r.supply, relative: r.relative === null ? null : r.relative * 100,
        scale: r.scale === "area" ? "Sozialraum" : "Einzugsbereich (2SFCA)", need: r.need, highNeed: r.highNeed ? "ja" : "nein",
        observed: unobserved.has(`${g.type}\u0000${r.id}`) ? "nein" : analysis.observations.length > 0 ? "ja" : "",
      })),
    ),
  };
}

/** Height (px) of the need/supply scatter in the report: the height of the supply and gap maps beside it. */
const QUADRANT_HEIGHT = 480;

function withHeight(figure: Figure, height: number): Figure {
  return { ...figure, layout: { ...figure.layout, height } };
}

/**
 * Rows shown in the report of the supply, observation and contradiction tables (the gap table shows the default
 * ten): the workbook and the Steckbriefe hold them in full, and the section is the report's longest.
 */
const SHORT_TABLE_ROWS = 5;
