import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Figure } from "./figure.js";
import { baseConfig, baseLayout, noteAnnotation, notesMargin } from "./layout.js";
import { placeLabels } from "./placeLabels.js";
import { FIGURE_NUMBER } from "./rows.js";
import { choroplethFigure } from "./choropleth.js";
import { QUADRANTS, QUADRANT_LABELS, type CompareNeedSupplyResult, type Quadrant } from "../supply/compareNeedSupply.js";
import type { AreaFeatureCollection } from "../supply/geojson.js";

/** Quadrant colours: the gap quadrant red, high need with high supply orange, low need blue/green. */
export const QUADRANT_COLORS: Readonly<Record<Quadrant, string>> = {
  "high-need-low-supply": "#d73027",
  "high-need-high-supply": "#fdae61",
  "low-need-low-supply": "#abd9e9",
  "low-need-high-supply": "#4575b4",
};

/** Options of {@link quadrantFigure}. */
export interface QuadrantFigureOptions {
  /** Display names by area id (default: the ids). */
  names?: Readonly<Record<string, string>>;
  /** German title (default "Bedarf und Angebot"). */
  title?: string;
  /** Axis titles (default "Bedarf", "Angebot"). */
  needLabel?: string;
  supplyLabel?: string;
  /** Write names next to the points with the largest gaps (default true); every point names itself on hover. */
  showLabels?: boolean;
  /** How many areas of "hoher Bedarf, geringes Angebot" are labelled, largest gap first (default 10). */
  labelTop?: number;
}

/**
 * Quadrant scatter: need (x) against supply (y), one trace per quadrant (the gap quadrant "hoher Bedarf, geringes
 * Angebot" first and red), dashed lines at the need and supply levels, quadrant names in the corners (in bands
 * above and below the points, so they cover none). Only the `labelTop` largest gaps of the gap quadrant carry a
 * name (placed so that labels do not overlap, see `placeLabels`); the others show it on hover. Numbers in the
 * legend, notes and hover texts are rounded to their size (565, 28,0, −0,05).
 *
 * @example
 * quadrantFigure(compareNeedSupply(need, supply), { supplyLabel: "Plätze je 1.000 Kinder" });
 */
export function quadrantFigure(result: CompareNeedSupplyResult, options: QuadrantFigureOptions = {}): Figure {
  const used = result.rows.filter((r) => r.quadrant !== null && r.need !== null && r.supply !== null);
  const name = (id: string) => options.names?.[id] ?? id;
  const needLabel = options.needLabel ?? "Bedarf";
  const supplyLabel = options.supplyLabel ?? "Angebot";
  const data = QUADRANTS.map((q) => {
    const rows = used.filter((r) => r.quadrant === q);
    return {
      type: "scatter",
      mode: "markers",
      name: `${QUADRANT_LABELS[q]} (${rows.length})`,
      x: rows.map((r) => r.need),
      y: rows.map((r) => r.supply),
      text: rows.map((r) => name(r.id)),
      customdata: rows.map((r) => [r.id, r.rank ?? "–", r.gap === null ? "–" : formatGermanNumber(r.gap, { ...FIGURE_NUMBER, decimals: 2 }), rounded(r.need!), rounded(r.supply!)]),
      marker: { color: QUADRANT_COLORS[q], size: 9, line: { color: "#333333", width: 0.5 } },
      hovertemplate: `%{text} (%{customdata[0]})<br>${needLabel}: %{customdata[3]}<br>${supplyLabel}: %{customdata[4]}<br>Lücke (z): %{customdata[2]}, Rang %{customdata[1]}<extra></extra>`,
    };
  });

  // Ranges with a band around the points for their labels.
  const xs = used.map((r) => r.need!).concat(result.needLevel);
  const ys = used.map((r) => r.supply!).concat(result.supplyLevel, 0);
  const [xlo, xhi] = padded(Math.min(...xs), Math.max(...xs), 0.04, 0.04);
  const [ylo, yhi] = padded(Math.min(...ys), Math.max(...ys), 0.08, 0.08);
  const top = options.labelTop ?? 10;
  const labelled = options.showLabels === false ? [] : result.gaps.filter((r) => r.need !== null && r.supply !== null).slice(0, top);
  // The quadrant names are in the legend (with their counts), not in the corners: in a figure of a third of the
  // report's width, corner names on the left and the right overlapped.
  const labels = placeLabels(labelled.map((r) => ({ x: r.need!, y: r.supply!, text: name(r.id) })), {
    xRange: [xlo, xhi],
    yRange: [ylo, yhi],
    fontSize: 10,
  });

  const line = { color: "#555555", width: 1, dash: "dash" };
  // A given need level is a threshold on the need index (the report uses the "auffällig" threshold), not the
  // city's level; a given supply level is the city's rate.
  const needLevelText = result.needLevelSource === "median" ? "Median" : "Schwelle";
  const supplyLevelText = result.supplyLevelSource === "median" ? "Median" : "Niveau der Stadt";
  // Short lines: the figure is often a third of the report's width.
  const notes = [
    `Gestrichelte Linien: Bedarf ${rounded(result.needLevel)} (${needLevelText})`,
    `und Angebot ${rounded(result.supplyLevel)} (${supplyLevelText})`,
    ...(labelled.length > 0 ? [`Beschriftet: ${labelled.length === 1 ? "die größte Lücke" : `die ${labelled.length} größten Lücken`};`, "alle Namen beim Überfahren"] : []),
  ];
  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? "Bedarf und Angebot", 600),
    xaxis: { title: { text: needLabel }, zeroline: false, range: [xlo, xhi] },
    yaxis: { title: { text: supplyLabel }, zeroline: false, range: [ylo, yhi] },
    shapes: [
      { type: "line", xref: "x", yref: "paper", x0: result.needLevel, x1: result.needLevel, y0: 0, y1: 1, line },
      { type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: result.supplyLevel, y1: result.supplyLevel, line },
    ],
    annotations: [
      ...labels,
      ...notes.map((t, k) => noteAnnotation(t, k)),
    ],
    // Above the plot: on the right the legend would take a third of the width.
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1, yanchor: "bottom", yref: "paper" },
    margin: { l: 70, r: 20, t: 95, b: notesMargin(notes.length) },
  };
  return { data, layout, config: baseConfig() };
}

