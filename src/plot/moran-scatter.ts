import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { crossProduct, deviations, prepareWeights, valuesFor, weightsConstants, type WeightsTransformOption } from "../spatial/prepare.js";
import type { SpatialWeights } from "../spatial/spatialWeights.js";
import { LISA_COLORS, LISA_LABELS } from "./choropleth.js";
import type { Figure } from "./figure.js";
import { baseConfig, baseLayout } from "./layout.js";
import { FIGURE_NUMBER } from "./rows.js";

/** Options of {@link moranScatterFigure}. */
export interface MoranScatterOptions {
  /** Name of the variable for title and axes (German, e.g. "Kinderarmut"). */
  label?: string;
  /** Title (default "Moran-Streudiagramm: <label>"). */
  title?: string;
  /** Display names for the hover text, in the order of `weights.ids` (default: the ids). */
  names?: readonly string[];
  /** Weights transformation (default "R": the lag is the mean of the neighbours and the slope is Moran's I). */
  transform?: WeightsTransformOption;
}


/**
 * Moran scatter plot (Anselin 1996): the standardised value z_i = (x_i − mean)/sd (sd with denominator n) on
 * the x axis against its spatial lag Σ_j w_ij z_j on the y axis, the points coloured by quadrant (HH, LL, HL,
 * LH; colours and German legend labels of the LISA map, the code in each trace's `meta`; islands — areas
 * without neighbours, lag 0 — in their own trace "ohne Nachbarn", as `localMoran` and the LISA map have them),
 * with the least-squares line. Its slope is Σ z_i·lag_i / Σ z_i² = Moran's I · S0/n, which is exactly
 * Moran's I for row-standardised weights without islands (the default transform). Values follow `weights.ids`.
 *
 * @example
 * const fig = moranScatterFigure(kinderarmut, weights, { label: "Kinderarmut" });
 * fig.layout.title; // { text: "Moran-Streudiagramm: Kinderarmut (I = 0,49)", … }
 */
export function moranScatterFigure(values: ArrayLike<number>, weights: SpatialWeights, options: MoranScatterOptions = {}): Figure {
  const fn = "moranScatterFigure";
  const w = prepareWeights(fn, weights, options.transform ?? "R");
  const x = valuesFor(fn, values, w);
  const n = w.n;
  if (options.names && options.names.length !== n) {
    throw new Error(`${fn}: ${options.names.length} Namen für ${n} Gebiete (names muss der Reihenfolge von weights.ids folgen)`);
  }
  const dev = deviations(x);
  let m2 = 0;
  for (let i = 0; i < n; i++) m2 += dev[i] * dev[i];
  if (!(m2 > 0)) throw new Error(`${fn}: alle ${n} Werte sind gleich (${x[0]})`);
  const sd = Math.sqrt(m2 / n);
  const z = dev.map((v) => v / sd);
  const lag = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let p = w.offsets[i]; p < w.offsets[i + 1]; p++) lag[i] += w.values[p] * z[w.indices[p]];
  const slope = crossProduct(w, z, z) / (m2 / sd / sd);
  let meanLag = 0;
  for (let i = 0; i < n; i++) meanLag += lag[i];
  meanLag /= n;
  const { s0 } = weightsConstants(w);
  const I = (slope * n) / s0;
  const label = options.label ?? "Wert";
  const names = options.names ? [...options.names] : w.ids;

  const data: Array<Record<string, unknown>> = [];
  // An island (no neighbours) has lag 0 and no quadrant (as in localMoran): its own trace "ohne Nachbarn", the
  // colour of the LISA map, not HL/LL.
  const group = (i: number) =>
    w.offsets[i + 1] === w.offsets[i] ? "ohne Nachbarn" : z[i] > 0 ? (lag[i] > 0 ? "HH" : "HL") : lag[i] > 0 ? "LH" : "LL";
  for (const q of ["HH", "LL", "HL", "LH", "ohne Nachbarn"] as const) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (group(i) === q) idx.push(i);
    if (idx.length === 0) continue;
    data.push({
      type: "scatter",
      mode: "markers",
      name: LISA_LABELS[q],
      meta: q,
      x: idx.map((i) => z[i]),
      y: idx.map((i) => lag[i]),
      customdata: idx.map((i) => [w.ids[i], names[i]]),
      marker: { color: LISA_COLORS[q], size: 8, line: { color: "#333333", width: 0.5 } },
      hovertemplate: "%{customdata[1]} (%{customdata[0]})<br>Wert (z): %{x:.2f}<br>Nachbarn (Lag): %{y:.2f}<extra>" + LISA_LABELS[q].split(" (")[0] + "</extra>",
    });
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, z[i]);
    hi = Math.max(hi, z[i]);
  }
  data.push({
    type: "scatter",
    mode: "lines",
    name: `Regressionsgerade (Steigung ${formatGermanNumber(slope, { ...FIGURE_NUMBER, decimals: 3 })})`,
    x: [lo, hi],
    y: [meanLag + slope * lo, meanLag + slope * hi],
    line: { color: "#333333", width: 2 },
    hoverinfo: "skip",
  });
  const corner = (text: string, xa: number, ya: number) => ({
    text,
    xref: "paper",
    yref: "paper",
    x: xa,
    y: ya,
    xanchor: xa > 0.5 ? "right" : "left",
    yanchor: ya > 0.5 ? "top" : "bottom",
    showarrow: false,
    font: { size: 12, color: "#555555" },
  });
  const title = options.title ?? `Moran-Streudiagramm: ${label} (I = ${formatGermanNumber(I, { ...FIGURE_NUMBER, decimals: 2 })})`;
  const layout: Record<string, unknown> = {
    ...baseLayout(title, 520),
    xaxis: { title: { text: `${label} (standardisiert)` }, zeroline: true, zerolinecolor: "#999999" },
    yaxis: { title: { text: "räumlicher Lag: Nachbarn (standardisiert)" }, zeroline: true, zerolinecolor: "#999999" },
    // Above the plot: on the right, the German labels would take a third of the width.
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1, yanchor: "bottom", yref: "paper", entrywidthmode: "fraction", entrywidth: 0.5, font: { size: 11 } },
    margin: { l: 60, r: 20, t: 115, b: 50 },
    annotations: [
      corner("Hoch–Hoch", 0.99, 0.99),
      corner("Niedrig–Hoch", 0.01, 0.99),
      corner("Niedrig–Niedrig", 0.01, 0.01),
      corner("Hoch–Niedrig", 0.99, 0.01),
    ],
  };
  return { data, layout, config: baseConfig() };
}
