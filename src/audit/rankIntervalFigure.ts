import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Figure } from "../plot/figure.js";
import { baseConfig, baseLayout } from "../plot/layout.js";
import type { SensitivitySummary } from "./sensitivity.js";

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
 * class changes in some variant are drawn in red. Rank 1 (most disadvantaged) is at the top.
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
  const xOf = (k: number) => (withNames ? name(items[k].id) : k + 1);
  const de = (x: number) => formatGermanNumber(Math.round(x * 10) / 10);
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
        return `${name(a.id)} (${a.id})<br>Medianrang ${de(a.medianRank!)}, 5–95 %: ${de(a.rankP05!)}–${de(a.rankP95!)}<br>Basis: Rang ${a.baselineRank ?? "–"}, ${a.baselineClass ?? "ohne Klasse"}<br>Klassenstabilität ${stab}`;
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
  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? "Rangintervalle je Gebiet", 520),
    xaxis: withNames
      ? { title: { text: "Gebiete, nach Medianrang sortiert" }, type: "category", categoryorder: "array", categoryarray: items.map((a) => name(a.id)), tickangle: -60, automargin: true }
      : { title: { text: "Gebiete, nach Medianrang sortiert (Position)" }, range: [0, n + 1], zeroline: false },
    yaxis: { title: { text: "Rang (1 = größte Benachteiligung)" }, autorange: "reversed", zeroline: false },
    legend: { orientation: "h", y: -0.25 },
    showlegend: true,
  };
  return { data, layout, config: baseConfig() };
}