/** A number rounded to its size: no decimals from 100, one from 10, else two ("565", "28,0", "−0,05"). */
function rounded(x: number): string {
  const a = Math.abs(x);
  return formatGermanNumber(x, { ...FIGURE_NUMBER, decimals: a >= 100 ? 0 : a >= 10 ? 1 : 2 });
}

/** [lo, hi] widened by the given shares of its span (a span of 0 counts as 1). */
function padded(lo: number, hi: number, below: number, above: number): [number, number] {
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - below * span, hi + above * span];
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
 * ColorBrewer YlGnBu (9 classes) as a continuous scale from light (low) to dark (high). plotly's named "YlGnBu"
 * runs the other way (dark blue at the minimum), which drew little supply dark.
 */
export const SUPPLY_COLORSCALE: ReadonlyArray<readonly [number, string]> = [
  "#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58",
].map((c, i, all) => [i / (all.length - 1), c] as const);

/**
 * Map of a supply measure per area (e.g. places per 1 000 residents of the target group), built with the shared
 * `choroplethFigure` (offline, GeoJSON embedded): light yellow = little supply, dark blue = much
 * ({@link SUPPLY_COLORSCALE}); areas without a value grey.
 *
 * @example
 * supplyMapFigure(supplyRatios(facilities, population, { group: "children" }).rows, { geojson });
 */
export function supplyMapFigure(rows: ReadonlyArray<object>, options: SupplyMapOptions): Figure {
  const key = options.value ?? "placeRate";
  const label = options.valueLabel ?? "Plätze je 1.000 Einwohner der Zielgruppe";
  const named = (rows as ReadonlyArray<Record<string, unknown>>).map((r) => ({ ...r, id: String(r.id), name__: options.names?.[String(r.id)] ?? String(r.id) }));
  return choroplethFigure(options.geojson, named, {
    idProperty: options.idProperty ?? "sozialraum_id",
    id: "id",
    value: key,
    kind: "continuous",
    name: "name__",
    title: options.title ?? "Angebot je Sozialraum",
    label,
    colorscale: SUPPLY_COLORSCALE.map(([v, c]) => [v, c]),
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
  return choroplethFigure(options.geojson, rows, {
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
