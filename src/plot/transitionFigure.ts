import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { ClassTransitionTable } from "../typology/classTransitions.js";
import type { Figure } from "./figure.js";
import { baseConfig, baseLayout, noteAnnotation, notesMargin } from "./layout.js";
import { resolveClassColors } from "./palette.js";
import { FIGURE_NUMBER } from "./rows.js";

/** Options of {@link transitionFigure}. */
export interface TransitionFigureOptions {
  /** German title (default "Übergänge zwischen den Erhebungen"). */
  title?: string;
  /** Colour per class (default: the ordered blue → red ramp along the classes, as in the class maps). */
  colors?: Record<string, string>;
  /** false: categorical colours (e.g. Sozialraumtypen, which have no order). Default true. */
  ordered?: boolean;
  /** Height in px (default 420). */
  height?: number;
}

/**
 * Sankey diagram of class transitions across consecutive surveys (the tables of `classTransitions`): one column of
 * nodes per survey year, one node per class with areas ("2018: auffällig"), links with the number of areas going
 * from a class in one year to a class in the next. Node colours follow the class order (blue = least need … red
 * = most), links take the colour of their source class, half transparent. Areas without a class in one of two
 * years are not in that link set; a note under the figure gives their number per pair of years.
 *
 * @example
 * const fig = transitionFigure(classTransitions(byYear, { classOrder: ["unauffällig", "auffällig", "stark auffällig"] }));
 * fig.data[0].type; // "sankey"
 */
export function transitionFigure(tables: readonly ClassTransitionTable[], options: TransitionFigureOptions = {}): Figure {
  const fn = "transitionFigure";
  if (!tables || tables.length === 0) throw new Error(`${fn}: keine Übergangstabellen (nötig sind mindestens zwei Erhebungsjahre)`);
  tables.forEach((t, i) => {
    if (i > 0 && String(tables[i - 1].to) !== String(t.from)) {
      throw new Error(`${fn}: Tabelle ${i + 1} beginnt mit ${String(t.from)}, Tabelle ${i} endet aber mit ${String(tables[i - 1].to)}: die Tabellen müssen aufeinander folgen`);
    }
  });
  const classes = [...new Set(tables.flatMap((t) => t.classes))];
  const colors = resolveClassColors(classes, options.colors ?? {}, options.ordered ?? true);
  const years = [tables[0].from, ...tables.map((t) => t.to)];
  // Areas per year and class: row sums of the outgoing table, column sums of the incoming one.
  const nodeIndex = new Map<string, number>();
  const labels: string[] = [];
  const nodeColors: string[] = [];
  const node = (t: number, c: string): number => {
    const key = `${t}\u0000${c}`;
    let i = nodeIndex.get(key);
    if (i === undefined) {
      i = labels.length;
      nodeIndex.set(key, i);
      labels.push(`${String(years[t])}: ${c}`);
      nodeColors.push(colors[c]);
    }
    return i;
  };
  const source: number[] = [];
  const target: number[] = [];
  const value: number[] = [];
  const linkColors: string[] = [];
  const hover: string[] = [];
  tables.forEach((tab, t) => {
    tab.classes.forEach((a, i) =>
      tab.classes.forEach((b, j) => {
        const n = tab.counts[i][j];
        if (n === 0) return;
        source.push(node(t, a));
        target.push(node(t + 1, b));
        value.push(n);
        linkColors.push(withAlpha(colors[a], 0.45));
        hover.push(`${String(tab.from)} ${a} → ${String(tab.to)} ${b}: ${formatGermanNumber(n, { ...FIGURE_NUMBER, decimals: 0 })} ${n === 1 ? "Sozialraum" : "Sozialräume"}`);
      }),
    );
  });
  const notes = tables.filter((t) => t.excluded.length > 0).map((t) => `${String(t.from)} → ${String(t.to)}: ${t.excluded.length} ohne Klasse in einem der beiden Jahre`);
  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? "Übergänge zwischen den Erhebungen", options.height ?? 420),
    margin: { l: 20, r: 20, t: 50, b: notes.length > 0 ? notesMargin(notes.length) : 20 },
  };
  if (notes.length > 0) layout.annotations = notes.map((text, i) => noteAnnotation(text, i));
  return {
    data: [
      {
        type: "sankey",
        // Plotly lays the nodes out in columns by the links: one column per survey year.
        arrangement: "snap",
        node: { label: labels, color: nodeColors, pad: 14, thickness: 16, hovertemplate: "%{label}: %{value} Sozialräume<extra></extra>" },
        link: { source, target, value, color: linkColors, customdata: hover, hovertemplate: "%{customdata}<extra></extra>" },
        valueformat: "d",
      },
    ],
    layout,
    config: baseConfig(),
  };
}

/** "#rrggbb" → "rgba(r, g, b, a)". */
function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${alpha})`;
}
