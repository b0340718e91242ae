import type { CooperationNetwork, NetworkEdge, NetworkNode } from "../network/cooperationNetwork.js";
import { areaCentroids } from "../supply/areaCentroids.js";
import type { AreaFeatureCollection } from "../supply/geojson.js";
import type { Figure } from "./figure.js";
import { baseConfig, baseLayout } from "./layout.js";
import { CATEGORICAL_COLORS } from "./palette.js";

/** Options of {@link networkFigure}. */
export interface NetworkFigureOptions {
  /** The Sozialräume (base map; actors without coordinates sit at their area's centroid). */
  geojson: AreaFeatureCollection;
  /** Feature property with the area id, e.g. "sozialraum_id". */
  idProperty: string;
  /** Areas to colour as "auffällig, aber kaum vernetzt" (e.g. `conspicuousPoorlyNetworked(…).poorlyNetworked`). */
  highlight?: readonly string[];
  /** Legend label of the highlighted areas (default "auffällig, aber kaum vernetzt"). */
  highlightLabel?: string;
  /** Display names by area id (hover). */
  names?: Readonly<Record<string, string>>;
  /** Draw ended cooperations (dotted, default true). */
  showEnded?: boolean;
  /** German title (default "Vernetzung: Kooperationen von Einrichtungen und Akteuren"). */
  title?: string;
}

const HIGHLIGHT_COLOR = "#fcbba1";
const EDGE_STYLE = {
  inside: { name: "Kooperation im Sozialraum", color: "#636363", width: 1.2, dash: "solid" },
  across: { name: "Kooperation über die Grenze", color: CATEGORICAL_COLORS[1], width: 1.2, dash: "solid" },
  ended: { name: "beendete Kooperation", color: "#bdbdbd", width: 0.8, dash: "dot" },
} as const;

/**
 * Map of the cooperation network (Vernetzung): the Sozialräume as a light base map (areas "auffällig, aber kaum
 * vernetzt" coloured), cooperations as straight lines (inside a Sozialraum grey, across a border coloured,
 * ended ones dotted), facilities as circles, local actors as diamonds, facilities without any partner as red
 * crosses. Nodes stand at their coordinates; those without (actors without `lon`/`lat`) at their area's centroid,
 * nodes outside every area at their own coordinates or not at all (named in a note). plotly `scattergeo` on the
 * same geo subplot as the `choropleth` base, no base map (offline, see `choroplethFigure`).
 *
 * @example
 * const fig = networkFigure(net, { geojson, idProperty: "sozialraum_id", highlight: poorly.poorlyNetworked });
 */
