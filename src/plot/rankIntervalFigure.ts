import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Figure } from "./figure.js";
import { baseConfig, baseLayout } from "./layout.js";
import type { SensitivitySummary } from "../audit/sensitivity.js";

/** Options of {@link rankIntervalFigure}. */
export interface RankIntervalFigureOptions {
  /** German area names by id (default: the ids). */
  labels?: Readonly<Record<string, string>>;
  /** German title (default "Rangintervalle je Gebiet"). */
  title?: string;
  /** Legend names of areas that keep / change their class (default "Klasse stabil", "Klasse methodenabhängig"). */
  stableLabel?: string;
  changingLabel?: string;
  /** Show the area names on the axis up to this many areas (default 60; beyond: positions, names on hover). */
  namesUpTo?: number;
}

/**
 * Per-area rank intervals, sorted by median rank: a dot at the median rank, a bar from the 5 % to the 95 %
 * quantile (R type 7) of the ranks over the variants or draws, an open circle at the baseline rank. Areas whose
 * class changes in some variant are drawn in red. Rank 1 (most disadvantaged) is at the top and the rank axis
 * starts at 1; the legend sits above the plot, every area name is shown under it (−45°, or −90° for more than 25).
 *
 * @example
 * const fig = rankIntervalFigure(runSensitivity({ variants, evaluate }).summary, { labels });
 * fig.data[0].error_y; // { type: "data", symmetric: false, array: [p95 − median …], arrayminus: [median − p05 …] }
 */
export function rankIntervalFigure(summary: SensitivitySummary, options: RankIntervalFigureOptions = {}): Figure {
  const labels = options.labels ?? {};
  const items = summary.areas
    .filter((a) => a.medianRank !== null)
    .map((a, i) => ({ a, i }))
    .sort((p, q) => p.a.medianRank! - q.a.medianRank! || (p.a.baselineRank ?? Infinity) - (q.a.baselineRank ?? Infinity) || p.i - q.i)
    .map((x) => x.a);
  const n = items.length;
  const withNames = n <= (options.namesUpTo ?? 60);
  const name = (id: string) => labels[id] ?? id;
  // Categories are the ids (two areas may share a name); the axis shows the names.
  const xOf = (k: number) => (withNames ? items[k].id : k + 1);
  const trace = (changing: boolean, legend: string, color: string): Record<string, unknown> => {
    const ks = items.map((_, k) => k).filter((k) => items[k].dependsOnMethod === changing);
    return {
      type: "scatter",
      mode: "markers",
      name: legend,
      x: ks.map(xOf),
      y: ks.map((k) => items[k].medianRank),
      marker: { color, size: withNames ? 8 : 5 },
      error_y: {
        type: "data",
        symmetric: false,
        array: ks.map((k) => items[k].rankP95! - items[k].medianRank!),
        arrayminus: ks.map((k) => items[k].medianRank! - items[k].rankP05!),
        color,
        thickness: 1.5,
        width: withNames ? 3 : 0,
      },
      text: ks.map((k) => {
        const a = items[k];
        const stab = a.classStability === null ? "–" : `${Math.round(a.classStability * 100)} %`;
        return `${name(a.id)} (${a.id})<br>Medianrang ${formatGermanNumber(a.medianRank!, { maxDecimals: 1 })}, 5–95 %: ${formatGermanNumber(a.rankP05!, { maxDecimals: 1 })}–${formatGermanNumber(a.rankP95!, { maxDecimals: 1 })}<br>Basis: Rang ${a.baselineRank ?? "–"}, ${a.baselineClass ?? "ohne Klasse"}<br>Klassenstabilität ${stab}`;
      }),
      hovertemplate: "%{text}<extra></extra>",
    };
  };
  const base = items.map((a, k) => ({ a, k })).filter((x) => x.a.baselineRank !== null);
  const data = [
    trace(false, options.stableLabel ?? "Klasse stabil", "#4575b4"),
    trace(true, options.changingLabel ?? "Klasse methodenabhängig", "#d73027"),
    {
      type: "scatter",
      mode: "markers",
      name: "Rang der Basis",
      x: base.map((x) => xOf(x.k)),
      y: base.map((x) => x.a.baselineRank),
      marker: { symbol: "circle-open", color: "#333333", size: withNames ? 9 : 5 },
      hoverinfo: "skip",
    },
  ];
  // Rank 1 at the top, the axis starting at rank 1 (not 0): an explicit reversed range with ticks at 1 and at
  // round steps.
  let top = 1;
  for (const a of items) top = Math.max(top, a.rankP95 ?? 1, a.medianRank ?? 1, a.baselineRank ?? 1);
  const pad = Math.max(0.5, 0.03 * (top - 1));
  const step = niceStep(top / 10);
  const tickvals = [1];
  for (let t = step; t <= top; t += step) if (t - 1 >= step / 2) tickvals.push(t);
  // Names: every name shown; steep (−90°) when they would otherwise overlap, −45° for few areas. At −45° the
  // first names reach left beyond the plot, so the left margin grows with them.
  const steep = n > 25;
  const fontSize = n > 40 ? 10 : 11;
  let left = 70;
  if (withNames && !steep) {
    const spacing = 800 / Math.max(n, 1);
    items.forEach((a, k) => (left = Math.max(left, Math.round(name(a.id).length * fontSize * 0.58 * Math.SQRT1_2 - k * spacing + 16))));
    left = Math.min(left, 260);
  }
  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? "Rangintervalle je Gebiet", withNames ? 600 : 520),
    xaxis: withNames
      ? {
          // standoff: without it the title is drawn over the long rotated names.
          title: { text: "Gebiete, nach Medianrang sortiert", standoff: 12 },
          type: "category",
          categoryorder: "array",
          categoryarray: items.map((a) => a.id),
          tickmode: "array",
          tickvals: items.map((a) => a.id),
          ticktext: items.map((a) => name(a.id)),
          tickangle: steep ? -90 : -45,
          tickfont: { size: fontSize },
          automargin: true,
        }
      : { title: { text: "Gebiete, nach Medianrang sortiert (Position)" }, range: [0, n + 1], zeroline: false },
    yaxis: {
      title: { text: "Rang (1 = größte Benachteiligung)" },
      range: [top + pad, 1 - pad],
      autorange: false,
      tickmode: "array",
      tickvals,
      ticktext: tickvals.map((t) => formatGermanNumber(t)),
      zeroline: false,
    },
    // Above the plot: below it, the legend would cover the rotated area names.
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1, yanchor: "bottom", yref: "paper" },
    margin: { l: left, r: 20, t: 80, b: 50 },
    showlegend: true,
  };
  return { data, layout, config: baseConfig() };
}

/** The smallest of 1, 2, 5, 10, 20, 50 … that is at least `x` (a round tick step). */
function niceStep(x: number): number {
  if (!(x > 1)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
