import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Figure } from "./figure.js";
import { barCategoryAxis, baseConfig, baseLayout, heightForRows, missingValuesNote, noteAnnotation, notesMargin } from "./layout.js";
import { MISSING_COLOR, resolveClassColors } from "./palette.js";
import { cellNumber, cellText, FIGURE_NUMBER, requireColumn, type PlotRow } from "./rows.js";
import type { TableLike } from "../table/tableLike.js";
import { plotRows } from "./plotRows.js";

/** Options of {@link rankingBarFigure}. */
export interface RankingBarOptions {
  /** Column with the area key (default "id"). */
  id?: string;
  /** Column with the display name (default: the id). */
  label?: string;
  /** Column with the index value the areas are ranked by. */
  value: string;
  /** Column with the class of each area (colours the bars; optional). */
  group?: string;
  /** Classes in order from least to most need (default: order of first appearance). */
  groupOrder?: string[];
  /** German legend title of the classes (default "Klasse"; e.g. "Statusklasse"). */
  groupTitle?: string;
  /** Colour per class (default: blue → red ramp along `groupOrder`). */
  colors?: Record<string, string>;
  /** Highest value first (default true: the areas with most need on top). */
  descending?: boolean;
  /** German figure title (default "Rangfolge der Sozialräume"). */
  title?: string;
  /** German axis title of the value (default "Indexwert"). */
  valueTitle?: string;
}

/**
 * Horizontal bar chart of areas sorted by an index, one bar per area, coloured by class (one trace per class so
 * the legend names the classes). Areas without a value are not drawn; the figure says how many in a note.
 * Ties keep the input order (stable sort).
 *
 * @example
 * const fig = rankingBarFigure(
 *   [{ id: "010101", name: "Alt-Wiesdorf", index: 1.4, klasse: "hoch" }, { id: "010102", name: "Rheindorf", index: -0.3, klasse: "niedrig" }],
 *   { id: "id", label: "name", value: "index", group: "klasse", groupOrder: ["niedrig", "hoch"] },
 * );
 * fig.layout.yaxis.ticktext; // ["Alt-Wiesdorf", "Rheindorf"]
 */
export function rankingBarFigure(table: TableLike | readonly PlotRow[], options: RankingBarOptions): Figure {
  const rows = plotRows(table);
  const idKey = options.id ?? "id";
  const fn = "rankingBarFigure";
  requireColumn(fn, rows, idKey);
  requireColumn(fn, rows, options.value);
  if (options.label) requireColumn(fn, rows, options.label);
  if (options.group) requireColumn(fn, rows, options.group);
  const descending = options.descending ?? true;

  const items = rows
    .map((row, i) => ({
      i,
      id: cellText(row, idKey),
      label: options.label ? cellText(row, options.label) || cellText(row, idKey) : cellText(row, idKey),
      value: cellNumber(row, options.value),
      group: options.group ? cellText(row, options.group) : "",
    }))
    .filter((d): d is typeof d & { value: number } => d.value !== null);
  const missingCount = rows.length - items.length;
  items.sort((a, b) => (descending ? b.value - a.value : a.value - b.value) || a.i - b.i);

  const groups = options.group ? orderGroups(items.map((d) => d.group), options.groupOrder) : [""];
  // Colours along the full class order (also classes absent here), so a class has the same colour in every figure.
  const colors = resolveClassColors(orderGroups([...(options.groupOrder ?? []), ...groups].filter((g) => g !== "")), options.colors ?? {});
  const valueTitle = options.valueTitle ?? "Indexwert";
  const data = groups.map((g) => {
    const members = items.filter((d) => d.group === g);
    return {
      type: "bar",
      orientation: "h",
      name: g === "" ? (options.group ? "ohne Klasse" : valueTitle) : g,
      y: members.map((d) => d.id),
      x: members.map((d) => d.value),
      customdata: members.map((d) => [d.label, formatGermanNumber(d.value, { ...FIGURE_NUMBER, decimals: 2 })]),
      hovertemplate: `<b>%{customdata[0]}</b> (%{y})<br>${valueTitle}: %{customdata[1]}<extra>%{fullData.name}</extra>`,
      marker: { color: g === "" ? (options.group ? MISSING_COLOR : "#4575b4") : colors[g] },
      showlegend: options.group !== undefined,
    };
  });

  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? "Rangfolge der Sozialräume", heightForRows(items.length)),
    barmode: "overlay",
    bargap: 0.15,
    xaxis: { title: { text: valueTitle }, zeroline: true, zerolinecolor: "#444", automargin: true },
    yaxis: barCategoryAxis(items),
    // Legend in the order of the bars: with the highest values on top, the class of most need comes first.
    legend: { title: { text: options.group ? (options.groupTitle ?? "Klasse") : "" }, traceorder: descending ? "reversed" : "normal" },
  };
  if (missingCount > 0) {
    layout.annotations = [noteAnnotation(missingValuesNote(missingCount))];
    layout.margin = { ...(layout.margin as object), b: notesMargin(1) };
  }
  return { data, layout, config: baseConfig() };
}

/** The groups present, in `order` first (only those present), then the rest by first appearance. */
export function orderGroups(present: readonly string[], order?: readonly string[]): string[] {
  const seen = new Set(present);
  const out: string[] = [];
  for (const g of order ?? []) if (seen.has(g) && !out.includes(g)) out.push(g);
  for (const g of present) if (!out.includes(g)) out.push(g);
  return out;
}

/** A small grey note under the plot area (moved to `layout.ts`; kept here for existing imports). */
export { noteAnnotation } from "./layout.js";
