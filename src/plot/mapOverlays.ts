import type { Figure } from "./figure.js";

/** A line layer on a map, e.g. the Stadtteil boundaries: polylines of [lon, lat]. */
export interface MapOutlineLayer {
  /** German legend name, e.g. "Stadtteilgrenzen". */
  name: string;
  lines: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  color?: string;
  width?: number;
}

/** A point layer on a map, e.g. the facilities of a target group. */
export interface MapPointLayer {
  /** German legend name, e.g. "Einrichtungen". */
  name: string;
  points: ReadonlyArray<{ lon: number; lat: number; text: string }>;
  color?: string;
  symbol?: string;
}

/** Options of {@link withMapOverlays}. */
export interface MapOverlays {
  /** Boundary layers, drawn in the order given (e.g. Stadtteile thin, then Bezirke thick). */
  outlines?: readonly MapOutlineLayer[];
  /** Point layers (markers with hover text). */
  points?: readonly MapPointLayer[];
  /** Text labels at label points (e.g. the area's short key at its centroid). */
  labels?: ReadonlyArray<{ lon: number; lat: number; text: string }>;
  /** Font size of the labels in pixels (default 9). */
  labelSize?: number;
}

/**
 * A map figure (choropleth on `layout.geo`) with overlays added as `scattergeo` traces on the same geo subplot:
 * boundary lines (one trace per layer, polylines separated by null), point markers and text labels (not in the
 * legend, no hover). The input figure is not changed; overlays without content add no trace.
 *
 * @example
 * withMapOverlays(fig, { labels: [{ lon: 7.0, lat: 51.03, text: "0101" }], outlines: [{ name: "Stadtteilgrenzen", lines }] });
 */
export function withMapOverlays(figure: Figure, overlays: MapOverlays): Figure {
  const data = [...figure.data];
  for (const layer of overlays.outlines ?? []) {
    if (layer.lines.length === 0) continue;
    const lon: Array<number | null> = [];
    const lat: Array<number | null> = [];
    for (const line of layer.lines) {
      if (lon.length > 0) {
        lon.push(null);
        lat.push(null);
      }
      for (const [x, y] of line) {
        lon.push(x);
        lat.push(y);
      }
    }
    data.push({
      type: "scattergeo", mode: "lines", name: layer.name, lon, lat, connectgaps: false,
      line: { color: layer.color ?? "#333333", width: layer.width ?? 1 }, hoverinfo: "skip", showlegend: true,
    });
  }
  for (const layer of overlays.points ?? []) {
    if (layer.points.length === 0) continue;
    data.push({
      type: "scattergeo", mode: "markers", name: layer.name,
      lon: layer.points.map((p) => p.lon), lat: layer.points.map((p) => p.lat), text: layer.points.map((p) => p.text),
      marker: { size: 6, color: layer.color ?? "#111111", symbol: layer.symbol ?? "circle", line: { color: "#ffffff", width: 0.8 } },
      hovertemplate: `%{text}<extra>${layer.name.replace(/[{}]/g, "")}</extra>`, showlegend: true,
    });
  }
  const labels = overlays.labels ?? [];
  if (labels.length > 0) {
    data.push({
      type: "scattergeo", mode: "text", name: "Beschriftung",
      lon: labels.map((l) => l.lon), lat: labels.map((l) => l.lat), text: labels.map((l) => l.text),
      textfont: { size: overlays.labelSize ?? 9, color: "#1a1a1a" }, hoverinfo: "skip", showlegend: false,
    });
  }
  return { ...figure, data };
}

/** True when a figure draws a map (a choropleth trace). */
export function isMapFigure(figure: Figure): boolean {
  return figure.data.some((t) => (t as { type?: unknown }).type === "choropleth");
}