export function networkFigure(network: CooperationNetwork, options: NetworkFigureOptions): Figure {
  const fn = "networkFigure";
  if (!options?.geojson || !Array.isArray(options.geojson.features)) throw new Error(`${fn}: geojson muss eine GeoJSON-FeatureCollection sein`);
  const centroid = new Map(areaCentroids(options.geojson, { idProperty: options.idProperty }).map((c) => [c.id, c]));
  const position = new Map<string, [number, number]>();
  const unplaced: string[] = [];
  for (const n of network.nodes) {
    const c = n.areaId !== null ? centroid.get(n.areaId) : undefined;
    if (n.lon !== null && n.lat !== null) position.set(n.id, [n.lon, n.lat]);
    else if (c) position.set(n.id, [c.lon, c.lat]);
    else unplaced.push(n.id);
  }
  const name = (id: string | null): string => (id === null ? "außerhalb" : `${options.names?.[id] ?? id} (${id})`);
  const highlight = new Set(options.highlight ?? []);
  const features = options.geojson.features.map((f) => ({ id: String(f.properties?.[options.idProperty] ?? ""), feature: f }));
  const base = (members: typeof features, color: string, label: string, legend: boolean) => ({
    type: "choropleth",
    geojson: { type: "FeatureCollection", features: members.map((m) => m.feature) },
    featureidkey: `properties.${options.idProperty}`,
    locations: members.map((m) => m.id),
    z: members.map(() => 1),
    zmin: 0,
    zmax: 1,
    colorscale: [[0, color], [1, color]],
    showscale: false,
    showlegend: legend,
    name: label,
    marker: { line: { color: "#ffffff", width: 0.8 } },
    customdata: members.map((m) => name(m.id)),
    hovertemplate: `%{customdata}<extra>${label}</extra>`,
  });
  const highlightLabel = options.highlightLabel ?? "auffällig, aber kaum vernetzt";
  const data: Array<Record<string, unknown>> = [base(features.filter((f) => !highlight.has(f.id)), "#f2f2f2", "Sozialraum", false)];
  if (highlight.size > 0) data.push(base(features.filter((f) => highlight.has(f.id)), HIGHLIGHT_COLOR, highlightLabel, true));

  const edgeGroup = (e: NetworkEdge): keyof typeof EDGE_STYLE => (!e.active ? "ended" : e.crossesBorder ? "across" : "inside");
  for (const group of ["ended", "inside", "across"] as const) {
    if (group === "ended" && options.showEnded === false) continue;
    const edges = network.edges.filter((e) => edgeGroup(e) === group && position.has(e.source) && position.has(e.target));
    if (edges.length === 0) continue;
    const lon: Array<number | null> = [];
    const lat: Array<number | null> = [];
    for (const e of edges) {
      const [a, b] = [position.get(e.source) as [number, number], position.get(e.target) as [number, number]];
      lon.push(a[0], b[0], null);
      lat.push(a[1], b[1], null);
    }
    const s = EDGE_STYLE[group];
    data.push({ type: "scattergeo", mode: "lines", name: `${s.name} (${edges.length})`, lon, lat, line: { color: s.color, width: s.width, dash: s.dash }, hoverinfo: "skip" });
  }

  const nodeTrace = (nodes: NetworkNode[], label: string, marker: Record<string, unknown>) => ({
    type: "scattergeo",
    mode: "markers",
    name: `${label} (${nodes.length})`,
    lon: nodes.map((n) => (position.get(n.id) as [number, number])[0]),
    lat: nodes.map((n) => (position.get(n.id) as [number, number])[1]),
    text: nodes.map((n) => n.name),
    customdata: nodes.map((n) => [n.type, name(n.areaId), n.partners]),
    marker,
    hovertemplate: `%{text}<br>%{customdata[0]}, %{customdata[1]}<br>Partner (aktiv): %{customdata[2]}<extra></extra>`,
  });
  const placed = network.nodes.filter((n) => position.has(n.id));
  const facilities = placed.filter((n) => n.kind === "Einrichtung" && n.partners > 0);
  const alone = placed.filter((n) => n.kind === "Einrichtung" && n.partners === 0);
  const actors = placed.filter((n) => n.kind === "lokaler Akteur");
  data.push(nodeTrace(facilities, "Einrichtung", { symbol: "circle", size: 7, color: CATEGORICAL_COLORS[0], line: { color: "#333333", width: 0.5 } }));
  data.push(nodeTrace(actors, "lokaler Akteur", { symbol: "diamond", size: 8, color: CATEGORICAL_COLORS[2], line: { color: "#333333", width: 0.5 } }));
  if (alone.length > 0) data.push(nodeTrace(alone, "Einrichtung ohne Partner", { symbol: "x", size: 8, color: "#d73027" }));

  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? "Vernetzung: Kooperationen von Einrichtungen und Akteuren", 620),
    geo: { fitbounds: "locations", visible: false, projection: { type: "mercator" } },
    legend: { orientation: "h", x: 0, y: 0, yanchor: "top" },
    margin: { l: 10, r: 10, t: 50, b: 70 },
  };
  if (unplaced.length > 0) {
    layout.annotations = [
      { text: `${unplaced.length} Akteur(e) ohne Ort nicht dargestellt: ${unplaced.slice(0, 8).join(", ")}${unplaced.length > 8 ? ", …" : ""}`, showarrow: false, xref: "paper", yref: "paper", x: 0, y: 1, yanchor: "bottom", font: { size: 10, color: "#555555" } },
    ];
  }
  return { data, layout, config: baseConfig() };
}
