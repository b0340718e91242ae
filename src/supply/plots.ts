import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Figure } from "../plot/figure.js";
import { baseConfig, baseLayout } from "../plot/layout.js";
import { choroplethFigure, type ChoroplethFeatureCollection } from "../plot/choropleth.js";
import { QUADRANTS, QUADRANT_LABELS, type CompareNeedSupplyResult, type Quadrant } from "./compareNeedSupply.js";
import type { AreaFeatureCollection } from "./geojson.js";

/** Quadrant colours: the gap quadrant red, high need with high supply orange, low need blue/green. */
export const QUADRANT_COLORS: Readonly<Record<Quadrant, string>> = {
  "high-need-low-supply": "#d73027",
  "high-need-high-supply": "#fdae61",
  "low-need-low-supply": "#abd9e9",
  "low-need-high-supply": "#4575b4",
};

const de = (x: number, decimals = 2) => formatGermanNumber(x, { decimals });

/** Options of {@link quadrantFigure}. */
export interface QuadrantFigureOptions {
  /** Display names by area id (default: the ids). */
  names?: Readonly<Record<string, string>>;
  /** German title (default "Bedarf und Angebot"). */
  title?: string;
  /** Axis titles (default "Bedarf", "Angebot"). */
  needLabel?: string;
  supplyLabel?: string;
  /** Label the points with their names (default true up to 80 areas). */
  showLabels?: boolean;
}

/**
 * Quadrant scatter: need (x) against supply (y), one trace per quadrant (the gap quadrant "hoher Bedarf, geringes
 * Angebot" first and red), dashed lines at the need and supply levels, quadrant names in the corners.
 *
 * @example
 * quadrantFigure(compareNeedSupply(need, supply), { supplyLabel: "Plätze je 1 000 Kinder" });
 */
export function quadrantFigure(result: CompareNeedSupplyResult, options: QuadrantFigureOptions = {}): Figure {
  const used = result.rows.filter((r) => r.quadrant !== null);
  const showLabels = options.showLabels ?? used.length <= 80;
  const name = (id: string) => options.names?.[id] ?? id;
  const needLabel = options.needLabel ?? "Bedarf";
  const supplyLabel = options.supplyLabel ?? "Angebot";
  const data = QUADRANTS.map((q) => {
    const rows = used.filter((r) => r.quadrant === q);
    return {
      type: "scatter",
      mode: showLabels ? "markers+text" : "markers",
      name: `${QUADRANT_LABELS[q]} (${rows.length})`,
      x: rows.map((r) => r.need),
      y: rows.map((r) => r.supply),
      text: rows.map((r) => name(r.id)),
      textposition: "top center",
      textfont: { size: 9 },
      customdata: rows.map((r) => [r.id, r.rank, r.gap === null ? "" : de(r.gap)]),
      marker: { color: QUADRANT_COLORS[q], size: 9, line: { color: "#333333", width: 0.5 } },
      hovertemplate: `%{text} (%{customdata[0]})<br>${needLabel}: %{x}<br>${supplyLabel}: %{y}<br>Lücke (z): %{customdata[2]}, Rang %{customdata[1]}<extra></extra>`,
    };
  });
  const line = { color: "#555555", width: 1, dash: "dash" };
  const corner = (text: string, x: number, y: number, xanchor: string, yanchor: string) => ({
    text, x, y, xref: "paper", yref: "paper", xanchor, yanchor, showarrow: false, font: { size: 11, color: "#555555" },
  });
  const levelText = (src: string) => (src === "median" ? "Median" : "Niveau der Stadt");
  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? "Bedarf und Angebot", 560),
    xaxis: { title: { text: needLabel }, zeroline: false },
    yaxis: { title: { text: supplyLabel }, zeroline: false, rangemode: "tozero" },
    shapes: [
      { type: "line", xref: "x", yref: "paper", x0: result.needLevel, x1: result.needLevel, y0: 0, y1: 1, line },
      { type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: result.supplyLevel, y1: result.supplyLevel, line },
    ],
    annotations: [
      corner(QUADRANT_LABELS["high-need-low-supply"], 1, 0, "right", "bottom"),
      corner(QUADRANT_LABELS["high-need-high-supply"], 1, 1, "right", "top"),
      corner(QUADRANT_LABELS["low-need-low-supply"], 0, 0, "left", "bottom"),
      corner(QUADRANT_LABELS["low-need-high-supply"], 0, 1, "left", "top"),
    ],
    legend: { title: { text: `Linien: ${levelText(result.needLevelSource)} Bedarf ${de(result.needLevel)}, ${levelText(result.supplyLevelSource)} Angebot ${de(result.supplyLevel)}` } },
  };
  return { data, layout, config: baseConfig() };
}

/** Options of {@link supplyMapFigure}. */
export interface SupplyMapOptions {
  geojson: AreaFeatureCollection;
  /** Feature property with the area id (default "sozialraum_id"). */
  idProperty?: string;
  /** Column with the value (default "placeRate"). */
  value?: string;
  /** German title and colour bar title. */
  title?: string;
  valueLabel?: string;
  names?: Readonly<Record<string, string>>;
}

/**
 * Map of a supply measure per area (e.g. places per 1 000 residents of the target group), built with the shared
 * `choroplethFigure` (offline, GeoJSON embedded): light = little supply, dark = much; areas without a value grey.
 *
 * @example
 * supplyMapFigure(supplyRatios(facilities, population, { group: "children" }).rows, { geojson });
 */
export function supplyMapFigure(rows: ReadonlyArray<object>, options: SupplyMapOptions): Figure {
  const key = options.value ?? "placeRate";
  const label = options.valueLabel ?? "Plätze je 1 000 Einwohner der Zielgruppe";
  const named = (rows as ReadonlyArray<Record<string, unknown>>).map((r) => ({ ...r, id: String(r.id), name__: options.names?.[String(r.id)] ?? String(r.id) }));
  return choroplethFigure(options.geojson as unknown as ChoroplethFeatureCollection, named, {
    idProperty: options.idProperty ?? "sozialraum_id",
    id: "id",
    value: key,
    kind: "continuous",
    name: "name__",
    title: options.title ?? "Angebot je Sozialraum",
    label,
    colorscale: "YlGnBu",
    missingLabel: "ohne Wert (ausgeschlossen)",
    decimals: 1,
  });
}

/**
 * Map of the need × supply quadrants (the gap quadrant red, listed first), built with the shared `choroplethFigure`.
 *
 * @example
 * gapMapFigure(compareNeedSupply(need, supply), { geojson });
 */
export function gapMapFigure(
  result: CompareNeedSupplyResult,
  options: { geojson: AreaFeatureCollection; idProperty?: string; title?: string; names?: Readonly<Record<string, string>> },
): Figure {
  const rows = result.rows.map((r) => ({ id: r.id, name: options.names?.[r.id] ?? r.id, quadrant: r.quadrantLabel }));
  return choroplethFigure(options.geojson as unknown as ChoroplethFeatureCollection, rows, {
    idProperty: options.idProperty ?? "sozialraum_id",
    id: "id",
    value: "quadrant",
    kind: "categorical",
    name: "name",
    categories: QUADRANTS.map((q) => QUADRANT_LABELS[q]),
    colors: Object.fromEntries(QUADRANTS.map((q) => [QUADRANT_LABELS[q], QUADRANT_COLORS[q]])),
    title: options.title ?? "Bedarf und Angebot: Quadranten",
    label: "Quadrant",
    missingLabel: "nicht verglichen (ausgeschlossen)",
  });
}
