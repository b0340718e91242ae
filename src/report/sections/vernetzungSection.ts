import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import type { CooperationNetwork } from "../../network/cooperationNetwork.js";
import type { PoorlyNetworkedResult } from "../../network/conspicuousPoorlyNetworked.js";
import { networkFigure } from "../../plot/networkFigure.js";
import type { AreaFeatureCollection } from "../../supply/geojson.js";
import type { ReportSection, ReportTable, TableHighlight } from "../section.js";

/** Options of {@link vernetzungSection}. */
export interface VernetzungSectionOptions {
  /** The verdict "auffällig, aber kaum vernetzt" (from `conspicuousPoorlyNetworked`); without it no such table. */
  poorly?: PoorlyNetworkedResult;
  /** Area geometries for the network map (without: no figure). */
  geojson?: AreaFeatureCollection;
  /** Feature property with the area id (default "sozialraum_id"). */
  idProperty?: string;
  /** Labels of the target groups in the verdict rows (default: the ids). */
  groupLabels?: Readonly<Record<string, string>>;
}

const listed = (ids: readonly string[], names: Map<string, string>, max = 12): string =>
  ids.slice(0, max).map((id) => `${names.get(id) ?? id} (${id})`).join(", ") + (ids.length > max ? " …" : "");

/**
 * The report section "Vernetzung" from {@link cooperationNetwork} (and optionally the verdict of
 * `conspicuousPoorlyNetworked`): German paragraphs (what was counted, the density formula, the rule for "kaum
 * vernetzt", the findings), the network map (with `geojson`) and the tables "Vernetzung" (one row per
 * Sozialraum, also the workbook sheet "Vernetzung"), "Auffällig, kaum vernetzt" and "Kooperationen" (workbook only).
 *
 * @example
 * const section = vernetzungSection(net, { poorly: conspicuousPoorlyNetworked(net, auffaellig), geojson });
 */
