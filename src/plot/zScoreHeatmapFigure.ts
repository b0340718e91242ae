import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Figure } from "./figure.js";
import { baseConfig, baseLayout, heightForRows, noteAnnotation } from "./layout.js";
import { cellNumber, cellText, FIGURE_NUMBER, requireColumn, type PlotRow } from "./rows.js";
import type { TableLike } from "../table/tableLike.js";
import { plotRows } from "./plotRows.js";

/** An indicator column of the heatmap. */
export interface HeatmapIndicator {
  /** Column with the z-score. */
  key: string;
  /** German column label. */
  label: string;
}

/** Options of {@link zScoreHeatmapFigure}. */
export interface ZScoreHeatmapOptions {
  /** Column with the area key (default "id"). */
  id?: string;
  /** Column with the display name (default: the id). */
  label?: string;
  /** The indicator columns, left to right. */
  indicators: HeatmapIndicator[];
  /**
   * Positive thresholds in ascending order (1 to 4 values, default [1]); the colour changes exactly at ±each
   * threshold, so "auffällig" cells stand out. z is assumed oriented so that positive means unfavourable.
   */
  thresholds?: number[];
  /** Names of the threshold bands from the lowest threshold up (default "auffällig", "stark auffällig", …). */
  thresholdLabels?: string[];
  /** German title (default "z-Werte der Indikatoren"). */
  title?: string;
  /** Write the z-value into every cell (default true). */
  showValues?: boolean;
  /**
   * Decimals of the z-values in the cells and hover texts (default 2: with 1 decimal, 0.98 and 1.04 would both
   * read "1,0" though only one exceeds the threshold 1).
   */
  decimals?: number;
  /** Note under the heatmap when some cells have no z-value (default "grau: kein z-Wert (Wert fehlt oder Gebiet ausgeschlossen)"). */
  missingLabel?: string;
}

// ColorBrewer RdBu picks per number of thresholds: bands from the first threshold outward.
const REDS: Record<number, string[]> = {
  1: ["#ef8a62"],
  2: ["#f4a582", "#b2182b"],
  3: ["#f4a582", "#d6604d", "#67001f"],
  4: ["#fddbc7", "#f4a582", "#d6604d", "#b2182b"],
};
const BLUES: Record<number, string[]> = {
  1: ["#67a9cf"],
  2: ["#92c5de", "#2166ac"],
  3: ["#92c5de", "#4393c3", "#053061"],
  4: ["#d1e5f0", "#92c5de", "#4393c3", "#2166ac"],
};
const NEUTRAL = "#f7f7f7";
const DEFAULT_BAND_LABELS = ["auffällig", "stark auffällig", "sehr stark auffällig", "extrem auffällig"];

/**
 * Heatmap of z-scores, areas (rows, in input order from top) × indicators (columns), with a diverging colour
 * scale centred at 0 whose colour steps sit exactly on ±thresholds: |z| below the first threshold is neutral
 * grey-white, each band beyond a threshold gets a stronger red (positive) or blue (negative). The colour bar
 * marks the thresholds. Missing z-values are grey and empty.
 *
 * The scale is symmetric: zmin = −zmax with zmax = max(|z|, last threshold + 0.5), so 0 is always the midpoint.
 *
 * @example
 * const fig = zScoreHeatmapFigure(
 *   [{ id: "010101", z_sgb2: 1.8, z_alo: 0.4 }],
 *   { indicators: [{ key: "z_sgb2", label: "SGB-II-Quote" }, { key: "z_alo", label: "Arbeitslosenquote" }], thresholds: [1, 1.5] },
 * );
 * fig.data[0].z; // [[1.8, 0.4]]
 */