export function vernetzungSection(network: CooperationNetwork, options: VernetzungSectionOptions = {}): ReportSection {
  const names = new Map(network.rows.map((r) => [r.id, r.name]));
  const c = network.city;
  const without = network.rows.flatMap((r) => r.facilitiesWithoutPartner);
  const noActors = network.rows.filter((r) => r.actors === 0).map((r) => r.id);
  const paragraphs: string[] = [
    `Das Netzwerk besteht aus ${c.actors} Akteuren (Einrichtungen und lokale Akteure wie Schulen, Vereine, Kirchengemeinden) ` +
      `mit ${c.activeCooperations} aktiven und ${c.inactiveCooperations} beendeten Kooperationen. Mehrere Kooperationen desselben Paares ` +
      `zählen als eine Verbindung: ${c.activePairs} aktive Paare, davon ${c.crossBorderPairs} über Sozialraumgrenzen.`,
    `Dichte je Sozialraum = aktive Paare im Sozialraum / mögliche Paare n·(n−1)/2 bei n Akteuren im Sozialraum (Wasserman & Faust 1994): ` +
      `der Anteil der möglichen Partnerschaften vor Ort, die tatsächlich bestehen; bei weniger als zwei Akteuren nicht bestimmt. ` +
      `Einrichtungen gehören zu dem Sozialraum, in dem ihr Standort liegt.`,
    without.length === 0
      ? `Jede Einrichtung hat mindestens eine aktive Kooperation.`
      : `${without.length} Einrichtungen haben keine aktive Kooperation: ${listed(without, new Map(network.nodes.map((n) => [n.id, n.name])))}.`,
  ];
  if (noActors.length > 0) paragraphs.push(`Ohne Akteure im Netzwerk (Werte 0): ${listed(noActors, names)}.`);
  if (options.poorly) {
    const p = options.poorly;
    paragraphs.push(
      `„Auffällig, aber kaum vernetzt“ heißt: der Sozialraum ist für mindestens eine Zielgruppe auffällig und hat weniger als zwei Akteure, ` +
        `eine Dichte unter ${formatGermanNumber(p.minDensity, { decimals: 2 })} oder einen Anteil vernetzter Akteure (mit mindestens einer aktiven Kooperation) unter ${formatGermanNumber(p.minConnectedShare, { decimals: 2 })}. ` +
        `Die Schwellen sind Setzungen dieser Auswertung, keine veröffentlichte Norm.`,
      p.poorlyNetworked.length === 0
        ? `Alle ${p.rows.length} auffälligen Sozialräume sind vernetzt.`
        : `${p.poorlyNetworked.length} von ${p.rows.length} auffälligen Sozialräumen sind kaum vernetzt: ${listed(p.poorlyNetworked, names)}. ` +
          `Hier fehlen Partner vor Ort, die Angebote tragen könnten; ein Quartiersmanagement oder eine Stadtteilkonferenz wäre zu prüfen.`,
    );
  }
  paragraphs.push(...network.notes);

  const figures: NonNullable<ReportSection["figures"]> = [];
  if (options.geojson) {
    figures.push({
      title: "Vernetzung",
      figure: networkFigure(network, { geojson: options.geojson, idProperty: options.idProperty ?? "sozialraum_id", highlight: options.poorly?.poorlyNetworked, names: Object.fromEntries(names) }),
      caption: "Linien: Kooperationen (grau im Sozialraum, farbig über die Grenze, gepunktet beendet). Rot hinterlegt: auffällig, aber kaum vernetzt.",
    });
  }
  const tables: ReportTable[] = [
    {
      title: "Vernetzung",
      columns: [
        { key: "id", label: "Sozialraum" },
        { key: "name", label: "Name" },
        { key: "facilities", label: "Einrichtungen" },
        { key: "localActors", label: "lokale Akteure" },
        { key: "actors", label: "Akteure gesamt" },
        { key: "cooperationsInside", label: "Kooperationen im Sozialraum" },
        { key: "cooperationsAcross", label: "Kooperationen über die Grenze" },
        { key: "inactivePairs", label: "beendet" },
        { key: "possiblePairs", label: "mögliche Paare" },
        { key: "density", label: "Dichte", decimals: 2 },
        { key: "connectedShare", label: "Anteil vernetzter Akteure", decimals: 2 },
        { key: "linkedAreaCount", label: "verbundene Sozialräume" },
        { key: "linkedAreas", label: "verbunden mit" },
        { key: "facilitiesWithoutPartner", label: "Einrichtungen ohne Partner" },
      ],
      rows: network.rows.map((r) => ({ ...r, linkedAreas: r.linkedAreas.join(", "), facilitiesWithoutPartner: r.facilitiesWithoutPartner.join(", ") })),
    },
  ];
  if (options.poorly) {
    const highlight: TableHighlight[] = [];
    const rows = options.poorly.rows.map((r, i) => {
      if (r.poorlyNetworked) highlight.push({ row: i, key: "verdict", level: "auffällig" });
      return {
        id: r.id, name: r.name, groups: r.groups.map((g) => options.groupLabels?.[g] ?? g).join(", "), actors: r.actors, density: r.density,
        connectedShare: r.connectedShare, verdict: r.poorlyNetworked ? "kaum vernetzt" : "vernetzt", reason: r.reason,
      };
    });
    tables.push({
      title: "Auffällig, kaum vernetzt",
      columns: [
        { key: "id", label: "Sozialraum" },
        { key: "name", label: "Name" },
        { key: "groups", label: "auffällig für" },
        { key: "actors", label: "Akteure" },
        { key: "density", label: "Dichte", decimals: 2 },
        { key: "connectedShare", label: "Anteil vernetzter Akteure", decimals: 2 },
        { key: "verdict", label: "Vernetzung" },
        { key: "reason", label: "Begründung" },
      ],
      rows,
      highlight,
    });
  }
  const nodeName = new Map(network.nodes.map((n) => [n.id, n]));
  tables.push({
    title: "Kooperationen",
    html: false,
    columns: [
      { key: "source", label: "Partner A" },
      { key: "sourceName", label: "Name A" },
      { key: "sourceArea", label: "Sozialraum A" },
      { key: "target", label: "Partner B" },
      { key: "targetName", label: "Name B" },
      { key: "targetArea", label: "Sozialraum B" },
      { key: "topics", label: "Themen" },
      { key: "active", label: "aktiv" },
      { key: "crossesBorder", label: "über die Grenze" },
    ],
    rows: network.edges.map((e) => ({
      source: e.source, sourceName: nodeName.get(e.source)?.name ?? "", sourceArea: nodeName.get(e.source)?.areaId ?? "außerhalb",
      target: e.target, targetName: nodeName.get(e.target)?.name ?? "", targetArea: nodeName.get(e.target)?.areaId ?? "außerhalb",
      topics: e.topics.join(", "), active: e.active ? "ja" : "nein", crossesBorder: e.crossesBorder ? "ja" : "nein",
    })),
  });
  return { id: "vernetzung", title: "Vernetzung", paragraphs, figures, tables };
}