export function zScoreHeatmapFigure(table: TableLike | readonly PlotRow[], options: ZScoreHeatmapOptions): Figure {
  const rows = plotRows(table);
  const fn = "zScoreHeatmapFigure";
  const idKey = options.id ?? "id";
  const thresholds = options.thresholds ?? [1];
  if (thresholds.length < 1 || thresholds.length > 4) {
    throw new Error(`${fn}: thresholds muss 1 bis 4 Werte haben, angegeben sind ${thresholds.length}`);
  }
  thresholds.forEach((t, i) => {
    if (!(Number.isFinite(t) && t > 0) || (i > 0 && t <= thresholds[i - 1])) {
      throw new Error(`${fn}: thresholds müssen positiv und aufsteigend sein, angegeben ist [${thresholds.join(", ")}]`);
    }
  });
  if (options.indicators.length === 0) throw new Error(`${fn}: keine Indikatoren angegeben (Option indicators ist leer)`);
  requireColumn(fn, rows, idKey);
  for (const ind of options.indicators) requireColumn(fn, rows, ind.key);

  const ids = rows.map((r) => cellText(r, idKey));
  const labels = rows.map((r) => (options.label ? cellText(r, options.label) || cellText(r, idKey) : cellText(r, idKey)));
  const z = rows.map((r) => options.indicators.map((ind) => cellNumber(r, ind.key)));
  const decimals = options.decimals ?? 2;
  const text = z.map((row) => row.map((v) => (v === null ? "" : formatGermanNumber(v, { ...FIGURE_NUMBER, decimals }))));
  const anyMissing = z.some((row) => row.some((v) => v === null));
  let maxAbs = 0;
  for (const row of z) for (const v of row) if (v !== null) maxAbs = Math.max(maxAbs, Math.abs(v));
  const zmax = Math.max(maxAbs, thresholds[thresholds.length - 1] + 0.5);
  const bandLabels = options.thresholdLabels ?? DEFAULT_BAND_LABELS;

  const trace: Record<string, unknown> = {
    type: "heatmap",
    z,
    x: options.indicators.map((d) => d.label),
    y: ids,
    text,
    customdata: labels.map((l) => options.indicators.map(() => l)),
    hovertemplate: "<b>%{customdata}</b> (%{y})<br>%{x}: z = %{text}<extra></extra>",
    zmin: -zmax,
    zmax,
    zmid: 0,
    colorscale: steppedColorscale(thresholds, zmax),
    xgap: 1,
    ygap: 1,
    hoverongaps: false,
    colorbar: {
      title: { text: "z-Wert" },
      tickmode: "array",
      tickvals: [...thresholds.map((t) => -t).reverse(), 0, ...thresholds],
      ticktext: [
        ...thresholds.map((t) => formatGermanNumber(-t, { ...FIGURE_NUMBER, decimals: 1 })).reverse(),
        "0",
        ...thresholds.map((t, i) => `+${formatGermanNumber(t, { ...FIGURE_NUMBER, decimals: 1 })} ${bandLabels[i] ?? ""}`.trim()),
      ],
    },
  };
  if (options.showValues ?? true) {
    trace.texttemplate = "%{text}";
    trace.textfont = { size: rows.length > 60 ? 8 : 10 };
  }
  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? "z-Werte der Indikatoren", heightForRows(rows.length, 14, 220)),
    // Grey behind the gaps: a missing cell shows grey, distinct from the neutral band.
    plot_bgcolor: "#bdbdbd",
    xaxis: { side: "top", tickangle: -40, automargin: true },
    yaxis: { type: "category", tickvals: ids, ticktext: labels, autorange: "reversed", automargin: true, ticklabelstandoff: 4 },
    margin: { l: 60, r: 20, t: 140, b: 30 },
  };
  if (anyMissing) {
    // No x-axis title at the bottom: the note sits right under the cells.
    layout.annotations = [{ ...noteAnnotation(options.missingLabel ?? "grau: kein z-Wert (Wert fehlt oder Gebiet ausgeschlossen)"), yshift: -8 }];
    layout.margin = { l: 60, r: 20, t: 140, b: 40 };
  }
  return { data: [trace], layout, config: baseConfig() };
}

/**
 * A plotly colorscale over [−zmax, zmax] with hard steps at ±thresholds (repeated stops make the steps sharp).
 */
export function steppedColorscale(thresholds: readonly number[], zmax: number): Array<[number, string]> {
  const k = thresholds.length;
  const pos = (v: number) => Math.min(1, Math.max(0, (v + zmax) / (2 * zmax)));
  // Band edges from −zmax to +zmax and the colour of each band.
  const edges = [-zmax, ...thresholds.map((t) => -t).reverse(), ...thresholds, zmax];
  const colors = [...BLUES[k].slice().reverse(), NEUTRAL, ...REDS[k]];
  const scale: Array<[number, string]> = [];
  for (let b = 0; b < colors.length; b++) {
    scale.push([pos(edges[b]), colors[b]], [pos(edges[b + 1]), colors[b]]);
  }
  scale[0][0] = 0;
  scale[scale.length - 1][0] = 1;
  return scale;
}
